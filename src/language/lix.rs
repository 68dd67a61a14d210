//! LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage
//! of long words (more than six letters).

use super::Word;

/// LIX of a text with `words` split into `sentences` sentences; `None` when the
/// text has no words.
pub fn lix(words: &[Word], sentences: usize) -> Option<f64> {
    if words.is_empty() || sentences == 0 {
        return None;
    }
    let a = words.len() as f64;
    let long = words.iter().filter(|w| w.letters > 6).count() as f64;
    Some(a / sentences as f64 + long * 100.0 / a)
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::*;

    /// (text, words, sentences, long words, LIX) — the test vectors of
    /// `shared/domain/klarsprak.md` §5, with `kap.` in the abbreviation list as
    /// `criteria.md` requires.
    const VECTORS: &[(&str, usize, usize, usize, f64)] = &[
        (
            "Du får hemtjänst. Beslutet gäller från och med den 1 mars 2025.",
            10,
            2,
            2,
            25.00,
        ),
        (
            "Du har ansökt om hemtjänst. Vi beviljar dig hjälp med dusch två gånger i veckan. Beslutet gäller till och med den 31 december 2025.",
            22,
            3,
            4,
            25.52,
        ),
        (
            "Nämnden beslutar att bevilja bistånd i form av hemtjänst enligt 4 kap. 1 § SoL, t.ex. hjälp med dusch.",
            17,
            1,
            5,
            46.41,
        ),
    ];

    #[test]
    fn matches_the_reference_vectors() {
        for &(text, a, b, c, expected) in VECTORS {
            let (words, sentences) = segment(text, std::iter::once(0..text.len()));
            assert_eq!(words.len(), a, "words in {text:?}");
            assert_eq!(sentences.len(), b, "sentences in {text:?}");
            assert_eq!(
                words.iter().filter(|w| w.letters > 6).count(),
                c,
                "long words in {text:?}"
            );
            let value = lix(&words, sentences.len()).expect("text has words");
            assert!(
                (value - expected).abs() < 0.005,
                "LIX {value} != {expected} for {text:?}"
            );
        }
    }

    #[test]
    fn no_words_means_no_lix() {
        assert_eq!(lix(&[], 0), None);
    }
}
