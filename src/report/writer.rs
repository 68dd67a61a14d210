//! One report, whatever its format: each document is rendered on the worker
//! thread that judged it ([`render`]), then handed to the [`ReportWriter`] in
//! input order; the summary and the unreadable files come at the end.

use std::io::{self, Write};

use super::findings_csv::CsvWriter;
use super::html::{self, HtmlWriter, Page};
use super::json::{self, JsonWriter};
use super::model::DocumentReport;
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

/// Renders a document for `format` (on the worker thread).
pub fn render(
    format: Format,
    template: &Template,
    doc: &Document,
    outcome: &Outcome,
    show_pnr: bool,
    color: bool,
) -> Body {
    match format {
        Format::Json => Body::Text(json::render_document(template, doc, outcome, show_pnr)),
        Format::Text => Body::Text(text::render_document(
            template, doc, outcome, show_pnr, color,
        )),
        Format::Csv | Format::Sarif | Format::Xlsx => Body::Report(Box::new(DocumentReport::new(
            template, doc, outcome, show_pnr,
        ))),
        Format::Html => Body::Page(Box::new(html::render_document(
            template, doc, outcome, show_pnr,
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
    pub fn finish(
        self,
        template: &Template,
        summary: &Summary,
        errors: &[IngestError],
        show_pnr: bool,
    ) -> io::Result<()> {
        match self {
            ReportWriter::Json(w) => w.finish(summary, errors, show_pnr).map(drop),
            ReportWriter::Text(mut out, blocks) => {
                let rendered = super::summary::render_summary(template, summary, errors, show_pnr);
                writeln!(out, "{rendered}")?;
                for block in blocks {
                    writeln!(out, "{block}")?;
                }
                out.flush()
            }
            ReportWriter::Csv(w) => w.finish(errors, show_pnr).map(drop),
            ReportWriter::Sarif(w) => w.finish(template, errors, show_pnr).map(drop),
            ReportWriter::Xlsx(w) => w.finish(template, summary, errors, show_pnr).map(drop),
            ReportWriter::Html(w) => w.finish(template, summary, errors, show_pnr).map(drop),
        }
    }
}
