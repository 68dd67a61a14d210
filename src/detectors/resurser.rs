//! `resurser`: the person's own abilities, interests and network, from a cue
//! lexicon, negation-aware: "har inte längre förmåga att …" or "klarar inte
//! längre själv" is not a resource.
//!
//! Two sentence patterns stand beside the lexicon, because a writer seldom
//! puts the words next to each other:
//! - an everyday activity done *själv*/*på egen hand*/*utan hjälp*: "lagar
//!   frukost och kvällsmat själv", "tar fortfarande hand om trädgården själv";
//! - a relative, friend or neighbour doing something for the person: "Dottern,
//!   som bor i samma by, handlar åt henne", "grannen tittar till honom".

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
    "saknar",
    "saknade",
    "saknas",
];

/// Cues that mean something else before a word: "är positiv till
/// förslaget" agrees to it; it is no trait.
const NOT_BEFORE: &[(&str, &str)] = &[("är positiv", "till"), ("är positiva", "till")];

/// How many words before a cue a negation still counts.
const WINDOW: usize = 3;

/// Everyday activities (present tense) that count when done by the person
/// themself.
const ACTIVITIES: &[&str] = &[
    "lagar",
    "sköter",
    "tar",
    "handlar",
    "städar",
    "diskar",
    "tvättar",
    "duschar",
    "badar",
    "klär",
    "äter",
    "bäddar",
    "går",
    "åker",
    "reser",
    "betalar",
    "bokar",
    "ringer",
    "planerar",
    "packar",
    "cyklar",
    "promenerar",
    "kokar",
    "värmer",
    "hämtar",
    "ordnar",
    "fixar",
    "kammar",
    "rakar",
    "borstar",
    "lägger",
    "klipper",
    "vattnar",
    "bakar",
];

/// Words that say the activity is done without help.
const ON_ONES_OWN: &[&[&str]] = &[
    &["själv"],
    &["själva"],
    &["på", "egen", "hand"],
    &["utan", "hjälp"],
];

/// How far before "själv" the activity verb may stand.
const ACTIVITY_REACH: usize = 6;

/// People around the person (definite or possessive forms).
const NETWORK: &[&str] = &[
    "dottern",
    "sonen",
    "döttrarna",
    "sönerna",
    "barnen",
    "maken",
    "makan",
    "hustrun",
    "frun",
    "mannen",
    "sambon",
    "grannen",
    "grannarna",
    "grannens",
    "vännen",
    "väninnan",
    "vänner",
    "vänninnan",
    "systern",
    "brodern",
    "syskonen",
    "mamman",
    "pappan",
    "modern",
    "fadern",
    "föräldrarna",
    "barnbarnet",
    "barnbarnen",
    "svärdottern",
    "svärsonen",
    "kusinen",
    "dotter",
    "son",
    "make",
    "maka",
    "granne",
    "vän",
    "syster",
    "bror",
    "mamma",
    "pappa",
];

/// What the network does for the person (present tense).
const NETWORK_HELP: &[&str] = &[
    "hjälper",
    "handlar",
    "tittar",
    "stöttar",
    "stödjer",
    "ombesörjer",
    "sköter",
    "städar",
    "skjutsar",
    "kör",
    "besöker",
    "följer",
    "lagar",
    "tvättar",
    "hämtar",
    "ordnar",
];

/// How far after the relative the helping verb may stand.
const NETWORK_REACH: usize = 8;

/// Cue hits of lexicon `list` that are not negated, and the sentence patterns.
pub fn detect(ctx: &Context, list: usize) -> Vec<Hit> {
    let mut found: Vec<Hit> = ctx
        .list_hits(list)
        .iter()
        .filter(|hit| {
            let words = &ctx.analysis.words;
            let first = words.partition_point(|w| w.range.start < hit.range.start);
            let last = words.partition_point(|w| w.range.start < hit.range.end);
            let cue = ctx.analysis.lower_words(first..last).join(" ");
            let next = (last < words.len()).then(|| ctx.analysis.lower(last));
            let means_else = NOT_BEFORE
                .iter()
                .any(|(c, n)| *c == cue && next == Some(*n));
            !negated(ctx, first, last) && !means_else
        })
        .cloned()
        .collect();
    found.extend(sentence_patterns(ctx));
    found.sort_by_key(|h| (h.range.start, h.range.end));
    found.dedup_by(|a, b| a.range.start < b.range.end && b.range.start < a.range.end);
    found
}

/// Whether a negation stands within [`WINDOW`] words before word `first` (or
/// between `first` and `last`), in the same sentence.
fn negated(ctx: &Context, first: usize, last: usize) -> bool {
    let analysis = ctx.analysis;
    let Some(start) = analysis.words.get(first).map(|w| w.range.start) else {
        return false;
    };
    let sentence_start = analysis
        .sentence_at(start)
        .map_or(0, |s| analysis.sentences[s].words.start);
    let from = first.saturating_sub(WINDOW).max(sentence_start);
    (from..last).any(|i| NEGATIONS.contains(&analysis.lower(i)))
}

/// Hits for "<activity> … själv" and "<relative> … <helps>" within a sentence.
fn sentence_patterns(ctx: &Context) -> Vec<Hit> {
    let analysis = ctx.analysis;
    let mut hits = Vec::new();
    for sentence in &analysis.sentences {
        let words = sentence.words.clone();
        let lower: Vec<&str> = analysis.lower_words(words.clone());
        let at = |i: usize| words.start + i;
        for (end, phrase) in (0..lower.len()).filter_map(|i| on_ones_own(&lower, i).map(|n| (i, n)))
        {
            let reach = end.saturating_sub(ACTIVITY_REACH);
            if let Some(verb) = (reach..end).rev().find(|&i| ACTIVITIES.contains(&lower[i])) {
                // "själv" must not already belong to a negated clause.
                if !negated(ctx, at(verb), at(end + phrase)) {
                    hits.push(span(ctx, at(verb), at(end + phrase - 1)));
                }
            }
        }
        for (who, _) in lower
            .iter()
            .enumerate()
            .filter(|(_, w)| NETWORK.contains(w))
        {
            let limit = (who + 1 + NETWORK_REACH).min(lower.len());
            if let Some(verb) = (who + 1..limit).find(|&i| NETWORK_HELP.contains(&lower[i])) {
                // A negation just before the verb or among the two words after it.
                if !negated(ctx, at(verb), (at(verb) + 3).min(words.end)) {
                    hits.push(span(ctx, at(who), at(verb)));
                }
            }
        }
    }
    hits
}

/// The length in words of an "on one's own" phrase starting at word `i`.
fn on_ones_own(lower: &[&str], i: usize) -> Option<usize> {
    ON_ONES_OWN
        .iter()
        .find(|phrase| lower[i..].starts_with(phrase))
        .map(|phrase| phrase.len())
}

/// A hit from word `first` to word `last`, both included.
fn span(ctx: &Context, first: usize, last: usize) -> Hit {
    let words = &ctx.analysis.words;
    Hit::at(words[first].range.start..words[last].range.end)
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
        // A negation right before a cue that stands whole: without the
        // negation rule "intresserad av" would count.
        let found = hits(
            "resurser",
            Some("resurser"),
            "Han är inte intresserad av musik. Hon är intresserad av fotboll.",
        );
        assert_eq!(found, ["är intresserad av"], "{found:?}");
    }

    #[test]
    fn an_activity_done_on_ones_own_is_a_resource() {
        let found = hits(
            "resurser",
            Some("resurser"),
            "Per lagar lunch och middag själv. Han tvättar numera sina kläder på egen hand. Han klarar inte att duscha själv.",
        );
        assert_eq!(
            found,
            [
                "lagar lunch och middag själv",
                "tvättar numera sina kläder på egen hand"
            ]
        );
    }

    #[test]
    fn a_relative_who_helps_is_a_resource_but_not_one_who_does_not() {
        let found = hits(
            "resurser",
            Some("resurser"),
            "Sonen, som bor i grannbyn, handlar åt honom varje fredag. Dottern orkar inte och hjälper inte till längre. Personalen hjälper honom med duschen. Modern ringer sonen flera gånger varje natt. Han saknar egna resurser och är positiv till hemtjänst.",
        );
        assert_eq!(found, ["Sonen, som bor i grannbyn, handlar"]);
    }
}
