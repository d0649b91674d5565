//! TMX output validated against the TMX 1.4b DTD with `xmllint` (Debian `libxml2-utils`).
//!
//! The DTD is committed in `tests/schemas/` (see the README there). `xmllint` must be installed:
//! the test fails, it does not skip, when it is missing.

mod output_fixture;

use std::path::Path;
use std::process::Command;

use output_fixture::document;
use tarjama::output::{render, Format};

fn xmllint_dtd(file: &Path) -> std::process::Output {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/tmx14.dtd");
    Command::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(&dtd)
        .arg(file)
        .output()
        .expect(
            "xmllint not found: install Debian's libxml2-utils (apt-get install -y libxml2-utils)",
        )
}

#[test]
fn tmx_is_valid_against_the_tmx14_dtd() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.tmx");
    std::fs::write(&file, &render(&document(), Format::Tmx)[0].bytes).unwrap();
    let out = xmllint_dtd(&file);
    assert!(
        out.status.success(),
        "xmllint rejected the TMX:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The validator really checks: a `tu` without its `tuv` is rejected.
#[test]
fn xmllint_rejects_an_invalid_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.tmx");
    let good = String::from_utf8(render(&document(), Format::Tmx)[0].bytes.clone()).unwrap();
    let start = good.find("<tuv").unwrap();
    let end = good.find("</tu>").unwrap();
    let bad = format!("{}{}", &good[..start], &good[end..]);
    std::fs::write(&file, bad).unwrap();
    assert!(!xmllint_dtd(&file).status.success());
}
