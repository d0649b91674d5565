//! Deterministic stand-ins for the model and the pipeline, for tests and the
//! `batch_fake` example (the kill-and-resume test runs it as a real process).
//!
//! * [`FakeBackend`] "translates" by reversing the characters of each input, with a score of
//!   minus the character count divided by 100 and one token per character, and counts calls.
//! * [`FakePipeline`] takes every non-blank line of a file as one MT input and writes two
//!   outputs per file: `<stem>.en.txt` (the translations, one per source line, blank lines
//!   kept) and `<stem>.tsv` (source, tab, translation, tab, score with three decimals).

use std::path::PathBuf;
use std::time::Duration;

use super::jobs::{output_path, InputFile};
use super::runner::{Backend, BoxError, Pipeline, Prepared, Translation};
use super::store::{ModelKey, StoredTranslation};

/// A model stand-in (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct FakeBackend {
    /// Calls made so far.
    pub calls: usize,
    /// Inputs translated so far (over all calls).
    pub inputs_translated: usize,
    /// Sleep this long in every call (to make a process slow enough to kill mid-run).
    pub delay: Duration,
    /// A call containing an input with this text fails as a whole; when that input is sent
    /// alone it fails again (the others then succeed).
    pub fail_on: Option<String>,
}

impl FakeBackend {
    /// The fake's translation of one input: its characters reversed.
    pub fn translate_one(input: &str) -> Translation {
        let chars = input.chars().count();
        Translation {
            text: input.chars().rev().collect(),
            score: -(chars as f32) / 100.0,
            tokens: chars,
        }
    }
}

impl Backend for FakeBackend {
    fn model(&self) -> ModelKey {
        ModelKey {
            id: "fake/reverse".into(),
            revision: "1".into(),
            weights_sha256: "0".repeat(64),
        }
    }

    fn settings_key(&self) -> String {
        "fake".into()
    }

    fn translate(&mut self, inputs: &[String]) -> Result<Vec<Translation>, BoxError> {
        self.calls += 1;
        if !self.delay.is_zero() {
            std::thread::sleep(self.delay);
        }
        if let Some(marker) = &self.fail_on {
            if inputs.iter().any(|i| i.contains(marker.as_str())) {
                return Err(format!("fake model refuses inputs containing {marker:?}").into());
            }
        }
        self.inputs_translated += inputs.len();
        Ok(inputs.iter().map(|i| Self::translate_one(i)).collect())
    }
}

/// A pipeline stand-in (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct FakePipeline {
    /// Part of the journal key; change it to force files to be redone.
    pub config: String,
}

/// The fake pipeline's per-file state: every line of the file.
#[derive(Debug)]
pub struct FakeState {
    lines: Vec<String>,
}

impl Pipeline for FakePipeline {
    type State = FakeState;

    fn config_key(&self) -> String {
        format!("fake:{}", self.config)
    }

    fn prepare(&self, _file: &InputFile, text: &str) -> Result<Prepared<FakeState>, BoxError> {
        if text.contains("FAKE_PIPELINE_ERROR") {
            return Err("the fake pipeline rejects FAKE_PIPELINE_ERROR".into());
        }
        if text.contains("FAKE_PIPELINE_PANIC") {
            panic!("the fake pipeline panics on FAKE_PIPELINE_PANIC");
        }
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mt_inputs = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .collect();
        Ok(Prepared {
            mt_inputs,
            state: FakeState { lines },
        })
    }

    fn finish(
        &self,
        file: &InputFile,
        state: FakeState,
        translations: Vec<Result<StoredTranslation, String>>,
    ) -> Result<Vec<PathBuf>, BoxError> {
        let mut answers = translations.into_iter();
        let mut text = String::new();
        let mut tsv = String::new();
        for line in &state.lines {
            if line.trim().is_empty() {
                text.push('\n');
                continue;
            }
            let (target, score) = match answers.next() {
                Some(Ok(t)) => (t.text, format!("{:.3}", t.score)),
                Some(Err(e)) => (format!("[untranslated: {e}]"), "nan".into()),
                None => return Err("fewer translations than inputs".into()),
            };
            text.push_str(&target);
            text.push('\n');
            tsv.push_str(&format!("{line}\t{target}\t{score}\n"));
        }
        let txt_path = output_path(&file.output_stem, "en.txt");
        let tsv_path = output_path(&file.output_stem, "tsv");
        super::atomic::write_atomically(&txt_path, text.as_bytes())?;
        super::atomic::write_atomically(&tsv_path, tsv.as_bytes())?;
        Ok(vec![txt_path, tsv_path])
    }
}
