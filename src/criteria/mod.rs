//! The criteria of a checked template and how each is evaluated.
//!
//! A criterion is applicable to a document by kind and metadata
//! ([`Applicability`]); it is then judged by a closed set of requirement kinds,
//! one file each: sections ([`section`]), patterns — phrases, regular
//! expressions, lexicons, detectors — ([`pattern`]), measures ([`measure`]) and
//! their combinations ([`logic`]). Manual questions are criteria with
//! [`Check::Question`].

pub mod condition;
pub mod logic;
pub mod measure;
pub mod pattern;
pub mod section;
pub mod tables;

use serde::Serialize;
use std::ops::Range;

pub use condition::{Condition, ConditionAtom, MetadataTest};
pub use logic::{Logic, Need, Requirement};
pub use measure::{Bound, Measure, Metric};
pub use pattern::{Context, Hit, Lexicon, LexiconEntry, Matcher, Pattern, Scope};
pub use section::SectionSet;
pub use tables::{Detect, Tables};

use crate::finding::{Finding, Severity};
use crate::ingest::Kind;

/// A perspective of the template: a group of criteria with a weight and
/// optionally a target share.
#[derive(Debug, Clone, PartialEq)]
pub struct Perspective {
    pub id: String,
    pub title: String,
    pub weight: f64,
    /// Target share of documents (0–1), if set.
    pub target: Option<f64>,
}

/// A criterion (or manual question) of a checked template.
#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    /// Index of the perspective in the template.
    pub perspective: usize,
    pub weight: f64,
    pub severity: Severity,
    /// Other severities for documents a condition holds for, the first that
    /// holds winning (`allvar varning där utfall är bifall`).
    pub severity_when: Vec<(Condition, Severity)>,
    /// Legal or other source.
    pub source: Option<String>,
    /// What is wrong when the criterion is not met.
    pub message: String,
    /// What to do about it.
    pub advice: Option<String>,
    pub applies: Applicability,
    pub check: Check,
    pub examples: Vec<Example>,
    /// Criteria whose findings this one gives way to at the same place
    /// (`viker för`); they are judged first.
    pub yields_to: Vec<usize>,
}

/// How a criterion is judged.
#[derive(Debug, Clone)]
pub enum Check {
    /// Judged from the text.
    Rules {
        requirement: Option<Requirement>,
        prohibitions: Vec<(Pattern, Option<Scope>)>,
        measures: Vec<Measure>,
    },
    /// Answered by a reviewer.
    Question,
}

/// An example text embedded in a criterion.
#[derive(Debug, Clone)]
pub struct Example {
    /// Whether the example should meet the criterion.
    pub met: bool,
    /// The text, without the marks.
    pub text: String,
    /// Where findings are expected (`«…»` in the template), with the advice
    /// they should give (`«…»[…]`).
    pub marks: Vec<ExampleMark>,
    /// Line of the example in the template file, for reports.
    pub line: usize,
    /// The template file the example is in.
    pub file: String,
}

/// A finding an example expects: its exact place in the example's text and,
/// if given, words its suggestion contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleMark {
    pub range: std::ops::Range<usize>,
    pub advice: Option<String>,
}

impl ExampleMark {
    /// The marks of `text` (`«erhålla»`, `«erhålla»[få]`) and the text without
    /// them. A `«` without its `»` is left as it is.
    pub fn parse(text: &str) -> (String, Vec<ExampleMark>) {
        let mut out = String::with_capacity(text.len());
        let mut marks = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('«') {
            let after = &rest[open + '«'.len_utf8()..];
            let Some(close) = after.find('»') else {
                break;
            };
            out.push_str(&rest[..open]);
            let start = out.len();
            out.push_str(&after[..close]);
            let mut next = &after[close + '»'.len_utf8()..];
            let mut advice = None;
            if let Some(inner) = next.strip_prefix('[') {
                if let Some(end) = inner.find(']') {
                    advice = Some(inner[..end].to_string());
                    next = &inner[end + 1..];
                }
            }
            marks.push(ExampleMark {
                range: start..out.len(),
                advice,
            });
            rest = next;
        }
        out.push_str(rest);
        (out, marks)
    }
}

/// Which documents a criterion applies to.
#[derive(Debug, Clone, Default)]
pub struct Applicability {
    /// Empty: every kind.
    pub kinds: Vec<Kind>,
    pub condition: Option<Condition>,
}

impl Applicability {
    /// Whether a document of this kind, metadata and text is covered.
    pub fn covers(&self, ctx: &Context) -> bool {
        let kind_ok =
            self.kinds.is_empty() || ctx.doc.kind.is_some_and(|k| self.kinds.contains(&k));
        kind_ok && self.condition.as_ref().is_none_or(|c| c.holds(ctx))
    }
}

/// The status of a criterion for a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    NotApplicable,
    Manual,
}

impl Status {
    /// The Swedish word for the status: the one word every report and
    /// protocol shows.
    pub const fn word(self) -> &'static str {
        match self {
            Status::Met => "uppfyllt",
            Status::NotMet => "ej uppfyllt",
            Status::NotApplicable => "ej tillämpligt",
            Status::Manual => "manuell granskning",
        }
    }

    /// The status of its JSON name (`met`, `not_met`, `not_applicable`,
    /// `manual`).
    pub fn from_id(id: &str) -> Option<Status> {
        match id {
            "met" => Some(Status::Met),
            "not_met" => Some(Status::NotMet),
            "not_applicable" => Some(Status::NotApplicable),
            "manual" => Some(Status::Manual),
            _ => None,
        }
    }
}

impl Criterion {
    /// The severity of the criterion's findings on the document of `ctx`.
    pub fn severity_for(&self, ctx: &Context) -> Severity {
        self.severity_when
            .iter()
            .find(|(condition, _)| condition.holds(ctx))
            .map_or(self.severity, |(_, severity)| *severity)
    }

    /// Judges the criterion on one document, adding its findings to `findings`.
    pub fn evaluate(&self, index: usize, ctx: &Context, findings: &mut Vec<Finding>) -> Status {
        if !self.applies.covers(ctx) {
            return Status::NotApplicable;
        }
        let Check::Rules {
            requirement,
            prohibitions,
            measures,
        } = &self.check
        else {
            return Status::Manual;
        };
        let before = findings.len();
        let mut judged = false;
        let mut met = true;
        let severity = self.severity_for(ctx);
        let finding = |range, message, suggestion| Finding {
            criterion: index,
            severity,
            range,
            message,
            suggestion,
            occurrence: false,
        };
        if let Some(requirement) = requirement {
            judged = true;
            if !requirement.holds(ctx) {
                met = false;
                let place = requirement
                    .place(ctx)
                    .unwrap_or_else(|| ctx.doc.start_of_body());
                findings.push(finding(place, self.message.clone(), self.advice.clone()));
            }
        }
        for (pattern, scope) in prohibitions {
            // A comparison with other cases needs at least two cases.
            if pattern.needs_batch(ctx) && ctx.batch.is_none_or(|b| b.case_count() < 2) {
                continue;
            }
            judged = true;
            // Where a criterion this one gives way to has marked the place,
            // this one says nothing ("sökanden": KS-TILLTAL, not also
            // KS-KANSLISPRAK); a place marked for something missing ("the
            // decision never says du") hides nothing.
            let taken: Vec<Range<usize>> = findings[..before]
                .iter()
                .filter(|f| f.occurrence && self.yields_to.contains(&f.criterion))
                .map(|f| f.range.clone())
                .collect();
            for hit in pattern.occurrences_in(ctx, scope.as_ref()) {
                if taken
                    .iter()
                    .any(|r| r.start < hit.range.end && hit.range.start < r.end)
                {
                    continue;
                }
                let entry = pattern.entry(ctx, &hit);
                let severity = hit
                    .severity
                    .or(entry.and_then(|e| e.severity))
                    .unwrap_or(severity);
                met &= severity == Severity::Info;
                let matched = &ctx.doc.text[hit.range.clone()];
                let message = hit
                    .message
                    .unwrap_or_else(|| fill(&self.message, &[("träff", matched)]));
                let suggestion =
                    hit.suggestion
                        .or_else(|| match entry.and_then(|e| e.replacement.as_deref()) {
                            Some(r) => Some(format!("Skriv hellre: {r}.")),
                            None => self.advice.clone(),
                        });
                findings.push(Finding {
                    severity,
                    occurrence: true,
                    ..finding(hit.range, message, suggestion)
                });
            }
        }
        for measure in measures {
            match measure.evaluate(ctx) {
                measure::Outcome::NotApplicable => {}
                measure::Outcome::Pass => judged = true,
                measure::Outcome::Fail(violations) => {
                    judged = true;
                    met = false;
                    for v in violations {
                        let message =
                            fill(&self.message, &[("värde", &v.value), ("gräns", &v.limit)]);
                        let place = v.range.unwrap_or_else(|| ctx.doc.start_of_body());
                        findings.push(finding(place, message, self.advice.clone()));
                    }
                }
            }
        }
        if !judged {
            findings.truncate(before);
            return Status::NotApplicable;
        }
        if met { Status::Met } else { Status::NotMet }
    }
}

/// Replaces `{name}` placeholders in a message.
fn fill(message: &str, values: &[(&str, &str)]) -> String {
    let mut out = message.to_string();
    for (name, value) in values {
        let key = format!("{{{name}}}");
        if out.contains(&key) {
            out = out.replace(&key, value);
        }
    }
    out
}

/// Placeholders a criterion's message may use.
pub const PLACEHOLDERS: &[&str] = &["träff", "värde", "gräns"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(
                "LIX {värde} (högst {gräns})",
                &[("värde", "52"), ("gräns", "45")]
            ),
            "LIX 52 (högst 45)"
        );
        assert_eq!(
            fill("Ordet ”{träff}”", &[("träff", "erhålla")]),
            "Ordet ”erhålla”"
        );
    }

    #[test]
    fn example_marks_are_read_and_taken_out_of_the_text() {
        let (text, marks) =
            ExampleMark::parse("Du «erhåller»[få] hjälp «i enlighet med» beslutet.");
        assert_eq!(text, "Du erhåller hjälp i enlighet med beslutet.");
        assert_eq!(&text[marks[0].range.clone()], "erhåller");
        assert_eq!(marks[0].advice.as_deref(), Some("få"));
        assert_eq!(&text[marks[1].range.clone()], "i enlighet med");
        assert_eq!(marks[1].advice, None);
        // A lone « and an ordinary [heading] stay as they are.
        let (text, marks) = ExampleMark::parse("[Beslut]\nPris « 20 kr");
        assert_eq!(text, "[Beslut]\nPris « 20 kr");
        assert!(marks.is_empty());
    }
}
