//! A reviewer's protocol as an xlsx workbook: a cover sheet with the
//! instructions, then one sheet per case with the case's documents, one row
//! per automatic verdict (agree, or override with a reason) and one row per
//! review question, the answers chosen from drop-down lists.
//!
//! The layout is a contract with [`super::sammanstall`]-to-be: the marker rows
//! ([`CRITERIA_MARK`], [`QUESTIONS_MARK`]) and the columns below them are read
//! back, so change them together.

use std::io::{Seek, Write};

use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet, XlsxError};

use super::plan::Reviewer;
use crate::criteria::{Check, Status};
use crate::report::model::DocumentReport;
use crate::report::privacy::shown;
use crate::template::Template;

/// The cell (row 0, column 1) of a case sheet that names the case.
pub const CASE_CELL: (u32, u16) = (0, 1);
/// Column A of the row above the automatic verdicts.
pub const CRITERIA_MARK: &str = "Automatiska bedömningar";
/// Column A of the row above the questions.
pub const QUESTIONS_MARK: &str = "Frågor";
/// The answers to "Håller du med?".
pub const AGREE: [&str; 2] = ["ja", "nej"];
/// The statuses a reviewer can set instead of granska's.
pub const OVERRIDE: [&str; 3] = [
    Status::Met.word(),
    Status::NotMet.word(),
    Status::NotApplicable.word(),
];
/// The answers to a question.
pub const ANSWERS: [&str; 4] = ["ja", "delvis", "nej", "ej aktuellt"];

/// A case in a protocol: its id, the documents' results and whether a second
/// reviewer reviews it too.
#[derive(Debug, Clone)]
pub struct ProtocolCase<'a> {
    pub case: &'a str,
    pub documents: Vec<&'a DocumentReport>,
    pub double: bool,
}

/// The round a protocol belongs to, for its cover sheet.
#[derive(Debug, Clone)]
pub struct Round<'a> {
    pub name: &'a str,
    pub seed: u64,
    pub date: &'a str,
}

/// Writes `reviewer`'s protocol for `cases` to `out`. Identity numbers are
/// masked unless `show_pnr`.
pub fn write_protocol<W: Write + Seek + Send>(
    out: W,
    template: &Template,
    reviewer: &Reviewer,
    round: &Round,
    cases: &[ProtocolCase],
    show_pnr: bool,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let styles = Styles::new();
    cover(
        book.add_worksheet(),
        &styles,
        reviewer,
        round,
        cases,
        show_pnr,
    )?;
    for (i, case) in cases.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(format!("Ärende {}", i + 1))?;
        case_sheet(sheet, &styles, template, reviewer, case, show_pnr)?;
    }
    book.save_to_writer(out)
}

struct Styles {
    title: Format,
    heading: Format,
    wrap: Format,
    answer: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            heading: Format::new().set_bold().set_background_color(0xDDE5F0),
            wrap: Format::new()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
            answer: Format::new()
                .set_unlocked()
                .set_background_color(0xFFF6D5)
                .set_border(rust_xlsxwriter::FormatBorder::Thin)
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
        }
    }
}

fn cover(
    sheet: &mut Worksheet,
    styles: &Styles,
    reviewer: &Reviewer,
    round: &Round,
    cases: &[ProtocolCase],
    show_pnr: bool,
) -> Result<(), XlsxError> {
    sheet.set_name("Instruktioner")?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 90)?;
    sheet.write_with_format(0, 0, "Kollegiegranskning – protokoll", &styles.title)?;
    let facts = [
        ("Granskare", reviewer.name.clone()),
        ("Omgång", round.name.to_string()),
        ("Datum", round.date.to_string()),
        ("Frö (urvalet)", round.seed.to_string()),
        ("Antal ärenden", cases.len().to_string()),
    ];
    for (i, (label, value)) in facts.iter().enumerate() {
        sheet.write(2 + i as u32, 0, *label)?;
        sheet.write(2 + i as u32, 1, value.as_str())?;
    }
    let steps = [
        "Varje ärende har ett eget blad (Ärende 1, Ärende 2 …). Läs ärendets dokument i verksamhetssystemet eller i filerna som står överst på bladet.",
        "Under ”Automatiska bedömningar” står granskas bedömning av varje kriterium med belägg. Välj ”ja” i kolumnen ”Håller du med?” om du delar bedömningen.",
        "Delar du den inte: välj ”nej”, välj din bedömning och skriv skälet. Ett ”nej” utan skäl kan inte räknas.",
        "Under ”Frågor” svarar du på granskningsnyckelns frågor: ja, delvis, nej eller ej aktuellt, och skriver gärna en kommentar. Vägledningen står bredvid frågan.",
        "Fyll bara i de gula cellerna. Ändra inte ärendenumret, bladens namn eller ordningen på raderna: protokollet läses in igen när omgången sammanställs.",
        "Ärenden som också granskas av en kollega är märkta ”Dubbelgranskas: ja”. Gör din bedömning självständigt; skillnaderna används för att göra nyckeln tydligare.",
        "Protokollet innehåller sekretessbelagda uppgifter. Spara det bara där ärendena får finnas och lämna tillbaka det till den som leder granskningen.",
    ];
    sheet.write_with_format(8, 0, "Så fyller du i", &styles.heading)?;
    sheet.write_with_format(8, 1, "", &styles.heading)?;
    for (i, step) in steps.iter().enumerate() {
        let row = 9 + i as u32;
        sheet.write(row, 0, format!("{}.", i + 1))?;
        sheet.write_with_format(row, 1, *step, &styles.wrap)?;
    }
    let first = 10 + steps.len() as u32;
    sheet.write_with_format(first, 0, "Blad", &styles.heading)?;
    sheet.write_with_format(first, 1, "Ärende", &styles.heading)?;
    for (i, case) in cases.iter().enumerate() {
        let row = first + 1 + i as u32;
        sheet.write(row, 0, format!("Ärende {}", i + 1))?;
        sheet.write(row, 1, shown(case.case, show_pnr).as_ref())?;
    }
    sheet.protect();
    Ok(())
}

fn list(values: &[&str], title: &str) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(values)?
        .set_error_title("Välj ur listan")?
        .set_error_message(format!("Svaret ska vara ett av: {}.", values.join(", ")))?
        .set_input_title(title)
}

fn case_sheet(
    sheet: &mut Worksheet,
    styles: &Styles,
    template: &Template,
    reviewer: &Reviewer,
    case: &ProtocolCase,
    show_pnr: bool,
) -> Result<(), XlsxError> {
    let mask = |s: &str| shown(s, show_pnr).into_owned();
    for (col, width) in [
        (0, 22),
        (1, 26),
        (2, 34),
        (3, 16),
        (4, 60),
        (5, 14),
        (6, 16),
        (7, 40),
    ] {
        sheet.set_column_width(col, width)?;
    }
    sheet.write_with_format(0, 0, "Ärende", &styles.heading)?;
    sheet.write(CASE_CELL.0, CASE_CELL.1, mask(case.case))?;
    sheet.write(1, 0, "Granskare")?;
    sheet.write(1, 1, reviewer.name.as_str())?;
    sheet.write(2, 0, "Dubbelgranskas")?;
    sheet.write(2, 1, if case.double { "ja" } else { "nej" })?;
    let mut row = 4;
    for (col, h) in ["Dokument", "Fil", "Typ", "Utfall"].iter().enumerate() {
        sheet.write_with_format(row, col as u16, *h, &styles.heading)?;
    }
    for d in &case.documents {
        row += 1;
        sheet.write(row, 0, mask(&d.id))?;
        sheet.write(row, 1, mask(&d.path))?;
        sheet.write(row, 2, d.kind.unwrap_or("okänd"))?;
        let outcome = d
            .metadata
            .get("utfall")
            .and_then(|v| v.as_str())
            .map_or("", crate::ingest::outcome::shown);
        sheet.write(row, 3, outcome)?;
    }
    row += 2;
    sheet.write_with_format(row, 0, CRITERIA_MARK, &styles.title)?;
    row += 1;
    let headings = [
        "Dokument",
        "Kriterium",
        "Benämning",
        "granskas bedömning",
        "Belägg",
        "Håller du med?",
        "Din bedömning",
        "Skäl (om nej)",
    ];
    for (col, h) in headings.iter().enumerate() {
        sheet.write_with_format(row, col as u16, *h, &styles.heading)?;
    }
    let agree = list(&AGREE, "Håller du med granska?")?;
    let status = list(&OVERRIDE, "Din bedömning")?;
    for d in &case.documents {
        for c in &d.criteria {
            if !matches!(c.status, Status::Met | Status::NotMet) {
                continue;
            }
            let Some(criterion) = template.criterion(&c.id) else {
                continue;
            };
            row += 1;
            sheet.write_with_format(row, 0, mask(&d.id), &styles.wrap)?;
            sheet.write_with_format(row, 1, c.id.as_str(), &styles.wrap)?;
            sheet.write_with_format(row, 2, criterion.title.as_str(), &styles.wrap)?;
            sheet.write_with_format(row, 3, c.status.word(), &styles.wrap)?;
            sheet.write_with_format(
                row,
                4,
                evidence(d, &c.id, c.status, &criterion.message),
                &styles.wrap,
            )?;
            for col in 5..=7 {
                sheet.write_blank(row, col, &styles.answer)?;
            }
            sheet.add_data_validation(row, 5, row, 5, &agree)?;
            sheet.add_data_validation(row, 6, row, 6, &status)?;
        }
    }
    row += 2;
    sheet.write_with_format(row, 0, QUESTIONS_MARK, &styles.title)?;
    row += 1;
    for (col, h) in [
        "Fråga",
        "Frågan",
        "Vägledning",
        "Gäller",
        "Svar",
        "Kommentar",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_with_format(row, col as u16, *h, &styles.heading)?;
    }
    let answer = list(&ANSWERS, "Ditt svar")?;
    for q in template
        .criteria
        .iter()
        .filter(|c| matches!(c.check, Check::Question))
    {
        let applies: Vec<String> = case
            .documents
            .iter()
            .filter(|d| {
                d.criteria
                    .iter()
                    .any(|c| c.id == q.id && c.status == Status::Manual)
            })
            .map(|d| mask(&d.id))
            .collect();
        if applies.is_empty() {
            continue;
        }
        row += 1;
        sheet.write_with_format(row, 0, q.id.as_str(), &styles.wrap)?;
        sheet.write_with_format(row, 1, q.title.as_str(), &styles.wrap)?;
        sheet.write_with_format(row, 2, q.advice.as_deref().unwrap_or(""), &styles.wrap)?;
        sheet.write_with_format(row, 3, applies.join(", "), &styles.wrap)?;
        sheet.write_blank(row, 4, &styles.answer)?;
        sheet.write_blank(row, 5, &styles.answer)?;
        sheet.add_data_validation(row, 4, row, 4, &answer)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.protect();
    Ok(())
}

/// What granska based a verdict on: the findings (line and excerpt), or the
/// criterion's message when nothing was found.
fn evidence(d: &DocumentReport, id: &str, status: Status, message: &str) -> String {
    let found: Vec<String> = d
        .findings
        .iter()
        .filter(|f| f.criterion == id)
        .take(5)
        .map(|f| format!("rad {}: ”{}”", f.line, f.excerpt))
        .collect();
    match (status, found.is_empty()) {
        (_, false) => found.join("\n"),
        (Status::NotMet, true) => message.to_string(),
        _ => String::new(),
    }
}
