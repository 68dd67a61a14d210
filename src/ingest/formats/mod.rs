//! The file formats granska reads. Every reader turns a file into text with
//! its structure written the way the layout reads it — headings as Markdown
//! headings, paragraphs separated by blank lines, table rows as lines with
//! `|` between the cells — plus metadata the file carries outside its text.
//! `.jsonl` and `.csv` files hold many documents, one per line or row.
//!
//! Readers never panic on bad input: each returns the documents it could read
//! and a Swedish reason for what it could not.

mod docx;
mod html;
mod pdf;
pub(crate) mod records;

pub use records::Records;

use super::Metadata;
use super::encoding;

/// The formats, by file ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Pdf,
    JsonLines,
    Csv,
}

/// The formats as listed in messages.
pub const SUPPORTED: &str = ".txt, .md, .docx, .pdf, .html, .jsonl och .csv";

impl Format {
    /// Every format granska reads.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Html,
        Format::Docx,
        Format::Pdf,
        Format::JsonLines,
        Format::Csv,
    ];

    /// The format of a file name, if granska reads it.
    pub fn of(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" | "markdown" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            "jsonl" | "ndjson" => Format::JsonLines,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// Formats whose parsers are large or not ours, read in a reader process
    /// when the run has one (see `ingest::isolate`).
    pub fn is_risky(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx | Format::Html)
    }

    /// Formats of many documents, read as a stream of records.
    pub fn is_records(self) -> bool {
        matches!(self, Format::JsonLines | Format::Csv)
    }

    /// The format as one byte, for the reader process.
    pub(crate) fn code(self) -> u8 {
        self as u8
    }

    /// The format of [`Format::code`].
    pub(crate) fn from_code(code: u8) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The names of the encodings and formats a document can be read from.
const ENCODINGS: &[&str] = &[
    "UTF-8",
    "UTF-8 med BOM",
    "UTF-16LE",
    "UTF-16BE",
    "Windows-1252",
    "UTF-8 med enstaka Windows-1252-tecken",
    "docx",
    "pdf",
    "html",
];

/// The name of an encoding as the static name granska uses for it.
pub(crate) fn encoding_name(name: &str) -> &'static str {
    ENCODINGS
        .iter()
        .find(|&&known| known == name)
        .copied()
        .unwrap_or("okänd")
}

/// A document's text as a reader found it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub text: String,
    /// The encoding or format the text was read from (`UTF-8`, `Windows-1252`,
    /// `docx`, `pdf` …).
    pub encoding: &'static str,
    /// Metadata found outside the text (record fields, Word headers and
    /// footers); text and manifest win over it.
    pub metadata: Metadata,
    /// Where the record came from in a file of many documents: its line or row
    /// number, counted from 1.
    pub record: Option<usize>,
    /// Byte offsets in `text` where each page starts (PDF).
    pub pages: Vec<usize>,
}

/// One result of reading: a document, or why (part of) the file could not be
/// read.
pub type Read = Result<Extracted, String>;

/// Reads `bytes` as `format`. `limit` bounds how much a compressed file may
/// expand to.
pub fn extract(format: Format, bytes: &[u8], limit: u64) -> Vec<Read> {
    match format {
        Format::Text => vec![encoding::decode(bytes).map(|d| Extracted {
            text: d.text,
            encoding: d.encoding,
            ..Extracted::default()
        })],
        Format::Html => vec![html::extract(bytes)],
        Format::Docx => vec![docx::extract(bytes, limit)],
        Format::Pdf => vec![pdf::extract(bytes, limit)],
        Format::JsonLines | Format::Csv => records::all(format, bytes, limit),
    }
}

/// Builds the layout text from blocks: headings as Markdown headings, other
/// blocks as paragraphs separated by blank lines, except that runs of header
/// field lines (`Beslutsdatum: 2025-04-14`) stay together so that they are
/// read as the document's header.
#[derive(Debug, Default)]
struct Blocks {
    text: String,
    last_was_field: bool,
}

impl Blocks {
    fn heading(&mut self, level: usize, title: &str) {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return;
        }
        self.separate();
        self.text.push_str(&"#".repeat(level.clamp(1, 6)));
        self.text.push(' ');
        self.text.push_str(&title);
        self.text.push('\n');
        self.last_was_field = false;
    }

    fn paragraph(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let field = is_field(text);
        if !(field && self.last_was_field) {
            self.separate();
        }
        self.text.push_str(text);
        self.text.push('\n');
        self.last_was_field = field;
    }

    fn separate(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }
}

/// `Label: value` with a short label: a header field line.
fn is_field(line: &str) -> bool {
    line.lines().count() == 1
        && line.split_once(':').is_some_and(|(label, value)| {
            let words = label.split_whitespace().count();
            (1..=3).contains(&words) && !value.trim().is_empty() && label.len() <= 40
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_header_fields_together_and_separate_paragraphs() {
        let mut b = Blocks::default();
        b.paragraph("Ärende: 2025-0411");
        b.paragraph("Beslutsdatum: 2025-04-14");
        b.heading(1, "Beslut  om  hemtjänst");
        b.paragraph("Du får hemtjänst.");
        b.paragraph("  ");
        b.paragraph("Vi har bedömt att du behöver stöd.");
        assert_eq!(
            b.text,
            "Ärende: 2025-0411\nBeslutsdatum: 2025-04-14\n\n# Beslut om hemtjänst\n\nDu får hemtjänst.\n\nVi har bedömt att du behöver stöd.\n"
        );
    }

    #[test]
    fn formats_by_ending() {
        let of = |p: &str| Format::of(std::path::Path::new(p));
        assert_eq!(of("a/b.DOCX"), Some(Format::Docx));
        assert_eq!(of("x.htm"), Some(Format::Html));
        assert_eq!(of("x.ndjson"), Some(Format::JsonLines));
        assert_eq!(of("x.doc"), None);
        assert_eq!(of("README"), None);
    }
}
