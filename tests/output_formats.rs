//! Every output format, parsed back: ids in = ids out, escaping, structure.

mod output_fixture;

use std::collections::HashSet;

use output_fixture::{document, expected_sentence_ids, HOSTILE};
use roxmltree::{Document as Xml, Node};
use tarjama::doc::Document;
use tarjama::output::{render, write_outputs, Format, OutputError, Target};

fn rendered(doc: &Document, format: Format) -> String {
    let files = render(doc, format);
    assert_eq!(files.len(), 1);
    String::from_utf8(files[0].bytes.clone()).unwrap()
}

/// The hostile sentence as one-line outputs must show it: controls dropped, tab → space.
fn hostile_one_line() -> String {
    HOSTILE.replace('\u{1}', "").replace('\t', " ")
}

#[test]
fn format_names_parse() {
    let all = Format::parse_list("text,html,md,jsonl,tsv,tmx,xliff,parallel").unwrap();
    assert_eq!(all, Format::ALL);
    assert_eq!(
        Format::parse_list("tmx, TMX ,md").unwrap(),
        [Format::Tmx, Format::Md]
    );
    assert_eq!("xlf".parse::<Format>().unwrap(), Format::Xliff);
    assert!(matches!(
        "docx".parse::<Format>(),
        Err(OutputError::UnknownFormat { name }) if name == "docx"
    ));
    assert!(matches!(
        Format::parse_list(" , "),
        Err(OutputError::NoFormat)
    ));
}

#[test]
fn outputs_are_byte_identical_between_runs() {
    for format in Format::ALL {
        assert_eq!(
            render(&document(), format),
            render(&document(), format),
            "{format}"
        );
    }
}

#[test]
fn jsonl_records_parse_and_keep_every_id() {
    let doc = document();
    let text = rendered(&doc, Format::Jsonl);
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 10 + 4);
    let sentences: Vec<&serde_json::Value> =
        records.iter().filter(|r| r["type"] == "sentence").collect();
    let ids: Vec<&str> = sentences
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected_sentence_ids());
    for r in &sentences {
        let id = format!("p{}.s{}", r["paragraph"], r["sentence"]);
        assert_eq!(r["id"], id.as_str());
    }
    let failed = sentences.iter().find(|r| r["id"] == "p6.s2").unwrap();
    assert!(failed["en"].is_null() && failed["score"].is_null());
    assert_eq!(
        failed["flags"],
        serde_json::json!(["untranslated: model error: out of memory"])
    );
    let hostile = sentences.iter().find(|r| r["id"] == "p5.s1").unwrap();
    assert_eq!(
        hostile["ar"], HOSTILE,
        "JSON keeps the original text exactly"
    );
    assert_eq!(hostile["flags"], serde_json::json!(["sub-split"]));
    assert!(hostile["score"].as_f64().unwrap() < 0.0);
    let boiler = sentences.iter().find(|r| r["id"] == "p7.s1").unwrap();
    assert_eq!(boiler["boilerplate"], true);

    let quotes: Vec<&serde_json::Value> = records.iter().filter(|r| r["type"] == "quote").collect();
    let qids: Vec<&str> = quotes.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(qids, ["q1", "q2", "q3", "q4"]);
    let q3 = quotes[2];
    assert_eq!(q3["sentences"], serde_json::json!([[3, 1], [3, 2]]));
    assert_eq!(q3["speaker"], "الوزير");
    assert_eq!(q3["paragraph"], 3);
    assert_eq!(
        q3["en"],
        "We will not retreat. We will continue working with the allies"
    );
    assert_eq!(q3["en_in_sentences"][1]["sentence"], "p3.s2");
    assert!(quotes[3]["en"].is_null());
}

/// Undoes the TSV escaping documented in `output::tsv`.
fn tsv_unescape(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('\\') => out.push('\\'),
                other => panic!("bad escape {other:?} in {field:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn tsv_has_one_line_of_five_fields_per_sentence() {
    let doc = document();
    let text = rendered(&doc, Format::Tsv);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id\tar\ten\tscore\tflags");
    assert_eq!(lines.len(), 1 + 10);
    let mut ids = Vec::new();
    for line in &lines[1..] {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 5, "{line:?}");
        ids.push(fields[0]);
        let (_, s) = doc.sentences().find(|(_, s)| s.id == fields[0]).unwrap();
        assert_eq!(tsv_unescape(fields[1]), s.text.replace('\u{1}', ""));
        assert_eq!(
            tsv_unescape(fields[2]),
            s.translation.clone().unwrap_or_default()
        );
    }
    assert_eq!(ids, expected_sentence_ids());
    let failed = lines.iter().find(|l| l.starts_with("p6.s2\t")).unwrap();
    assert!(failed.ends_with("\t\t\tuntranslated: model error: out of memory"));
    let hostile = lines.iter().find(|l| l.starts_with("p5.s1\t")).unwrap();
    assert!(hostile.contains("من أجل\\tاستعادة"));
}

#[test]
fn parallel_files_are_line_aligned() {
    let doc = document();
    let files = render(&doc, Format::Parallel);
    let exts: Vec<&str> = files.iter().map(|f| f.extension).collect();
    assert_eq!(exts, ["ar", "en"]);
    let ar = String::from_utf8(files[0].bytes.clone()).unwrap();
    let en = String::from_utf8(files[1].bytes.clone()).unwrap();
    let ar: Vec<&str> = ar.split_terminator('\n').collect();
    let en: Vec<&str> = en.split_terminator('\n').collect();
    assert_eq!(ar.len(), 10);
    assert_eq!(en.len(), 10);
    let ids = expected_sentence_ids();
    let at = |id: &str| ids.iter().position(|x| x == id).unwrap();
    assert_eq!(ar[at("p5.s1")], hostile_one_line());
    assert_eq!(
        ar[at("p1.s1")],
        "لافروف ينقل رسالة من بوتين إلى كيم جونغ أون.. ماذا جاء فيها؟"
    );
    assert_eq!(en[at("p6.s2")], "");
    assert_eq!(en[at("p7.s1")], "Hashtags");
}

#[test]
fn text_has_paragraphs_then_quoted_speech() {
    let doc = document();
    let text = rendered(&doc, Format::Text);
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("[p")).collect();
    assert_eq!(
        headers,
        [
            "[p1]",
            "[p2]",
            "[p3]",
            "[p4]",
            "[p5]",
            "[p6]",
            "[p7] boilerplate"
        ]
    );
    // Arabic paragraph, then its English on the next line.
    let lines: Vec<&str> = text.lines().collect();
    let p1 = lines.iter().position(|l| *l == "[p1]").unwrap();
    assert_eq!(lines[p1 + 1], doc.paragraphs[0].text);
    assert_eq!(
        lines[p1 + 2],
        "Lavrov conveys a message from Putin to Kim Jong Un.. what did it say?"
    );
    assert!(text.contains("[p6.s2 untranslated: model error: out of memory]"));
    assert!(text.contains("flags: p4.s1 quote-marks-lost"));
    let speech = text.find("Quoted speech").unwrap();
    assert!(text[speech..].contains(
        "[q1] سيرغي لافروف — يتطلع الرئيس بوتين لاستمرار الاتصالات المباشرة معكم في المستقبل القريب — President Putin looks forward to continuing direct contacts with you in the near future"
    ));
    let other = text.find("Other quoted terms").unwrap();
    assert!(other > speech);
    assert!(text[other..].contains("[q4] name — قسد (p4.s1)"));
    assert!(!text.contains('\u{1}'));
}

#[test]
fn markdown_has_a_row_per_sentence_and_escapes_markup() {
    let doc = document();
    let md = rendered(&doc, Format::Md);
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| p")).collect();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r.trim_start_matches("| ").split(' ').next().unwrap())
        .collect();
    assert_eq!(ids, expected_sentence_ids());
    for row in &rows {
        // 4 columns: 5 unescaped pipes.
        let pipes = row
            .match_indices('|')
            .filter(|(i, _)| !row[..*i].ends_with('\\'))
            .count();
        assert_eq!(pipes, 5, "{row}");
    }
    assert!(md.contains("## p7 (boilerplate)"));
    assert!(md.contains("\\<script\\>alert(1)\\</script\\> \\&"));
    assert!(!md.contains("<script>"));
    assert!(md.contains("\\[p6.s2 untranslated: model error: out of memory\\]"));
    let quote_rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| q")).collect();
    assert_eq!(quote_rows.len(), 4);
    assert!(quote_rows[0].starts_with("| q1 | سيرغي لافروف | 0.90 | "));
    // A speaker the reviewer should check says so.
    let mut doc = document();
    doc.quotes[0].confidence = 0.2;
    let md = rendered(&doc, Format::Md);
    assert!(md.contains("| q1 | سيرغي لافروف | 0.20 check | "));
}

/// The review page shows each speech quote's confidence and marks a speaker the reviewer
/// should check.
#[test]
fn html_shows_each_speakers_confidence_and_marks_unsure_ones() {
    let mut doc = document();
    doc.quotes[0].confidence = 0.2;
    let html = rendered(&doc, Format::Html);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let xml = Xml::parse_with_options(&html, options).expect("well-formed");
    let row = |id: &str| {
        xml.descendants()
            .find(|e| e.attribute("id") == Some(id))
            .unwrap()
    };
    let span = |id: &str, class: &str| -> Option<String> {
        row(id)
            .descendants()
            .find(|e| e.attribute("class") == Some(class))
            .map(|e| {
                e.descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect()
            })
    };
    assert_eq!(span("q1", "conf").as_deref(), Some("0.20"));
    assert!(span("q1", "speaker unsure").is_some());
    assert_eq!(span("q3", "conf").as_deref(), Some("0.90"));
    assert!(span("q3", "speaker").is_some() && span("q3", "speaker unsure").is_none());
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> lacks {name}", node.tag_name().name()))
}

#[test]
fn html_is_well_formed_with_every_id_and_escaped_text() {
    let doc = document();
    let html = rendered(&doc, Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let xml = Xml::parse_with_options(&html, options).expect("the page is well-formed XML");
    let elements: Vec<Node> = xml.descendants().filter(Node::is_element).collect();

    // No script, no external asset.
    for e in &elements {
        let tag = e.tag_name().name();
        assert!(
            !matches!(tag, "script" | "link" | "img" | "iframe"),
            "{tag}"
        );
        assert!(e.attribute("src").is_none());
        if let Some(href) = e.attribute("href") {
            assert!(href.starts_with('#'), "{href}");
        }
    }
    assert!(!html.contains("url("));
    assert!(!html.contains("@import"));

    let by_id = |id: &str| {
        elements
            .iter()
            .find(|e| e.attribute("id") == Some(id))
            .copied()
    };
    for p in 1..=7 {
        let tbody = by_id(&format!("p{p}")).unwrap();
        assert_eq!(tbody.tag_name().name(), "tbody");
    }
    assert_eq!(attr(by_id("p7").unwrap(), "class"), "para boilerplate");
    assert_eq!(attr(by_id("p1").unwrap(), "class"), "para");
    let rows: Vec<&str> = elements
        .iter()
        .filter(|e| {
            e.tag_name().name() == "tr" && e.attribute("id").is_some_and(|i| i.starts_with('p'))
        })
        .map(|e| attr(*e, "id"))
        .collect();
    assert_eq!(rows, expected_sentence_ids());

    // Every row: an Arabic cell (rtl) and an English cell (ltr).
    for id in expected_sentence_ids() {
        let row = by_id(&id).unwrap();
        let cells: Vec<Node> = row
            .children()
            .filter(|c| c.tag_name().name() == "td")
            .collect();
        assert_eq!(cells.len(), 3, "{id}");
        assert_eq!(
            (attr(cells[1], "lang"), attr(cells[1], "dir")),
            ("ar", "rtl")
        );
        assert_eq!(
            (attr(cells[2], "lang"), attr(cells[2], "dir")),
            ("en", "ltr")
        );
    }

    // Hostile text shows as text: the cell's text is the original (controls dropped).
    let hostile = by_id("p5.s1").unwrap();
    let ar_cell = hostile
        .children()
        .filter(|c| c.tag_name().name() == "td")
        .nth(1)
        .unwrap();
    let ar_text: String = ar_cell
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(ar_text, HOSTILE.replace('\u{1}', ""));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));

    // Quotes highlighted in both columns and listed in the panel.
    let marks = |row: &str, col: usize| -> Vec<String> {
        let cell = by_id(row)
            .unwrap()
            .children()
            .filter(|c| c.tag_name().name() == "td")
            .nth(col)
            .unwrap();
        cell.descendants()
            .filter(|n| n.tag_name().name() == "mark")
            .map(|m| format!("{}={}", attr(m, "data-q"), m.text().unwrap_or("")))
            .collect()
    };
    assert_eq!(
        marks("p2.s1", 2),
        ["q1=President Putin looks forward to continuing direct contacts with you in the near future."]
    );
    assert_eq!(marks("p2.s1", 1).len(), 1);
    assert!(marks("p2.s1", 1)[0].starts_with("q1=\"يتطلع"));
    assert_eq!(
        marks("p3.s2", 2),
        ["q3=We will continue working with the allies"]
    );
    assert_eq!(
        marks("p4.s1", 2),
        Vec::<String>::new(),
        "marks lost: nothing to highlight"
    );
    let aside = by_id("quotes").unwrap();
    let listed: Vec<&str> = aside
        .descendants()
        .filter(|n| n.tag_name().name() == "tr")
        .map(|n| attr(n, "id"))
        .collect();
    assert_eq!(listed, ["q1", "q2", "q3", "q4"]);
    let q1_text: String = by_id("q1")
        .unwrap()
        .descendants()
        .filter_map(|n| n.text())
        .collect();
    assert!(q1_text.contains("سيرغي لافروف"));
    assert!(q1_text.contains("President Putin looks forward"));

    // Flags are visible.
    let flags: HashSet<String> = elements
        .iter()
        .filter(|e| e.attribute("class") == Some("flag"))
        .filter_map(|e| e.text().map(str::to_string))
        .collect();
    for f in [
        "sub-split",
        "quote-marks-lost",
        "untranslated: model error: out of memory",
    ] {
        assert!(flags.contains(f), "{f} not shown: {flags:?}");
    }
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

fn children<'a, 'i>(node: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    node.children().filter(Node::is_element).collect()
}

fn names(nodes: &[Node]) -> Vec<String> {
    nodes
        .iter()
        .map(|n| n.tag_name().name().to_string())
        .collect()
}

/// Every attribute of `node` is in `allowed` (local names; `xml:` ones spelled `xml:lang`).
fn only_attributes(node: Node, allowed: &[&str]) {
    for a in node.attributes() {
        let name = match a.namespace() {
            Some(XML_NS) => format!("xml:{}", a.name()),
            _ => a.name().to_string(),
        };
        assert!(
            allowed.contains(&name.as_str()),
            "<{}> has {name}, not allowed",
            node.tag_name().name()
        );
    }
}

/// Text-only element (no child element).
fn text_only(node: Node) -> String {
    assert!(
        children(node).is_empty(),
        "<{}> has child elements",
        node.tag_name().name()
    );
    node.text().unwrap_or("").to_string()
}

/// Checks the TMX 1.4b DTD's content models and attribute lists for every element written.
#[test]
fn tmx_follows_the_dtd_and_keeps_every_id() {
    let doc = document();
    let tmx = rendered(&doc, Format::Tmx);
    let xml = Xml::parse(&tmx).unwrap();
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    only_attributes(root, &["version"]);
    assert_eq!(attr(root, "version"), "1.4");
    let top = children(root);
    assert_eq!(names(&top), ["header", "body"]);
    let header = top[0];
    for required in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ] {
        attr(header, required);
    }
    only_attributes(
        header,
        &[
            "creationtool",
            "creationtoolversion",
            "segtype",
            "o-tmf",
            "adminlang",
            "srclang",
            "datatype",
        ],
    );
    assert_eq!(attr(header, "segtype"), "sentence");
    assert_eq!(attr(header, "srclang"), "ar");
    for c in children(header) {
        assert_eq!(c.tag_name().name(), "prop");
        attr(c, "type");
        text_only(c);
    }
    let tus = children(top[1]);
    assert!(tus.iter().all(|t| t.tag_name().name() == "tu"));
    let mut sentence_ids = Vec::new();
    let mut tuids = HashSet::new();
    for tu in &tus {
        only_attributes(*tu, &["tuid"]);
        assert!(tuids.insert(attr(*tu, "tuid")), "tuid repeated");
        let kids = children(*tu);
        // ((note|prop)*, tuv+)
        let first_tuv = kids
            .iter()
            .position(|k| k.tag_name().name() == "tuv")
            .unwrap();
        assert!(kids[..first_tuv]
            .iter()
            .all(|k| k.tag_name().name() == "prop"));
        assert!(kids[first_tuv..]
            .iter()
            .all(|k| k.tag_name().name() == "tuv"));
        let props: Vec<(String, String)> = kids[..first_tuv]
            .iter()
            .map(|p| {
                only_attributes(*p, &["type"]);
                (attr(*p, "type").to_string(), text_only(*p))
            })
            .collect();
        let prop = |t: &str| props.iter().find(|(k, _)| k == t).map(|(_, v)| v.clone());
        let sid = prop("x-sentence").unwrap();
        assert_eq!(attr(*tu, "tuid"), format!("sample-page:{sid}"));
        assert_eq!(prop("x-paragraph").unwrap(), sid.split('.').next().unwrap());
        let mut langs = Vec::new();
        for tuv in &kids[first_tuv..] {
            only_attributes(*tuv, &["xml:lang"]);
            langs.push(tuv.attribute((XML_NS, "lang")).unwrap().to_string());
            let segs = children(*tuv);
            assert_eq!(names(&segs), ["seg"]);
            let (_, s) = doc.sentences().find(|(_, s)| s.id == sid).unwrap();
            let expected = if langs.len() == 1 {
                s.text.replace('\u{1}', "")
            } else {
                s.translation.clone().unwrap()
            };
            assert_eq!(text_only(segs[0]), expected);
        }
        let translated = doc
            .sentences()
            .any(|(_, s)| s.id == sid && s.translation.is_some());
        assert_eq!(
            langs,
            if translated {
                vec!["ar", "en"]
            } else {
                vec!["ar"]
            },
            "{sid}"
        );
        if sid == "p7.s1" {
            assert_eq!(prop("x-boilerplate").as_deref(), Some("yes"));
        }
        if sid == "p2.s1" {
            assert_eq!(prop("x-quote").as_deref(), Some("q1"));
        }
        sentence_ids.push(sid);
    }
    assert_eq!(sentence_ids, expected_sentence_ids());
    assert!(tmx.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
}

fn is_nmtoken(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
}

/// Checks the XLIFF 2.0 core rules for every element written: namespace, required attributes,
/// allowed attributes and values, content order, id uniqueness, `state` against `<target>`.
#[test]
fn xliff_follows_the_core_schema_and_keeps_every_id() {
    const XLF: &str = "urn:oasis:names:tc:xliff:document:2.0";
    let doc = document();
    let xlf = rendered(&doc, Format::Xliff);
    let xml = Xml::parse(&xlf).unwrap();
    for e in xml.descendants().filter(Node::is_element) {
        assert_eq!(
            e.tag_name().namespace(),
            Some(XLF),
            "{}",
            e.tag_name().name()
        );
    }
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "xliff");
    only_attributes(root, &["version", "srcLang", "trgLang", "xml:space"]);
    assert_eq!(attr(root, "version"), "2.0");
    assert_eq!(attr(root, "srcLang"), "ar");
    assert_eq!(attr(root, "trgLang"), "en");
    let files = children(root);
    assert_eq!(names(&files), ["file"]);
    let file = files[0];
    only_attributes(
        file,
        &[
            "id",
            "canResegment",
            "original",
            "translate",
            "srcDir",
            "trgDir",
            "xml:space",
        ],
    );
    assert!(is_nmtoken(attr(file, "id")));
    assert_eq!(attr(file, "original"), "sample-page");
    for dir in ["srcDir", "trgDir"] {
        assert!(matches!(attr(file, dir), "ltr" | "rtl" | "auto"));
    }
    let units = children(file);
    let unit_ids: Vec<&str> = units.iter().map(|u| attr(*u, "id")).collect();
    assert_eq!(unit_ids, ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
    let mut segment_ids = Vec::new();
    let mut note_quotes = Vec::new();
    for unit in &units {
        assert_eq!(unit.tag_name().name(), "unit");
        only_attributes(
            *unit,
            &[
                "id",
                "name",
                "canResegment",
                "translate",
                "srcDir",
                "trgDir",
                "xml:space",
                "type",
            ],
        );
        assert!(is_nmtoken(attr(*unit, "id")));
        let kids = children(*unit);
        // notes?, originalData?, (segment | ignorable)+ with at least one segment.
        let mut rest = &kids[..];
        if rest.first().is_some_and(|k| k.tag_name().name() == "notes") {
            let notes = children(rest[0]);
            assert!(!notes.is_empty(), "<notes> needs a <note>");
            let mut note_ids = HashSet::new();
            for note in notes {
                assert_eq!(note.tag_name().name(), "note");
                only_attributes(note, &["id", "appliesTo", "category", "priority"]);
                if let Some(id) = note.attribute("id") {
                    assert!(is_nmtoken(id) && note_ids.insert(id.to_string()));
                }
                let text = text_only(note);
                if note.attribute("category") == Some("quote") {
                    note_quotes.push((attr(*unit, "id").to_string(), attr(note, "id").to_string()));
                    assert!(text.starts_with(attr(note, "id")));
                }
            }
            rest = &rest[1..];
        }
        assert!(rest.iter().any(|k| k.tag_name().name() == "segment"));
        let mut ids_here = HashSet::new();
        let mut joined = String::new();
        for k in rest {
            let kind = k.tag_name().name();
            assert!(matches!(kind, "segment" | "ignorable"), "{kind}");
            if kind == "segment" {
                only_attributes(*k, &["id", "canResegment", "state", "subState"]);
            } else {
                only_attributes(*k, &["id"]);
            }
            if let Some(id) = k.attribute("id") {
                assert!(is_nmtoken(id) && ids_here.insert(id.to_string()), "{id}");
            }
            let parts = children(*k);
            let part_names = names(&parts);
            assert!(
                part_names == ["source"] || part_names == ["source", "target"],
                "{part_names:?}"
            );
            for p in &parts {
                only_attributes(*p, &["xml:lang", "xml:space", "order"]);
            }
            joined.push_str(&text_only(parts[0]));
            if kind == "segment" {
                let state = attr(*k, "state");
                assert!(matches!(state, "initial" | "translated"));
                assert_eq!(
                    state == "translated",
                    parts.len() == 2,
                    "{}",
                    attr(*k, "id")
                );
                let id = attr(*k, "id");
                let (_, s) = doc.sentences().find(|(_, s)| s.id == id).unwrap();
                assert_eq!(text_only(parts[0]), s.text.replace('\u{1}', ""));
                if parts.len() == 2 {
                    assert_eq!(&text_only(parts[1]), s.translation.as_ref().unwrap());
                }
                segment_ids.push(id.to_string());
            }
        }
        // Sources and ignorables give back the sentences, one space apart.
        let p = doc
            .paragraphs
            .iter()
            .find(|p| p.id == attr(*unit, "id"))
            .unwrap();
        let sentences: Vec<String> = p
            .sentences
            .iter()
            .map(|s| s.text.replace('\u{1}', ""))
            .collect();
        assert_eq!(joined, sentences.join(" "));
    }
    assert_eq!(segment_ids, expected_sentence_ids());
    let expected_notes = [("p2", "q1"), ("p2", "q2"), ("p3", "q3"), ("p4", "q4")];
    let expected_notes: Vec<(String, String)> = expected_notes
        .iter()
        .map(|(u, q)| (u.to_string(), q.to_string()))
        .collect();
    assert_eq!(note_quotes, expected_notes);
    assert!(xlf.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    assert!(!xlf.contains('\u{1}'));
}

#[test]
fn folder_target_writes_every_format_with_stem_names() {
    let doc = document();
    let dir = tempfile::tempdir().unwrap();
    let written = write_outputs(
        &doc,
        &Format::ALL,
        &Target::Dir(dir.path().to_path_buf()),
        "page",
    )
    .unwrap();
    let mut names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "page.ar",
            "page.ar-en.txt",
            "page.en",
            "page.html",
            "page.jsonl",
            "page.md",
            "page.tmx",
            "page.tsv",
            "page.xlf"
        ]
    );
    // Only the outputs are there: no temporary file left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 9);
    let tmx = std::fs::read(dir.path().join("page.tmx")).unwrap();
    assert_eq!(tmx, render(&doc, Format::Tmx)[0].bytes);
}

#[test]
fn file_target_uses_the_exact_name_or_its_stem() {
    let doc = document();
    let dir = tempfile::tempdir().unwrap();
    let exact = dir.path().join("review.htm");
    let written = write_outputs(&doc, &[Format::Html], &Target::File(exact.clone()), "x").unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0], exact);
    assert!(exact.is_file());
    let base = dir.path().join("sub").join("out.txt");
    let written = write_outputs(
        &doc,
        &[Format::Tmx, Format::Parallel],
        &Target::File(base),
        "x",
    )
    .unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["out.tmx", "out.ar", "out.en"]);
}

#[test]
fn parallel_cannot_go_to_stdout() {
    let doc = document();
    assert!(matches!(
        write_outputs(&doc, &[Format::Parallel], &Target::Stdout, "x"),
        Err(OutputError::ParallelNeedsPath)
    ));
}

#[test]
fn target_from_arg() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Target::from_arg(None), Target::Stdout);
    assert_eq!(
        Target::from_arg(Some(dir.path())),
        Target::Dir(dir.path().to_path_buf())
    );
    let slash = std::path::Path::new("not-yet/");
    assert_eq!(
        Target::from_arg(Some(slash)),
        Target::Dir(slash.to_path_buf())
    );
    let file = dir.path().join("a.html");
    assert_eq!(Target::from_arg(Some(&file)), Target::File(file.clone()));
}

#[test]
fn skipped_boilerplate_is_marked_in_xliff_and_tmx() {
    let (source, analysis) = output_fixture::source_and_analysis();
    let mut doc = Document::from_analysis("sample-page", &source, &analysis);
    let options = tarjama::doc::UnitOptions {
        skip_boilerplate: true,
    };
    output_fixture::translate(&mut doc, &options);
    let xlf = rendered(&doc, Format::Xliff);
    let xml = Xml::parse(&xlf).unwrap();
    let unit = xml
        .descendants()
        .find(|n| n.tag_name().name() == "unit" && n.attribute("id") == Some("p7"))
        .unwrap();
    assert_eq!(unit.attribute("translate"), Some("no"));
    let segment = unit
        .children()
        .find(|n| n.tag_name().name() == "segment")
        .unwrap();
    assert_eq!(segment.attribute("state"), Some("initial"));
    assert!(!segment.children().any(|n| n.tag_name().name() == "target"));
    // Other units are translatable.
    let p1 = xml
        .descendants()
        .find(|n| n.attribute("id") == Some("p1"))
        .unwrap();
    assert_eq!(p1.attribute("translate"), None);

    let tmx = rendered(&doc, Format::Tmx);
    assert!(tmx.contains(r#"<prop type="x-flags">boilerplate-skipped</prop>"#));
    let text = rendered(&doc, Format::Text);
    assert!(text.contains("[p7.s1 boilerplate-skipped]"));
}
