//! `--format csv`: the findings, one per row, semicolon-separated, UTF-8 with
//! a byte order mark so that Swedish Excel opens it with å, ä and ö intact.
//! Files that could not be read come last, as rows without a criterion.

use std::borrow::Cow;
use std::io::{self, Write};

use super::model::DocumentReport;
use super::privacy::shown;
use crate::ingest::IngestError;

/// The column names, in Swedish.
pub const HEADER: [&str; 15] = [
    "dokument",
    "fil",
    "typ",
    "kriterium",
    "perspektiv",
    "allvarlighet",
    "rad",
    "kolumn",
    "stycke",
    "sida",
    "utdrag",
    "meddelande",
    "förslag",
    "poäng",
    "källa",
];

/// Streams findings as CSV.
pub struct CsvWriter<W: Write> {
    csv: ::csv::Writer<W>,
}

/// The I/O error inside a CSV error, so that a closed pipe stays a closed
/// pipe.
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Text for a spreadsheet cell that Excel will not run as a formula: a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`
/// first (OWASP's advice against CSV injection). Ids, file names, strata and
/// excerpts come from the documents and cannot be trusted.
pub fn inert(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV writer for Swedish Excel: the byte order mark first (so å, ä and ö
/// survive), then semicolon-separated rows.
pub fn excel_csv<W: Write>(mut out: W) -> io::Result<::csv::Writer<W>> {
    out.write_all("\u{feff}".as_bytes())?;
    Ok(::csv::WriterBuilder::new().delimiter(b';').from_writer(out))
}

fn number(n: Option<usize>) -> String {
    n.map_or(String::new(), |n| n.to_string())
}

impl<W: Write> CsvWriter<W> {
    /// Writes the byte order mark and the header row.
    pub fn start(out: W) -> io::Result<Self> {
        let mut csv = excel_csv(out)?;
        csv.write_record(HEADER).map_err(io_error)?;
        Ok(CsvWriter { csv })
    }

    /// Writes a document's findings.
    pub fn document(&mut self, doc: &DocumentReport) -> io::Result<()> {
        let score = doc
            .score
            .map_or(String::new(), |s| format!("{:.0}", s * 100.0));
        for f in &doc.findings {
            self.csv
                .write_record([
                    inert(&doc.id).as_ref(),
                    &inert(&doc.path),
                    doc.kind.unwrap_or(""),
                    &f.criterion,
                    &f.perspective,
                    f.severity.word(),
                    &f.line.to_string(),
                    &f.column.to_string(),
                    &number(f.paragraph),
                    &number(f.page),
                    &inert(&f.excerpt),
                    &inert(&f.message),
                    &inert(f.suggestion.as_deref().unwrap_or("")),
                    &score,
                    f.source.as_deref().unwrap_or(""),
                ])
                .map_err(io_error)?;
        }
        Ok(())
    }

    /// Writes the files that could not be read and flushes.
    pub fn finish(mut self, errors: &[IngestError], show_pnr: bool) -> io::Result<W> {
        for e in errors {
            let path = inert(&shown(&e.path, show_pnr)).into_owned();
            let message = format!("Filen kunde inte läsas: {}", shown(&e.message, show_pnr));
            let mut row = vec![""; HEADER.len()];
            row[1] = &path;
            row[5] = "fel";
            row[11] = &message;
            self.csv.write_record(row).map_err(io_error)?;
        }
        self.csv.flush()?;
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}
