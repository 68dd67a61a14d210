//! Regular expressions with Unicode word boundaries (`\b`) that stay fast on
//! Swedish text.
//!
//! With å, ä and ö in the text the regex engines' fast automata cannot decide
//! a Unicode `\b`, so every search falls back to the slowest engine. Here a
//! *relaxed* expression, the same without its word boundaries, finds the
//! candidates on the fast path; every match of the real expression is also a
//! match of the relaxed one, so each candidate start (in order, overlapping)
//! is then checked with an anchored search of the real expression. The result
//! is exactly that of the real expression, leftmost-first.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

/// A pattern, checked when made and compiled when first used (compiling
/// Unicode classes such as `\w` is the costly part of loading a template, and
/// a run may never need some patterns).
#[derive(Debug)]
pub struct WordRegex {
    hir: Hir,
    compiled: OnceLock<Compiled>,
}

#[derive(Debug)]
struct Compiled {
    exact: Regex,
    /// The pattern without word boundaries, when it had any.
    relaxed: Option<Regex>,
}

/// Largest compiled pattern allowed.
const SIZE_LIMIT: usize = 1 << 23;

fn build(hir: &Hir) -> Result<Regex, String> {
    Regex::builder()
        .configure(Regex::config().nfa_size_limit(Some(SIZE_LIMIT)))
        .syntax(syntax::Config::new())
        .build_from_hir(hir)
        .map_err(|e| e.to_string())
}

impl WordRegex {
    /// Checks the syntax of `pattern` (regex syntax, Unicode).
    pub fn new(pattern: &str) -> Result<WordRegex, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(pattern)
            .map_err(|e| e.to_string())?;
        Ok(WordRegex {
            hir,
            compiled: OnceLock::new(),
        })
    }

    /// Compiles the pattern now: an error when it is too large.
    pub fn compile_now(&self) -> Result<(), String> {
        build(&self.hir).map(|_| ())
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            // A pattern too large for the limit never matches rather than
            // stopping a run; `granska mall kontrollera` reports it.
            let never = || build(&Hir::fail()).expect("the empty set compiles");
            let exact = build(&self.hir).unwrap_or_else(|_| never());
            let relaxed_hir = without_word_boundaries(&self.hir);
            let relaxed =
                (relaxed_hir != self.hir).then(|| build(&relaxed_hir).unwrap_or_else(|_| never()));
            Compiled { exact, relaxed }
        })
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.next_match(haystack, 0).is_some()
    }

    /// Every non-overlapping match, leftmost-first.
    pub fn find_iter(&self, haystack: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = self.next_match(haystack, at) {
            at = if m.is_empty() {
                next_char(haystack, m.end)
            } else {
                m.end
            };
            if !m.is_empty() {
                out.push(m);
            }
            if at > haystack.len() {
                break;
            }
        }
        out
    }

    /// The leftmost match that starts at or after `from`.
    fn next_match(&self, haystack: &str, from: usize) -> Option<Range<usize>> {
        let Compiled { exact, relaxed } = self.compiled();
        let Some(relaxed) = relaxed else {
            return exact
                .find(Input::new(haystack).range(from..))
                .map(|m| m.range());
        };
        let mut at = from;
        while at <= haystack.len() {
            let candidate = relaxed.find(Input::new(haystack).range(at..))?;
            let start = candidate.start();
            let anchored = Input::new(haystack).range(start..).anchored(Anchored::Yes);
            if let Some(m) = exact.find(anchored) {
                return Some(m.range());
            }
            at = next_char(haystack, start);
        }
        None
    }
}

/// A [`WordRegex`] that also gives capture groups: the fast search finds each
/// match, and the capturing engine then runs on the matched text only.
#[derive(Debug)]
pub struct CapturingRegex {
    fast: WordRegex,
    full: regex::Regex,
}

impl CapturingRegex {
    /// Compiles a pattern that is known to be valid (built into granska).
    pub fn new(pattern: &str) -> CapturingRegex {
        CapturingRegex {
            fast: WordRegex::new(pattern).expect("built-in patterns are valid"),
            full: regex::Regex::new(pattern).expect("built-in patterns are valid"),
        }
    }

    /// Every match with its captures; capture positions are relative to the
    /// returned offset.
    pub fn captures_iter<'h>(
        &'h self,
        haystack: &'h str,
    ) -> impl Iterator<Item = (usize, regex::Captures<'h>)> + 'h {
        self.fast
            .find_iter(haystack)
            .into_iter()
            .filter_map(move |m| {
                self.full
                    .captures(&haystack[m.clone()])
                    .map(|c| (m.start, c))
            })
    }

    /// Every match.
    pub fn find_iter(&self, haystack: &str) -> Vec<Range<usize>> {
        self.fast.find_iter(haystack)
    }
}

/// The byte position after the char at `at` (or one past the end).
fn next_char(haystack: &str, at: usize) -> usize {
    haystack[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// The same expression with every word boundary assertion removed: it matches
/// wherever the original does, and perhaps elsewhere.
fn without_word_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if is_word_boundary(*look) => Hir::empty(),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without_word_boundaries(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(without_word_boundaries(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(without_word_boundaries).collect()),
        HirKind::Alternation(parts) => {
            Hir::alternation(parts.iter().map(without_word_boundaries).collect())
        }
    }
}

fn is_word_boundary(look: Look) -> bool {
    matches!(
        look,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain `regex` crate's answer, for comparison.
    fn reference(pattern: &str, haystack: &str) -> Vec<Range<usize>> {
        regex::Regex::new(pattern)
            .unwrap()
            .find_iter(haystack)
            .map(|m| m.range())
            .filter(|r| !r.is_empty())
            .collect()
    }

    #[test]
    fn agrees_with_the_regex_crate_on_swedish_words() {
        let cases = [
            (
                r"(?i)\b(din|dina)\b",
                "Dina barn och din dotter. xdina dinab",
            ),
            (r"(?i)\bär\b", "vär är här. Är du där?"),
            (
                r"(?i)\b(mål|målet)\b[^.!?]{0,40}\b(vill|kunna)\b",
                "xmål vill. Målet är att kunna gå. mål x vill",
            ),
            (
                r"\b\d+\s*kap\.?\s*\d+\s*§",
                "enligt 4 kap. 1 § SoL och 12kap 3 §",
            ),
            (
                r"(?i)\bansök\w*",
                "Ansökan kom in. Hon ansökte. återansökan",
            ),
            (r"överklaga", "Du kan överklaga."),
        ];
        for (pattern, haystack) in cases {
            let ours = WordRegex::new(pattern).unwrap();
            assert_eq!(
                ours.find_iter(haystack),
                reference(pattern, haystack),
                "{pattern} on {haystack:?}"
            );
            assert_eq!(
                ours.is_match(haystack),
                !reference(pattern, haystack).is_empty()
            );
        }
    }

    #[test]
    fn reports_syntax_errors() {
        assert!(WordRegex::new("(skäl").is_err());
    }
}
