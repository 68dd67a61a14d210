//! Scores: per document and perspective, and a tally over a run.
//!
//! A document's score is the weighted share of its applicable criteria that are
//! met: each criterion weighs its own `vikt` times its perspective's. Manual
//! questions count only once answered (not yet supported), so they are left out.

pub mod agreement;

use serde::Serialize;

use crate::criteria::{Check, Metric, Status};
use crate::ingest::Kind;
use crate::template::Template;

/// One perspective's result for a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerspectiveScore {
    /// Weighted share met, or none when no criterion applied.
    pub score: Option<f64>,
    pub met: usize,
    pub applicable: usize,
}

/// A document's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentScore {
    /// Weighted share of applicable criteria met, or none.
    pub total: Option<f64>,
    /// Per perspective, in template order.
    pub perspectives: Vec<PerspectiveScore>,
}

/// Scores a document from its statuses.
pub fn document(template: &Template, statuses: &[Status]) -> DocumentScore {
    let n = template.perspectives.len();
    let mut met_weight = vec![0.0; n];
    let mut all_weight = vec![0.0; n];
    let mut perspectives = vec![
        PerspectiveScore {
            score: None,
            met: 0,
            applicable: 0
        };
        n
    ];
    for (criterion, status) in template.criteria.iter().zip(statuses) {
        let p = criterion.perspective;
        match status {
            Status::Met => {
                met_weight[p] += criterion.weight;
                all_weight[p] += criterion.weight;
                perspectives[p].met += 1;
                perspectives[p].applicable += 1;
            }
            Status::NotMet => {
                all_weight[p] += criterion.weight;
                perspectives[p].applicable += 1;
            }
            Status::NotApplicable | Status::Manual => {}
        }
    }
    let (mut num, mut den) = (0.0, 0.0);
    for (i, p) in perspectives.iter_mut().enumerate() {
        if all_weight[i] > 0.0 {
            p.score = Some(met_weight[i] / all_weight[i]);
            let w = template.perspectives[i].weight;
            num += w * met_weight[i];
            den += w * all_weight[i];
        }
    }
    DocumentScore {
        total: (den > 0.0).then(|| num / den),
        perspectives,
    }
}

/// The sentence-length limit the template sets for a kind (25 words if none).
pub fn sentence_limit(template: &Template, kind: Option<Kind>) -> f64 {
    template
        .criteria
        .iter()
        .filter_map(|c| match &c.check {
            Check::Rules { measures, .. } => {
                measures.iter().find(|m| m.metric == Metric::SentenceLength)
            }
            Check::Question => None,
        })
        .find_map(|m| m.bound_for(kind).map(|b| b.value))
        .unwrap_or(25.0)
}

/// Counts over a run: documents, and per perspective and criterion how often
/// they applied and were met.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub documents: usize,
    /// Per perspective: (sum of document scores, documents with a score).
    pub perspectives: Vec<(f64, usize)>,
    /// Per criterion: (met, applicable).
    pub criteria: Vec<(usize, usize)>,
    /// Per criterion: documents where it is manual.
    pub manual: Vec<usize>,
}

impl Tally {
    /// An empty tally for a template.
    pub fn new(template: &Template) -> Self {
        Tally {
            documents: 0,
            perspectives: vec![(0.0, 0); template.perspectives.len()],
            criteria: vec![(0, 0); template.criteria.len()],
            manual: vec![0; template.criteria.len()],
        }
    }

    /// Adds one document.
    pub fn add(&mut self, statuses: &[Status], score: &DocumentScore) {
        self.documents += 1;
        for (acc, p) in self.perspectives.iter_mut().zip(&score.perspectives) {
            if let Some(s) = p.score {
                acc.0 += s;
                acc.1 += 1;
            }
        }
        for (i, status) in statuses.iter().enumerate() {
            match status {
                Status::Met => {
                    self.criteria[i].0 += 1;
                    self.criteria[i].1 += 1;
                }
                Status::NotMet => self.criteria[i].1 += 1,
                Status::Manual => self.manual[i] += 1,
                Status::NotApplicable => {}
            }
        }
    }

    /// Whether any criterion was not met in any document.
    pub fn any_not_met(&self) -> bool {
        self.criteria
            .iter()
            .any(|&(met, applicable)| met < applicable)
    }
}
