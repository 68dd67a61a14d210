//! A finding: one observation about one place in a document.

use std::ops::Range;

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// `fel`: a requirement is not met.
    Error,
    /// `varning`: should be looked at.
    Warning,
    /// `info`: worth knowing.
    Info,
}

impl Severity {
    /// Parses the template word (`fel`, `varning`, `info`).
    pub fn from_word(word: &str) -> Option<Severity> {
        match word {
            "fel" => Some(Severity::Error),
            "varning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    /// The Swedish word for the severity.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "fel",
            Severity::Warning => "varning",
            Severity::Info => "info",
        }
    }
}

/// A finding, before it is placed on a line: which criterion, where (bytes of
/// the document text), what is wrong and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the criterion in the template.
    pub criterion: usize,
    /// How serious: the criterion's severity unless the hit says otherwise.
    pub severity: Severity,
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to write or do instead.
    pub suggestion: Option<String>,
}
