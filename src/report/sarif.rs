//! `--format sarif`: SARIF 2.1.0, the exchange format for analysis results,
//! so that other tools can read granska's findings. One run; the template's
//! criteria are the rules; each finding is a result with its place in the
//! document. Results are streamed; the rules and files that could not be read
//! are written at the end.

use std::io::{self, Write};

use serde_json::json;

use super::model::DocumentReport;
use super::privacy::shown;
use crate::finding::Severity;
use crate::ingest::IngestError;
use crate::template::Template;

/// Streams a SARIF log.
pub struct SarifWriter<W: Write> {
    out: W,
    results: usize,
}

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl<W: Write> SarifWriter<W> {
    /// Opens the log and its result list.
    pub fn start(mut out: W) -> io::Result<Self> {
        write!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"results\": ["
        )?;
        Ok(SarifWriter { out, results: 0 })
    }

    /// Writes a document's findings as results.
    pub fn document(&mut self, template: &Template, doc: &DocumentReport) -> io::Result<()> {
        for f in &doc.findings {
            let rule_index = template.criteria.iter().position(|c| c.id == f.criterion);
            let message = match &f.suggestion {
                Some(s) => format!("{} {s}", f.message),
                None => f.message.clone(),
            };
            let result = json!({
                "ruleId": f.criterion,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": doc.path},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "byteOffset": f.byte_start,
                            "byteLength": f.byte_end - f.byte_start,
                            "snippet": {"text": f.excerpt},
                        },
                    },
                }],
                "properties": {
                    "document": doc.id,
                    "perspective": f.perspective,
                    "paragraph": f.paragraph,
                    "page": f.page,
                    "source": f.source,
                },
            });
            let sep = if self.results == 0 { "\n" } else { ",\n" };
            self.results += 1;
            write!(self.out, "{sep}        {}", serde_json::to_string(&result)?)?;
        }
        Ok(())
    }

    /// Closes the results and writes the tool with its rules and the files
    /// that could not be read.
    pub fn finish(
        mut self,
        template: &Template,
        errors: &[IngestError],
        show_pnr: bool,
    ) -> io::Result<W> {
        let notifications: Vec<serde_json::Value> = errors
            .iter()
            .map(|e| {
                json!({
                    "level": "error",
                    "message": {"text": format!("Filen kunde inte läsas: {}", shown(&e.message, show_pnr))},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": shown(&e.path, show_pnr)}}}],
                })
            })
            .collect();
        let tool = tool(template);
        let invocations = json!([{
            "executionSuccessful": true,
            "toolExecutionNotifications": notifications,
        }]);
        let close = if self.results == 0 { "]" } else { "\n      ]" };
        write!(
            self.out,
            "{close},\n      \"tool\": {},\n      \"invocations\": {}\n    }}\n  ]\n}}\n",
            serde_json::to_string(&tool)?,
            serde_json::to_string(&invocations)?
        )?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The tool with the template's criteria and questions as its rules.
pub fn tool(template: &Template) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = template
        .criteria
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "name": c.id,
                "shortDescription": {"text": c.title},
                "fullDescription": {"text": c.message},
                "help": {"text": c.advice.clone().unwrap_or_default()},
                "defaultConfiguration": {"level": level(c.severity)},
                "properties": {
                    "perspective": template.perspectives[c.perspective].id,
                    "source": c.source,
                },
            })
        })
        .collect();
    json!({
        "driver": {
            "name": "granska",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "language": "sv",
            "properties": {"template": template.name, "templateVersion": template.version},
            "rules": rules,
        }
    })
}
