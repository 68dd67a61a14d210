//! Template errors as miette diagnostics: message, span, label and help.

use std::fmt;
use std::sync::{Arc, OnceLock};

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::ast::Span;

/// The stable code of each kind of template diagnostic, shown beside the
/// message (`mall::okant-namn`) and in JSON, so that a script or a help page
/// can refer to it whatever the wording.
pub mod code {
    pub const SYNTAX: &str = "mall::syntax";
    pub const UNKNOWN_WORD: &str = "mall::okant-ord";
    pub const TOO_DEEP: &str = "mall::for-djup-nastling";
    pub const UNCLOSED_BLOCK: &str = "mall::oavslutat-block";
    pub const SECOND_BASE: &str = "mall::flera-grundmallar";
    pub const BASE_CYCLE: &str = "mall::grundmallsring";
    pub const BASE_CHAIN: &str = "mall::for-manga-grundmallar";
    pub const BASE_UNREADABLE: &str = "mall::grundmall-olaslig";
    pub const UNREADABLE: &str = "mall::olaslig";
    pub const WEIGHT: &str = "mall::ogiltig-vikt";
    pub const TARGET: &str = "mall::ogiltigt-mal";
    pub const QUESTION_WITH_RULES: &str = "mall::fraga-med-regler";
    pub const NO_PERSPECTIVE: &str = "mall::saknar-perspektiv";
    pub const NO_MESSAGE: &str = "mall::saknar-meddelande";
    pub const NO_RULES: &str = "mall::saknar-regler";
    pub const NO_EXAMPLE: &str = "mall::saknar-exempel";
    pub const REPEATED_LINE: &str = "mall::upprepad-rad";
    pub const LEXICON_PLACE: &str = "mall::okant-avsnitt-i-lexikon";
    pub const NO_PERSPECTIVES: &str = "mall::inga-perspektiv";
    pub const PATTERNS: &str = "mall::monster-kunde-inte-byggas";
    pub const UNKNOWN_NAME: &str = "mall::okant-namn";
    pub const PLACEHOLDER: &str = "mall::okand-platshallare";
    pub const DUPLICATE_PERSPECTIVE: &str = "mall::dubbelt-perspektiv";
    pub const DUPLICATE_ID: &str = "mall::dubbelt-id";
    pub const LEXICON_UNREADABLE: &str = "mall::lexikon-olasligt";
    pub const SECTIONS_UNREADABLE: &str = "mall::avsnitt-olasliga";
    pub const REGEX: &str = "mall::ogiltigt-uttryck";
    pub const EMPTY_PHRASE: &str = "mall::tom-fras";
    pub const DETECTOR_LEXICON: &str = "mall::detektorns-lexikon";
    pub const DETECTOR: &str = "mall::detektor-kunde-inte-forberedas";
    pub const SLOW_PATTERN: &str = "mall::langsamt-monster";
    pub const MEASURE: &str = "mall::ogiltigt-matt";
    pub const UNIT: &str = "mall::grans-i-fel-enhet";
    pub const TWO_LIMITS: &str = "mall::tva-granser";
    pub const UNKNOWN_BASE_LEXICON: &str = "mall::okant-lexikon-i-grundmallen";
    pub const YIELDS_TO_ITSELF: &str = "mall::viker-for-sig-sjalv";
    pub const UNKNOWN_CRITERION: &str = "mall::okant-kriterium";
    pub const YIELD_CHAIN: &str = "mall::viker-i-led";

    /// Every code, for a check that none is used twice.
    pub const ALL: &[&str] = &[
        SYNTAX,
        UNKNOWN_WORD,
        TOO_DEEP,
        UNCLOSED_BLOCK,
        SECOND_BASE,
        BASE_CYCLE,
        BASE_CHAIN,
        BASE_UNREADABLE,
        UNREADABLE,
        WEIGHT,
        TARGET,
        QUESTION_WITH_RULES,
        NO_PERSPECTIVE,
        NO_MESSAGE,
        NO_RULES,
        NO_EXAMPLE,
        REPEATED_LINE,
        LEXICON_PLACE,
        NO_PERSPECTIVES,
        PATTERNS,
        UNKNOWN_NAME,
        PLACEHOLDER,
        DUPLICATE_PERSPECTIVE,
        DUPLICATE_ID,
        LEXICON_UNREADABLE,
        SECTIONS_UNREADABLE,
        REGEX,
        EMPTY_PHRASE,
        DETECTOR_LEXICON,
        DETECTOR,
        SLOW_PATTERN,
        MEASURE,
        UNIT,
        TWO_LIMITS,
        UNKNOWN_BASE_LEXICON,
        YIELDS_TO_ITSELF,
        UNKNOWN_CRITERION,
        YIELD_CHAIN,
    ];
}

/// One problem in a template (or in a lexicon it includes).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Its stable code, one of [`code`].
    pub code: &'static str,
    /// What is wrong, in Swedish.
    pub message: String,
    /// Where, as a byte range in the file.
    pub span: Span,
    /// A short label under the span.
    pub label: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// The file it is in; set when the diagnostic leaves the parser or checker.
    pub source: Option<SourceFile>,
    /// A warning (the template can be used) rather than an error.
    pub warning: bool,
}

impl Diagnostic {
    /// A diagnostic of kind `code` (one of [`code`]) with a message and a span.
    pub fn new(code: &'static str, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            code,
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
    pub fn in_file(self, name: &str, text: &Arc<str>) -> Self {
        self.in_source(&SourceFile::new(name, Arc::clone(text)))
    }

    /// In `file`, unless a file is already set. Diagnostics of the same file
    /// should share one [`SourceFile`], so its lines are found only once.
    pub fn in_source(mut self, file: &SourceFile) -> Self {
        if self.source.is_none() {
            self.source = Some(file.clone());
        }
        self
    }

    /// (line, column) from 1 of the start of the span, if the file is known.
    pub fn position(&self) -> Option<(usize, usize)> {
        let source = self.source.as_ref()?;
        let text = source.text();
        text.get(..self.span.start)?;
        Some(crate::language::LineIndex::new(text).position(text, self.span.start))
    }
}

/// A template (or lexicon) file as its diagnostics show it: its name, its
/// text, and where its lines start. The line starts are found once and shared
/// by every diagnostic in the file, so showing thousands of errors takes
/// linear time (miette's own `SourceCode` for text scans from the start of
/// the file for every diagnostic).
#[derive(Clone)]
pub struct SourceFile {
    name: Arc<str>,
    text: Arc<str>,
    /// The offset of every line start, with miette's idea of a line break
    /// (`\n`, `\r\n` or a lone `\r`).
    lines: Arc<OnceLock<Vec<usize>>>,
}

impl SourceFile {
    /// The file `name` with text `text`.
    pub fn new(name: &str, text: Arc<str>) -> Self {
        SourceFile {
            name: Arc::from(name),
            text,
            lines: Arc::default(),
        }
    }

    /// The file's name, as diagnostics show it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = vec![0];
            for (i, &b) in bytes.iter().enumerate() {
                let ends_line =
                    b == b'\n' || b == b'\r' && bytes.get(i + 1).is_none_or(|&next| next != b'\n');
                if ends_line {
                    starts.push(i + 1);
                }
            }
            starts
        })
    }
}

impl fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceFile")
            .field("name", &self.name)
            .field("bytes", &self.text.len())
            .finish()
    }
}

impl SourceCode for SourceFile {
    /// miette's reading of the text, started at the first line it will show
    /// instead of at the start of the file.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let starts = self.line_starts();
        // miette takes an empty span to end one byte before it starts: the
        // window must begin at or before both (its reading is the same from
        // any line start before them).
        let anchor = span
            .offset()
            .min((span.offset() + span.len()).saturating_sub(1));
        let line = starts
            .partition_point(|&start| start <= anchor)
            .saturating_sub(1);
        let first = line.saturating_sub(context_lines_before);
        let from = starts[first];
        let window = &self.text.as_bytes()[from..];
        let shifted = SourceSpan::new((span.offset() - from).into(), span.len());
        let inner = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let contents = MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + from).into(), inner.span().len()),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        )
        .with_language("granskningsmall");
        Ok(Box::new(contents))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

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

/// Words longer than this get no suggestion: a typo of a name is short, and
/// the edit distance takes time in the product of the two lengths.
const LONGEST_SUGGESTED: usize = 64;

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    if length > LONGEST_SUGGESTED {
        return None;
    }
    candidates
        .into_iter()
        .filter_map(|c| {
            let limit = 2.max(c.chars().count() / 4);
            let lower = c.to_lowercase();
            // The distance is at least the difference in length.
            if lower.chars().count().abs_diff(length) > limit {
                return None;
            }
            let d = strsim::damerau_levenshtein(&word, &lower);
            (d > 0 && d <= limit).then_some((d, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::NamedSource;

    /// Reads the same spans as miette does from the whole text: the same
    /// lines, offsets and positions, with context or without, in files with
    /// `\n`, `\r\n` and lone `\r`, at the start, the middle and the end.
    /// (The windowed reading is ours; the reference is miette's own.)
    #[test]
    fn source_file_reads_spans_as_miette_does() {
        let texts = [
            "",
            "a",
            "\n",
            "mall \"x\"\nperspektiv a \"A\"\n\nkriterium K \"k\" {\n  gäller beslut\n}\n",
            "ett\r\ntvå\r\n\r\ntre åäö\r\nfyra",
            "ett\rtvå\r\rtre\nfyra\r\n",
            "\n\n\nsist",
        ];
        for text in texts {
            let ours = SourceFile::new("f.gm", Arc::from(text));
            let theirs =
                NamedSource::new("f.gm", text.to_string()).with_language("granskningsmall");
            // (miette itself panics on spans outside the text; ours are
            // always inside.)
            for start in 0..=text.len() {
                for len in [0, 1, 3, 12]
                    .into_iter()
                    .filter(|l| start + l <= text.len())
                {
                    for context in [0, 1, 2, 5] {
                        let span = SourceSpan::new(start.into(), len);
                        let a = ours.read_span(&span, context, context);
                        let b = theirs.read_span(&span, context, context);
                        let what = format!("{text:?} {start}+{len} ±{context}");
                        match (a, b) {
                            (Ok(a), Ok(b)) => {
                                assert_eq!(a.data(), b.data(), "{what}");
                                assert_eq!(a.span(), b.span(), "{what}");
                                assert_eq!(a.line(), b.line(), "{what}");
                                assert_eq!(a.column(), b.column(), "{what}");
                                assert_eq!(a.line_count(), b.line_count(), "{what}");
                                assert_eq!(a.name(), b.name(), "{what}");
                                assert_eq!(a.language(), b.language(), "{what}");
                            }
                            (Err(_), Err(_)) => {}
                            (a, b) => panic!("{what}: {:?} / {:?}", a.is_ok(), b.is_ok()),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["rattssakerhet", "salutogen", "klarsprak"];
        assert_eq!(did_you_mean("rattsäkerhet", names), Some("rattssakerhet"));
        assert_eq!(did_you_mean("klarspråk", names), Some("klarsprak"));
        assert_eq!(did_you_mean("icf", names), None);
    }

    #[test]
    fn long_words_and_names_are_not_compared() {
        let long = "a".repeat(100_000);
        assert_eq!(did_you_mean(&long, ["a", "aa"]), None);
        assert_eq!(did_you_mean("klarsprak", [long.as_str()]), None);
        assert_eq!(
            did_you_mean("klarsprk", [long.as_str(), "klarsprak"]),
            Some("klarsprak")
        );
    }
}
