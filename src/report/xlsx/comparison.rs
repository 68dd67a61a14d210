//! `jämför --format xlsx`: the rounds compared as a workbook with the sheets
//! Omgångar, Perspektiv and Kriterier: counts, shares, the difference and
//! its interval as numbers, and the judgement in words.

use std::io::{self, Write};

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::front::write_percents;
use super::{WriteText, error, write_header};
use crate::report::privacy::shown;
use crate::score::compare::{Comparison, Count, Row, Trend};

const ROW_COLUMNS: [&str; 12] = [
    "Id",
    "Namn",
    "Första: uppfyllda",
    "Första: gäller",
    "Första: andel",
    "Andra: uppfyllda",
    "Andra: gäller",
    "Andra: andel",
    "Skillnad",
    "KI låg",
    "KI hög",
    "Bedömning",
];

/// Writes the comparison (of a series with `trend`: its first and last
/// rounds, and every round on the first sheet) to `out`.
pub fn write_comparison<W: Write>(
    c: &Comparison,
    trend: Option<&Trend>,
    show_pnr: bool,
    mut out: W,
) -> io::Result<W> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0%");
    let rounds: Vec<_> = match trend {
        Some(t) => t.rounds.iter().collect(),
        None => vec![&c.first, &c.second],
    };
    let sheet = workbook.add_worksheet();
    sheet.set_name("Omgångar").map_err(error)?;
    write_header(sheet, 0, &["Omgång", "Mall", "Version", "Dokument"], &bold)?;
    for (i, round) in rounds.iter().enumerate() {
        let row = 1 + i as u32;
        sheet
            .write_text(row, 0, shown(&round.file, show_pnr))
            .map_err(error)?;
        sheet.write_text(row, 1, &round.template).map_err(error)?;
        sheet
            .write_text(row, 2, round.template_version.as_deref().unwrap_or(""))
            .map_err(error)?;
        sheet
            .write_number(row, 3, round.documents as f64)
            .map_err(error)?;
    }
    sheet.set_column_width(0, 40).map_err(error)?;
    sheet.set_column_width(1, 40).map_err(error)?;
    for (name, rows) in [("Perspektiv", &c.perspectives), ("Kriterier", &c.criteria)] {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).map_err(error)?;
        write_rows(sheet, rows, &bold, &percent)?;
    }
    let bytes = workbook.save_to_buffer().map_err(error)?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(out)
}

fn write_rows(
    sheet: &mut Worksheet,
    rows: &[Row],
    bold: &Format,
    percent: &Format,
) -> io::Result<()> {
    write_header(sheet, 0, &ROW_COLUMNS, bold)?;
    for (i, r) in rows.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_text(row, 0, &r.id).map_err(error)?;
        sheet.write_text(row, 1, &r.label).map_err(error)?;
        for (col, count) in [(2, r.first), (5, r.second)] {
            if let Some(Count { met, applicable }) = count {
                sheet.write_number(row, col, met as f64).map_err(error)?;
                sheet
                    .write_number(row, col + 1, applicable as f64)
                    .map_err(error)?;
            }
        }
        write_percents(
            sheet,
            row,
            &[
                (4, r.first_share),
                (7, r.second_share),
                (8, r.difference),
                (9, r.ci_low),
                (10, r.ci_high),
            ],
            percent,
        )?;
        let judgement = r.judgement();
        sheet.write_text(row, 11, judgement).map_err(error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(error)?;
    sheet
        .autofilter(0, 0, rows.len() as u32, (ROW_COLUMNS.len() - 1) as u16)
        .map_err(error)?;
    sheet.set_column_width(1, 40).map_err(error)?;
    sheet.set_column_width(11, 24).map_err(error)?;
    Ok(())
}
