//! JSON output: stable, documented in the README, streamed one document at a
//! time.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::SerializeMap;

use super::Place;
use super::privacy::mask_if;
use crate::engine::{Metrics, Outcome};
use crate::ingest::{Document, IngestError, LineIndex};
use crate::score::Summary;
use crate::template::Template;

#[derive(Serialize)]
struct DocumentJson<'a> {
    id: String,
    path: String,
    kind: Option<&'static str>,
    encoding: &'static str,
    metadata: serde_json::Map<String, serde_json::Value>,
    score: Option<f64>,
    perspectives: PerspectivesJson<'a>,
    criteria: Vec<CriterionJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    metrics: MetricsJson,
}

struct PerspectivesJson<'a>(&'a Template, &'a Outcome);

impl Serialize for PerspectivesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.perspectives.len()))?;
        for (p, s) in self.0.perspectives.iter().zip(&self.1.score.perspectives) {
            map.serialize_entry(
                &p.id,
                &serde_json::json!({
                    "score": s.score.map(|v| round(v, 4)),
                    "met": s.met,
                    "applicable": s.applicable,
                }),
            )?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct CriterionJson<'a> {
    id: &'a str,
    perspective: &'a str,
    status: crate::criteria::Status,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    criterion: &'a str,
    perspective: &'a str,
    severity: crate::finding::Severity,
    line: usize,
    column: usize,
    paragraph: Option<usize>,
    page: Option<usize>,
    byte_start: usize,
    byte_end: usize,
    excerpt: String,
    message: String,
    suggestion: Option<String>,
}

#[derive(Serialize)]
struct MetricsJson {
    lix: Option<f64>,
    words: usize,
    sentences: usize,
    long_sentences: usize,
}

impl From<&Metrics> for MetricsJson {
    fn from(m: &Metrics) -> Self {
        MetricsJson {
            lix: m.lix.map(|v| round(v, 2)),
            words: m.words,
            sentences: m.sentences,
            long_sentences: m.long_sentences,
        }
    }
}

fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// One document's JSON object, pretty-printed and indented to sit in the
/// `documents` array.
pub fn render_document(
    template: &Template,
    doc: &Document,
    outcome: &Outcome,
    show_pnr: bool,
) -> String {
    let index = LineIndex::new(&doc.text);
    let mask = |s: &str| mask_if(s, show_pnr).into_owned();
    let findings = outcome
        .findings
        .iter()
        .map(|f| {
            let criterion = &template.criteria[f.criterion];
            let place = Place::of(doc, &index, &f.range);
            FindingJson {
                criterion: &criterion.id,
                perspective: &template.perspectives[criterion.perspective].id,
                severity: f.severity,
                line: place.line,
                column: place.column,
                paragraph: place.paragraph,
                page: place.page,
                byte_start: f.range.start,
                byte_end: f.range.end,
                excerpt: mask(&place.excerpt),
                message: mask(&f.message),
                suggestion: f.suggestion.as_deref().map(mask),
            }
        })
        .collect();
    let json = DocumentJson {
        id: mask(&doc.id),
        path: mask(&doc.path),
        kind: doc.kind.map(|k| k.name()),
        encoding: doc.encoding,
        metadata: doc
            .metadata
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(mask(v))))
            .collect(),
        score: outcome.score.total.map(|v| round(v, 4)),
        perspectives: PerspectivesJson(template, outcome),
        criteria: template
            .criteria
            .iter()
            .zip(&outcome.statuses)
            .map(|(c, &status)| CriterionJson {
                id: &c.id,
                perspective: &template.perspectives[c.perspective].id,
                status,
            })
            .collect(),
        findings,
        metrics: MetricsJson::from(&outcome.metrics),
    };
    let pretty = serde_json::to_string_pretty(&json).expect("document JSON serialises");
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

    /// Closes the document list, writes the summary and the errors and ends
    /// the report.
    pub fn finish(
        mut self,
        summary: &Summary,
        errors: &[IngestError],
        show_pnr: bool,
    ) -> io::Result<W> {
        let close = if self.documents == 0 { "]" } else { "\n  ]" };
        let errors: Vec<IngestError> = errors
            .iter()
            .map(|e| IngestError {
                path: mask_if(&e.path, show_pnr).into_owned(),
                message: mask_if(&e.message, show_pnr).into_owned(),
            })
            .collect();
        let errors = indent(&serde_json::to_string_pretty(&errors)?, "  ");
        let mut summary = summary.clone();
        for group in &mut summary.groups {
            group.value = mask_if(&group.value, show_pnr).into_owned();
        }
        let summary = indent(&serde_json::to_string_pretty(&summary)?, "  ");
        writeln!(
            self.out,
            "{close},\n  \"summary\": {},\n  \"errors\": {}\n}}",
            summary.trim_start(),
            errors.trim_start()
        )?;
        self.out.flush()?;
        Ok(self.out)
    }
}
