//! A template measured against an answer key (facit) written by a reviewer:
//! per criterion, how often granska gives the reviewer's status (accuracy
//! and Cohen's kappa), and for criteria where every occurrence is a finding,
//! how many of granska's findings the reviewer also marked (precision) and
//! how many of the reviewer's granska found (recall).
//!
//! The key is JSON: `{"documents": [{"file": …, "statuses": {"RS-ANSOKAN":
//! "met", …}, "findings": [{"criterion": …, "line": …, "excerpt": …}]}]}`.
//! Only criteria the key lists findings for, and where every occurrence is
//! a finding (a prohibition or a measure), get precision and recall; a
//! finding of severity `info` is a suggestion, not a claim, and is not
//! counted against precision.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::criteria::{Check, Status};
use crate::engine::{self, Outcome, RunError};
use crate::finding::Severity;
use crate::ingest::{Document, IngestError, Input, LineIndex, display_path};
use crate::score::agreement::{Agreement, agreement};
use crate::template::Template;

/// An answer key.
#[derive(Debug, Deserialize)]
pub struct AnswerKey {
    pub documents: Vec<KeyedDocument>,
}

/// One document of the key.
#[derive(Debug, Deserialize)]
pub struct KeyedDocument {
    /// The file, relative to the key's folder.
    pub file: String,
    /// The reviewer's status per criterion id.
    #[serde(default)]
    pub statuses: BTreeMap<String, String>,
    /// The places the reviewer would point out.
    #[serde(default)]
    pub findings: Vec<KeyedFinding>,
}

/// A place the reviewer would point out.
#[derive(Debug, Deserialize)]
pub struct KeyedFinding {
    pub criterion: String,
    /// 1-based line, when the file has lines (not for Word files).
    #[serde(default)]
    pub line: Option<usize>,
    /// The words the finding is about.
    pub excerpt: String,
}

/// The status words a key may use.
const STATUS_WORDS: &[&str] = &["met", "not_met", "not_applicable", "manual"];

impl AnswerKey {
    /// Reads a key; errors are Swedish and say where.
    pub fn parse(text: &str) -> Result<AnswerKey, String> {
        let key: AnswerKey = serde_json::from_str(text)
            .map_err(|e| format!("facit kunde inte läsas som JSON: {e}"))?;
        for doc in &key.documents {
            for (id, status) in &doc.statuses {
                if !STATUS_WORDS.contains(&status.as_str()) {
                    return Err(format!(
                        "{}: {id} har statusen `{status}`; skriv met, not_met, not_applicable eller manual",
                        doc.file
                    ));
                }
            }
        }
        if key.documents.is_empty() {
            return Err("facit har inga dokument".to_string());
        }
        Ok(key)
    }
}

/// What granska said about one document, as the comparison needs it.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub statuses: Vec<Status>,
    pub findings: Vec<Reported>,
}

/// One finding of granska's.
#[derive(Debug, Clone)]
pub struct Reported {
    pub criterion: usize,
    pub severity: Severity,
    /// 1-based line where it starts.
    pub line: usize,
    /// The text it marks.
    pub text: String,
}

impl Judgement {
    /// What `outcome` says about `doc`.
    pub fn of(doc: &Document, outcome: &Outcome) -> Judgement {
        let index = LineIndex::new(&doc.text);
        Judgement {
            statuses: outcome.statuses.clone(),
            findings: outcome
                .findings
                .iter()
                .map(|f| Reported {
                    criterion: f.criterion,
                    severity: f.severity,
                    line: index.position(&doc.text, f.range.start).0,
                    text: doc.text[f.range.clone()].to_string(),
                })
                .collect(),
        }
    }
}

/// The word a status is written with in a key.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NotApplicable => "not_applicable",
        Status::Manual => "manual",
    }
}

/// How granska's findings of one criterion compare with the reviewer's.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingScore {
    /// The reviewer's findings.
    pub expected: usize,
    /// granska's findings (warnings and errors).
    pub reported: usize,
    /// granska's findings that the reviewer also marked.
    pub true_positives: usize,
    /// The reviewer's findings that granska found.
    pub found: usize,
    /// granska's `info` suggestions (not counted).
    pub suggestions: usize,
    /// [`FindingScore::precision`] and [`FindingScore::recall`], for JSON.
    #[serde(rename = "precision")]
    precision_value: Option<f64>,
    #[serde(rename = "recall")]
    recall_value: Option<f64>,
}

impl FindingScore {
    /// Share of granska's findings the reviewer agrees with.
    pub fn precision(&self) -> Option<f64> {
        (self.reported > 0).then(|| self.true_positives as f64 / self.reported as f64)
    }

    /// Share of the reviewer's findings granska found.
    pub fn recall(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.found as f64 / self.expected as f64)
    }
}

/// One criterion's result.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionResult {
    pub id: String,
    /// Documents the key gives a status for.
    pub n: usize,
    pub accuracy: f64,
    pub kappa: Option<f64>,
    /// How many documents the key calls met and not met.
    pub key_met: usize,
    pub key_not_met: usize,
    /// Precision and recall of findings, when the key lists findings for it.
    pub findings: Option<FindingScore>,
}

/// A document where granska and the key disagree on a criterion.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub file: String,
    pub criterion: String,
    pub key: String,
    pub granska: String,
}

/// A finding only one side has.
#[derive(Debug, Clone, Serialize)]
pub struct Unmatched {
    pub file: String,
    pub criterion: String,
    pub line: Option<usize>,
    pub excerpt: String,
}

/// The whole comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub documents: usize,
    pub criteria: Vec<CriterionResult>,
    pub overall: Option<OverallAgreement>,
    pub disagreements: Vec<Disagreement>,
    /// The reviewer's findings granska did not find.
    pub missed: Vec<Unmatched>,
    /// granska's findings the reviewer did not mark.
    pub extra: Vec<Unmatched>,
    /// Files of the key that granska did not judge (unreadable or absent).
    pub not_judged: Vec<String>,
    /// Criterion ids of the key the template does not have.
    pub unknown_criteria: Vec<String>,
}

/// Accuracy and kappa over every status of every criterion.
#[derive(Debug, Clone, Serialize)]
pub struct OverallAgreement {
    pub n: usize,
    pub accuracy: f64,
    pub kappa: Option<f64>,
}

impl From<Agreement> for OverallAgreement {
    fn from(a: Agreement) -> Self {
        OverallAgreement {
            n: a.n,
            accuracy: a.accuracy,
            kappa: a.kappa,
        }
    }
}

/// Text folded for comparison: lower case, single spaces.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether granska's finding `r` is the reviewer's finding `k`: the same
/// criterion, text where one holds the other (a sentence and its first
/// words, "inkommit" and "har inkommit"), and the same line give or take one
/// when the key gives a line.
fn same_place(k: &KeyedFinding, r: &Reported) -> bool {
    let (a, b) = (folded(&k.excerpt), folded(&r.text));
    let text = !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a));
    text && k.line.is_none_or(|line| line.abs_diff(r.line) <= 1)
}

/// Compares `judged` (per file of the key) with `key`.
pub fn compare(
    template: &Template,
    key: &AnswerKey,
    judged: &HashMap<String, Judgement>,
) -> Evaluation {
    let ids: HashMap<&str, usize> = template
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut pairs: BTreeMap<usize, Vec<(&str, &'static str)>> = BTreeMap::new();
    let mut scores: BTreeMap<usize, FindingScore> = BTreeMap::new();
    let mut unknown = Vec::new();
    let mut out = Evaluation {
        documents: 0,
        criteria: Vec::new(),
        overall: None,
        disagreements: Vec::new(),
        missed: Vec::new(),
        extra: Vec::new(),
        not_judged: Vec::new(),
        unknown_criteria: Vec::new(),
    };
    // Criteria the key marks findings for, where every occurrence is a
    // finding (a prohibition or a measure): the one finding of a missing
    // requirement only says where the requirement belongs.
    let per_occurrence = |i: usize| {
        matches!(
            &template.criteria[i].check,
            Check::Rules { prohibitions, measures, .. } if !prohibitions.is_empty() || !measures.is_empty()
        )
    };
    for doc in &key.documents {
        for f in &doc.findings {
            match ids.get(f.criterion.as_str()) {
                Some(&i) if per_occurrence(i) => {
                    scores.entry(i).or_default();
                }
                Some(_) => {}
                None => unknown.push(f.criterion.clone()),
            }
        }
    }
    for doc in &key.documents {
        let Some(judgement) = judged.get(&doc.file) else {
            out.not_judged.push(doc.file.clone());
            continue;
        };
        out.documents += 1;
        for (id, expected) in &doc.statuses {
            let Some(&i) = ids.get(id.as_str()) else {
                unknown.push(id.clone());
                continue;
            };
            let actual = status_word(judgement.statuses[i]);
            if expected != actual {
                out.disagreements.push(Disagreement {
                    file: doc.file.clone(),
                    criterion: id.clone(),
                    key: expected.clone(),
                    granska: actual.to_string(),
                });
            }
            pairs.entry(i).or_default().push((expected, actual));
        }
        for (&i, score) in scores.iter_mut() {
            let id = &template.criteria[i].id;
            let expected: Vec<&KeyedFinding> =
                doc.findings.iter().filter(|f| f.criterion == *id).collect();
            let reported: Vec<&Reported> = judgement
                .findings
                .iter()
                .filter(|r| r.criterion == i)
                .collect();
            let claims: Vec<&Reported> = reported
                .iter()
                .copied()
                .filter(|r| r.severity != Severity::Info)
                .collect();
            score.expected += expected.len();
            score.reported += claims.len();
            score.suggestions += reported.len() - claims.len();
            // Each of the reviewer's findings is found by any of granska's
            // (info included); each claim is right when it is one of the
            // reviewer's.
            for k in &expected {
                if reported.iter().any(|r| same_place(k, r)) {
                    score.found += 1;
                } else {
                    out.missed.push(Unmatched {
                        file: doc.file.clone(),
                        criterion: id.clone(),
                        line: k.line,
                        excerpt: k.excerpt.clone(),
                    });
                }
            }
            for r in &claims {
                if expected.iter().any(|k| same_place(k, r)) {
                    score.true_positives += 1;
                } else {
                    out.extra.push(Unmatched {
                        file: doc.file.clone(),
                        criterion: id.clone(),
                        line: Some(r.line),
                        excerpt: r.text.clone(),
                    });
                }
            }
        }
    }
    for (i, criterion) in template.criteria.iter().enumerate() {
        let Some(pairs) = pairs.get(&i) else {
            continue;
        };
        let Some(a) = agreement(pairs) else {
            continue;
        };
        out.criteria.push(CriterionResult {
            id: criterion.id.clone(),
            n: a.n,
            accuracy: a.accuracy,
            kappa: a.kappa,
            key_met: pairs.iter().filter(|(k, _)| *k == "met").count(),
            key_not_met: pairs.iter().filter(|(k, _)| *k == "not_met").count(),
            findings: scores.get(&i).cloned().map(|mut f| {
                f.precision_value = f.precision();
                f.recall_value = f.recall();
                f
            }),
        });
    }
    let all: Vec<(&str, &str)> = pairs.values().flatten().copied().collect();
    out.overall = agreement(&all).map(OverallAgreement::from);
    unknown.sort();
    unknown.dedup();
    out.unknown_criteria = unknown;
    out
}

/// Judges the documents of `inputs` that the key names (by their path from
/// the folder given, [`Input::name`]) and compares them with the key. Files
/// the key names that could not be read are among the errors returned and
/// in [`Evaluation::not_judged`].
pub fn run(
    template: &Template,
    key: &AnswerKey,
    inputs: Vec<Input>,
    jobs: usize,
) -> Result<(Evaluation, Vec<IngestError>), RunError> {
    let wanted: std::collections::HashSet<&str> =
        key.documents.iter().map(|d| d.file.as_str()).collect();
    let inputs: Vec<Input> = inputs
        .into_iter()
        .filter(|i| wanted.contains(i.name.as_str()))
        .collect();
    // A document carries the path it was read from; the key names it by
    // its path from the folder.
    let names: HashMap<String, String> = inputs
        .iter()
        .map(|i| (display_path(&i.path), i.name.clone()))
        .collect();
    let mut judged = HashMap::new();
    let mut errors = Vec::new();
    engine::run(
        template,
        &inputs,
        None,
        jobs,
        |doc, outcome| (doc.path.clone(), Judgement::of(doc, outcome)),
        |result| match result {
            Ok((_, (path, judgement))) => {
                if let Some(name) = names.get(&path) {
                    judged.insert(name.clone(), judgement);
                }
            }
            Err(e) => errors.push(e),
        },
        None,
    )?;
    Ok((compare(template, key, &judged), errors))
}

#[cfg(test)]
mod tests;
