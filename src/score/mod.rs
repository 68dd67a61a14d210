//! Scores: per document and perspective, and a tally over a run.
//!
//! A document's score is the weighted share of its applicable criteria that are
//! met: each criterion weighs its own `vikt` times its perspective's. Manual
//! questions count only once answered (not yet supported), so they are left out.

pub mod agreement;
pub mod compare;
pub mod design;
pub mod estimate;
pub mod stats;
pub mod summary;

pub use summary::{Facts, Frame, Groups, Summary, Tally};

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
