//! Evaluating every criterion on every document, in parallel.
//!
//! Documents are read, analysed and judged in chunks on a rayon pool; each
//! chunk's results are handed to the caller in input order before the next
//! chunk is read, so memory stays flat however large the batch, and the output
//! is the same whatever the number of threads.

pub mod batch;
pub mod evaluation;
mod examples;

use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use examples::{ExampleFailure, ExampleProblem, test_criterion_examples, test_examples};

use crate::criteria::{Context, Status};
use crate::finding::{Finding, Severity};
use crate::ingest::{Document, IngestError, Input, units};
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

impl Outcome {
    /// The outcome with only the findings of severity `at_least` or more
    /// serious (`--allvar`); statuses and scores are unchanged.
    pub fn shown_at(&self, at_least: Severity) -> std::borrow::Cow<'_, Outcome> {
        if self.findings.iter().all(|f| f.severity <= at_least) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut shown = self.clone();
        shown.findings.retain(|f| f.severity <= at_least);
        std::borrow::Cow::Owned(shown)
    }

    /// The findings in the order a reader wants them: errors, then warnings,
    /// then info, each in the order of the text.
    pub fn by_severity(&self) -> Vec<&Finding> {
        let mut findings: Vec<&Finding> = self.findings.iter().collect();
        findings.sort_by_key(|f| f.severity);
        findings
    }
}

/// Judges one document against every criterion.
pub fn evaluate(template: &Template, doc: &Document) -> Outcome {
    evaluate_in_batch(template, doc, None, None)
}

/// Judges one document against every criterion, with what the batch says,
/// adding the time spent to `timing` when given.
pub fn evaluate_in_batch(
    template: &Template,
    doc: &Document,
    batch: Option<&BatchIndex>,
    mut timing: Option<&mut DocTiming>,
) -> Outcome {
    let started = Instant::now();
    let analysis = doc.analysis();
    let ctx = Context::new(&template.tables, doc, &analysis)
        .with_batch(batch.map(|b| b as &dyn crate::language::shingles::CaseFingerprints));
    if let Some(t) = timing.as_deref_mut() {
        t.analysis += started.elapsed();
        t.criteria.resize(template.criteria.len(), Duration::ZERO);
    }
    let mut findings = Vec::new();
    let mut statuses = vec![Status::NotApplicable; template.criteria.len()];
    // Criteria that give way to others (`viker för`) are judged after them.
    let (first, then): (Vec<_>, Vec<_>) = template
        .criteria
        .iter()
        .enumerate()
        .partition(|(_, c)| c.yields_to.is_empty());
    for (i, c) in first.into_iter().chain(then) {
        let started = Instant::now();
        statuses[i] = c.evaluate(i, &ctx, &mut findings);
        if let Some(t) = timing.as_deref_mut() {
            t.criteria[i] += started.elapsed();
        }
    }
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

/// Time spent on one document, by stage and criterion.
#[derive(Debug, Clone, Default)]
pub struct DocTiming {
    pub reading: Duration,
    pub analysis: Duration,
    pub criteria: Vec<Duration>,
    pub output: Duration,
}

/// Time spent in a run, for `--profil`: stages and criteria summed over the
/// documents (time on all threads), and the run's wall-clock time.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub documents: usize,
    pub threads: usize,
    /// The first pass over the batch (wall-clock), for criteria that compare
    /// cases.
    pub batch: Duration,
    pub stages: DocTiming,
    pub wall: Duration,
}

impl Profile {
    fn add(&mut self, t: &DocTiming) {
        self.documents += 1;
        self.stages.reading += t.reading;
        self.stages.analysis += t.analysis;
        self.stages.output += t.output;
        if self.stages.criteria.len() < t.criteria.len() {
            self.stages
                .criteria
                .resize(t.criteria.len(), Duration::ZERO);
        }
        for (sum, d) in self.stages.criteria.iter_mut().zip(&t.criteria) {
            *sum += *d;
        }
    }
}

/// A document judged and rendered, or the reason it could not be read.
pub type Judged<T> = Result<(Outcome, T), IngestError>;

/// The threads a run uses when `requested` were asked for (0: one per core),
/// and a note (in Swedish) when that was more than the machine has cores:
/// more threads than cores only wait for each other, and each may keep a
/// reader process with its own memory.
pub fn threads(requested: usize) -> (usize, Option<String>) {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if requested <= cores {
        return (requested, None);
    }
    let note = format!(
        "--jobb {requested} är fler trådar än datorns {cores} kärnor; granska använder {cores}."
    );
    (cores, Some(note))
}

/// How many documents are read and judged per chunk per thread.
const CHUNK_PER_THREAD: usize = 64;

/// Why a run could not be carried out (a file that cannot be read is not one:
/// it is reported with the results).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("kunde inte starta trådar: {0}")]
    Threads(rayon::ThreadPoolBuildError),
    #[error(
        "kunde inte jämföra dokumenten med varandra (upprepade stycken): de tillfälliga filerna \
         gick inte att skriva eller läsa ({0}). Finns det plats på disken?"
    )]
    Index(std::io::Error),
}

/// Reads and judges `inputs` on `jobs` threads (0: one per core). For each
/// document, `render` runs on the worker thread with the document and its
/// outcome; `sink` then receives the results in input order. Criteria that
/// compare cases (RS-INDIVIDUELL) compare with `compare_with`, or with
/// `inputs` when none is given — a stickprov is judged against its whole
/// population. With `profile`, the time spent is added to it.
pub fn run<T: Send>(
    template: &Template,
    inputs: &[Input],
    compare_with: Option<&[Input]>,
    jobs: usize,
    render: impl Fn(&Document, &Outcome) -> T + Sync,
    mut sink: impl FnMut(Judged<T>),
    mut profile: Option<&mut Profile>,
) -> Result<(), RunError> {
    let run_started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(RunError::Threads)?;
    let chunk = pool.current_num_threads() * CHUNK_PER_THREAD;
    let profiling = profile.is_some();
    let batch_started = Instant::now();
    let batch = if template.needs_batch() {
        let all = compare_with.unwrap_or(inputs);
        Some(BatchIndex::build(all, &pool, chunk).map_err(RunError::Index)?)
    } else {
        None
    };
    let batch_time = batch_started.elapsed();
    for work in units(inputs).chunks(chunk) {
        let results: Vec<Vec<(Judged<T>, Option<DocTiming>)>> = pool.install(|| {
            work.into_par_iter()
                .map(|unit| {
                    let started = Instant::now();
                    let known = batch
                        .as_ref()
                        .filter(|_| unit.whole_file())
                        .and_then(|b| b.unreadable(&unit.input.path));
                    let docs = match known {
                        Some(e) => vec![Err(e.clone())],
                        None => unit.read(),
                    };
                    let mut reading = Some(started.elapsed());
                    docs.into_iter()
                        .map(|doc| {
                            let doc = match doc {
                                Ok(doc) => doc,
                                Err(e) => return (Err(e), None),
                            };
                            let mut timing = profiling.then(DocTiming::default);
                            if let Some(t) = timing.as_mut() {
                                t.reading = reading.take().unwrap_or_default();
                            }
                            let outcome =
                                evaluate_in_batch(template, &doc, batch.as_ref(), timing.as_mut());
                            let started = Instant::now();
                            let rendered = render(&doc, &outcome);
                            if let Some(t) = timing.as_mut() {
                                t.output = started.elapsed();
                            }
                            (Ok((outcome, rendered)), timing)
                        })
                        .collect()
                })
                .collect()
        });
        for (result, timing) in results.into_iter().flatten() {
            if let (Some(p), Some(t)) = (profile.as_deref_mut(), timing) {
                p.add(&t);
            }
            sink(result);
        }
    }
    if let Some(p) = profile {
        p.threads = pool.current_num_threads();
        p.batch = batch_time;
        p.wall = run_started.elapsed();
    }
    Ok(())
}
