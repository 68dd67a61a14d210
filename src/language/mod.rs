//! Swedish text analysis, done once per document and shared by every criterion.
//!
//! The analysis works on the *running text* of a document: the paragraphs that
//! `ingest` found, without front matter, headings or header field lines.
//! Every word and sentence keeps its byte range into the original text, so a
//! finding can always point back into the file.

pub mod dates;
mod fold;
mod lines;
mod lix;
pub mod passive;
mod segment;
pub mod shingles;
pub mod word_regex;

pub use fold::Folded;
pub use lines::LineIndex;
pub use lix::lix;
pub use segment::{Sentence, Word, segment};

/// Everything the criteria need to know about a document's language.
#[derive(Debug)]
pub struct Analysis {
    /// Words of the running text, in order.
    pub words: Vec<Word>,
    /// Sentences of the running text, in order; each holds a range of `words`.
    pub sentences: Vec<Sentence>,
    /// The document body, lower-cased and with white space folded, for
    /// lexicon and phrase matching.
    pub folded: Folded,
    /// LIX over the running text, or `None` when there are no words.
    pub lix: Option<f64>,
    /// Every word in lower case, one after the other; see [`Analysis::lower`].
    lower_text: String,
    /// Where each word ends in `lower_text`.
    lower_ends: Vec<u32>,
}

impl Analysis {
    /// Analyses the running text of `doc`.
    pub fn of(text: &str, paragraphs: &[std::ops::Range<usize>], body_start: usize) -> Self {
        let (words, sentences) = segment(text, paragraphs.iter().cloned());
        let lix = lix(&words, sentences.len());
        let folded = Folded::new(text, body_start);
        let mut lower_text = String::with_capacity(words.iter().map(|w| w.range.len()).sum());
        let mut lower_ends = Vec::with_capacity(words.len());
        for w in &words {
            let word = &text[w.range.clone()];
            if word.bytes().all(|b| b.is_ascii_lowercase()) {
                lower_text.push_str(word);
            } else {
                lower_text.extend(word.chars().flat_map(char::to_lowercase));
            }
            lower_ends.push(lower_text.len() as u32);
        }
        Analysis {
            words,
            sentences,
            folded,
            lix,
            lower_text,
            lower_ends,
        }
    }

    /// Word `i` in lower case.
    pub fn lower(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.lower_ends[i - 1] as usize
        };
        &self.lower_text[start..self.lower_ends[i] as usize]
    }

    /// The words of `range` (indices into `words`) in lower case.
    pub fn lower_words(&self, range: std::ops::Range<usize>) -> Vec<&str> {
        range.map(|i| self.lower(i)).collect()
    }

    /// Number of words of the running text inside `range`.
    pub fn words_in(&self, range: std::ops::Range<usize>) -> usize {
        let first = self.words.partition_point(|w| w.range.start < range.start);
        let last = self.words.partition_point(|w| w.range.start < range.end);
        last - first
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= offset);
        (i < self.sentences.len() && self.sentences[i].range.start <= offset).then_some(i)
    }

    /// Number of words in sentence `i`.
    pub fn sentence_words(&self, i: usize) -> usize {
        self.sentences[i].words.len()
    }
}
