//! The summary of a run, as a team leader presents it: per criterion and per
//! perspective, how often it was met, with a 95 % Wilson interval and a
//! verdict against the template's target; the same per group.
//!
//! A criterion's target is its perspective's (`mål` in the template). A
//! perspective is judged by the share of documents where **all** of its
//! applicable criteria are met.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::SerializeMap;

use super::DocumentScore;
use super::design::{Design, StratumCount, Unit};
pub use super::estimate::Estimate;
use super::estimate::{Basis, round};
use crate::criteria::Status;
use crate::template::Template;

pub use super::estimate::MIN_GROUP;

/// The name of the group of documents that lack the grouping key.
pub const MISSING: &str = "(uppgift saknas)";

/// One perspective's counts over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PerspectiveTally {
    /// Sum of the documents' perspective scores.
    pub score_sum: f64,
    /// Documents where some criterion of the perspective applied.
    pub scored: usize,
    /// Documents where every applicable criterion of the perspective was met.
    pub all_met: usize,
}

/// Counts over a run: documents, and per perspective and criterion how often
/// they applied and were met.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub documents: usize,
    /// Sum of document scores and documents with a score.
    pub score: (f64, usize),
    pub perspectives: Vec<PerspectiveTally>,
    /// Per criterion: (met, applicable).
    pub criteria: Vec<(usize, usize)>,
    /// Per criterion: documents where it is manual.
    pub manual: Vec<usize>,
    /// Documents per kind (`okänd` without one).
    pub kinds: BTreeMap<String, usize>,
    /// Documents per outcome (`utfall`), for those that have one.
    pub outcomes: BTreeMap<String, usize>,
    /// Per case (when counted per case): per criterion whether it applied to
    /// any of the case's documents and whether it was not met in one. About
    /// a hundred bytes per case: the memory grows with the number of cases,
    /// which is why it is asked for (`--per-ärende`).
    pub cases: Option<BTreeMap<String, Vec<CaseMark>>>,
}

/// A case's standing on one criterion so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseMark {
    pub applied: bool,
    pub not_met: bool,
}

/// What a document adds to a tally besides its statuses and score.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts<'a> {
    pub kind: Option<&'a str>,
    pub outcome: Option<&'a str>,
    /// The case the document belongs to, when counting per case.
    pub case: Option<&'a str>,
}

impl Tally {
    /// An empty tally for a template.
    pub fn new(template: &Template) -> Self {
        Tally {
            perspectives: vec![PerspectiveTally::default(); template.perspectives.len()],
            criteria: vec![(0, 0); template.criteria.len()],
            manual: vec![0; template.criteria.len()],
            ..Tally::default()
        }
    }

    /// The same tally, also counting per case: a case meets a criterion when
    /// all its documents where it applies meet it.
    pub fn per_case(mut self) -> Self {
        self.cases = Some(BTreeMap::new());
        self
    }

    /// Adds one document.
    pub fn add(&mut self, statuses: &[Status], score: &DocumentScore, facts: Facts) {
        self.documents += 1;
        if let (Some(cases), Some(case)) = (self.cases.as_mut(), facts.case) {
            let marks = cases
                .entry(case.to_string())
                .or_insert_with(|| vec![CaseMark::default(); statuses.len()]);
            for (mark, status) in marks.iter_mut().zip(statuses) {
                mark.applied |= matches!(status, Status::Met | Status::NotMet);
                mark.not_met |= *status == Status::NotMet;
            }
        }
        if let Some(total) = score.total {
            self.score.0 += total;
            self.score.1 += 1;
        }
        for (acc, p) in self.perspectives.iter_mut().zip(&score.perspectives) {
            if let Some(s) = p.score {
                acc.score_sum += s;
                acc.scored += 1;
                if p.met == p.applicable {
                    acc.all_met += 1;
                }
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
        *self
            .kinds
            .entry(facts.kind.unwrap_or("okänd").to_string())
            .or_default() += 1;
        if let Some(outcome) = facts.outcome {
            *self.outcomes.entry(outcome.to_string()).or_default() += 1;
        }
    }

    /// Whether any criterion was not met in any document.
    pub fn any_not_met(&self) -> bool {
        self.criteria
            .iter()
            .any(|&(met, applicable)| met < applicable)
    }
}

/// Tallies per value of a metadata key (`--gruppera`, and the strata of a
/// stratified sample).
#[derive(Debug, Clone)]
pub struct Groups {
    pub key: String,
    pub tallies: BTreeMap<String, Tally>,
    /// Whether each group counts per case too.
    per_case: bool,
}

impl Groups {
    /// No groups yet, by `key`.
    pub fn new(key: &str) -> Self {
        Groups {
            key: key.to_string(),
            tallies: BTreeMap::new(),
            per_case: false,
        }
    }

    /// The same groups, each counting per case too.
    pub fn per_case(mut self) -> Self {
        self.per_case = true;
        self
    }

    /// Adds a document to the group of `value` (or of those without one).
    pub fn add(
        &mut self,
        template: &Template,
        value: Option<&str>,
        statuses: &[Status],
        score: &DocumentScore,
        facts: Facts,
    ) {
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        self.tallies
            .entry(value.unwrap_or(MISSING).to_string())
            .or_insert_with(|| match self.per_case {
                true => Tally::new(template).per_case(),
                false => Tally::new(template),
            })
            .add(statuses, score, facts);
    }
}

/// One criterion over a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionSummary {
    pub id: String,
    /// The criterion's title in the template.
    pub title: String,
    pub perspective: String,
    /// Documents where the criterion applied.
    pub applicable: usize,
    pub met: usize,
    /// Documents where it is a manual question.
    pub manual: usize,
    /// `met / applicable`, none when it never applied.
    pub share: Option<f64>,
    #[serde(flatten)]
    pub estimate: Estimate,
    /// Counted per case, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cases: Option<CaseSummary>,
}

/// A criterion counted per case: cases where it applied to some document,
/// and those where every such document met it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseSummary {
    pub applicable: usize,
    pub met: usize,
    pub share: Option<f64>,
    #[serde(flatten)]
    pub estimate: Estimate,
}

/// One perspective over a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerspectiveSummary {
    pub title: String,
    /// Mean of the documents' perspective scores.
    pub mean_score: Option<f64>,
    /// Documents where some criterion of the perspective applied.
    pub applicable: usize,
    /// Documents where all of them were met.
    pub all_met: usize,
    /// The share judged against the target: `all_met / applicable`.
    pub all_met_share: Option<f64>,
    #[serde(flatten)]
    pub estimate: Estimate,
}

/// Entries in template order, serialised as a map from their ids (the
/// perspectives of a summary or of a document report).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdMap<T>(pub Vec<(String, T)>);

/// Perspectives in template order.
pub type Perspectives = IdMap<PerspectiveSummary>;

impl<T: Serialize> Serialize for IdMap<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, p) in &self.0 {
            map.serialize_entry(id, p)?;
        }
        map.end()
    }
}

/// Documents by kind and by outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counts {
    pub kinds: BTreeMap<String, usize>,
    pub outcomes: BTreeMap<String, usize>,
}

/// The figures of a run, or of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub documents: usize,
    /// The number of cases, when counted per case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cases: Option<usize>,
    /// Mean of the documents' total scores.
    pub mean_score: Option<f64>,
    pub counts: Counts,
    pub criteria: Vec<CriterionSummary>,
    pub perspectives: Perspectives,
}

impl Figures {
    /// The figures of a tally; verdicts only when `judge`.
    fn new(template: &Template, tally: &Tally, judge: bool, frame: &Frame) -> Figures {
        let mean = |(sum, n): (f64, usize)| (n > 0).then(|| round(sum / n as f64));
        let criteria = template
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (met, applicable) = tally.criteria[i];
                let target = template.perspectives[c.perspective].target;
                let basis = frame.basis(Unit::Document, tally, |t| t.criteria[i]);
                let (share, estimate) = Estimate::of(met, applicable, target, judge, &basis);
                let cases = tally.cases.is_some().then(|| {
                    let (met, applicable) = tally.case_counts(i);
                    let basis = frame.basis(Unit::Case, tally, |t| t.case_counts(i));
                    let (share, estimate) = Estimate::of(met, applicable, target, judge, &basis);
                    CaseSummary {
                        applicable,
                        met,
                        share,
                        estimate,
                    }
                });
                CriterionSummary {
                    cases,
                    id: c.id.clone(),
                    title: c.title.clone(),
                    perspective: template.perspectives[c.perspective].id.clone(),
                    applicable,
                    met,
                    manual: tally.manual[i],
                    share,
                    estimate,
                }
            })
            .collect();
        let perspectives = template
            .perspectives
            .iter()
            .enumerate()
            .map(|(j, p)| {
                let t = tally.perspectives[j];
                let basis = frame.basis(Unit::Document, tally, |t| {
                    (t.perspectives[j].all_met, t.perspectives[j].scored)
                });
                let (all_met_share, estimate) =
                    Estimate::of(t.all_met, t.scored, p.target, judge, &basis);
                let summary = PerspectiveSummary {
                    title: p.title.clone(),
                    mean_score: mean((t.score_sum, t.scored)),
                    applicable: t.scored,
                    all_met: t.all_met,
                    all_met_share,
                    estimate,
                };
                (p.id.clone(), summary)
            })
            .collect();
        Figures {
            documents: tally.documents,
            cases: tally.cases.as_ref().map(BTreeMap::len),
            mean_score: mean(tally.score),
            counts: Counts {
                kinds: tally.kinds.clone(),
                outcomes: tally.outcomes.clone(),
            },
            criteria,
            perspectives: IdMap(perspectives),
        }
    }
}

impl Tally {
    /// Units of the tally: documents, or cases when counted per case.
    pub fn units(&self, unit: Unit) -> usize {
        match (unit, &self.cases) {
            (Unit::Case, Some(cases)) => cases.len(),
            _ => self.documents,
        }
    }

    /// Cases where criterion `i` applied to some document and those where
    /// every such document met it: (met, applicable).
    fn case_counts(&self, i: usize) -> (usize, usize) {
        let marks = self.cases.iter().flat_map(|c| c.values().map(|m| m[i]));
        let applicable = marks.clone().filter(|m| m.applied).count();
        let met = marks.filter(|m| m.applied && !m.not_met).count();
        (met, applicable)
    }
}

/// How the units of a tally were chosen, for its estimates.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    pub design: &'a Design,
    /// What was drawn: the design is about these units; shares counted in
    /// the other unit are estimated as from a population of unknown size.
    pub unit: Unit,
    /// The tallies per stratum, for a stratified design (grouped by its key).
    pub strata: Option<&'a Groups>,
}

impl Frame<'_> {
    /// A sample from a population of unknown size.
    pub const PLAIN: Frame<'static> = Frame {
        design: &Design::Unknown,
        unit: Unit::Document,
        strata: None,
    };

    /// What is known of a share counted in `unit` over `tally`; `counts`
    /// gives (met, applicable) of a tally.
    fn basis(&self, unit: Unit, tally: &Tally, counts: impl Fn(&Tally) -> (usize, usize)) -> Basis {
        if unit != self.unit {
            return Basis::Plain;
        }
        let count = |population: usize, t: Option<&Tally>| {
            let (met, applicable) = t.map_or((0, 0), &counts);
            StratumCount {
                population,
                drawn: t.map_or(0, |t| t.units(unit)),
                applicable,
                met,
            }
        };
        match self.design {
            Design::Unknown => Basis::Plain,
            Design::Census => Basis::Census,
            Design::Simple { population } => Basis::Strata(vec![count(*population, Some(tally))]),
            Design::Stratified { strata, .. } => match self.strata {
                Some(groups) => Basis::Strata(
                    strata
                        .iter()
                        .map(|(name, population)| count(*population, groups.tallies.get(name)))
                        .collect(),
                ),
                None => Basis::Plain,
            },
        }
    }

    /// The frame of one group's figures: a census stays one; a group that
    /// is a stratum is a simple sample from it; other groups' populations
    /// are unknown.
    fn of_group(&self, key: &str, value: &str) -> Design {
        match self.design {
            Design::Census => Design::Census,
            Design::Stratified { key: by, strata } if by == key => strata
                .iter()
                .find(|(name, _)| name == value)
                .map_or(Design::Unknown, |(_, population)| Design::Simple {
                    population: *population,
                }),
            _ => Design::Unknown,
        }
    }
}

/// One group's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    /// The value of the grouping key (`(uppgift saknas)` without one).
    pub value: String,
    /// Fewer than [`MIN_GROUP`] documents: shown, but not judged.
    pub too_small: bool,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The summary of a run: `summary` in the JSON report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub figures: Figures,
    /// The metadata key of `--gruppera`, if used.
    pub grouped_by: Option<String>,
    pub groups: Vec<GroupSummary>,
}

impl Summary {
    /// Summarises a run and, when grouped, each group, as the sample's
    /// `frame` allows.
    pub fn new(
        template: &Template,
        tally: &Tally,
        groups: Option<&Groups>,
        frame: &Frame,
    ) -> Summary {
        Summary {
            figures: Figures::new(template, tally, true, frame),
            grouped_by: groups.map(|g| g.key.clone()),
            groups: groups
                .map(|g| {
                    g.tallies
                        .iter()
                        .map(|(value, tally)| {
                            let too_small = tally.documents < MIN_GROUP;
                            let design = frame.of_group(&g.key, value);
                            let frame = Frame {
                                design: &design,
                                strata: None,
                                ..*frame
                            };
                            GroupSummary {
                                value: value.clone(),
                                too_small,
                                figures: Figures::new(template, tally, !too_small, &frame),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests;
