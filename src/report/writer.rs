//! One report, whatever its format: each document is rendered on the worker
//! thread that judged it ([`render`]), then handed to the [`ReportWriter`] in
//! input order; the summary and the unreadable files come at the end.

use std::io::{self, Write};

use super::findings_csv::CsvWriter;
use super::html::{self, HtmlWriter, Page};
use super::json::{self, JsonWriter};
use super::model::DocumentReport;
use super::provenance::Provenance;
use super::sarif::SarifWriter;
use super::text;
use super::xlsx::XlsxWriter;
use crate::engine::Outcome;
use crate::ingest::{Document, IngestError};
use crate::score::Summary;
use crate::template::Template;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Sarif,
    Xlsx,
    Html,
}

impl Format {
    /// The format a file name's ending stands for, if any.
    pub fn of_file(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "sarif" => Format::Sarif,
            "xlsx" => Format::Xlsx,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }

    /// The format to write `out` in (the screen when none; `terminal` when
    /// the screen is a terminal): `given` (`--format`), else the one the
    /// file's ending names, else text. An error, in Swedish, when the format
    /// does not fit the ending — a report written as text into
    /// `rapport.html` would open as garbage — or is an Excel workbook for a
    /// terminal.
    pub fn for_output(
        given: Option<Format>,
        out: Option<&std::path::Path>,
        terminal: bool,
    ) -> Result<Format, String> {
        let of_file = out.and_then(Format::of_file);
        let format = match (given, of_file) {
            (None, found) => found.unwrap_or(Format::Text),
            // SARIF files are often named `.sarif.json`.
            (Some(Format::Sarif), Some(Format::Json)) => Format::Sarif,
            (Some(given), Some(found)) if given != found => {
                let name = out
                    .and_then(|o| o.file_name())
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                return Err(format!(
                    "--format {} passar inte med filnamnet {name}, som är en {}-fil; ändra det \
                     ena, eller utelämna --format så väljs formatet efter filändelsen",
                    given.name(),
                    found.name()
                ));
            }
            (Some(given), _) => given,
        };
        if format == Format::Xlsx && out.is_none() && terminal {
            return Err(
                "en Excel-arbetsbok kan inte visas i terminalen; skriv den till en fil \
                        med --ut, t.ex. --ut rapport.xlsx"
                    .to_string(),
            );
        }
        Ok(format)
    }

    /// The name of the format as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Sarif => "sarif",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }
}

/// A document as rendered for its format.
#[derive(Debug)]
pub enum Body {
    /// Finished text (terminal blocks, JSON objects).
    Text(String),
    /// Rows for the tabular formats.
    Report(Box<DocumentReport>),
    /// A page of the HTML report.
    Page(Box<Page>),
}

/// How a document is shown.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Personal identity numbers unmasked.
    pub show_pnr: bool,
    /// Colours in text for a terminal.
    pub color: bool,
    /// The document's text beside its findings (HTML).
    pub with_text: bool,
}

/// Renders a document for `format` (on the worker thread).
pub fn render(
    format: Format,
    template: &Template,
    doc: &Document,
    outcome: &Outcome,
    style: Style,
) -> Body {
    let show_pnr = style.show_pnr;
    match format {
        Format::Json => Body::Text(json::render_document(template, doc, outcome, show_pnr)),
        Format::Text => Body::Text(text::render_document(
            template,
            doc,
            outcome,
            show_pnr,
            style.color,
        )),
        Format::Csv | Format::Sarif | Format::Xlsx => Body::Report(Box::new(DocumentReport::new(
            template, doc, outcome, show_pnr,
        ))),
        Format::Html => Body::Page(Box::new(html::render_document(
            template,
            doc,
            outcome,
            show_pnr,
            style.with_text,
        ))),
    }
}

/// Writes a report as documents come.
pub enum ReportWriter<W: Write> {
    Json(JsonWriter<W>),
    /// The terminal report shows the summary first, so its document blocks
    /// wait until the run is done.
    Text(W, Vec<String>),
    Csv(Box<CsvWriter<W>>),
    Sarif(SarifWriter<W>),
    Xlsx(Box<XlsxWriter<W>>),
    Html(Box<HtmlWriter<W>>),
}

impl<W: Write> ReportWriter<W> {
    /// Starts a report in `format`.
    pub fn start(format: Format, out: W, template: &Template) -> io::Result<Self> {
        Ok(match format {
            Format::Json => ReportWriter::Json(JsonWriter::start(out, template)?),
            Format::Text => ReportWriter::Text(out, Vec::new()),
            Format::Csv => ReportWriter::Csv(Box::new(CsvWriter::start(out)?)),
            Format::Sarif => ReportWriter::Sarif(SarifWriter::start(out)?),
            Format::Xlsx => ReportWriter::Xlsx(Box::new(XlsxWriter::start(out, template)?)),
            Format::Html => ReportWriter::Html(Box::new(HtmlWriter::start(out)?)),
        })
    }

    /// Adds a rendered document.
    pub fn document(&mut self, template: &Template, body: Body) -> io::Result<()> {
        match (self, body) {
            (ReportWriter::Json(w), Body::Text(t)) => w.document(&t),
            (ReportWriter::Text(_, blocks), Body::Text(t)) => {
                blocks.push(t);
                Ok(())
            }
            (ReportWriter::Csv(w), Body::Report(r)) => w.document(&r),
            (ReportWriter::Sarif(w), Body::Report(r)) => w.document(template, &r),
            (ReportWriter::Xlsx(w), Body::Report(r)) => w.document(&r),
            (ReportWriter::Html(w), Body::Page(p)) => w.document(*p),
            _ => Err(io::Error::other(
                "internt fel: dokumentet renderades för ett annat format",
            )),
        }
    }

    /// Writes the summary and the unreadable files and ends the report.
    pub fn finish(self, template: &Template, end: &End) -> io::Result<()> {
        match self {
            ReportWriter::Json(w) => w.finish(end).map(drop),
            ReportWriter::Text(mut out, blocks) => {
                let rendered = super::summary::render_summary(template, end);
                writeln!(out, "{rendered}")?;
                for block in blocks {
                    writeln!(out, "{block}")?;
                }
                out.flush()
            }
            ReportWriter::Csv(w) => w.finish(end.errors, end.show_pnr).map(drop),
            ReportWriter::Sarif(w) => w.finish(template, end.errors, end.show_pnr).map(drop),
            ReportWriter::Xlsx(w) => w.finish(template, end).map(drop),
            ReportWriter::Html(w) => w.finish(template, end).map(drop),
        }
    }
}

/// What a report ends with: the summary, the files that could not be read,
/// and where the review came from.
#[derive(Debug, Clone, Copy)]
pub struct End<'a> {
    pub summary: &'a Summary,
    pub errors: &'a [IngestError],
    pub provenance: &'a Provenance,
    pub show_pnr: bool,
    /// The summary only (`--bara-sammanfattning`): no group details either.
    pub summary_only: bool,
    /// Document pages without texts and file names (`--utan-text`).
    pub without_text: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_format_follows_the_file_ending_unless_given_and_a_mismatch_is_refused() {
        let of = |given, out: Option<&str>, terminal| {
            Format::for_output(given, out.map(Path::new), terminal)
        };
        assert_eq!(of(None, None, true), Ok(Format::Text));
        for (file, format) in [
            ("rapport.html", Format::Html),
            ("R.HTM", Format::Html),
            ("a/b.xlsx", Format::Xlsx),
            ("r.json", Format::Json),
            ("r.csv", Format::Csv),
            ("r.sarif", Format::Sarif),
            ("r.txt", Format::Text),
            ("r.logg", Format::Text),
        ] {
            assert_eq!(of(None, Some(file), false), Ok(format), "{file}");
            assert_eq!(of(Some(format), Some(file), false), Ok(format), "{file}");
        }
        assert_eq!(
            of(Some(Format::Json), Some("r.logg"), false),
            Ok(Format::Json)
        );
        assert_eq!(
            of(Some(Format::Sarif), Some("r.sarif.json"), false),
            Ok(Format::Sarif)
        );
        let e = of(Some(Format::Text), Some("omg1.html"), false).unwrap_err();
        assert!(
            e.starts_with("--format text passar inte med filnamnet omg1.html, som är en html-fil"),
            "{e}"
        );
        assert!(of(Some(Format::Csv), Some("r.xlsx"), false).is_err());
        // Excel bytes never go to a terminal; to a pipe they may.
        let e = of(Some(Format::Xlsx), None, true).unwrap_err();
        assert!(e.contains("--ut rapport.xlsx"), "{e}");
        assert_eq!(of(Some(Format::Xlsx), None, false), Ok(Format::Xlsx));
    }
}
