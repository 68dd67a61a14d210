//! `resurser`: the person's own abilities, interests and network, from a cue
//! lexicon, negation-aware: "har inte längre förmåga att …" or "klarar inte
//! längre själv" is not a resource.

use crate::criteria::{Context, Hit};

/// Words that, shortly before a cue in the same sentence, negate it.
const NEGATIONS: &[&str] = &[
    "inte",
    "ej",
    "aldrig",
    "ingen",
    "inget",
    "inga",
    "knappast",
    "sällan",
    "omöjliggör",
    "förhindrar",
    "hindrar",
    "svårt",
    "svårigheter",
    "oförmögen",
];

/// How many words before a cue a negation still counts.
const WINDOW: usize = 3;

/// Cue hits of lexicon `list` that are not negated.
pub fn detect(ctx: &Context, list: usize) -> Vec<Hit> {
    let words = &ctx.analysis.words;
    ctx.list_hits(list)
        .iter()
        .filter(|hit| {
            // Words inside the cue or just before it, within its sentence.
            let sentence_start = ctx
                .analysis
                .sentence_at(hit.range.start)
                .map_or(0, |s| ctx.analysis.sentences[s].words.start);
            let first = words.partition_point(|w| w.range.start < hit.range.start);
            let last = words.partition_point(|w| w.range.start < hit.range.end);
            let from = first.saturating_sub(WINDOW).max(sentence_start);
            !(from..last).any(|i| NEGATIONS.contains(&ctx.analysis.lower(i)))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn finds_resources_but_not_negated_ones() {
        let found = hits(
            "resurser",
            Some("resurser"),
            "Karin tycker om att baka. Hon har inte längre förmåga att klara sig själv. Hon klarar själv att äta. Skakningarna omöjliggör att hon äter själv.",
        );
        assert!(found.iter().all(|h| h != "äter själv"), "{found:?}");
        assert!(found.iter().any(|h| h == "tycker om"), "{found:?}");
        assert!(found.iter().all(|h| !h.contains("förmåga")), "{found:?}");
    }
}
