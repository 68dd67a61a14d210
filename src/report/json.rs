//! JSON output: stable, documented in the README, streamed one document at a
//! time.

use std::io::{self, Write};

use super::model::DocumentReport;
use super::privacy::shown;
use super::writer::End;
use crate::engine::Outcome;
use crate::ingest::{Document, IngestError};
use crate::template::Template;

/// One document's JSON object, pretty-printed and indented to sit in the
/// `documents` array.
pub fn render_document(
    template: &Template,
    doc: &Document,
    outcome: &Outcome,
    show_pnr: bool,
) -> String {
    let report = DocumentReport::new(template, doc, outcome, show_pnr);
    let pretty = serde_json::to_string_pretty(&report).expect("document JSON serialises");
    indent(&pretty, "    ")
}

fn indent(text: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    out.push_str(by);
    out.push_str(&text.replace('\n', &format!("\n{by}")));
    out
}

/// Streams the JSON report: header, documents as they come, errors at the end.
pub struct JsonWriter<W: Write> {
    out: W,
    documents: usize,
}

impl<W: Write> JsonWriter<W> {
    /// Writes the header and opens the document list.
    pub fn start(mut out: W, template: &Template) -> io::Result<Self> {
        let tool = serde_json::json!({"name": "granska", "version": env!("CARGO_PKG_VERSION")});
        let tmpl = serde_json::json!({"name": template.name, "version": template.version});
        write!(
            out,
            "{{\n  \"tool\": {},\n  \"template\": {},\n  \"documents\": [",
            serde_json::to_string(&tool)?,
            serde_json::to_string(&tmpl)?
        )?;
        Ok(JsonWriter { out, documents: 0 })
    }

    /// Writes one rendered document.
    pub fn document(&mut self, rendered: &str) -> io::Result<()> {
        let sep = if self.documents == 0 { "\n" } else { ",\n" };
        self.documents += 1;
        write!(self.out, "{sep}{rendered}")
    }

    /// Closes the document list, writes where the review came from, the
    /// summary and the errors, and ends the report.
    pub fn finish(mut self, end: &End) -> io::Result<W> {
        let show_pnr = end.show_pnr;
        let close = if self.documents == 0 { "]" } else { "\n  ]" };
        let errors: Vec<IngestError> = end
            .errors
            .iter()
            .map(|e| IngestError {
                path: shown(&e.path, show_pnr).into_owned(),
                message: shown(&e.message, show_pnr).into_owned(),
            })
            .collect();
        let errors = indent(&serde_json::to_string_pretty(&errors)?, "  ");
        let mut summary = end.summary.clone();
        for group in &mut summary.groups {
            group.value = shown(&group.value, show_pnr).into_owned();
        }
        let summary = indent(&serde_json::to_string_pretty(&summary)?, "  ");
        let run = end.provenance.json(end.summary, show_pnr);
        let run = indent(&serde_json::to_string_pretty(&run)?, "  ");
        writeln!(
            self.out,
            "{close},\n  \"run\": {},\n  \"summary\": {},\n  \"errors\": {}\n}}",
            run.trim_start(),
            summary.trim_start(),
            errors.trim_start()
        )?;
        self.out.flush()?;
        Ok(self.out)
    }
}
