//! Compiling a round: the returned protocols are read back (calamine),
//! checked cell by cell and merged — the reviewers' answers to the questions,
//! and their agreement or disagreement with each of granska's verdicts.
//! Whatever cannot be read is named by file, sheet and cell; the rest is
//! compiled.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use serde::Serialize;

use super::protokoll::{AGREE, ANSWERS, CASE_CELL, CRITERIA_MARK, OVERRIDE, QUESTIONS_MARK};
use super::round::{PLAN_COLUMNS, PLAN_FILE};

/// Something in a protocol that could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub sheet: String,
    pub cell: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.sheet.is_empty() {
            write!(f, ", blad ”{}”", self.sheet)?;
        }
        if !self.cell.is_empty() {
            write!(f, ", cell {}", self.cell)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A reviewer's view of one of granska's verdicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub case: String,
    pub reviewer: String,
    pub document: String,
    pub criterion: String,
    /// granska's status, as written in the protocol.
    pub granska: String,
    pub agrees: bool,
    /// The reviewer's status when they do not agree.
    pub reviewer_status: Option<String>,
    pub reason: Option<String>,
    /// What granska based its verdict on, as written in the protocol.
    pub evidence: Option<String>,
}

impl Verdict {
    /// The status that stands after review.
    pub fn status(&self) -> &str {
        self.reviewer_status.as_deref().unwrap_or(&self.granska)
    }
}

/// A reviewer's answer to a question for a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub case: String,
    pub reviewer: String,
    pub question: String,
    pub answer: String,
    pub comment: Option<String>,
}

/// A row of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Planned {
    case: String,
    reviewer: String,
    double: bool,
    protocol: String,
    handlaggare: Vec<String>,
    enhet: Vec<String>,
    insats: Vec<String>,
}

/// A compiled round.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Compiled {
    pub verdicts: Vec<Verdict>,
    pub answers: Vec<Answer>,
    pub problems: Vec<Problem>,
    /// The cases planned to be reviewed by two.
    pub double: BTreeSet<String>,
    /// Each case's reviewers in plan order.
    pub reviewers: BTreeMap<String, Vec<String>>,
    /// Each case's handläggare (for feedback, and as pseudonyms in the
    /// results unless names are asked for).
    #[serde(skip)]
    pub handlaggare: BTreeMap<String, Vec<String>>,
    /// Each case's units and insatser, as the documents name them.
    pub enhet: BTreeMap<String, Vec<String>>,
    pub insats: BTreeMap<String, Vec<String>>,
}

impl Compiled {
    /// Where `reviewer` stands among `case`'s reviewers in the plan (the
    /// first reviewer's answers are the case's); last when not planned.
    pub fn plan_order(&self, case: &str, reviewer: &str) -> usize {
        self.reviewers
            .get(case)
            .and_then(|rs| rs.iter().position(|r| r == reviewer))
            .unwrap_or(usize::MAX)
    }
}

/// Why a round could not be compiled at all.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("planen {0} kunde inte läsas: {1}")]
    Plan(String, String),
}

/// Reads the plan and every protocol in `folder`.
pub fn compile(folder: &Path) -> Result<Compiled, CompileError> {
    let plan = read_plan(&folder.join(PLAN_FILE))?;
    let mut out = Compiled::default();
    for p in &plan {
        for (map, values) in [
            (&mut out.handlaggare, &p.handlaggare),
            (&mut out.enhet, &p.enhet),
            (&mut out.insats, &p.insats),
        ] {
            map.entry(p.case.clone()).or_insert_with(|| values.clone());
        }
        if p.double {
            out.double.insert(p.case.clone());
        }
        if !p.reviewer.is_empty() {
            out.reviewers
                .entry(p.case.clone())
                .or_default()
                .push(p.reviewer.clone());
        }
    }
    let protocols: BTreeSet<&str> = plan
        .iter()
        .filter(|p| p.protocol.ends_with(".xlsx"))
        .map(|p| p.protocol.as_str())
        .collect();
    for protocol in protocols {
        let planned: Vec<&Planned> = plan.iter().filter(|p| p.protocol == protocol).collect();
        read_protocol(&folder.join(protocol), protocol, &planned, &mut out);
    }
    Ok(out)
}

fn read_plan(path: &Path) -> Result<Vec<Planned>, CompileError> {
    let fail = |e: &dyn fmt::Display| CompileError::Plan(path.display().to_string(), e.to_string());
    let text = std::fs::read_to_string(path).map_err(|e| fail(&crate::ingest::io_message(&e)))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|e| fail(&e))?.clone();
    let at = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .ok_or_else(|| fail(&format!("kolumnen {name} saknas")))
    };
    let [case, reviewer, double, protocol, handlaggare, enhet, insats] =
        [0, 1, 3, 5, 6, 7, 8].map(|i| at(PLAN_COLUMNS[i]));
    let (case, reviewer, double, protocol) = (case?, reviewer?, double?, protocol?);
    let mut rows = Vec::new();
    for record in reader.records() {
        let r = record.map_err(|e| fail(&e))?;
        let field = |i: usize| r.get(i).unwrap_or("").trim_start_matches('\'').to_string();
        // A plan written before a column existed has nothing in it.
        let list = |column: &Result<usize, CompileError>| -> Vec<String> {
            column
                .as_ref()
                .map(|&i| field(i))
                .unwrap_or_default()
                .split(" | ")
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_string)
                .collect()
        };
        rows.push(Planned {
            case: field(case),
            reviewer: field(reviewer),
            double: field(double) == "ja",
            protocol: field(protocol),
            handlaggare: list(&handlaggare),
            enhet: list(&enhet),
            insats: list(&insats),
        });
    }
    Ok(rows)
}

/// The cell's text, trimmed; `None` when empty.
fn text(range: &Range<Data>, row: u32, col: u32) -> Option<String> {
    let value = match range.get_value((row, col))? {
        Data::Empty => return None,
        Data::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    (!value.is_empty()).then_some(value)
}

/// "F12" for row 11, column 5 (both from 0).
fn cell_name(row: u32, col: u32) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        letters.insert(0, char::from(b'A' + ((c - 1) % 26) as u8));
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

fn read_protocol(path: &Path, file: &str, planned: &[&Planned], out: &mut Compiled) {
    let problem = |sheet: &str, cell: String, message: String| Problem {
        file: file.to_string(),
        sheet: sheet.to_string(),
        cell,
        message,
    };
    let mut book: Xlsx<_> = match open_workbook(path) {
        Ok(b) => b,
        Err(e) => {
            let message = match path.exists() {
                true => format!("protokollet kunde inte läsas ({e})"),
                false => "protokollet saknas i mappen".to_string(),
            };
            out.problems.push(problem("", String::new(), message));
            return;
        }
    };
    let reviewer = planned
        .first()
        .map_or("", |p| p.reviewer.as_str())
        .to_string();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for name in book.sheet_names() {
        if name == "Instruktioner" {
            continue;
        }
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                out.problems.push(problem(
                    &name,
                    String::new(),
                    format!("bladet kunde inte läsas ({e})"),
                ));
                continue;
            }
        };
        let (case_row, case_col) = (CASE_CELL.0, u32::from(CASE_CELL.1));
        let case = text(&range, case_row, case_col).unwrap_or_default();
        if !planned.iter().any(|p| p.case == case) {
            out.problems.push(problem(
                &name,
                cell_name(case_row, case_col),
                format!(
                    "ärendet ”{case}” står inte i planen för {reviewer}; ärendenumret får inte ändras (bladet räknas inte)"
                ),
            ));
            continue;
        }
        if !seen.insert(case.clone()) {
            out.problems.push(problem(
                &name,
                cell_name(case_row, case_col),
                format!("ärendet ”{case}” finns på två blad; bara det första räknas"),
            ));
            continue;
        }
        read_case(&range, &name, &case, &reviewer, out, &problem);
    }
    for p in planned.iter().filter(|p| !seen.contains(&p.case)) {
        out.problems.push(problem(
            "",
            String::new(),
            format!("bladet för ärende ”{}” saknas", p.case),
        ));
    }
}

fn read_case(
    range: &Range<Data>,
    sheet: &str,
    case: &str,
    reviewer: &str,
    out: &mut Compiled,
    problem: &impl Fn(&str, String, String) -> Problem,
) {
    let last = range.end().map_or(0, |(r, _)| r);
    let find = |mark: &str| (0..=last).find(|&r| text(range, r, 0).as_deref() == Some(mark));
    let (Some(criteria), Some(questions)) = (find(CRITERIA_MARK), find(QUESTIONS_MARK)) else {
        out.problems.push(problem(
            sheet,
            String::new(),
            format!("raderna ”{CRITERIA_MARK}” och ”{QUESTIONS_MARK}” saknas; bladet räknas inte"),
        ));
        return;
    };
    let filled = (criteria + 2..questions).any(|r| text(range, r, 5).is_some())
        || (questions + 2..=last).any(|r| text(range, r, 4).is_some());
    if !filled {
        out.problems.push(problem(
            sheet,
            String::new(),
            format!("ärende ”{case}” är inte ifyllt"),
        ));
        return;
    }
    let choice = |row: u32, col: u32, allowed: &[&str], out: &mut Compiled| -> Option<String> {
        let value = text(range, row, col)?;
        let folded = value.to_lowercase();
        match allowed.iter().find(|a| **a == folded) {
            Some(a) => Some(a.to_string()),
            None => {
                out.problems.push(problem(
                    sheet,
                    cell_name(row, col),
                    format!(
                        "”{value}” är inget giltigt svar; välj ett av: {}",
                        allowed.join(", ")
                    ),
                ));
                None
            }
        }
    };
    for row in criteria + 2..questions {
        let Some(criterion) = text(range, row, 1) else {
            continue;
        };
        let document = text(range, row, 0).unwrap_or_default();
        let granska = text(range, row, 3).unwrap_or_default();
        let reason = text(range, row, 7);
        let Some(agree) = choice(row, 5, &AGREE, out) else {
            if text(range, row, 5).is_none() {
                out.problems.push(problem(
                    sheet,
                    cell_name(row, 5),
                    format!("svar saknas: håller du med om {criterion}?"),
                ));
            }
            continue;
        };
        let agrees = agree == "ja";
        let reviewer_status = if agrees {
            None
        } else {
            let status = choice(row, 6, &OVERRIDE, out);
            let missing = |col: u32, what: &str, out: &mut Compiled| {
                out.problems.push(problem(
                    sheet,
                    cell_name(row, col),
                    format!("{what} saknas för {criterion} (”nej” i håller du med)"),
                ));
            };
            if text(range, row, 6).is_none() {
                missing(6, "din bedömning", out);
                continue;
            }
            if reason.is_none() {
                missing(7, "skälet", out);
                continue;
            }
            match status {
                Some(s) => Some(s),
                None => continue,
            }
        };
        out.verdicts.push(Verdict {
            case: case.to_string(),
            reviewer: reviewer.to_string(),
            document,
            criterion,
            granska,
            agrees,
            reviewer_status,
            reason: reason.filter(|_| !agrees),
            evidence: text(range, row, 4),
        });
    }
    for row in questions + 2..=last {
        let Some(question) = text(range, row, 0).filter(|q| q.starts_with("MQ-")) else {
            continue;
        };
        if text(range, row, 4).is_none() {
            out.problems.push(problem(
                sheet,
                cell_name(row, 4),
                format!("svar saknas på {question}"),
            ));
            continue;
        }
        if let Some(answer) = choice(row, 4, &ANSWERS, out) {
            out.answers.push(Answer {
                case: case.to_string(),
                reviewer: reviewer.to_string(),
                question,
                answer,
                comment: text(range, row, 5),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_in_a_spreadsheet() {
        assert_eq!(cell_name(0, 1), "B1");
        assert_eq!(cell_name(11, 5), "F12");
        assert_eq!(cell_name(0, 26), "AA1");
    }
}
