//! `uppfoljning`: sentences that say when a decision ends or will be followed
//! up ("gäller till och med 31 augusti 2026", "Vi följer upp beslutet i
//! september", "tidsbegränsat till sex månader"). "Tills vidare" alone is not a
//! follow-up.

use std::sync::LazyLock;

use crate::criteria::{Context, Hit};
use crate::language::word_regex::WordRegex;

static FOLLOW_UP: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?xi)
        \b(följ(a|as|s|er|de|des|ts)?\s+(vi\s+|jag\s+|beslutet\s+|insatsen\s+)?upp|uppföljning(en)?|utvärder(a|as|ing)|ompröva(s|r)?|omprövning)\b
        | \b(gäller|beviljas|tidsbegränsa(t|d|s)?)\b[^.!?]*\b(till\s+och\s+med|t\.o\.m\.?|fram\s+till|längst\s+till|som\s+längst|till\s+den)\b
        | \bupphör\b
        ",
    )
    .expect("the follow-up pattern is valid")
});

/// Sentences with a follow-up or a time limit.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    super::sentences_matching(ctx, &FOLLOW_UP)
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn finds_follow_ups_and_time_limits() {
        assert_eq!(
            hits(
                "uppfoljning",
                None,
                "Vi följer upp beslutet i september 2026."
            )
            .len(),
            1
        );
        assert_eq!(
            hits(
                "uppfoljning",
                None,
                "Beslutet gäller till och med den 31 augusti 2026."
            )
            .len(),
            1
        );
        assert_eq!(
            hits("uppfoljning", None, "Då följer vi upp beslutet.").len(),
            1
        );
        assert!(hits("uppfoljning", None, "Beslutet gäller tills vidare.").is_empty());
    }
}
