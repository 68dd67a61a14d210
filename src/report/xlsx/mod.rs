//! `--format xlsx`: an Excel workbook with the sheets Sammanfattning,
//! Kriterier, Dokument and Fynd. Numbers are numbers (shares with a percent
//! format), dates are dates, the header row is frozen and filtered, and the
//! columns are wide enough to read.

use std::io::{self, Write};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::model::DocumentReport;

mod comparison;
mod front;

use super::writer::End;
use crate::template::Template;
pub use comparison::write_comparison;

/// The sheets, in order.
pub const SHEETS: [&str; 4] = ["Sammanfattning", "Kriterier", "Dokument", "Fynd"];

/// Column headers of the document sheet before the perspectives.
const DOCUMENT_COLUMNS: [&str; 7] = [
    "Dokument",
    "Fil",
    "Typ",
    "Utfall",
    "Enhet",
    "Beslutsdatum",
    "Poäng",
];

/// Column headers of the findings sheet.
const FINDING_COLUMNS: [&str; 13] = [
    "Dokument",
    "Fil",
    "Kriterium",
    "Perspektiv",
    "Allvarlighet",
    "Rad",
    "Kolumn",
    "Stycke",
    "Sida",
    "Utdrag",
    "Meddelande",
    "Förslag",
    "Källa",
];

/// The most characters Excel keeps in a cell.
const CELL_LIMIT: usize = 32_767;

/// What a cut cell ends with.
const CUT: &str = " … (avkortat)";

/// `text`, cut to what a cell holds: one long value must not cost the
/// workbook.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(CELL_LIMIT) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let keep = CELL_LIMIT - CUT.chars().count();
            let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}{CUT}", &text[..end]))
        }
    }
}

/// Writing text that always fits a cell.
trait WriteText {
    fn write_text(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
    ) -> Result<&mut Worksheet, XlsxError>;
}

impl WriteText for Worksheet {
    fn write_text(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.write_string(row, col, fit(text.as_ref()).as_ref())
    }
}

fn error(e: XlsxError) -> io::Error {
    io::Error::other(format!("Excel-filen kunde inte skapas: {e}"))
}

/// Collects rows as documents come and writes the workbook at the end.
pub struct XlsxWriter<W: Write> {
    out: W,
    workbook: Workbook,
    documents: u32,
    findings: u32,
    bold: Format,
    percent: Format,
    date: Format,
}

impl<W: Write> XlsxWriter<W> {
    /// A workbook with its four sheets and their header rows.
    pub fn start(out: W, template: &Template) -> io::Result<Self> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        // The document and finding sheets grow with the run: their rows go to
        // temporary files as they are written, so memory stays flat.
        for (i, name) in SHEETS.iter().enumerate() {
            let sheet = if i >= 2 {
                workbook.add_worksheet_with_constant_memory()
            } else {
                workbook.add_worksheet()
            };
            sheet.set_name(*name).map_err(error)?;
        }
        let mut writer = XlsxWriter {
            out,
            workbook,
            documents: 0,
            findings: 0,
            bold,
            percent: Format::new().set_num_format("0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        };
        let mut document_columns: Vec<String> =
            DOCUMENT_COLUMNS.iter().map(|s| s.to_string()).collect();
        document_columns.extend(template.perspectives.iter().map(|p| p.title.clone()));
        document_columns.extend(["Fynd", "LIX", "Ord"].map(String::from));
        writer.header(2, &document_columns)?;
        writer.header(3, &FINDING_COLUMNS.map(String::from))?;
        for (index, widths) in [
            (2, &[14.0, 40.0, 12.0, 14.0, 24.0, 13.0][..]),
            (
                3,
                &[
                    14.0, 40.0, 22.0, 14.0, 12.0, 6.0, 7.0, 7.0, 6.0, 50.0, 60.0, 60.0,
                ][..],
            ),
        ] {
            let sheet = writer.sheet(index)?;
            for (col, width) in widths.iter().enumerate() {
                sheet.set_column_width(col as u16, *width).map_err(error)?;
            }
        }
        Ok(writer)
    }

    fn sheet(&mut self, index: usize) -> io::Result<&mut Worksheet> {
        self.workbook.worksheet_from_index(index).map_err(error)
    }

    /// A bold header row, frozen.
    fn header(&mut self, index: usize, columns: &[String]) -> io::Result<()> {
        let bold = self.bold.clone();
        let sheet = self.sheet(index)?;
        write_header(sheet, 0, columns, &bold)?;
        sheet.set_freeze_panes(1, 0).map_err(error)?;
        Ok(())
    }

    /// Adds a document's row and its findings.
    pub fn document(&mut self, doc: &DocumentReport) -> io::Result<()> {
        self.documents += 1;
        let row = self.documents;
        let (percent, date) = (self.percent.clone(), self.date.clone());
        let meta = |key: &str| {
            doc.metadata
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let sheet = self.sheet(2)?;
        let texts = [
            doc.id.clone(),
            doc.path.clone(),
            doc.kind.unwrap_or("").to_string(),
            crate::ingest::outcome::shown(&meta("utfall")).to_string(),
            meta("enhet"),
        ];
        for (col, text) in texts.iter().enumerate() {
            sheet.write_text(row, col as u16, text).map_err(error)?;
        }
        let decided = meta("beslutsdatum");
        match ExcelDateTime::parse_from_str(&decided) {
            Ok(d) if !decided.is_empty() => sheet.write_datetime_with_format(row, 5, &d, &date),
            _ => sheet.write_text(row, 5, &decided),
        }
        .map_err(error)?;
        let mut col = 6u16;
        for score in
            std::iter::once(doc.score).chain(doc.perspectives.0.iter().map(|(_, p)| p.score))
        {
            if let Some(score) = score {
                sheet
                    .write_number_with_format(row, col, score, &percent)
                    .map_err(error)?;
            }
            col += 1;
        }
        sheet
            .write_number(row, col, doc.findings.len() as f64)
            .map_err(error)?;
        if let Some(lix) = doc.metrics.lix {
            sheet.write_number(row, col + 1, lix).map_err(error)?;
        }
        sheet
            .write_number(row, col + 2, doc.metrics.words as f64)
            .map_err(error)?;
        for f in &doc.findings {
            self.findings += 1;
            let row = self.findings;
            let sheet = self.sheet(3)?;
            let texts = [
                (0, doc.id.as_str()),
                (1, &doc.path),
                (2, &f.criterion),
                (3, &f.perspective),
                (4, f.severity.word()),
                (9, &f.excerpt),
                (10, &f.message),
                (11, f.suggestion.as_deref().unwrap_or("")),
                (12, f.source.as_deref().unwrap_or("")),
            ];
            for (col, text) in texts {
                sheet.write_text(row, col, text).map_err(error)?;
            }
            let numbers = [
                (5, Some(f.line)),
                (6, Some(f.column)),
                (7, f.paragraph),
                (8, f.page),
            ];
            for (col, n) in numbers {
                if let Some(n) = n {
                    sheet.write_number(row, col, n as f64).map_err(error)?;
                }
            }
        }
        Ok(())
    }

    /// Writes the summary and criteria sheets, filters and widths, and the
    /// workbook.
    pub fn finish(mut self, template: &Template, end: &End) -> io::Result<W> {
        self.summary(end)?;
        self.criteria(template, end)?;
        let document_columns = DOCUMENT_COLUMNS.len() + template.perspectives.len() + 3;
        let (documents, findings) = (self.documents, self.findings);
        for (index, rows, columns, widths) in [
            (
                2,
                documents,
                document_columns,
                &[14.0, 40.0, 12.0, 14.0, 24.0, 13.0][..],
            ),
            (
                3,
                findings,
                FINDING_COLUMNS.len(),
                &[
                    14.0, 40.0, 22.0, 14.0, 12.0, 6.0, 7.0, 7.0, 6.0, 50.0, 60.0, 60.0,
                ][..],
            ),
        ] {
            let sheet = self.sheet(index)?;
            sheet
                .autofilter(0, 0, rows, (columns - 1) as u16)
                .map_err(error)?;
            for (col, width) in widths.iter().enumerate() {
                sheet.set_column_width(col as u16, *width).map_err(error)?;
            }
        }
        let bytes = self.workbook.save_to_buffer().map_err(error)?;
        self.out.write_all(&bytes)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes bold column names in `row`.
fn write_header(
    sheet: &mut Worksheet,
    row: u32,
    names: &[impl AsRef<str>],
    bold: &Format,
) -> io::Result<()> {
    for (col, name) in names.iter().enumerate() {
        sheet
            .write_string_with_format(row, col as u16, name.as_ref(), bold)
            .map_err(error)?;
    }
    Ok(())
}

/// Days since 1970-01-01 today (UTC).
pub(crate) fn days_today() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_longer_than_a_cell_is_cut_and_marked() {
        let long = "å".repeat(40_000);
        let cut = fit(&long);
        assert_eq!(cut.chars().count(), CELL_LIMIT);
        assert!(cut.ends_with(CUT));
        let exact = "a".repeat(CELL_LIMIT);
        assert_eq!(fit(&exact), exact.as_str());
    }
}
