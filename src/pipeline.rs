//! One document through every stage: analyse → document model → model inputs → translations →
//! outputs. The batch runner drives it file by file ([`DocumentPipeline`] implements
//! [`crate::batch::runner::Pipeline`]); [`translate_text`] runs it on one text in memory.

use std::path::PathBuf;

use crate::batch::atomic;
use crate::batch::jobs::{output_path, InputFile};
use crate::batch::runner::{
    Backend, BoxError, Pipeline, Prepared, Translation as BatchTranslation,
};
use crate::batch::store::{DecodeSettings, ModelKey, StoredTranslation};
use crate::doc::{document_id, Document, MtResult, UnitKey, UnitOptions};
use crate::mt::tokenizer::PunctNorm;
use crate::mt::Translator;
use crate::output::{render, Format};
use crate::text::{self, Analysis};

/// The per-file work around the model: analysis before, writing after.
#[derive(Debug, Clone)]
pub struct DocumentPipeline {
    /// Text analysis settings.
    pub text: text::Options,
    /// Which units go to the model.
    pub units: UnitOptions,
    /// Output formats, one or more files each per input.
    pub formats: Vec<Format>,
}

/// A prepared document waiting for its translations.
#[derive(Debug)]
pub struct PendingDocument {
    doc: Document,
    keys: Vec<UnitKey>,
}

impl DocumentPipeline {
    /// Analyse `input` and build its document model and model inputs.
    pub fn prepare_text(
        &self,
        doc_id: &str,
        input: &str,
    ) -> (Analysis, PendingDocument, Vec<String>) {
        let analysis = text::analyze(input, &self.text);
        let doc = Document::from_analysis(doc_id, input, &analysis);
        let units = doc.mt_units(&self.units);
        let keys = units.iter().map(|u| u.key).collect();
        let inputs = units.into_iter().map(|u| u.input).collect();
        (analysis, PendingDocument { doc, keys }, inputs)
    }

    /// Put the translations (one per model input, in order) into the document and finish it.
    pub fn complete(
        &self,
        pending: PendingDocument,
        translations: Vec<Result<StoredTranslation, String>>,
    ) -> Result<Document, BoxError> {
        let PendingDocument { mut doc, keys } = pending;
        if keys.len() != translations.len() {
            return Err(format!(
                "document {}: {} model inputs but {} answers",
                doc.id,
                keys.len(),
                translations.len()
            )
            .into());
        }
        for (key, answer) in keys.into_iter().zip(translations) {
            match answer {
                Ok(t) => doc.apply(
                    key,
                    MtResult {
                        text: t.text,
                        score: t.score,
                    },
                )?,
                Err(reason) => doc.mark_failed(key, &reason)?,
            }
        }
        doc.finish(&self.units);
        Ok(doc)
    }
}

impl Pipeline for DocumentPipeline {
    type State = PendingDocument;

    fn config_key(&self) -> String {
        let formats: Vec<&str> = self.formats.iter().map(|f| f.name()).collect();
        format!(
            "formats={};paragraphs={:?};max_sentence_chars={};skip_boilerplate={}",
            formats.join(","),
            self.text.paragraphs,
            self.text.max_sentence_chars,
            self.units.skip_boilerplate
        )
    }

    fn prepare(&self, file: &InputFile, text: &str) -> Result<Prepared<PendingDocument>, BoxError> {
        let stem = file.path.file_stem().and_then(|s| s.to_str());
        let (_, state, mt_inputs) = self.prepare_text(&document_id(stem, text), text);
        Ok(Prepared { mt_inputs, state })
    }

    fn finish(
        &self,
        file: &InputFile,
        state: PendingDocument,
        translations: Vec<Result<StoredTranslation, String>>,
    ) -> Result<Vec<PathBuf>, BoxError> {
        let doc = self.complete(state, translations)?;
        let mut written = Vec::new();
        for &format in &self.formats {
            for rendered in render(&doc, format) {
                let path = output_path(&file.output_stem, rendered.extension);
                atomic::write_atomically(&path, &rendered.bytes)?;
                written.push(path);
            }
        }
        Ok(written)
    }
}

/// Translate one text in memory with `translate` (a function from model inputs to one answer
/// per input) and return the finished document.
pub fn translate_text(
    pipeline: &DocumentPipeline,
    doc_id: &str,
    input: &str,
    translate: impl FnOnce(&[String]) -> Vec<Result<StoredTranslation, String>>,
) -> Result<Document, BoxError> {
    let (_, pending, inputs) = pipeline.prepare_text(doc_id, input);
    let answers = translate(&inputs);
    pipeline.complete(pending, answers)
}

/// The engine as the batch runner sees it: a [`Translator`] plus the identity and settings
/// that key its translations in the store.
pub struct TranslatorBackend {
    translator: Translator,
    model: ModelKey,
    settings: String,
}

impl TranslatorBackend {
    /// Wrap `translator`; hashes its weights file once (the store keys on the hash, so a changed
    /// checkpoint never serves stale translations).
    pub fn new(translator: Translator) -> std::io::Result<Self> {
        let info = translator.info();
        let weights_sha256 = crate::mt::weights::sha256_file(&info.weights)?;
        let model = ModelKey {
            id: info.repo_id.clone().unwrap_or_else(|| info.model.clone()),
            revision: info.revision.clone().unwrap_or_else(|| "local".to_string()),
            weights_sha256,
        };
        let search = translator.search_options();
        let settings = DecodeSettings {
            beam: search.beams,
            // 0: the default cap proportional to the source length.
            max_len: search.max_new_tokens.unwrap_or(0),
            min_len: search.min_new_tokens,
            no_repeat_ngram: search.no_repeat_ngram,
            repetition_penalty: search.repetition_penalty,
            punct_norm: translator.tokenizer().punct_norm() == PunctNorm::Opus,
            dtype: format!("{:?}", info.dtype).to_lowercase(),
        }
        .store_key();
        Ok(TranslatorBackend {
            translator,
            model,
            settings,
        })
    }

    /// The wrapped translator.
    pub fn translator(&self) -> &Translator {
        &self.translator
    }
}

impl Backend for TranslatorBackend {
    fn model(&self) -> ModelKey {
        self.model.clone()
    }

    fn settings_key(&self) -> String {
        self.settings.clone()
    }

    fn translate(&mut self, inputs: &[String]) -> Result<Vec<BatchTranslation>, BoxError> {
        let results = self.translator.translate(inputs);
        // One failed input fails the call; the runner then retries input by input, so only
        // the bad sentence ends up untranslated.
        results
            .into_iter()
            .map(|r| {
                r.map(|t| BatchTranslation {
                    text: t.text,
                    score: t.mean_logprob,
                    tokens: t.ids.len(),
                })
                .map_err(|e| Box::new(e) as BoxError)
            })
            .collect()
    }
}
