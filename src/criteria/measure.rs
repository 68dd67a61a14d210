//! Measures: built-in metrics against per-kind thresholds.

use std::ops::Range;

use super::{Context, Pattern};
use crate::ingest::Kind;
use crate::language::dates;

/// A built-in metric.
#[derive(Debug, Clone, PartialEq)]
pub enum Metric {
    /// LIX of the running text.
    Lix,
    /// Words per sentence: every sentence is measured on its own.
    SentenceLength,
    /// Share of s-passive forms among the words (0–1).
    PassiveShare,
    /// Occurrences of one pattern against another: `minst r` means at least
    /// r times as many.
    Ratio(Pattern, Pattern),
    /// Days from one metadata date to another.
    Days(String, String),
}

impl Metric {
    /// The names of the metrics in templates.
    pub const NAMES: &[&str] = &["lix", "meningslängd", "passivandel", "kvot", "dagar"];
}

/// `högst N` or `minst N`, optionally only for one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub at_most: bool,
    pub value: f64,
    pub kind: Option<Kind>,
}

impl Bound {
    fn allows(&self, value: f64) -> bool {
        if self.at_most {
            value <= self.value
        } else {
            value >= self.value
        }
    }
}

/// A metric with its bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub metric: Metric,
    pub bounds: Vec<Bound>,
}

/// One place where a measure is outside its bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where (none: the document as a whole).
    pub range: Option<Range<usize>>,
    /// The measured value, formatted.
    pub value: String,
    /// The bound, formatted.
    pub limit: String,
}

/// The result of a measure on a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// No bound applies to this kind, or the metric is undefined (no words).
    NotApplicable,
    Pass,
    Fail(Vec<Violation>),
}

impl Measure {
    /// The bound for a document kind: one for that kind, else one without kind.
    pub fn bound_for(&self, kind: Option<Kind>) -> Option<&Bound> {
        self.bounds
            .iter()
            .find(|b| b.kind.is_some() && b.kind == kind)
            .or_else(|| self.bounds.iter().find(|b| b.kind.is_none()))
    }

    /// Measures the document.
    pub fn evaluate(&self, ctx: &Context) -> Outcome {
        let Some(bound) = self.bound_for(ctx.doc.kind) else {
            return Outcome::NotApplicable;
        };
        let limit = format_number(bound.value);
        let whole = |value: f64, shown: String, limit: String| {
            if bound.allows(value) {
                Outcome::Pass
            } else {
                Outcome::Fail(vec![Violation {
                    range: None,
                    value: shown,
                    limit,
                }])
            }
        };
        match &self.metric {
            Metric::Lix => match ctx.analysis.lix {
                None => Outcome::NotApplicable,
                Some(lix) => whole(lix, format_number(lix), limit),
            },
            Metric::PassiveShare => {
                let passives =
                    crate::language::passive::passive_forms(&ctx.doc.text, ctx.analysis).len();
                let words = ctx.analysis.words.len();
                if words == 0 {
                    return Outcome::NotApplicable;
                }
                let share = passives as f64 / words as f64;
                whole(
                    share,
                    format!("{} %", format_number(share * 100.0)),
                    format!("{} %", format_number(bound.value * 100.0)),
                )
            }
            Metric::Ratio(a, b) => {
                let (a, b) = (
                    a.occurrences(ctx).len() as f64,
                    b.occurrences(ctx).len() as f64,
                );
                // `minst r`: a ≥ r·b, so two zeros pass.
                let holds = if bound.at_most {
                    a <= bound.value * b
                } else {
                    a >= bound.value * b
                };
                if holds {
                    Outcome::Pass
                } else {
                    Outcome::Fail(vec![Violation {
                        range: None,
                        value: format!("{a} mot {b}"),
                        limit,
                    }])
                }
            }
            Metric::Days(from, to) => {
                let date = |key: &str| ctx.doc.metadata.get(key).and_then(dates::parse);
                match (date(from), date(to)) {
                    (Some(from), Some(to)) => {
                        let days = (to - from).num_days() as f64;
                        whole(days, format_number(days), limit)
                    }
                    _ => Outcome::NotApplicable,
                }
            }
            Metric::SentenceLength => {
                if ctx.analysis.sentences.is_empty() {
                    return Outcome::NotApplicable;
                }
                let violations: Vec<Violation> = ctx
                    .analysis
                    .sentences
                    .iter()
                    .filter(|s| !bound.allows(s.words.len() as f64))
                    .map(|s| Violation {
                        range: Some(s.range.clone()),
                        value: s.words.len().to_string(),
                        limit: limit.clone(),
                    })
                    .collect();
                if violations.is_empty() {
                    Outcome::Pass
                } else {
                    Outcome::Fail(violations)
                }
            }
        }
    }
}

/// A number with at most one decimal, Swedish style (decimal comma).
pub fn format_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_the_swedish_way() {
        assert_eq!(format_number(45.0), "45");
        assert_eq!(format_number(46.413), "46,4");
    }

    #[test]
    fn picks_the_bound_for_the_kind() {
        let m = Measure {
            metric: Metric::Lix,
            bounds: vec![
                Bound {
                    at_most: true,
                    value: 45.0,
                    kind: Some(Kind::Beslut),
                },
                Bound {
                    at_most: true,
                    value: 50.0,
                    kind: None,
                },
            ],
        };
        assert_eq!(m.bound_for(Some(Kind::Beslut)).unwrap().value, 45.0);
        assert_eq!(m.bound_for(Some(Kind::Utredning)).unwrap().value, 50.0);
        assert_eq!(m.bound_for(None).unwrap().value, 50.0);
    }
}
