//! The translation store: roundtrips, WAL, batch get/put, journal, stats, TMX export, merge.

use std::path::PathBuf;

use tarjama::batch::store::{
    open_store, xml_escape, DecodeSettings, JobStatus, JournalEntry, ModelKey, Store,
    StoredTranslation,
};

fn t(text: &str, score: f32) -> StoredTranslation {
    StoredTranslation {
        text: text.into(),
        score,
    }
}

fn put(store: &mut Store, model: &str, entries: &[(&str, &str)]) {
    let values: Vec<(String, StoredTranslation)> = entries
        .iter()
        .enumerate()
        .map(|(i, (input, text))| (input.to_string(), t(text, -(i as f32) / 4.0)))
        .collect();
    let refs: Vec<(&str, &StoredTranslation)> =
        values.iter().map(|(i, t)| (i.as_str(), t)).collect();
    store.put_many(model, "s", &refs).unwrap();
}

#[test]
fn roundtrip_survives_reopen_and_uses_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dir/store.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.journal_mode().unwrap(), "wal");
        put(&mut store, "m", &[("مرحبا", "hello"), ("شكرا", "thanks")]);
    }
    let store = Store::open(&path).unwrap();
    let got = store
        .get_many("m", "s", &["شكرا", "غائب", "مرحبا"])
        .unwrap();
    assert_eq!(
        got,
        vec![Some(t("thanks", -0.25)), None, Some(t("hello", 0.0))]
    );
    // Another model or other settings do not see these entries.
    assert_eq!(
        store.get_many("other", "s", &["مرحبا"]).unwrap(),
        vec![None]
    );
    assert_eq!(store.get_many("m", "s2", &["مرحبا"]).unwrap(), vec![None]);
}

#[test]
fn two_connections_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut a = Store::open(&path).unwrap();
    let b = Store::open(&path).unwrap();
    put(&mut a, "m", &[("x", "y")]);
    assert_eq!(
        b.get_many("m", "s", &["x"]).unwrap(),
        vec![Some(t("y", 0.0))]
    );
}

#[test]
fn batch_get_handles_many_keys_duplicates_and_replacement() {
    let mut store = Store::in_memory().unwrap();
    let inputs: Vec<String> = (0..1000).map(|i| format!("جملة {i}")).collect();
    let outputs: Vec<String> = (0..1000).map(|i| format!("sentence {i}")).collect();
    let pairs: Vec<(&str, &str)> = inputs
        .iter()
        .zip(&outputs)
        .filter(|(i, _)| !i.ends_with('7'))
        .map(|(i, o)| (i.as_str(), o.as_str()))
        .collect();
    put(&mut store, "m", &pairs);
    // Ask for every key twice, in reverse order, across several internal chunks.
    let mut ask: Vec<&str> = inputs.iter().rev().map(String::as_str).collect();
    ask.extend(inputs.iter().map(String::as_str));
    let got = store.get_many("m", "s", &ask).unwrap();
    assert_eq!(got.len(), 2000);
    for (key, answer) in ask.iter().zip(&got) {
        let n: usize = key.rsplit(' ').next().unwrap().parse().unwrap();
        if key.ends_with('7') {
            assert_eq!(answer, &None, "{key}");
        } else {
            assert_eq!(answer.as_ref().unwrap().text, format!("sentence {n}"));
        }
    }
    put(&mut store, "m", &[("جملة 1", "replaced")]);
    assert_eq!(
        store.get_many("m", "s", &["جملة 1"]).unwrap()[0]
            .as_ref()
            .unwrap()
            .text,
        "replaced"
    );
    // 1000 inputs minus the 100 ending in 7; the replacement adds no row.
    assert_eq!(store.stats().unwrap().translations, 900);
}

#[test]
fn keys_are_canonical() {
    let model = ModelKey {
        id: "Helsinki-NLP/opus-mt-ar-en".into(),
        revision: "main".into(),
        weights_sha256: "ab".into(),
    };
    assert_eq!(model.store_key(), "Helsinki-NLP/opus-mt-ar-en@main#ab");
    let settings = DecodeSettings {
        beam: 4,
        max_len: 512,
        min_len: 0,
        no_repeat_ngram: 3,
        repetition_penalty: 1.2,
        punct_norm: true,
        dtype: "f16".into(),
    };
    assert_eq!(
        settings.store_key(),
        "beam=4;max=512;min=0;no_repeat=3;penalty=1.2;punct_norm=1;dtype=f16"
    );
}

#[test]
fn journal_roundtrip_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = Store::open(&path).unwrap();
    let entry = JournalEntry {
        path: "/in/a.txt".into(),
        sha256: "aa".into(),
        status: JobStatus::Done,
        reason: String::new(),
        outputs: vec![PathBuf::from("/out/a.html"), PathBuf::from("/out/a.tsv")],
    };
    store.journal_record("job1", &entry).unwrap();
    let failed = JournalEntry {
        path: "/in/b.txt".into(),
        sha256: "bb".into(),
        status: JobStatus::Failed,
        reason: "binary".into(),
        outputs: vec![],
    };
    store.journal_record("job1", &failed).unwrap();
    store.journal_record("job2", &entry).unwrap();
    let loaded = store.journal_load("job1").unwrap();
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded["/in/a.txt"], entry);
    assert_eq!(loaded["/in/b.txt"], failed);
    put(&mut store, "m1", &[("a", "b"), ("c", "d")]);
    put(&mut store, "m2", &[("a", "b")]);
    let stats = store.stats().unwrap();
    assert_eq!(stats.translations, 3);
    assert_eq!(stats.by_model["m1 [s]"], 2);
    assert_eq!(stats.by_model["m2 [s]"], 1);
    assert_eq!(stats.journal["done"], 2);
    assert_eq!(stats.journal["failed"], 1);
    assert!(stats.bytes >= std::fs::metadata(&path).unwrap().len());
    assert!(stats.bytes > 0);
    let text = stats.to_text();
    assert!(text.contains("translations: 3\n"), "{text}");
    assert!(text.contains("  m1 [s]: 2\n"), "{text}");
    assert!(text.contains("  done: 2\n"), "{text}");
}

#[test]
fn xml_escaping_drops_forbidden_characters() {
    assert_eq!(
        xml_escape("a<b>&\"c'\u{1}\u{8}\t\n\r\u{FFFE}\u{FFFF}\u{10000}"),
        "a&lt;b&gt;&amp;&quot;c&apos;\t\n\r\u{10000}"
    );
}

#[test]
fn tmx_export_is_well_formed_with_one_tu_per_entry() {
    use quick_xml::events::Event;
    use quick_xml::XmlVersion;
    let mut store = Store::in_memory().unwrap();
    put(
        &mut store,
        "m",
        &[
            ("قال \"مرحبا\" <b> & ذهب", "he said \"hi\" <b> & left"),
            ("تحكم\u{1}\u{7}", "control\u{0b}chars"),
            ("عادي", "plain"),
        ],
    );
    let mut out = Vec::new();
    assert_eq!(store.export_tmx(&mut out).unwrap(), 3);
    let xml = String::from_utf8(out).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut tus, mut segs, mut depth) = (0, Vec::new(), 0i32);
    let mut in_seg = false;
    let mut srclang = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                match e.name().as_ref() {
                    "tu" => tus += 1,
                    "seg" => {
                        in_seg = true;
                        segs.push(String::new());
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if e.name().as_ref() == "header" => {
                let attr = e.try_get_attribute("srclang").unwrap().unwrap();
                srclang = Some(
                    attr.normalized_value(XmlVersion::Explicit1_0)
                        .unwrap()
                        .into_owned(),
                );
            }
            Event::Text(text) if in_seg => {
                segs.last_mut()
                    .unwrap()
                    .push_str(&text.xml_content(XmlVersion::Explicit1_0));
            }
            Event::GeneralRef(r) if in_seg => {
                let c = match &*r {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unexpected entity {other}"),
                };
                segs.last_mut().unwrap().push(c);
            }
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == "seg" {
                    in_seg = false;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert_eq!(tus, 3);
    assert_eq!(srclang.as_deref(), Some("ar"));
    // Entries are ordered by input; the control characters are gone.
    assert!(
        segs.contains(&"قال \"مرحبا\" <b> & ذهب".to_string()),
        "{segs:?}"
    );
    assert!(segs.contains(&"he said \"hi\" <b> & left".to_string()));
    assert!(segs.contains(&"تحكم".to_string()));
    assert!(segs.contains(&"controlchars".to_string()));
    assert_eq!(segs.len(), 6);
}

#[test]
fn merge_adds_missing_entries_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let a_path = dir.path().join("a.sqlite");
    let b_path = dir.path().join("b.sqlite");
    let mut a = Store::open(&a_path).unwrap();
    let mut b = Store::open(&b_path).unwrap();
    put(&mut a, "m", &[("x", "from a"), ("y", "only a")]);
    put(&mut b, "m", &[("x", "from b"), ("z", "only b")]);
    let entry = JournalEntry {
        path: "/in/z.txt".into(),
        sha256: "zz".into(),
        status: JobStatus::Done,
        reason: String::new(),
        outputs: vec![PathBuf::from("/out/z.html")],
    };
    b.journal_record("job", &entry).unwrap();
    drop(b);

    let first = a.merge_from(&b_path).unwrap();
    assert_eq!((first.translations, first.journal), (1, 1));
    let second = a.merge_from(&b_path).unwrap();
    assert_eq!((second.translations, second.journal), (0, 0));
    let got = a.get_many("m", "s", &["x", "y", "z"]).unwrap();
    let texts: Vec<_> = got
        .iter()
        .map(|g| g.as_ref().unwrap().text.as_str())
        .collect();
    // This store's entry wins a conflict.
    assert_eq!(texts, ["from a", "only a", "only b"]);
    assert_eq!(a.journal_load("job").unwrap()["/in/z.txt"], entry);
    assert_eq!(a.stats().unwrap().translations, 3);

    // A mistyped path is an error and is not created; merging a store into itself is refused.
    let missing = dir.path().join("missing.sqlite");
    assert!(a.merge_from(&missing).is_err());
    assert!(!missing.exists());
    assert!(a.merge_from(&a_path).is_err());
    // A file that is not a store is refused.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    assert!(a.merge_from(&junk).is_err());
}

#[test]
fn open_store_choices() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let store = open_store(Some(&path), false).unwrap();
    assert_eq!(store.path(), Some(path.as_path()));
    let memory = open_store(Some(&path), true).unwrap();
    assert_eq!(memory.path(), None);
    assert_eq!(memory.stats().unwrap().bytes, 0);
}
