//! The aligned document model: ids, accounting, MT plumbing, flags, quote location.

mod output_fixture;

use output_fixture::{document, expected_sentence_ids, source_and_analysis, translate, Builder};
use tarjama::doc::{DocError, Document, Flag, MtResult, UnitKey, UnitOptions};

#[test]
fn ids_follow_the_analysis_one_based() {
    let doc = document();
    let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(paragraphs, ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
    let sentences: Vec<String> = doc.sentences().map(|(_, s)| s.id.clone()).collect();
    assert_eq!(sentences, expected_sentence_ids());
    assert_eq!(sentences.len(), 10);
    let quotes: Vec<&str> = doc.quotes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(quotes, ["q1", "q2", "q3", "q4"]);
    assert_eq!(doc.quotes[2].sentences, [(3, 1), (3, 2)]);
    assert_eq!(doc.quotes[2].paragraph, 3);
}

#[test]
fn accounting_keeps_every_sentence() {
    let doc = document();
    let a = doc.accounting();
    assert_eq!(a.paragraphs, 7);
    assert_eq!(a.boilerplate_paragraphs, 1);
    assert_eq!(a.sentences, 10);
    assert_eq!(a.translated, 9);
    assert_eq!(a.untranslated, 1);
    assert_eq!(a.boilerplate_skipped, 0);
    assert_eq!(a.quotes, 4);
    assert_eq!(a.speech_quotes, 3);
    assert_eq!(a.quotes_translated, 3);
}

#[test]
fn failed_sentence_is_kept_and_flagged() {
    let doc = document();
    let s = doc.sentence(6, 2).unwrap();
    assert_eq!(s.id, "p6.s2");
    assert_eq!(s.text, "هذه الجملة تفشل في الترجمة.");
    assert_eq!(s.translation, None);
    assert_eq!(s.score, None);
    assert_eq!(
        s.flags,
        [Flag::Untranslated("model error: out of memory".into())]
    );
    // Its neighbour is untouched.
    let before = doc.sentence(6, 1).unwrap();
    assert!(before
        .translation
        .as_deref()
        .unwrap()
        .starts_with("Kim Jong Un had attended"));
}

#[test]
fn sub_split_parts_are_translated_and_joined() {
    let doc = document();
    let s = doc.sentence(5, 1).unwrap();
    assert_eq!(s.parts.len(), 2);
    assert!(s.flags.contains(&Flag::SubSplit));
    // The two parts cover the sentence.
    assert_eq!(s.parts[0].span.start, s.span.start);
    assert_eq!(s.parts[0].span.end, s.parts[1].span.start);
    assert_eq!(s.parts[1].span.end, s.span.end);
    assert_eq!(
        s.translation.as_deref(),
        Some("The visit comes amid media reports <script>alert(1)</script> & about deploying up to 30,000 soldiers, in order to recover the areas seized by the forces.")
    );
    let mean = (s.parts[0].score.unwrap() + s.parts[1].score.unwrap()) / 2.0;
    assert!((s.score.unwrap() - mean).abs() < 1e-6);
}

#[test]
fn quotes_are_found_between_the_english_marks() {
    let doc = document();
    let q1 = doc.quote("q1").unwrap();
    assert_eq!(q1.speaker.as_deref(), Some("سيرغي لافروف"));
    assert_eq!(
        q1.translation.as_deref(),
        Some("President Putin looks forward to continuing direct contacts with you in the near future")
    );
    assert_eq!(q1.in_translation.len(), 1);
    assert_eq!(q1.in_translation[0].sentence, "p2.s1");
    assert_eq!(
        q1.in_translation[0].text,
        "President Putin looks forward to continuing direct contacts with you in the near future."
    );
    // The Arabic span in the sentence is the quote with its marks.
    let s = doc.sentence(2, 1).unwrap();
    let ar = s.quotes[0].ar.unwrap();
    assert!(s.text[ar.start..ar.end].starts_with("\"يتطلع"));
    assert!(s.text[ar.start..ar.end].ends_with("القريب\""));
}

#[test]
fn quote_across_two_sentences_is_found_in_both() {
    let doc = document();
    let q3 = doc.quote("q3").unwrap();
    let found: Vec<(&str, &str)> = q3
        .in_translation
        .iter()
        .map(|e| (e.sentence.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("p3.s1", "We will not retreat."),
            ("p3.s2", "We will continue working with the allies")
        ]
    );
    assert!(q3.flags.is_empty(), "{:?}", q3.flags);
}

#[test]
fn lost_quote_marks_are_flagged_on_sentence_and_quote() {
    let doc = document();
    let s = doc.sentence(4, 1).unwrap();
    assert_eq!(s.flags, [Flag::QuoteMarksLost]);
    assert_eq!(s.quotes[0].en, None);
    let q4 = doc.quote("q4").unwrap();
    assert!(!q4.speech);
    assert!(q4.flags.contains(&Flag::QuoteMarksLost));
    assert!(q4.in_translation.is_empty());
    // A name is not translated on its own, and that is not a failure.
    assert_eq!(q4.translation, None);
    assert!(!q4.flags.iter().any(|f| f.untranslated_reason().is_some()));
    assert_eq!(doc.accounting().quote_marks_lost, 1);
}

#[test]
fn units_cover_parts_and_speech_quotes_only() {
    let (source, analysis) = source_and_analysis();
    let doc = Document::from_analysis("d", &source, &analysis);
    let units = doc.mt_units(&UnitOptions::default());
    let keys: Vec<String> = units.iter().map(|u| u.key.to_string()).collect();
    assert_eq!(
        keys,
        [
            "p1.s1/1", "p2.s1/1", "p2.s2/1", "p3.s1/1", "p3.s2/1", "p4.s1/1", "p5.s1/1", "p5.s1/2",
            "p6.s1/1", "p6.s2/1", "p7.s1/1", "q1", "q2", "q3"
        ]
    );
    // Model input is never empty and keeps no control character.
    assert!(units.iter().all(|u| !u.input.is_empty()));
    assert!(units
        .iter()
        .all(|u| !u.input.contains('\t') && !u.input.contains('\n')));
    let skipping = doc.mt_units(&UnitOptions {
        skip_boilerplate: true,
    });
    assert_eq!(skipping.len(), units.len() - 1);
    assert!(!skipping.iter().any(|u| u.key.to_string() == "p7.s1/1"));
}

#[test]
fn skipped_boilerplate_is_kept_and_marked() {
    let (source, analysis) = source_and_analysis();
    let mut doc = Document::from_analysis("d", &source, &analysis);
    let options = UnitOptions {
        skip_boilerplate: true,
    };
    let a = translate(&mut doc, &options);
    assert_eq!((a.sentences, a.translated, a.untranslated), (10, 8, 2));
    assert_eq!(a.boilerplate_skipped, 1);
    let s = doc.sentence(7, 1).unwrap();
    assert_eq!(s.text, "هاشتاغز");
    assert_eq!(s.translation, None);
    assert_eq!(s.flags, [Flag::BoilerplateSkipped]);
}

#[test]
fn missing_results_are_reported_not_dropped() {
    let (source, analysis) = source_and_analysis();
    let mut doc = Document::from_analysis("d", &source, &analysis);
    // Only the first unit comes back.
    let first = doc.mt_units(&UnitOptions::default())[0].clone();
    doc.apply(
        first.key,
        MtResult {
            text: "Title".into(),
            score: -0.5,
        },
    )
    .unwrap();
    let a = doc.finish(&UnitOptions::default());
    assert_eq!((a.sentences, a.translated, a.untranslated), (10, 1, 9));
    let s = doc.sentence(5, 1).unwrap();
    assert_eq!(
        s.flags,
        [
            Flag::SubSplit,
            Flag::Untranslated("part 1/2: no translation received".into())
        ]
    );
    assert!(doc
        .quote("q1")
        .unwrap()
        .flags
        .contains(&Flag::Untranslated("no translation received".into())));
}

#[test]
fn one_failed_part_leaves_the_sentence_untranslated() {
    let (source, analysis) = source_and_analysis();
    let mut doc = Document::from_analysis("d", &source, &analysis);
    let key = |part| UnitKey::Part {
        paragraph: 5,
        sentence: 1,
        part,
    };
    let ok = MtResult {
        text: "first half,".into(),
        score: -1.0,
    };
    doc.apply(key(1), ok).unwrap();
    doc.mark_failed(key(2), "output too long").unwrap();
    doc.finish(&UnitOptions::default());
    let s = doc.sentence(5, 1).unwrap();
    assert_eq!(s.translation, None);
    assert!(s
        .flags
        .contains(&Flag::Untranslated("part 2/2: output too long".into())));
}

#[test]
fn unknown_and_repeated_results_are_errors() {
    let (source, analysis) = source_and_analysis();
    let mut doc = Document::from_analysis("d", &source, &analysis);
    let r = || MtResult {
        text: "x".into(),
        score: 0.0,
    };
    let bad = UnitKey::Part {
        paragraph: 1,
        sentence: 2,
        part: 1,
    };
    assert_eq!(
        doc.apply(bad, r()),
        Err(DocError::UnknownUnit {
            doc: "d".into(),
            key: bad
        })
    );
    // q4 is a name, not speech: it is no unit.
    assert!(doc.apply(UnitKey::Quote { quote: 4 }, r()).is_err());
    assert!(doc.apply(UnitKey::Quote { quote: 0 }, r()).is_err());
    let good = UnitKey::Quote { quote: 1 };
    doc.apply(good, r()).unwrap();
    assert!(matches!(
        doc.mark_failed(good, "late"),
        Err(DocError::AlreadyResolved { .. })
    ));
}

#[test]
fn finish_twice_gives_the_same_document() {
    let mut doc = document();
    let once = doc.clone();
    doc.finish(&UnitOptions::default());
    assert_eq!(doc, once);
}

#[test]
fn paragraph_without_sentences_becomes_one_sentence() {
    let mut b = Builder::default();
    b.paragraph(&["جملة أولى."], false);
    b.analysis.paragraphs[0].sentences.clear();
    let doc = Document::from_analysis("d", &b.source, &b.analysis);
    let s = doc.sentence(1, 1).unwrap();
    assert_eq!(s.text, "جملة أولى.");
    assert_eq!(s.flags, [Flag::WholeParagraph]);
}

#[test]
fn part_spans_outside_the_sentence_fall_back_to_the_whole() {
    let mut b = Builder::default();
    b.paragraph(&["جملة أولى طويلة."], false);
    b.analysis.paragraphs[0].sentences[0].parts = vec![(0, 3), (3, 9999)];
    let doc = Document::from_analysis("d", &b.source, &b.analysis);
    let s = doc.sentence(1, 1).unwrap();
    assert_eq!(s.parts.len(), 1);
    assert_eq!(s.flags, [Flag::BadPartSpans]);
}

#[test]
fn model_serialises_and_reads_back() {
    let doc = document();
    let json = serde_json::to_string(&doc).unwrap();
    assert!(json.contains("\"flags\":[\"sub-split\"]"));
    assert!(json.contains("\"untranslated: model error: out of memory\""));
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn guillemets_are_located_when_the_model_input_made_them_straight() {
    // `«…»` is found in the English only when `text::clean::mt_input` turned the guillemets
    // into `"` (what the model was trained on): then the mark counts line up.
    let doc = document();
    let s = doc.sentence(2, 2).unwrap();
    let en = s.quotes[0].en;
    if s.parts[0].mt_input.matches('"').count() == 2 {
        let span = en.expect("marks line up, the quote must be found");
        let english = s.translation.as_deref().unwrap();
        assert_eq!(
            &english[span.start..span.end],
            "Your visit is a very important milestone."
        );
    } else {
        assert_eq!(en, None);
    }
    assert!(!s.flags.contains(&Flag::QuoteMarksLost));
}

#[test]
fn check_against_the_analysis_names_the_difference() {
    let (source, analysis) = source_and_analysis();
    let mut doc = Document::from_analysis("d", &source, &analysis);
    translate(&mut doc, &UnitOptions::default());
    assert_eq!(doc.check_against(&analysis), Ok(()));
    doc.paragraphs[5].sentences.pop();
    assert_eq!(
        doc.check_against(&analysis),
        Err(DocError::Accounting {
            doc: "d".into(),
            detail: "p6: 2 sentences in, 1 out".into()
        })
    );
}
