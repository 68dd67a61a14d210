//! A compiled round as rows for a spreadsheet (CSV) and as SARIF for tools
//! that collect review results: every answer and every reviewed verdict of
//! every case, masked on the way out.

use std::io::{self, Write};

use serde_json::json;

use super::sammanstall::Compiled;
use crate::criteria::Status;
use crate::report::findings_csv::{excel_csv, inert};
use crate::report::privacy::shown;
use crate::report::sarif;
use crate::template::Template;

/// The CSV columns, in Swedish.
pub const CSV_COLUMNS: [&str; 10] = [
    "ärende",
    "granskare",
    "slag",
    "id",
    "dokument",
    "granska",
    "håller med",
    "svar eller bedömning",
    "kommentar eller skäl",
    "ärendets enhet",
];

/// Every answer, then every verdict, one per row.
pub fn write_csv<W: Write>(out: W, compiled: &Compiled, show_pnr: bool) -> io::Result<()> {
    let mut csv = excel_csv(out)?;
    let cell = |s: &str| inert(&shown(s, show_pnr)).into_owned();
    let unit = |case: &str| {
        compiled
            .enhet
            .get(case)
            .map(|u| u.join(" | "))
            .unwrap_or_default()
    };
    csv.write_record(CSV_COLUMNS)?;
    for a in &compiled.answers {
        csv.write_record([
            cell(&a.case),
            cell(&a.reviewer),
            "fråga".to_string(),
            a.question.clone(),
            String::new(),
            String::new(),
            String::new(),
            a.answer.clone(),
            cell(a.comment.as_deref().unwrap_or("")),
            cell(&unit(&a.case)),
        ])?;
    }
    for v in &compiled.verdicts {
        csv.write_record([
            cell(&v.case),
            cell(&v.reviewer),
            "kriterium".to_string(),
            v.criterion.clone(),
            cell(&v.document),
            v.granska.clone(),
            if v.agrees { "ja" } else { "nej" }.to_string(),
            v.status().to_string(),
            cell(v.reason.as_deref().unwrap_or("")),
            cell(&unit(&v.case)),
        ])?;
    }
    csv.flush()
}

/// The round as a SARIF log: an answer "nej" is a warning and "delvis" a
/// note, on the case; a verdict that stands as "ej uppfyllt" after review is
/// a result on its document, with the reviewer's reason when they changed it.
pub fn write_sarif<W: Write>(
    mut out: W,
    template: &Template,
    compiled: &Compiled,
    show_pnr: bool,
) -> io::Result<()> {
    let mask = |s: &str| shown(s, show_pnr).into_owned();
    let place = |case: &str, document: Option<&str>| {
        let mut logical = vec![json!({"name": mask(case), "kind": "ärende"})];
        if let Some(d) = document {
            logical.push(json!({"name": mask(d), "kind": "dokument"}));
        }
        json!([{ "logicalLocations": logical }])
    };
    let mut results = Vec::new();
    for a in &compiled.answers {
        let level = match a.answer.as_str() {
            "nej" => "warning",
            "delvis" => "note",
            _ => continue,
        };
        let title = template
            .criterion(&a.question)
            .map_or(a.question.as_str(), |c| c.title.as_str());
        let text = match &a.comment {
            Some(c) => format!("{title}: {} – {}", a.answer, mask(c)),
            None => format!("{title}: {}", a.answer),
        };
        results.push(json!({
            "ruleId": a.question,
            "level": level,
            "message": {"text": text},
            "locations": place(&a.case, None),
            "properties": {"reviewer": a.reviewer, "answer": a.answer},
        }));
    }
    for v in compiled
        .verdicts
        .iter()
        .filter(|v| v.status() == Status::NotMet.word())
    {
        let severity = template
            .criterion(&v.criterion)
            .map_or(crate::finding::Severity::Warning, |c| c.severity);
        let text = match (&v.reason, v.agrees) {
            (Some(r), false) => format!("Ej uppfyllt enligt granskaren: {}", mask(r)),
            _ => "Ej uppfyllt (granskaren håller med granska).".to_string(),
        };
        results.push(json!({
            "ruleId": v.criterion,
            "level": sarif::level(severity),
            "message": {"text": text},
            "locations": place(&v.case, Some(&v.document)),
            "properties": {"reviewer": v.reviewer, "granska": v.granska, "agrees": v.agrees},
        }));
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": sarif::tool(template),
            "results": results,
            "properties": {"kind": "kollegiegranskning"},
        }],
    });
    serde_json::to_writer_pretty(&mut out, &log)?;
    writeln!(out)
}
