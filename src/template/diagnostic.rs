//! Template errors as miette diagnostics: message, span, label and help.

use std::fmt;
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource, SourceCode};

use super::ast::Span;

/// One problem in a template (or in a lexicon it includes).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// What is wrong, in Swedish.
    pub message: String,
    /// Where, as a byte range in the file.
    pub span: Span,
    /// A short label under the span.
    pub label: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// The file it is in; set when the diagnostic leaves the parser or checker.
    pub source: Option<NamedSource<Arc<str>>>,
    /// A warning (the template can be used) rather than an error.
    pub warning: bool,
}

impl Diagnostic {
    /// A diagnostic with a message and a span.
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            message: message.into(),
            span,
            label: None,
            help: None,
            source: None,
            warning: false,
        }
    }

    /// As a warning.
    pub fn as_warning(mut self) -> Self {
        self.warning = true;
        self
    }

    /// With a label under the span.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// With help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// In file `name` with text `text`, unless a file is already set.
    pub fn in_file(mut self, name: &str, text: &Arc<str>) -> Self {
        if self.source.is_none() {
            self.source =
                Some(NamedSource::new(name, Arc::clone(text)).with_language("granskningsmall"));
        }
        self
    }

    /// (line, column) from 1 of the start of the span, if the file is known.
    pub fn position(&self) -> Option<(usize, usize)> {
        let source = self.source.as_ref()?;
        let text = source.inner();
        let before = text.get(..self.span.start)?;
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, column))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn severity(&self) -> Option<miette::Severity> {
        Some(if self.warning {
            miette::Severity::Warning
        } else {
            miette::Severity::Error
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = LabeledSpan::new(self.label.clone(), self.span.start, self.span.len());
        Some(Box::new(std::iter::once(span)))
    }
}

/// Every error found in a template: the template is not used.
#[derive(Debug, Clone)]
pub struct TemplateErrors {
    /// The errors, in file order.
    pub errors: Vec<Diagnostic>,
}

impl fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            1 => write!(f, "mallen har 1 fel"),
            n => write!(f, "mallen har {n} fel"),
        }
    }
}

impl std::error::Error for TemplateErrors {}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|&(d, c)| d > 0 && d <= 2.max(c.chars().count() / 4))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["rattssakerhet", "salutogen", "klarsprak"];
        assert_eq!(did_you_mean("rattsäkerhet", names), Some("rattssakerhet"));
        assert_eq!(did_you_mean("klarspråk", names), Some("klarsprak"));
        assert_eq!(did_you_mean("icf", names), None);
    }
}
