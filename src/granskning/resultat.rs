//! What a compiled round says: the questions answered per case with their
//! intervals, how well reviewers agree on the cases reviewed twice, and how
//! often reviewers overrode granska — with the overrides listed as material
//! for tuning the template.

use std::collections::BTreeMap;

use serde::Serialize;

use super::grupper::{CaseAnswers, Grouping, groupings};
use super::render::{render_html, render_text, write_xlsx};
use super::sammanstall::{Compiled, Verdict};
use crate::criteria::Check;
use crate::report::privacy::shown;
use crate::score::agreement::{agreement, krippendorff_alpha};
use crate::score::summary::Estimate;
use crate::template::Template;

/// Below this alpha a question's answers are too unlike between reviewers to
/// rest conclusions on: the key needs clearer guidance.
pub const LOW_ALPHA: f64 = 0.667;

/// Agreement between reviewers on the cases two of them reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Cases with answers from at least two reviewers.
    pub cases: usize,
    /// Share of those cases where the first two reviewers agree.
    pub percent: f64,
    pub kappa: Option<f64>,
    pub alpha: Option<f64>,
}

/// A question's answers over the round's cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub id: String,
    pub title: String,
    pub perspective: String,
    /// Answers per case (the first reviewer's where there were two).
    pub ja: usize,
    pub delvis: usize,
    pub nej: usize,
    pub ej_aktuellt: usize,
    /// Share answered "ja" among ja, delvis and nej, with its interval and
    /// the verdict against the perspective's target.
    pub share: Option<f64>,
    #[serde(flatten)]
    pub estimate: Estimate,
    pub agreement: Option<Agreement>,
}

/// A perspective's questions over the round: cases where every question of
/// the perspective that was answered (not "ej aktuellt") got "ja".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerspectiveResult {
    pub id: String,
    pub title: String,
    pub applicable: usize,
    pub all_ja: usize,
    pub share: Option<f64>,
    #[serde(flatten)]
    pub estimate: Estimate,
}

/// How reviewers met one of granska's criteria.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionReview {
    pub id: String,
    pub verdicts: usize,
    pub overridden: usize,
    /// Between reviewers, on the status that stands after review.
    pub agreement: Option<Agreement>,
}

/// The round's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub cases: usize,
    pub questions: Vec<QuestionResult>,
    pub perspectives: Vec<PerspectiveResult>,
    pub criteria: Vec<CriterionReview>,
    /// Every verdict a reviewer did not share, with the reason.
    pub overrides: Vec<Verdict>,
    /// The answers per unit, insats and handläggare.
    pub groups: Vec<Grouping>,
}

/// What a compiled round is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundFormat {
    Text,
    Json,
    Csv,
    Sarif,
    Html,
    Xlsx,
}

impl RoundFormat {
    /// By the file's ending (`.json`, `.csv`, `.sarif`, `.html`, `.xlsx`;
    /// text otherwise), or `asked` when there is no file.
    pub fn of(file: Option<&std::path::Path>, asked: RoundFormat) -> RoundFormat {
        let ending = file
            .and_then(|f| f.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        match ending.as_deref() {
            Some("json") => RoundFormat::Json,
            Some("csv") => RoundFormat::Csv,
            Some("sarif") => RoundFormat::Sarif,
            Some("html" | "htm") => RoundFormat::Html,
            Some("xlsx") => RoundFormat::Xlsx,
            Some(_) => RoundFormat::Text,
            None => asked,
        }
    }
}

/// How a compiled round is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    /// Personnummer unmasked.
    pub personnummer: bool,
    /// Handläggare by name instead of pseudonyms.
    pub names: bool,
}

/// Writes the compiled round of `folder` to `out` in `format`.
pub fn write_round<W: std::io::Write + std::io::Seek + Send>(
    mut out: W,
    format: RoundFormat,
    template: &Template,
    folder: &str,
    compiled: &Compiled,
    shown_as: Shown,
) -> std::io::Result<()> {
    let show_pnr = shown_as.personnummer;
    let results = results(template, compiled, shown_as.names);
    let text = match format {
        RoundFormat::Csv => return super::export::write_csv(out, compiled, show_pnr),
        RoundFormat::Sarif => {
            return super::export::write_sarif(out, template, compiled, show_pnr);
        }
        RoundFormat::Xlsx => {
            return write_xlsx(&mut out, &results, compiled, show_pnr)
                .map_err(|e| std::io::Error::other(e.to_string()));
        }
        RoundFormat::Html => render_html(&results, compiled, folder, show_pnr),
        RoundFormat::Text => render_text(&results, compiled, show_pnr),
        RoundFormat::Json => {
            let value = serde_json::json!({
                "kind": "kollegiegranskning",
                "template": { "name": template.name, "version": template.version },
                "results": results,
                "compiled": compiled,
            });
            let json = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?;
            format!("{}\n", shown(&json, show_pnr))
        }
    };
    out.write_all(text.as_bytes())
}

/// Agreement over units (cases) that have two or more labels.
fn agree(units: &[Vec<String>]) -> Option<Agreement> {
    let paired: Vec<&Vec<String>> = units.iter().filter(|u| u.len() >= 2).collect();
    let pairs: Vec<(&String, &String)> = paired.iter().map(|u| (&u[0], &u[1])).collect();
    let two = agreement(&pairs)?;
    Some(Agreement {
        cases: paired.len(),
        percent: two.accuracy,
        kappa: two.kappa,
        alpha: krippendorff_alpha(units),
    })
}

impl Results {
    /// The agreement of every question and criterion that has one.
    pub(super) fn agreements(&self) -> impl Iterator<Item = (&String, &Agreement)> {
        let questions = self.questions.iter().map(|q| (&q.id, &q.agreement));
        let criteria = self.criteria.iter().map(|c| (&c.id, &c.agreement));
        questions
            .chain(criteria)
            .filter_map(|(id, a)| a.as_ref().map(|a| (id, a)))
    }
}

/// Labels with the plan order of the reviewer who gave them.
type Ranked = Vec<(usize, String)>;

/// Each unit's labels in the order of the plan (the first reviewer first).
fn in_plan_order(units: impl IntoIterator<Item = Ranked>) -> Vec<Vec<String>> {
    units
        .into_iter()
        .map(|mut v| {
            v.sort();
            v.into_iter().map(|(_, label)| label).collect()
        })
        .collect()
}

/// A criterion's verdicts, overrides and the statuses per (case, document).
#[derive(Default)]
struct Tally<'a> {
    verdicts: usize,
    overridden: usize,
    units: BTreeMap<(&'a str, &'a str), Ranked>,
}

/// The results of `compiled` with the questions and criteria of `template`;
/// handläggare by name only when `names`.
pub fn results(template: &Template, compiled: &Compiled, names: bool) -> Results {
    let order = |case: &str, reviewer: &str| compiled.plan_order(case, reviewer);
    let mut questions = Vec::new();
    // Per perspective and case: (answered, all ja so far).
    let mut by_perspective: BTreeMap<usize, BTreeMap<String, (bool, bool)>> = BTreeMap::new();
    let mut case_answers = CaseAnswers::new();
    for q in template
        .criteria
        .iter()
        .filter(|c| matches!(c.check, Check::Question))
    {
        // Per case the answers in plan order.
        let mut by_case: BTreeMap<&str, Ranked> = BTreeMap::new();
        for a in compiled.answers.iter().filter(|a| a.question == q.id) {
            by_case
                .entry(&a.case)
                .or_default()
                .push((order(&a.case, &a.reviewer), a.answer.clone()));
        }
        let cases: Vec<String> = by_case.keys().map(|c| c.to_string()).collect();
        let units = in_plan_order(by_case.into_values());
        let marks = by_perspective.entry(q.perspective).or_default();
        for (case, unit) in cases.iter().zip(&units) {
            case_answers
                .entry(case.clone())
                .or_default()
                .insert(q.id.clone(), unit[0].clone());
            let mark = marks.entry(case.clone()).or_insert((false, true));
            if unit[0] != "ej aktuellt" {
                mark.0 = true;
                mark.1 &= unit[0] == "ja";
            }
        }
        let count = |word: &str| units.iter().filter(|u| u[0] == word).count();
        let (ja, delvis, nej) = (count("ja"), count("delvis"), count("nej"));
        let judged = ja + delvis + nej;
        let target = template.perspectives[q.perspective].target;
        let (share, estimate) = Estimate::new(ja, judged, target, true);
        questions.push(QuestionResult {
            id: q.id.clone(),
            title: q.title.clone(),
            perspective: template.perspectives[q.perspective].id.clone(),
            ja,
            delvis,
            nej,
            ej_aktuellt: count("ej aktuellt"),
            share,
            estimate,
            agreement: agree(&units),
        });
    }
    let mut criteria: BTreeMap<&str, Tally> = BTreeMap::new();
    for v in &compiled.verdicts {
        let tally = criteria.entry(&v.criterion).or_default();
        tally.verdicts += 1;
        tally.overridden += usize::from(!v.agrees);
        tally
            .units
            .entry((&v.case, &v.document))
            .or_default()
            .push((order(&v.case, &v.reviewer), v.status().to_string()));
    }
    let criteria = template
        .criteria
        .iter()
        .filter_map(|c| {
            let tally = criteria.remove(c.id.as_str())?;
            Some(CriterionReview {
                id: c.id.clone(),
                verdicts: tally.verdicts,
                overridden: tally.overridden,
                agreement: agree(&in_plan_order(tally.units.into_values())),
            })
        })
        .collect();
    let cases: std::collections::BTreeSet<&str> = compiled
        .answers
        .iter()
        .map(|a| a.case.as_str())
        .chain(compiled.verdicts.iter().map(|v| v.case.as_str()))
        .collect();
    let perspectives = by_perspective
        .into_iter()
        .map(|(p, marks)| {
            let perspective = &template.perspectives[p];
            let applicable = marks.values().filter(|m| m.0).count();
            let all_ja = marks.values().filter(|m| m.0 && m.1).count();
            let (share, estimate) = Estimate::new(all_ja, applicable, perspective.target, true);
            PerspectiveResult {
                id: perspective.id.clone(),
                title: perspective.title.clone(),
                applicable,
                all_ja,
                share,
                estimate,
            }
        })
        .collect();
    Results {
        cases: cases.len(),
        questions,
        perspectives,
        criteria,
        overrides: compiled
            .verdicts
            .iter()
            .filter(|v| !v.agrees)
            .cloned()
            .collect(),
        groups: groupings(template, compiled, &case_answers, names),
    }
}
