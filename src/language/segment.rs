//! Words and sentences, as defined for KS-LIX and KS-MENINGSLANGD in the
//! criteria catalogue.
//!
//! - A word is a maximal run of letters (Unicode alphabetic); hyphen-joined parts
//!   count as one word (`LSS-insats`). Digits are not words.
//! - A sentence ends at `.`, `!`, `?` or `:` followed by white space or the end of
//!   the paragraph; a run such as `?!` or `...` ends it once. A paragraph with
//!   words but no terminator is one sentence.
//! - Common abbreviations (`t.ex.`, `bl.a.`, `kap.` …) do not end a sentence.

use std::ops::Range;

/// A word of the running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range into the document text.
    pub range: Range<usize>,
    /// Number of letters (hyphens not counted).
    pub letters: u32,
}

/// A sentence of the running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into the document text, from the first word to the terminator.
    pub range: Range<usize>,
    /// Indices into the document's word list.
    pub words: Range<usize>,
}

/// Abbreviations that end in a full stop without ending the sentence. Compared
/// in lower case, including their final full stop.
const ABBREVIATIONS: &[&str] = &[
    "t.ex.", "bl.a.", "m.m.", "s.k.", "enl.", "ca.", "fr.o.m.", "t.o.m.", "kap.", "st.", "p.",
    "jfr.", "prop.", "resp.", "ev.", "dvs.", "d.v.s.", "osv.", "nr.", "m.fl.", "inkl.", "f.d.",
    "o.d.", "o.s.v.", "jfr", "ang.", "tel.", "kl.", "f.n.", "s.", "sfs.", "bet.",
];

/// Splits the paragraphs of `text` into words and sentences.
pub fn segment(
    text: &str,
    paragraphs: impl Iterator<Item = Range<usize>>,
) -> (Vec<Word>, Vec<Sentence>) {
    let mut words = Vec::new();
    let mut sentences = Vec::new();
    for paragraph in paragraphs {
        segment_paragraph(text, paragraph, &mut words, &mut sentences);
    }
    (words, sentences)
}

fn segment_paragraph(
    text: &str,
    paragraph: Range<usize>,
    words: &mut Vec<Word>,
    sentences: &mut Vec<Sentence>,
) {
    let base = paragraph.start;
    let slice = &text[paragraph];
    let mut sentence_first_word = words.len();
    let mut sentence_start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            // A word: letters, possibly joined by single hyphens to more letters.
            let start = i;
            let mut end = i + c.len_utf8();
            let mut letters = 1;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    letters += 1;
                    end = j + d.len_utf8();
                    chars.next();
                } else if d == '-'
                    && slice[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            sentence_start.get_or_insert(base + start);
            words.push(Word {
                range: base + start..base + end,
                letters,
            });
        } else if matches!(c, '.' | '!' | '?' | ':') {
            // Swallow a run of terminators (`?!`, `...`).
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?' | ':') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let followed_by_space = slice[end..].chars().next().is_none_or(char::is_whitespace);
            if !followed_by_space || c == '.' && end == i + 1 && is_abbreviation(slice, i) {
                continue;
            }
            if let Some(start) = sentence_start.take() {
                sentences.push(Sentence {
                    range: start..base + end,
                    words: sentence_first_word..words.len(),
                });
                sentence_first_word = words.len();
            }
        }
    }
    if let Some(start) = sentence_start {
        let end = words.last().map_or(start, |w| w.range.end);
        sentences.push(Sentence {
            range: start..end,
            words: sentence_first_word..words.len(),
        });
    }
}

/// Whether the full stop at byte `dot` of `slice` ends a known abbreviation.
fn is_abbreviation(slice: &str, dot: usize) -> bool {
    let before = &slice[..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(dot, |(i, _)| i);
    let candidate = &slice[start..=dot];
    if candidate.len() > 8 {
        return false;
    }
    let lower = candidate.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Vec<&str>, Vec<&str>) {
        let (words, sentences) = segment(text, std::iter::once(0..text.len()));
        (
            words.iter().map(|w| &text[w.range.clone()]).collect(),
            sentences.iter().map(|s| &text[s.range.clone()]).collect(),
        )
    }

    #[test]
    fn words_are_letter_runs_and_hyphen_joins_parts() {
        let (words, _) = split("LSS-insats 2 gånger/vecka, t.ex. H07 och 10:30.");
        assert_eq!(
            words,
            ["LSS-insats", "gånger", "vecka", "t", "ex", "H", "och"]
        );
    }

    #[test]
    fn trailing_or_double_hyphen_does_not_join() {
        let (words, _) = split("hem- och sjukvård, a--b");
        assert_eq!(words, ["hem", "och", "sjukvård", "a", "b"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let (_, sentences) = split(
            "Beslutet fattas enligt 4 kap. 1 § SoL, t.ex. om dusch. Fr.o.m. i dag gäller det.",
        );
        assert_eq!(
            sentences,
            [
                "Beslutet fattas enligt 4 kap. 1 § SoL, t.ex. om dusch.",
                "Fr.o.m. i dag gäller det."
            ]
        );
    }

    #[test]
    fn terminators_need_following_space() {
        let (_, sentences) = split("Klockan 10:30 den 2025-07-01 kom hon. Version 1.5 gäller!? Ja");
        assert_eq!(
            sentences,
            [
                "Klockan 10:30 den 2025-07-01 kom hon.",
                "Version 1.5 gäller!?",
                "Ja"
            ]
        );
    }

    #[test]
    fn colon_ends_a_sentence() {
        let (_, sentences) = split("Karin säger: jag vill bo kvar.");
        assert_eq!(sentences, ["Karin säger:", "jag vill bo kvar."]);
    }

    #[test]
    fn wordless_runs_are_not_sentences() {
        let (_, sentences) = split("2026. Hon kom.");
        assert_eq!(sentences, ["Hon kom."]);
    }

    #[test]
    fn sentences_do_not_cross_paragraphs() {
        let text = "Första stycket utan punkt\nAndra stycket.";
        let newline = text.find('\n').unwrap();
        let (_, sentences) = segment(text, [0..newline, newline + 1..text.len()].into_iter());
        assert_eq!(sentences.len(), 2);
        assert_eq!(
            &text[sentences[0].range.clone()],
            "Första stycket utan punkt"
        );
    }
}
