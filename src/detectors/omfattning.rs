//! `omfattning`: sentences that state the scope of what was granted: an amount
//! of time or frequency ("10 timmar per månad", "två gånger i veckan",
//! "varje dag") or a period with an end ("från och med 1 mars till och med 31
//! augusti"). A start date alone says when, not how much, except for a place or
//! a device ("trygghetslarm från och med 1 mars", "Du kan flytta in den 1
//! september"), which have no amount; and an amount in the
//! application, the background or the reasons ("har fallit vid två
//! tillfällen", "ansökte om 10 timmar") is not what was granted.

use std::sync::LazyLock;

use crate::criteria::{Context, Hit};
use crate::language::word_regex::WordRegex;

static SCOPE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?xi)
        \b(\d+([,.]\d+)?|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo)\s+
          (timmar|timme|tim|h|minuter|min|gånger|gång|dagar|dygn|nätter|veckor|helger|tillfällen)\b
        | \b(per|i|varje|varannan|var\s+tredje|om)\s+(dag|dygn|vecka|veckan|månad|månaden|år|året|natt|helg|vardag)\b
        | \b(till\s+och\s+med|t\.o\.m\.?|under\s+perioden)\b
        # A place or a device has no amount: its start is its scope.
        | \b(trygghetslarm|larm|tl|boende|bostad|lägenhet|plats|gruppbostad\w*|servicebostad\w*)\b
          [^.!?\n]*\b(från\s+och\s+med|fr\.o\.m\.?|från\s+den)\s
        | \b(från\s+och\s+med|fr\.o\.m\.?)\s[^.!?\n]*
          \b(trygghetslarm|larm|boende|bostad|lägenhet|plats|gruppbostad\w*)\b
        | \bflytta\s+in\s+(den|från|på|i\s+\w+\s+den)\s
        ",
    )
    .expect("the scope pattern is valid")
});

/// Sections (of the template's sets) that tell what was applied for and why,
/// not what was granted.
const NOT_THE_GRANT: &[&str] = &[
    "ansokan",
    "motivering",
    "bedomning",
    "underlag",
    "uppfattning",
];

/// Sentences with a scope, outside the sections that tell the application and
/// the reasons.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let mut hits = super::sentences_matching(ctx, &SCOPE);
    hits.retain(|h| {
        !NOT_THE_GRANT
            .iter()
            .any(|place| ctx.stands_in(place, &h.range))
    });
    hits
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
                "Beslutet gäller från och med 1 mars till och med 31 augusti 2026."
            )
            .len(),
            1
        );
        assert!(hits("omfattning", None, "Du beviljas hemtjänst.").is_empty());
        // A start date alone is not a scope, except for a place or a device.
        assert_eq!(
            hits(
                "omfattning",
                None,
                "Du beviljas trygghetslarm från och med den 5 maj 2026. Du kan flytta in i lägenheten den 1 september."
            )
            .len(),
            2
        );
        assert!(
            hits(
                "omfattning",
                None,
                "Du får matdistribution från och med 1 mars 2026, tills vidare."
            )
            .is_empty()
        );
    }
}
