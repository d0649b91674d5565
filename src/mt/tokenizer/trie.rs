//! A byte trie over piece strings, flattened into two arrays for fast prefix walks.

use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy)]
struct Node {
    /// First child edge in `edges`.
    first_edge: u32,
    /// Number of child edges (at most 256).
    edge_count: u16,
    /// The id stored at this node, if a key ends here.
    value: Option<u32>,
}

/// Maps byte strings to ids; walks every key that is a prefix of an input.
#[derive(Debug, Clone)]
pub struct PieceTrie {
    nodes: Vec<Node>,
    /// `(byte, child node)`, sorted by byte within each node's run.
    edges: Vec<(u8, u32)>,
}

impl PieceTrie {
    /// Builds the trie. When a key repeats, the last id wins.
    pub fn new<'a>(keys: impl IntoIterator<Item = (&'a [u8], u32)>) -> Self {
        // Build with ordered maps, then lay the nodes out breadth-first.
        let mut children: Vec<BTreeMap<u8, usize>> = vec![BTreeMap::new()];
        let mut values: Vec<Option<u32>> = vec![None];
        for (key, id) in keys {
            let mut node = 0;
            for &byte in key {
                node = match children[node].get(&byte) {
                    Some(&child) => child,
                    None => {
                        children.push(BTreeMap::new());
                        values.push(None);
                        let child = children.len() - 1;
                        children[node].insert(byte, child);
                        child
                    }
                };
            }
            values[node] = Some(id);
        }
        let mut order = vec![0usize];
        let mut new_index = vec![0u32; children.len()];
        let mut i = 0;
        while i < order.len() {
            let node = order[i];
            new_index[node] = i as u32;
            order.extend(children[node].values().copied());
            i += 1;
        }
        let mut nodes = Vec::with_capacity(order.len());
        let mut edges = Vec::with_capacity(order.len().saturating_sub(1));
        for &old in &order {
            nodes.push(Node {
                first_edge: edges.len() as u32,
                edge_count: children[old].len() as u16,
                value: values[old],
            });
            edges.extend(children[old].iter().map(|(&b, &c)| (b, c as u32)));
        }
        for edge in &mut edges {
            edge.1 = new_index[edge.1 as usize];
        }
        Self { nodes, edges }
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let n = self.nodes[node as usize];
        let start = n.first_edge as usize;
        let run = &self.edges[start..start + usize::from(n.edge_count)];
        run.binary_search_by_key(&byte, |e| e.0)
            .ok()
            .map(|i| run[i].1)
    }

    /// Calls `found(length, id)` for every key that is a prefix of `input`, shortest first.
    #[inline]
    pub fn for_each_prefix(&self, input: &[u8], mut found: impl FnMut(usize, u32)) {
        let mut node = 0u32;
        for (i, &byte) in input.iter().enumerate() {
            match self.child(node, byte) {
                Some(next) => node = next,
                None => return,
            }
            if let Some(id) = self.nodes[node as usize].value {
                found(i + 1, id);
            }
        }
    }

    /// The length and id of the longest key that is a prefix of `input`.
    pub fn longest_prefix(&self, input: &[u8]) -> Option<(usize, u32)> {
        let mut best = None;
        self.for_each_prefix(input, |len, id| best = Some((len, id)));
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_prefixes_in_order() {
        let keys: [(&[u8], u32); 4] = [(b"a", 1), (b"abc", 2), (b"ab", 3), (b"b", 4)];
        let trie = PieceTrie::new(keys);
        let mut seen = Vec::new();
        trie.for_each_prefix(b"abcd", |len, id| seen.push((len, id)));
        assert_eq!(seen, vec![(1, 1), (2, 3), (3, 2)]);
        assert_eq!(trie.longest_prefix(b"abx"), Some((2, 3)));
        assert_eq!(trie.longest_prefix(b"ba"), Some((1, 4)));
        assert_eq!(trie.longest_prefix(b"c"), None);
        assert_eq!(
            PieceTrie::new(std::iter::empty()).longest_prefix(b"a"),
            None
        );
    }
}
