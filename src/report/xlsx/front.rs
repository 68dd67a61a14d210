//! The workbook's first two sheets: Sammanfattning (the review's
//! provenance, results per perspective, unreadable files) and Kriterier.

use std::io::{self, Write};

use rust_xlsxwriter::{Format, Worksheet};

use super::{WriteText, XlsxWriter, error, write_header};
use crate::report::privacy::shown;
use crate::report::writer::End;
use crate::template::Template;

impl<W: Write> XlsxWriter<W> {
    /// The summary sheet: heading, "Om granskningen", the perspectives and
    /// the files that could not be read.
    pub(super) fn summary(&mut self, end: &End) -> io::Result<()> {
        let (summary, show_pnr) = (end.summary, end.show_pnr);
        let (bold, percent) = (self.bold.clone(), self.percent.clone());
        let sheet = self.sheet(0)?;
        let w = |e| error(e);
        let heading = shown(&end.provenance.heading(), show_pnr).into_owned();
        sheet
            .write_string_with_format(0, 0, &heading, &bold)
            .map_err(w)?;
        let mut row = 1;
        sheet.write_text(row, 0, "Dokument").map_err(w)?;
        sheet
            .write_number(row, 1, summary.figures.documents as f64)
            .map_err(w)?;
        row += 1;
        sheet.write_text(row, 0, "Medelpoäng").map_err(w)?;
        if let Some(mean) = summary.figures.mean_score {
            sheet
                .write_number_with_format(row, 1, mean, &percent)
                .map_err(w)?;
        }
        row += 1;
        sheet
            .write_text(row, 0, "Sammanfattning i ord")
            .map_err(w)?;
        let paragraph = crate::report::paragraph::summary_paragraph(summary, end.provenance);
        sheet
            .write_text(row, 1, shown(&paragraph, show_pnr))
            .map_err(w)?;
        row += 2;
        sheet
            .write_string_with_format(row, 0, "Om granskningen", &bold)
            .map_err(w)?;
        for (name, text) in end.provenance.rows(summary, show_pnr) {
            row += 1;
            sheet.write_text(row, 0, name).map_err(w)?;
            sheet.write_text(row, 1, text).map_err(w)?;
        }
        row += 2;
        let header = [
            "Perspektiv",
            "Medelpoäng",
            "Dokument",
            "Alla uppfyllda",
            "Andel",
            "Vägd andel",
            "KI låg",
            "KI hög",
            "Mål",
            "Bedömning",
        ];
        write_header(sheet, row, &header, &bold)?;
        for (_, p) in &summary.figures.perspectives.0 {
            row += 1;
            sheet.write_text(row, 0, &p.title).map_err(w)?;
            let e = &p.estimate;
            write_percents(
                sheet,
                row,
                &[
                    (1, p.mean_score),
                    (4, p.all_met_share),
                    (5, e.weighted_share),
                    (6, e.ci_low),
                    (7, e.ci_high),
                    (8, e.target),
                ],
                &percent,
            )?;
            sheet.write_number(row, 2, p.applicable as f64).map_err(w)?;
            sheet.write_number(row, 3, p.all_met as f64).map_err(w)?;
            sheet
                .write_text(row, 9, e.verdict.map_or("", |v| v.name()))
                .map_err(w)?;
        }
        if let Some(key) = &summary.grouped_by {
            row += 2;
            sheet
                .write_string_with_format(row, 0, format!("Översikt per {key}"), &bold)
                .map_err(w)?;
            row += 1;
            let mut header = vec![key.clone(), "Dokument".to_string()];
            for (_, p) in &summary.figures.perspectives.0 {
                header.push(p.title.clone());
                header.push(format!("{}: bedömning", p.title));
            }
            write_header(sheet, row, &header, &bold)?;
            for r in crate::report::overview::rows(summary, show_pnr) {
                row += 1;
                sheet.write_text(row, 0, &r.value).map_err(w)?;
                sheet.write_number(row, 1, r.documents as f64).map_err(w)?;
                for (i, cell) in r.cells.iter().enumerate() {
                    let col = 2 + 2 * i as u16;
                    write_percents(sheet, row, &[(col, cell.share)], &percent)?;
                    sheet
                        .write_text(row, col + 1, cell.verdict.map_or("", |v| v.name()))
                        .map_err(w)?;
                }
            }
        }
        if !end.errors.is_empty() {
            row += 2;
            sheet
                .write_string_with_format(row, 0, "Filer som inte kunde läsas", &bold)
                .map_err(w)?;
            for e in end.errors {
                row += 1;
                sheet
                    .write_text(row, 0, shown(&e.path, show_pnr))
                    .map_err(w)?;
                sheet
                    .write_text(row, 1, shown(&e.message, show_pnr))
                    .map_err(w)?;
            }
        }
        sheet.set_column_width(0, 30).map_err(w)?;
        sheet.set_column_width(1, 60).map_err(w)?;
        Ok(())
    }

    /// The criteria sheet: one row per criterion, with its title and
    /// perspective by name.
    pub(super) fn criteria(&mut self, template: &Template, end: &End) -> io::Result<()> {
        let summary = end.summary;
        let (bold, percent) = (self.bold.clone(), self.percent.clone());
        let sheet = self.sheet(1)?;
        let w = |e| error(e);
        let per_case = summary.figures.cases.is_some();
        let mut header = vec![
            "Kriterium",
            "Titel",
            "Perspektiv",
            "Gäller",
            "Uppfyllda",
            "Andel",
            "Vägd andel",
            "KI låg",
            "KI hög",
            "Mål",
            "Bedömning",
            "Manuella",
        ];
        if per_case {
            header.extend(["Ärenden", "Ärenden uppfyllda", "Andel ärenden"]);
        }
        write_header(sheet, 0, &header, &bold)?;
        for (i, c) in summary.figures.criteria.iter().enumerate() {
            let row = 1 + i as u32;
            sheet.write_text(row, 0, &c.id).map_err(w)?;
            sheet.write_text(row, 1, &c.title).map_err(w)?;
            sheet
                .write_text(row, 2, template.perspective_title(&c.perspective))
                .map_err(w)?;
            sheet.write_number(row, 3, c.applicable as f64).map_err(w)?;
            sheet.write_number(row, 4, c.met as f64).map_err(w)?;
            let e = &c.estimate;
            write_percents(
                sheet,
                row,
                &[
                    (5, c.share),
                    (6, e.weighted_share),
                    (7, e.ci_low),
                    (8, e.ci_high),
                    (9, e.target),
                ],
                &percent,
            )?;
            sheet
                .write_text(row, 10, e.verdict.map_or("", |v| v.name()))
                .map_err(w)?;
            sheet.write_number(row, 11, c.manual as f64).map_err(w)?;
            if let Some(k) = &c.cases {
                sheet
                    .write_number(row, 12, k.applicable as f64)
                    .map_err(w)?;
                sheet.write_number(row, 13, k.met as f64).map_err(w)?;
                if let Some(share) = k.share {
                    sheet
                        .write_number_with_format(row, 14, share, &percent)
                        .map_err(w)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(w)?;
        let last = summary.figures.criteria.len() as u32;
        sheet
            .autofilter(0, 0, last, (header.len() - 1) as u16)
            .map_err(w)?;
        sheet.set_column_width(0, 24).map_err(w)?;
        sheet.set_column_width(1, 40).map_err(w)?;
        sheet.set_column_width(10, 14).map_err(w)?;
        Ok(())
    }
}

/// Writes the shares that are known as percentages in `row`, each in its
/// column.
pub(super) fn write_percents(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[(u16, Option<f64>)],
    percent: &Format,
) -> io::Result<()> {
    for &(col, value) in cells {
        if let Some(v) = value {
            sheet
                .write_number_with_format(row, col, v, percent)
                .map_err(error)?;
        }
    }
    Ok(())
}
