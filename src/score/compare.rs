//! Comparing two review rounds (`granska jämför VÅR.json HÖST.json`): per
//! criterion and perspective, the change in the share met from the first
//! round to the second, with Newcombe's 95 % interval for the difference and
//! whether it is a clear improvement, a clear decline or within noise.
//!
//! The rounds are read from the `summary` of granska's JSON reports.

use std::collections::BTreeMap;
use std::io::Read;

use serde::{Deserialize, Serialize};

use super::stats::{self, Change};

/// A count of a share in one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Count {
    pub applicable: usize,
    pub met: usize,
}

/// One round, as read from a JSON report.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// The template's name and version.
    pub template: String,
    pub template_version: Option<String>,
    pub documents: usize,
    /// Criteria in template order: id, title (the perspective in reports
    /// without titles, and in a kollegiegranskning), count.
    pub criteria: Vec<(String, String, Count)>,
    /// Perspectives in template order: id, title, documents judged, all met.
    pub perspectives: Vec<(String, String, Count)>,
    /// The ids of the round's documents, sorted (none for a kollegiegranskning).
    pub ids: Vec<String>,
}

impl Round {
    /// How many documents this round and `other` both reviewed.
    pub fn shared(&self, other: &Round) -> usize {
        self.ids
            .iter()
            .filter(|id| other.ids.binary_search(id).is_ok())
            .count()
    }
}

/// A report (`summary`) or a compiled kollegiegranskning (`results`); read in
/// one streaming pass, of the documents only their ids.
#[derive(Deserialize)]
struct ReportIn {
    template: TemplateIn,
    summary: Option<SummaryIn>,
    results: Option<ResultsIn>,
    #[serde(default)]
    documents: Vec<DocumentIn>,
}

#[derive(Deserialize)]
struct DocumentIn {
    id: String,
}

#[derive(Deserialize)]
struct ResultsIn {
    cases: usize,
    questions: Vec<QuestionIn>,
}

#[derive(Deserialize)]
struct QuestionIn {
    id: String,
    perspective: String,
    ja: usize,
    delvis: usize,
    nej: usize,
}

#[derive(Deserialize)]
struct TemplateIn {
    name: String,
    version: Option<String>,
}

#[derive(Deserialize)]
struct SummaryIn {
    documents: usize,
    criteria: Vec<CriterionIn>,
    perspectives: BTreeMap<String, PerspectiveIn>,
}

#[derive(Deserialize)]
struct CriterionIn {
    id: String,
    /// The criterion's title (reports from before titles were written have
    /// none).
    #[serde(default)]
    title: Option<String>,
    perspective: String,
    applicable: usize,
    met: usize,
}

#[derive(Deserialize)]
struct PerspectiveIn {
    title: String,
    applicable: usize,
    all_met: usize,
}

impl Round {
    /// A compiled kollegiegranskning as a round: each question counts its
    /// cases answered ja, delvis or nej, and "ja" as met. Questions are
    /// answered per case and not per perspective, so a review round has no
    /// perspective rows.
    fn of_review(template: TemplateIn, results: ResultsIn) -> Round {
        Round {
            template: template.name,
            template_version: template.version,
            documents: results.cases,
            criteria: results
                .questions
                .into_iter()
                .map(|q| {
                    let count = Count {
                        applicable: q.ja + q.delvis + q.nej,
                        met: q.ja,
                    };
                    (q.id, q.perspective, count)
                })
                .collect(),
            perspectives: Vec::new(),
            ids: Vec::new(),
        }
    }

    /// Reads a round from a granska JSON report; the error says in Swedish
    /// what is wrong.
    pub fn read(json: impl Read) -> Result<Round, String> {
        let report: ReportIn =
            serde_json::from_reader(std::io::BufReader::new(json)).map_err(|e| {
                let (line, column) = (e.line(), e.column());
                if e.is_data() {
                    format!(
                        "filen är inte en JSON-rapport från granska med sammanfattning \
                         (gjord med --format json); felet står på rad {line}, kolumn {column}"
                    )
                } else {
                    format!("filen är inte giltig JSON (rad {line}, kolumn {column})")
                }
            })?;
        let summary = match (report.summary, report.results) {
            (Some(summary), _) => summary,
            (None, Some(results)) => {
                return Ok(Round::of_review(report.template, results));
            }
            (None, None) => {
                return Err(
                    "filen är varken en JSON-rapport från granska (gjord med --format json) eller \
                     en sammanställd kollegiegranskning"
                        .to_string(),
                );
            }
        };
        // Perspectives in the order their criteria come in the template.
        let mut perspectives: Vec<(String, String, Count)> = Vec::new();
        let mut by_id = summary.perspectives;
        for c in &summary.criteria {
            if let Some(p) = by_id.remove(&c.perspective) {
                let count = Count {
                    applicable: p.applicable,
                    met: p.all_met,
                };
                perspectives.push((c.perspective.clone(), p.title, count));
            }
        }
        perspectives.extend(by_id.into_iter().map(|(id, p)| {
            let count = Count {
                applicable: p.applicable,
                met: p.all_met,
            };
            (id, p.title, count)
        }));
        Ok(Round {
            template: report.template.name,
            template_version: report.template.version,
            documents: summary.documents,
            criteria: summary
                .criteria
                .into_iter()
                .map(|c| {
                    let count = Count {
                        applicable: c.applicable,
                        met: c.met,
                    };
                    (c.id, c.title.unwrap_or(c.perspective), count)
                })
                .collect(),
            perspectives,
            ids: {
                let mut ids: Vec<String> = report.documents.into_iter().map(|d| d.id).collect();
                ids.sort_unstable();
                ids
            },
        })
    }
}

/// One criterion or perspective in both rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    /// The perspective's id (criteria) or title (perspectives).
    pub label: String,
    pub first: Option<Count>,
    pub second: Option<Count>,
    pub first_share: Option<f64>,
    pub second_share: Option<f64>,
    /// Second share minus first share.
    pub difference: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub change: Option<Change>,
    /// Why there is no judgement, in Swedish.
    pub note: Option<String>,
}

impl Row {
    /// What the change means, in Swedish: its judgement, or why there is
    /// none.
    pub fn judgement(&self) -> String {
        match (self.change, &self.note) {
            (Some(change), _) => change.name().to_string(),
            (None, Some(note)) => note.clone(),
            (None, None) => String::new(),
        }
    }
}

/// Two rounds compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub first: RoundInfo,
    pub second: RoundInfo,
    pub perspectives: Vec<Row>,
    pub criteria: Vec<Row>,
}

/// What the comparison says about a round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundInfo {
    pub file: String,
    pub template: String,
    pub template_version: Option<String>,
    pub documents: usize,
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

fn share(c: Option<Count>) -> Option<f64> {
    c.filter(|c| c.applicable > 0)
        .map(|c| round4(c.met as f64 / c.applicable as f64))
}

/// Pairs the rows of two rounds by id, in the order of the first round, then
/// those only in the second.
fn rows(
    first: &[(String, String, Count)],
    second: &[(String, String, Count)],
    names: (&str, &str),
) -> Vec<Row> {
    let z = stats::z_for(stats::CONFIDENCE);
    let mut ids: Vec<(&str, &str)> = first
        .iter()
        .map(|(i, l, _)| (i.as_str(), l.as_str()))
        .collect();
    for (id, label, _) in second {
        if !ids.iter().any(|(i, _)| i == id) {
            ids.push((id, label));
        }
    }
    let find = |rows: &[(String, String, Count)], id: &str| {
        rows.iter().find(|(i, ..)| i == id).map(|(.., c)| *c)
    };
    ids.into_iter()
        .map(|(id, label)| {
            let (a, b) = (find(first, id), find(second, id));
            let difference = match (a, b) {
                (Some(a), Some(b)) => stats::newcombe(a.met, a.applicable, b.met, b.applicable, z),
                _ => None,
            };
            let note = match (a, b) {
                (None, _) => Some(format!("finns bara i {}", names.1)),
                (_, None) => Some(format!("finns bara i {}", names.0)),
                _ if difference.is_none() => {
                    Some("inget dokument att jämföra i en av omgångarna".to_string())
                }
                _ => None,
            };
            Row {
                id: id.to_string(),
                label: label.to_string(),
                first: a,
                second: b,
                first_share: share(a),
                second_share: share(b),
                difference: difference.map(|d| round4(d.estimate)),
                ci_low: difference.map(|d| round4(d.interval.low)),
                ci_high: difference.map(|d| round4(d.interval.high)),
                change: difference.map(|d| Change::of(d.interval)),
                note,
            }
        })
        .collect()
}

fn info(r: &Round, file: &str) -> RoundInfo {
    RoundInfo {
        file: file.to_string(),
        template: r.template.clone(),
        template_version: r.template_version.clone(),
        documents: r.documents,
    }
}

/// A series of rounds (spring and autumn over years): each row's share per
/// round, and the first round compared with the last.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub rounds: Vec<RoundInfo>,
    pub perspectives: Vec<TrendRow>,
    pub criteria: Vec<TrendRow>,
    pub first_to_last: Comparison,
}

/// A perspective's or criterion's counts over the rounds (none where the
/// round does not have it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    pub id: String,
    pub label: String,
    pub counts: Vec<Option<Count>>,
    pub shares: Vec<Option<f64>>,
}

fn trend_rows<'a>(
    rounds: impl Iterator<Item = &'a [(String, String, Count)]> + Clone,
) -> Vec<TrendRow> {
    let mut ids: Vec<(&str, &str)> = Vec::new();
    for rows in rounds.clone() {
        for (id, label, _) in rows {
            if !ids.iter().any(|(i, _)| i == id) {
                ids.push((id, label));
            }
        }
    }
    ids.into_iter()
        .map(|(id, label)| {
            let counts: Vec<Option<Count>> = rounds
                .clone()
                .map(|rows| rows.iter().find(|(i, ..)| i == id).map(|(.., c)| *c))
                .collect();
            TrendRow {
                id: id.to_string(),
                label: label.to_string(),
                shares: counts.iter().map(|c| share(*c)).collect(),
                counts,
            }
        })
        .collect()
}

/// The trend over `rounds` (at least two), each with its name.
pub fn trend(rounds: &[(String, Round)]) -> Trend {
    let (first, last) = (&rounds[0], &rounds[rounds.len() - 1]);
    Trend {
        rounds: rounds.iter().map(|(name, r)| info(r, name)).collect(),
        perspectives: trend_rows(rounds.iter().map(|(_, r)| r.perspectives.as_slice())),
        criteria: trend_rows(rounds.iter().map(|(_, r)| r.criteria.as_slice())),
        first_to_last: compare(&first.1, &last.1, (&first.0, &last.0)),
    }
}

/// Compares two rounds; `names` are how the rounds are called (their files).
pub fn compare(first: &Round, second: &Round, names: (&str, &str)) -> Comparison {
    Comparison {
        first: info(first, names.0),
        second: info(second, names.1),
        perspectives: rows(&first.perspectives, &second.perspectives, names),
        criteria: rows(&first.criteria, &second.criteria, names),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(criteria: &[(&str, usize, usize)]) -> String {
        let criteria: Vec<serde_json::Value> = criteria
            .iter()
            .map(|(id, applicable, met)| {
                serde_json::json!({"id": id, "perspective": "delaktighet",
                    "applicable": applicable, "met": met, "share": null})
            })
            .collect();
        serde_json::json!({
            "tool": {"name": "granska"},
            "template": {"name": "Standard", "version": "1"},
            "documents": [],
            "summary": {
                "documents": 80,
                "criteria": criteria,
                "perspectives": {"delaktighet": {"title": "Delaktighet", "applicable": 80, "all_met": 48}},
            },
            "errors": []
        })
        .to_string()
    }

    #[test]
    fn rounds_are_compared_with_newcombe_intervals() {
        let spring =
            Round::read(report(&[("DL-A", 80, 48), ("DL-B", 10, 3), ("DL-C", 5, 5)]).as_bytes())
                .unwrap();
        let autumn =
            Round::read(report(&[("DL-A", 70, 56), ("DL-B", 10, 9), ("DL-D", 4, 4)]).as_bytes())
                .unwrap();
        assert_eq!(spring.template, "Standard");
        assert_eq!(spring.template_version.as_deref(), Some("1"));
        let c = compare(&spring, &autumn, ("vår.json", "höst.json"));
        let ids: Vec<&str> = c.criteria.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["DL-A", "DL-B", "DL-C", "DL-D"]);
        // 48/80 → 56/70: Newcombe (1998) example, interval 0.0524 to 0.3339.
        let a = &c.criteria[0];
        assert_eq!(a.difference, Some(0.2));
        assert_eq!((a.ci_low, a.ci_high), (Some(0.0524), Some(0.3339)));
        assert_eq!(a.change, Some(Change::Improvement));
        assert_eq!(c.criteria[1].change, Some(Change::Improvement));
        assert_eq!(c.criteria[2].note.as_deref(), Some("finns bara i vår.json"));
        assert_eq!(
            c.criteria[3].note.as_deref(),
            Some("finns bara i höst.json")
        );
        assert_eq!(c.perspectives[0].change, Some(Change::WithinNoise));
    }

    #[test]
    fn a_file_that_is_not_a_report_gets_a_swedish_error() {
        let e = Round::read(&b"{\"documents\": []}"[..]).unwrap_err();
        assert!(e.contains("inte en JSON-rapport från granska"), "{e}");
        let e = Round::read(&b"nej"[..]).unwrap_err();
        assert!(e.contains("inte giltig JSON"), "{e}");
    }
}
