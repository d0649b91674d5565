//! Input discovery, ordering, output mirroring and sharding.

mod batch_support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use batch_support::write;
use tarjama::batch::jobs::{glob_set, output_path, plan, Shard};
use tarjama::batch::BatchError;

fn relatives(inputs: &[PathBuf], globs: &[&str], outdir: &Path) -> Vec<String> {
    let globs: Vec<String> = globs.iter().map(|s| s.to_string()).collect();
    plan(inputs, &glob_set(&globs).unwrap(), outdir, None)
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.relative)
        .collect()
}

#[test]
fn discovers_recursively_in_sorted_order_and_skips_the_output_dir() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for rel in [
        "b.txt",
        "a.txt",
        "sub/c.txt",
        "sub/d.md",
        "sub/deeper/e.txt",
        "out/old.txt",
    ] {
        write(&root, rel, "x");
    }
    let outdir = root.join("out");
    assert_eq!(
        relatives(std::slice::from_ref(&root), &[], &outdir),
        ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/e.txt"]
    );
    assert_eq!(
        relatives(std::slice::from_ref(&root), &["*.md"], &outdir),
        ["sub/d.md"]
    );
    assert_eq!(
        relatives(std::slice::from_ref(&root), &["sub/*", "a.*"], &outdir),
        ["a.txt", "sub/c.txt", "sub/d.md", "sub/deeper/e.txt"]
    );
    // A file named on the command line is taken whatever the glob says.
    assert_eq!(
        relatives(&[root.join("sub/d.md")], &[], &dir.path().join("o")),
        ["d.md"]
    );
}

#[test]
fn outputs_mirror_the_input_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "news/2024/page.v2.txt", "x");
    let outdir = dir.path().join("out");
    let plan = plan(&[root], &glob_set(&[]).unwrap(), &outdir, None).unwrap();
    let file = &plan.files[0];
    assert_eq!(file.relative, "news/2024/page.v2.txt");
    assert_eq!(file.output_stem, outdir.join("news/2024/page.v2"));
    assert_eq!(
        output_path(&file.output_stem, "html"),
        outdir.join("news/2024/page.v2.html")
    );
}

#[test]
fn usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write(&root, "a.txt", "x");
    write(&root, "a.md", "x");
    let out = dir.path().join("out");
    // Two inputs that would write the same outputs.
    let globs = glob_set(&["*.txt".into(), "*.md".into()]).unwrap();
    let err = plan(std::slice::from_ref(&root), &globs, &out, None).unwrap_err();
    assert!(
        matches!(err, BatchError::Usage(ref m) if m.contains("same outputs")),
        "{err}"
    );
    // A missing input.
    let err = plan(&[dir.path().join("nope")], &globs, &out, None).unwrap_err();
    assert!(matches!(err, BatchError::Usage(_)));
    assert_eq!(err.exit_code(), 2);
    // A bad pattern.
    assert!(glob_set(&["a[".into()]).is_err());
}

#[cfg(unix)]
#[test]
fn links_to_files_are_taken_links_to_directories_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    let target = write(dir.path(), "elsewhere/t.txt", "x");
    write(dir.path(), "elsewhere/u.txt", "x");
    write(&root, "a.txt", "x");
    std::os::unix::fs::symlink(&target, root.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("linkdir")).unwrap();
    // A loop would hang or fail a walker that follows directory links.
    std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
    assert_eq!(
        relatives(&[root], &[], &dir.path().join("out")),
        ["a.txt", "link.txt"]
    );
}

#[test]
fn shards_partition_the_files_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..57 {
        write(&root, &format!("d{}/f{i:03}.txt", i % 5), "x");
    }
    let out = dir.path().join("out");
    let globs = glob_set(&[]).unwrap();
    let all: BTreeSet<String> = plan(std::slice::from_ref(&root), &globs, &out, None)
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.relative)
        .collect();
    assert_eq!(all.len(), 57);
    for n in 1..=7u32 {
        let mut union = BTreeSet::new();
        let mut sizes = Vec::new();
        for k in 1..=n {
            let shard = Shard { index: k, count: n };
            let part = plan(std::slice::from_ref(&root), &globs, &out, Some(shard)).unwrap();
            assert_eq!(part.total_before_shard, 57);
            sizes.push(part.files.len());
            for f in part.files {
                assert!(
                    union.insert(f.relative.clone()),
                    "{} in two shards of {n}",
                    f.relative
                );
            }
        }
        assert_eq!(union, all, "shards of {n} miss files");
        assert_eq!(sizes.iter().sum::<usize>(), 57);
    }
    // A file's shard depends only on its own relative path: adding files moves nothing.
    let shard = Shard { index: 2, count: 3 };
    let before: Vec<String> = plan(std::slice::from_ref(&root), &globs, &out, Some(shard))
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.relative)
        .collect();
    write(&root, "new/extra1.txt", "x");
    write(&root, "new/extra2.txt", "x");
    let after: Vec<String> = plan(&[root], &globs, &out, Some(shard))
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.relative)
        .filter(|r| !r.starts_with("new/"))
        .collect();
    assert_eq!(before, after);
}
