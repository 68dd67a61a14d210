//! `omfattning`: sentences that state the scope of what was granted: an amount
//! of time or frequency ("10 timmar per månad", "två gånger i veckan",
//! "varje dag") or a period ("från och med 1 mars till och med 31 augusti").

use std::sync::LazyLock;

use crate::criteria::word_regex::WordRegex;
use crate::criteria::{Context, Hit};

static SCOPE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?xi)
        \b(\d+([,.]\d+)?|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo)\s+
          (timmar|timme|tim|h|minuter|min|gånger|gång|dagar|dygn|nätter|veckor|helger|tillfällen)\b
        | \b(per|i|varje|varannan|var\s+tredje|om)\s+(dag|dygn|vecka|veckan|månad|månaden|år|året|natt|helg|vardag)\b
        | \b(från\s+och\s+med|fr\.o\.m\.?|till\s+och\s+med|t\.o\.m\.?|under\s+perioden)\b
        ",
    )
    .expect("the scope pattern is valid")
});

/// Sentences with a scope.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    super::sentences_matching(ctx, &SCOPE)
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn finds_amounts_and_periods() {
        assert_eq!(
            hits(
                "omfattning",
                None,
                "Du får hemtjänst. Hjälpen är 10 timmar per månad."
            ),
            ["Hjälpen är 10 timmar per månad."]
        );
        assert_eq!(
            hits("omfattning", None, "Du får dusch två gånger i veckan.").len(),
            1
        );
        assert_eq!(
            hits(
                "omfattning",
                None,
                "Beslutet gäller från och med 1 mars 2026."
            )
            .len(),
            1
        );
        assert!(hits("omfattning", None, "Du beviljas hemtjänst.").is_empty());
    }
}
