//! Property tests: whatever the text (controls, markup, bidi marks, line breaks, noncharacters),
//! every format keeps one record per sentence and stays parseable.

mod output_fixture;

use output_fixture::Builder;
use proptest::prelude::*;
use tarjama::doc::{Document, MtResult, UnitKey, UnitOptions};
use tarjama::output::{render, Format};

/// Text mixing Arabic, markup characters, controls, bidi marks and line breaks.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        "الوزير",
        " ",
        "،",
        ".",
        "\"",
        "«",
        "»",
        "<script>",
        "</b>",
        "&",
        "&amp;",
        "'",
        "\t",
        "\n",
        "\r\n",
        "\u{0}",
        "\u{1}",
        "\u{B}",
        "\u{1F}",
        "\u{7F}",
        "\u{85}",
        "\u{9F}",
        "\u{200F}",
        "\u{202B}",
        "\u{2066}",
        "\u{2028}",
        "\u{FEFF}",
        "\u{FFFE}",
        "\u{FFFF}",
        "|",
        "*",
        "\\",
        "#",
        "]]>",
        "--",
        "x",
    ]);
    prop::collection::vec(pieces, 1..12).prop_map(|v| v.concat())
}

fn document_strategy() -> impl Strategy<Value = (Vec<Vec<String>>, Vec<String>, Vec<bool>)> {
    let paragraphs = prop::collection::vec(prop::collection::vec(nasty_text(), 1..4), 1..5);
    let english = prop::collection::vec(nasty_text(), 20);
    let failures = prop::collection::vec(any::<bool>(), 20);
    (paragraphs, english, failures)
}

fn build(paragraphs: &[Vec<String>], english: &[String], failures: &[bool]) -> Document {
    let mut b = Builder::default();
    for (i, p) in paragraphs.iter().enumerate() {
        let sentences: Vec<&str> = p.iter().map(String::as_str).collect();
        b.paragraph(&sentences, i % 2 == 1);
    }
    let mut doc = Document::from_analysis("prop\"<&>", &b.source, &b.analysis);
    let options = UnitOptions::default();
    for (k, unit) in doc.mt_units(&options).into_iter().enumerate() {
        let key: UnitKey = unit.key;
        if failures[k % failures.len()] {
            doc.mark_failed(key, "failed <&>\n\u{1}").unwrap();
        } else {
            let text = english[k % english.len()].clone();
            doc.apply(key, MtResult { text, score: -1.5 }).unwrap();
        }
    }
    doc.finish(&options);
    doc
}

fn text(doc: &Document, format: Format) -> String {
    String::from_utf8(render(doc, format)[0].bytes.clone()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_format_keeps_every_sentence((paragraphs, english, failures) in document_strategy()) {
        let doc = build(&paragraphs, &english, &failures);
        let ids: Vec<String> = doc.sentences().map(|(_, s)| s.id.clone()).collect();
        let expected: usize = paragraphs.iter().map(Vec::len).sum();
        prop_assert_eq!(ids.len(), expected);
        let a = doc.accounting();
        prop_assert_eq!(a.translated + a.untranslated, expected);

        let jsonl = text(&doc, Format::Jsonl);
        let json_ids: Vec<String> = jsonl
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
            .collect();
        prop_assert_eq!(&json_ids, &ids);

        let tsv = text(&doc, Format::Tsv);
        let rows: Vec<&str> = tsv.split_terminator('\n').skip(1).collect();
        prop_assert_eq!(rows.len(), expected);
        for (row, id) in rows.iter().zip(&ids) {
            let fields: Vec<&str> = row.split('\t').collect();
            prop_assert_eq!(fields.len(), 5);
            prop_assert_eq!(fields[0], id.as_str());
        }

        let files = render(&doc, Format::Parallel);
        for f in &files {
            let body = String::from_utf8(f.bytes.clone()).unwrap();
            prop_assert_eq!(body.split_terminator('\n').count(), expected);
            let breaks = ['\r', '\u{2028}', '\u{85}'];
            prop_assert!(!body.contains(breaks), "a line break inside a line");
        }

        let md = text(&doc, Format::Md);
        prop_assert_eq!(md.lines().filter(|l| l.starts_with("| p")).count(), expected);

        let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        let tmx = text(&doc, Format::Tmx);
        let xml = roxmltree::Document::parse(&tmx).map_err(|e| TestCaseError::fail(format!("tmx: {e}")))?;
        prop_assert_eq!(xml.descendants().filter(|n| n.has_tag_name("tu")).count(), expected);

        let xlf = text(&doc, Format::Xliff);
        let xml = roxmltree::Document::parse(&xlf).map_err(|e| TestCaseError::fail(format!("xliff: {e}")))?;
        let segments: Vec<&str> = xml
            .descendants()
            .filter(|n| n.tag_name().name() == "segment")
            .map(|n| n.attribute("id").unwrap())
            .collect();
        prop_assert_eq!(segments, ids.iter().map(String::as_str).collect::<Vec<_>>());

        let html = text(&doc, Format::Html);
        let xml = roxmltree::Document::parse_with_options(&html, options)
            .map_err(|e| TestCaseError::fail(format!("html: {e}")))?;
        prop_assert!(!xml.descendants().any(|n| n.tag_name().name() == "script"));
        let rows = xml
            .descendants()
            .filter(|n| n.tag_name().name() == "tr" && n.attribute("id").is_some_and(|i| i.starts_with('p')))
            .count();
        prop_assert_eq!(rows, expected);
    }
}
