//! One document's results as every output format reports them: masked,
//! owned, in template order. The JSON report is this, serialised; the other
//! formats take their rows from it.

use serde::Serialize;

use super::Place;
use super::privacy::shown;
use crate::criteria::Status;
use crate::engine::{Metrics, Outcome};
use crate::finding::Severity;
use crate::ingest::{Document, LineIndex};
use crate::score::summary::IdMap;
use crate::template::Template;

/// A document's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    pub id: String,
    pub path: String,
    pub kind: Option<&'static str>,
    pub encoding: &'static str,
    pub metadata: serde_json::Map<String, serde_json::Value>,
    pub score: Option<f64>,
    pub perspectives: Perspectives,
    pub criteria: Vec<CriterionReport>,
    pub findings: Vec<FindingReport>,
    pub metrics: MetricsReport,
}

/// A perspective's result in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerspectiveReport {
    pub applicable: usize,
    pub met: usize,
    pub score: Option<f64>,
}

/// A document's perspectives in template order, serialised as a map.
pub type Perspectives = IdMap<PerspectiveReport>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionReport {
    pub id: String,
    pub perspective: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingReport {
    pub criterion: String,
    pub perspective: String,
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    pub paragraph: Option<usize>,
    pub page: Option<usize>,
    pub byte_start: usize,
    pub byte_end: usize,
    pub excerpt: String,
    pub message: String,
    pub suggestion: Option<String>,
    /// The criterion's source (`källa`): the law or guidance it rests on.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsReport {
    pub lix: Option<f64>,
    pub words: usize,
    pub sentences: usize,
    pub long_sentences: usize,
}

impl From<&Metrics> for MetricsReport {
    fn from(m: &Metrics) -> Self {
        MetricsReport {
            lix: m.lix.map(|v| round(v, 2)),
            words: m.words,
            sentences: m.sentences,
            long_sentences: m.long_sentences,
        }
    }
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

impl DocumentReport {
    /// The results of `doc`, with personal identity numbers masked unless
    /// `show_pnr`.
    pub fn new(template: &Template, doc: &Document, outcome: &Outcome, show_pnr: bool) -> Self {
        let index = LineIndex::new(&doc.text);
        let mask = |s: &str| shown(s, show_pnr).into_owned();
        let findings = outcome
            .findings
            .iter()
            .map(|f| {
                let criterion = &template.criteria[f.criterion];
                let place = Place::of(doc, &index, &f.range);
                FindingReport {
                    criterion: criterion.id.clone(),
                    perspective: template.perspectives[criterion.perspective].id.clone(),
                    severity: f.severity,
                    line: place.line,
                    column: place.column,
                    paragraph: place.paragraph,
                    page: place.page,
                    byte_start: f.range.start,
                    byte_end: f.range.end,
                    excerpt: mask(&place.excerpt),
                    message: mask(&f.message),
                    suggestion: f.suggestion.as_deref().map(mask),
                    source: criterion.source.clone(),
                }
            })
            .collect();
        DocumentReport {
            id: mask(&doc.id),
            path: mask(&doc.path),
            kind: doc.kind.map(|k| k.name()),
            encoding: doc.encoding,
            metadata: doc
                .metadata
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(mask(v))))
                .collect(),
            score: outcome.score.total.map(|v| round(v, 4)),
            perspectives: IdMap(
                template
                    .perspectives
                    .iter()
                    .zip(&outcome.score.perspectives)
                    .map(|(p, s)| {
                        let report = PerspectiveReport {
                            applicable: s.applicable,
                            met: s.met,
                            score: s.score.map(|v| round(v, 4)),
                        };
                        (p.id.clone(), report)
                    })
                    .collect(),
            ),
            criteria: template
                .criteria
                .iter()
                .zip(&outcome.statuses)
                .map(|(c, &status)| CriterionReport {
                    id: c.id.clone(),
                    perspective: template.perspectives[c.perspective].id.clone(),
                    status,
                })
                .collect(),
            findings,
            metrics: MetricsReport::from(&outcome.metrics),
        }
    }
}
