//! Evaluating every criterion on every document, in parallel.
//!
//! Documents are read, analysed and judged in chunks on a rayon pool; each
//! chunk's results are handed to the caller in input order before the next
//! chunk is read, so memory stays flat however large the batch, and the output
//! is the same whatever the number of threads.

pub mod batch;
mod examples;

use rayon::prelude::*;

pub use examples::{ExampleFailure, test_examples};

use crate::criteria::{Context, Status};
use crate::finding::Finding;
use crate::ingest::{Document, IngestError, Input, read_input};
use crate::language::Analysis;
use crate::score::{self, DocumentScore};
use crate::template::Template;
use batch::BatchIndex;

/// Numbers about a document's language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// LIX of the running text (none without words).
    pub lix: Option<f64>,
    pub words: usize,
    pub sentences: usize,
    /// Sentences longer than the template's sentence-length limit (25 words if
    /// the template sets none).
    pub long_sentences: usize,
}

/// The result of judging one document.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Status per criterion, in template order.
    pub statuses: Vec<Status>,
    /// Findings ordered by place, then criterion.
    pub findings: Vec<Finding>,
    pub metrics: Metrics,
    pub score: DocumentScore,
}

/// Judges one document against every criterion.
pub fn evaluate(template: &Template, doc: &Document) -> Outcome {
    evaluate_in_batch(template, doc, None)
}

/// Judges one document against every criterion, with what the batch says.
pub fn evaluate_in_batch(
    template: &Template,
    doc: &Document,
    batch: Option<&BatchIndex>,
) -> Outcome {
    let analysis = Analysis::of(doc);
    let ctx = Context::new(template, doc, &analysis).with_batch(batch);
    let mut findings = Vec::new();
    let statuses: Vec<Status> = template
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| c.evaluate(i, &ctx, &mut findings))
        .collect();
    findings.sort_by(|a, b| {
        (a.range.start, a.criterion, a.range.end).cmp(&(b.range.start, b.criterion, b.range.end))
    });
    let limit = score::sentence_limit(template, doc.kind);
    let metrics = Metrics {
        lix: analysis.lix,
        words: analysis.words.len(),
        sentences: analysis.sentences.len(),
        long_sentences: analysis
            .sentences
            .iter()
            .filter(|s| s.words.len() as f64 > limit)
            .count(),
    };
    let score = score::document(template, &statuses);
    Outcome {
        statuses,
        findings,
        metrics,
        score,
    }
}

/// How many documents are read and judged per chunk per thread.
const CHUNK_PER_THREAD: usize = 64;

/// Reads and judges `inputs` on `jobs` threads (0: one per core). For each
/// document, `render` runs on the worker thread with the document and its
/// outcome; `sink` then receives the results in input order.
pub fn run<T: Send>(
    template: &Template,
    inputs: &[Input],
    jobs: usize,
    render: impl Fn(&Document, &Outcome) -> T + Sync,
    mut sink: impl FnMut(Result<(Outcome, T), IngestError>),
) -> Result<(), rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let chunk = pool.current_num_threads() * CHUNK_PER_THREAD;
    let batch = template
        .needs_batch()
        .then(|| BatchIndex::build(inputs, &pool, chunk));
    for inputs in inputs.chunks(chunk) {
        let results: Vec<Result<(Outcome, T), IngestError>> = pool.install(|| {
            inputs
                .par_iter()
                .map(|input| {
                    let doc = read_input(input)?;
                    let outcome = evaluate_in_batch(template, &doc, batch.as_ref());
                    let rendered = render(&doc, &outcome);
                    Ok((outcome, rendered))
                })
                .collect()
        });
        results.into_iter().for_each(&mut sink);
    }
    Ok(())
}
