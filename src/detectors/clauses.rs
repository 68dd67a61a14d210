//! What the detectors of the delaktighet family (`medverkan`,
//! `beslutsinformation`, `egen_uppfattning`) share: the document's words with
//! the punctuation between them, clauses, negation and a small cue language.
//!
//! Cue language: words separated by spaces; each word may list alternatives
//! separated by `|`; an alternative ending in `*` matches every word that
//! starts with it, one starting with `*` every word that ends with it
//! (compounds: `*tolk` matches `telefontolk`). Matching is on lower-case words
//! and a cue may not run over a comma or other clause punctuation.

use std::ops::Range;

use crate::criteria::Context;

/// Punctuation that ends a clause when it stands between two words.
const CLAUSE_MARKS: &[char] = &[
    ',', ';', ':', '(', ')', '[', ']', '–', '—', '"', '”', '“', '«', '»', '„',
];

/// Quotation marks; Swedish uses `”` both to open and to close.
const QUOTE_MARKS: &[char] = &['"', '”', '“', '«', '»', '„'];

/// The words of a document's running text, with what stands between them.
pub(super) struct Words<'a> {
    /// Each word as written.
    pub text: Vec<&'a str>,
    /// Each word in lower case.
    pub lower: Vec<&'a str>,
    /// Byte range of each word in the document.
    pub ranges: Vec<Range<usize>>,
    /// Clause punctuation (or the start of a paragraph) before the word.
    pub stop: Vec<bool>,
    /// A semicolon before the word.
    pub semicolon: Vec<bool>,
    /// The word is inside quotation marks.
    pub quoted: Vec<bool>,
    /// The word is the first of its paragraph.
    pub paragraph_start: Vec<bool>,
}

impl<'a> Words<'a> {
    /// The words of the document of `ctx`.
    pub fn new(ctx: &Context<'a>) -> Words<'a> {
        let text: &'a str = &ctx.doc.text;
        let analysis = ctx.analysis;
        let paragraphs = &ctx.doc.paragraphs;
        let n = analysis.words.len();
        let mut words = Words {
            text: Vec::with_capacity(n),
            lower: Vec::with_capacity(n),
            ranges: Vec::with_capacity(n),
            stop: Vec::with_capacity(n),
            semicolon: Vec::with_capacity(n),
            quoted: Vec::with_capacity(n),
            paragraph_start: Vec::with_capacity(n),
        };
        let mut paragraph = 0;
        let mut current: Option<usize> = None;
        let mut previous_end = 0;
        let mut in_quote = false;
        for (i, word) in analysis.words.iter().enumerate() {
            let start = word.range.start;
            while paragraph < paragraphs.len() && paragraphs[paragraph].end <= start {
                paragraph += 1;
            }
            let new_paragraph = current != Some(paragraph);
            if new_paragraph {
                current = Some(paragraph);
                in_quote = false;
                previous_end = paragraphs
                    .get(paragraph)
                    .map_or(start, |p| p.start.min(start));
            }
            let gap = text.get(previous_end..start).unwrap_or("");
            let quotes = gap.chars().filter(|c| QUOTE_MARKS.contains(c)).count();
            if quotes % 2 == 1 {
                in_quote = !in_quote;
            }
            words.text.push(text.get(word.range.clone()).unwrap_or(""));
            words.lower.push(analysis.lower(i));
            words.ranges.push(word.range.clone());
            words
                .stop
                .push(new_paragraph || gap.contains(CLAUSE_MARKS) || gap.contains(" - "));
            words.semicolon.push(gap.contains(';'));
            words.quoted.push(in_quote);
            words.paragraph_start.push(new_paragraph);
            previous_end = word.range.end;
        }
        words
    }

    /// The byte range from word `start` to the end of word `end - 1`.
    pub fn span(&self, start: usize, end: usize) -> Range<usize> {
        let last = end.saturating_sub(1).max(start);
        self.ranges[start].start..self.ranges[last].end
    }

    /// Whether word `i` is written with a capital first letter and a
    /// lower-case second, like a name.
    pub fn capitalised(&self, i: usize) -> bool {
        let mut chars = self.text[i].chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    }
}

/// One alternative of a cue word.
#[derive(Debug)]
enum Alternative {
    Exact(Box<str>),
    Prefix(Box<str>),
    Suffix(Box<str>),
}

impl Alternative {
    fn matches(&self, word: &str) -> bool {
        match self {
            Alternative::Exact(w) => word == &**w,
            Alternative::Prefix(p) => word.starts_with(&**p),
            Alternative::Suffix(s) => word.ends_with(&**s),
        }
    }
}

/// A cue: a sequence of words, each with alternatives.
#[derive(Debug)]
pub(super) struct Cue {
    words: Vec<Vec<Alternative>>,
}

impl Cue {
    /// Parses one cue of the cue language (see the module comment), in
    /// lower case.
    pub fn new(source: &str) -> Cue {
        let words = source
            .split_whitespace()
            .map(|word| {
                word.split('|')
                    .filter(|a| !a.is_empty())
                    .map(|a| {
                        let a = a.to_lowercase();
                        if let Some(p) = a.strip_suffix('*') {
                            Alternative::Prefix(p.into())
                        } else if let Some(s) = a.strip_prefix('*') {
                            Alternative::Suffix(s.into())
                        } else {
                            Alternative::Exact(a.into())
                        }
                    })
                    .collect()
            })
            .collect();
        Cue { words }
    }

    /// Parses a list of cues.
    pub fn list(sources: &[&str]) -> Vec<Cue> {
        sources.iter().map(|s| Cue::new(s)).collect()
    }

    /// The end of the cue if it matches from word `i`, not running past word
    /// `limit` nor over clause punctuation.
    pub fn match_at(&self, w: &Words, i: usize, limit: usize) -> Option<usize> {
        if self.words.is_empty() {
            return None;
        }
        for (k, alternatives) in self.words.iter().enumerate() {
            let j = i + k;
            if j >= limit || (k > 0 && w.stop[j]) {
                return None;
            }
            if !alternatives.iter().any(|a| a.matches(w.lower[j])) {
                return None;
            }
        }
        Some(i + self.words.len())
    }
}

/// The leftmost-longest, non-overlapping matches of `cues` in the words `s`.
pub(super) fn longest_matches(w: &Words, s: Range<usize>, cues: &[Cue]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut covered = s.start;
    for i in s.clone() {
        if i < covered {
            continue;
        }
        if let Some(end) = cues.iter().filter_map(|c| c.match_at(w, i, s.end)).max() {
            found.push((i, end));
            covered = end;
        }
    }
    found
}

/// Whether any cue of `cues` matches in the words `s`.
pub(super) fn any_match(w: &Words, s: Range<usize>, cues: &[Cue]) -> bool {
    s.clone()
        .any(|i| cues.iter().any(|c| c.match_at(w, i, s.end).is_some()))
}

/// Words that start a new clause.
const CLAUSE_WORDS: &[&str] = &[
    "men",
    "medan",
    "eftersom",
    "fast",
    "fastän",
    "trots",
    "när",
    "då",
    "innan",
    "därför",
    "som",
    "vilket",
    "vilken",
    "vilka",
    "samtidigt",
    "utan",
    "emedan",
    "dock",
];

/// Words that can start a clause as its subject, after "och" or "eller".
const SUBJECT_WORDS: &[&str] = &[
    "han", "hon", "hen", "jag", "du", "vi", "de", "ni", "man", "det", "den",
];

/// Whether word `k` (of sentence `s`) starts a new clause.
pub(super) fn clause_word(w: &Words, s: &Range<usize>, k: usize) -> bool {
    let word = w.lower[k];
    if CLAUSE_WORDS.contains(&word) {
        return true;
    }
    matches!(word, "och" | "eller" | "samt")
        && k + 1 < s.end
        && (SUBJECT_WORDS.contains(&w.lower[k + 1]) || w.capitalised(k + 1))
}

/// At most this many words on either side of a cue make its clause: a run-on
/// "clause" is cut, so that looking at it stays linear.
const MAX_CLAUSE: usize = 30;

/// The clause of sentence `s` around the words `start..end`: from the last
/// clause punctuation or clause word before them to the next one after them.
pub(super) fn clause(w: &Words, s: Range<usize>, start: usize, end: usize) -> Range<usize> {
    let floor = s.start.max(start.saturating_sub(MAX_CLAUSE));
    let mut from = start;
    while from > floor && !w.stop[from] && !(from < start && clause_word(w, &s, from)) {
        from -= 1;
    }
    let ceiling = s.end.min(end + MAX_CLAUSE);
    let mut to = end.max(start + 1).min(s.end);
    while to < ceiling && !w.stop[to] && !clause_word(w, &s, to) {
        to += 1;
    }
    from..to
}

/// Words that negate a clause.
pub(super) const NEGATIONS: &[&str] = &[
    "inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "varken", "saknas", "saknades",
    "saknar", "saknade", "avböjde", "avböjer", "avböjt", "avstod", "avstår", "avstått", "vägrade",
    "vägrar",
];

/// Whether word `p` negates (in "inte bara", "inte minst" it does not).
fn negation_at(w: &Words, s: &Range<usize>, p: usize) -> bool {
    let word = w.lower[p];
    if !NEGATIONS.contains(&word) {
        return false;
    }
    !(matches!(word, "inte" | "ej")
        && p + 1 < s.end
        && matches!(w.lower[p + 1], "bara" | "endast" | "enbart" | "minst"))
}

/// Whether the cue at `start..end` of sentence `s` is negated in its clause.
///
/// A negation inside a condition before the cue ("Om du inte förstår
/// beslutet, ring mig") does not count; "utan" right before the cue
/// ("utan tolk") does, unless it answers an earlier negation ("inte på
/// svenska utan med tolk").
pub(super) fn negated(w: &Words, s: Range<usize>, start: usize, end: usize) -> bool {
    let c = clause(w, s.clone(), start, end);
    for p in c.clone() {
        if (start..end).contains(&p) {
            continue;
        }
        let negates = if w.lower[p] == "utan" {
            p < start && start - p <= 3 && !(s.start..p).any(|q| negation_at(w, &s, q))
        } else {
            negation_at(w, &s, p)
        };
        if negates && !conditional(w, c.start, p, start) {
            return true;
        }
    }
    false
}

/// Whether the negation at `p` is inside a condition ("om du inte …") that
/// the cue at `cue_start` follows.
fn conditional(w: &Words, clause_start: usize, p: usize, cue_start: usize) -> bool {
    cue_start > p
        && (clause_start.max(p.saturating_sub(4))..p).any(|q| matches!(w.lower[q], "om" | "ifall"))
}
