//! `medverkan`: how the person took part in the investigation — present at
//! a meeting or home visit, took part in the planning, read the investigation,
//! chose, acted on their own initiative, with a representative or support
//! person, with an interpreter or with adapted communication (AKK, bildstöd,
//! Talking Mats …).
//!
//! A cue counts only when its clause is not negated: "Hon deltog inte i
//! mötet", "Han vill inte använda kommunikationstavlan", "Tolk har inte
//! använts", "Samtalet hölls utan tolk" and "Tolk saknades" do not count, while
//! "Samtalet hölls inte på svenska utan med tolk" does.
//!
//! The cues are the forms of the template's lexicon (`medverkan.tsv`), each
//! read as a cue of [`super::clauses`]: words, `*` for any ending or beginning.

use std::ops::Range;
use std::sync::LazyLock;

use super::clauses::{Cue, Words, longest_matches, negated};
use crate::criteria::{Context, Hit, Lexicon};

/// Phrases in which a cue means something else ("för närvarande" is "at
/// present", "pekar på att" is "suggests").
const NOT_CUES: &[&str] = &["för närvarande", "pekar på att"];

static NOT_CUE_LIST: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(NOT_CUES));

/// The cues of the lexicon (`medverkan.tsv`): every form of every row.
pub fn prepare(lexicon: &Lexicon) -> Vec<Cue> {
    lexicon
        .entries
        .iter()
        .flat_map(|e| &e.forms)
        .map(|form| Cue::new(form))
        .collect()
}

/// The places where the text says how the person took part (one of `cues`),
/// not negated.
pub fn detect(ctx: &Context, cues: &[Cue]) -> Vec<Hit> {
    let words = Words::new(ctx);
    let mut hits = Vec::new();
    for sentence in &ctx.analysis.sentences {
        let s = sentence.words.clone();
        let mut cues_here = longest_matches(&words, s.clone(), cues)
            .into_iter()
            .peekable();
        // What holds for the whole sentence is asked once, when it has a cue.
        if cues_here.peek().is_none()
            || only_with_others(&words, s.clone())
            || not_met(&words, s.clone())
        {
            continue;
        }
        for (start, end) in cues_here {
            if !excluded(&words, s.clone(), start, end)
                && !negated(&words, s.clone(), start, end)
                && !someone_else_took_part(&words, s.clone(), start)
            {
                hits.push(Hit::at(words.span(start, end)));
            }
        }
    }
    hits
}

/// Whether the cue at `start..end` is part of a phrase that means something
/// else.
fn excluded(w: &Words, s: Range<usize>, start: usize, end: usize) -> bool {
    (start.saturating_sub(2).max(s.start)..=start).any(|i| {
        NOT_CUE_LIST.iter().any(|c| {
            c.match_at(w, i, s.end)
                .is_some_and(|e| e > start && i < end)
        })
    })
}

/// Words that say someone was present or took part, with the subject before.
const PRESENCE: &[&str] = &[
    "deltog",
    "deltagit",
    "deltar",
    "närvarade",
    "närvarat",
    "närvarande",
    "medverkade",
    "medverkat",
    "medverkar",
    "var",
    "varit",
    "är",
];

/// Words that open a clause of their own before a verb of presence.
const CLAUSE_OPENERS: &[&str] = &["varvid", "där", "då", "när", "som"];

/// Whether a cue of presence at `start` has only other people as its subject:
/// "varvid sonen Lars samt kontaktman från hemtjänsten deltog" is the son's
/// and the staff's participation, not the person's; "Karin och dottern
/// deltog" is also Karin's.
fn someone_else_took_part(w: &Words, s: Range<usize>, start: usize) -> bool {
    if !PRESENCE.contains(&w.lower[start]) {
        return false;
    }
    let mut from = start;
    while from > s.start && !w.stop[from] && !CLAUSE_OPENERS.contains(&w.lower[from - 1]) {
        from -= 1;
    }
    let subject = from..start;
    // A name counts as the person's unless it follows the word for someone
    // else ("sonen Lars"); a pronoun or "själv" is the person.
    let other = |i: usize| super::egen_uppfattning::names_someone_else(w.lower[i]);
    let person = subject.clone().any(|i| {
        matches!(w.lower[i], "hon" | "han" | "hen" | "du" | "själv")
            || (w.capitalised(i) && !other(i) && (i == from || !other(i - 1)))
    });
    // "Hembesök med sonen närvarande".
    let with_other = start >= from + 2 && other(start - 1) && w.lower[start - 2] == "med";
    with_other || (subject.clone().any(other) && !person)
}

/// Whether the sentence says the person was not met: "Theo var i skolan vid
/// hembesöket och har därför ej träffats".
fn not_met(w: &Words, s: Range<usize>) -> bool {
    (s.start..s.end).any(|i| {
        matches!(w.lower[i], "träffats" | "träffades")
            && (i.saturating_sub(3).max(s.start)..i)
                .any(|j| matches!(w.lower[j], "inte" | "ej" | "aldrig"))
    })
}

/// Whether the sentence's talk or visit was with someone else and the
/// person is not in it: "Samtal har förts med fadern vid hembesök i
/// bostaden" (a child not met), but not "Samtal med dottern och Karin".
fn only_with_others(w: &Words, s: Range<usize>) -> bool {
    let other = |i: usize| super::egen_uppfattning::names_someone_else(w.lower[i]);
    let with_other =
        (s.start..s.end.saturating_sub(1)).any(|i| w.lower[i] == "med" && other(i + 1));
    let person = (s.start..s.end).any(|i| {
        matches!(
            w.lower[i],
            "hon" | "han" | "hen" | "du" | "själv" | "honom" | "henne" | "dig"
        ) || (i > s.start && w.capitalised(i) && !other(i) && !other(i - 1))
    });
    with_other && !person
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    fn found(text: &str) -> bool {
        !hits("medverkan", Some("medverkan"), text).is_empty()
    }

    #[test]
    fn participation_counts() {
        let met = [
            "Karin deltog i samtalet vid hembesöket.",
            "Samtalet hölls med hjälp av tolk på arabiska.",
            "Vi använde bildstöd och tecken som stöd under samtalet.",
            "Ahmed var med vid mötet tillsammans med sin gode man.",
            "Genomförandeplanen är upprättad tillsammans med Elin.",
            "Hanna svarade med hjälp av samtalsmattan.",
            "Han har läst utredningen och lämnat synpunkter.",
            "Telefontolken översatte hela samtalet.",
            "Hon deltog i mötet men ville inte ha tolk.",
            "Samtalet hölls inte på svenska utan med tolk.",
            "Han pekade på bilderna när vi frågade om maten.",
            "Utredningen skickades till Gösta med möjlighet att lämna synpunkter.",
            "Om hon inte förstår en fråga använder vi kommunikationskartan.",
            "Vi delade upp samtalet på två korta besök.",
            "Karin och dottern deltog i samtalet.",
            "Samtal med dottern och Karin vid hembesöket.",
            "Vid mötet, där Ali själv deltog, gick vi igenom planen.",
        ];
        for text in met {
            assert!(found(text), "should count: {text}");
        }
    }

    #[test]
    fn negated_or_absent_participation_does_not_count() {
        let not_met = [
            "Han vill inte använda kommunikationstavlan.",
            "Hon deltog inte i mötet.",
            "Hembesök gjordes, varvid sonen Lars samt kontaktman från hemtjänsten deltog.",
            "Dottern var närvarande under samtalet.",
            "Hembesök den 4 september med sonen närvarande.",
            "Samtal har förts med modern vid ett hembesök.",
            "Elsa var på förskolan vid hembesöket och har därför inte träffats.",
            "Tolk har inte använts.",
            "Samtalet hölls utan tolk.",
            "Någon tolk behövdes inte.",
            "Karin var inte med vid hembesöket.",
            "Tolk saknades vid besöket.",
            "Han har aldrig medverkat i planeringen.",
            "Erik har inte tagit del av utredningen.",
            "Hon avböjde tolk.",
            "Dottern har ansökt om hemtjänst för sin mamma.",
            "Uppgifter har hämtats från hemsjukvården.",
            "Hon bor för närvarande i en lägenhet.",
            "Allt pekar på att hon behöver mer hjälp.",
            "Hembesök har inte genomförts och bildstöd har inte prövats.",
        ];
        for text in not_met {
            assert!(!found(text), "should not count: {text}");
        }
    }

    #[test]
    fn a_negation_in_another_clause_does_not_cancel() {
        let found = hits(
            "medverkan",
            Some("medverkan"),
            "Karin deltog i mötet, och hon ville inte ha tolk. Erik var inte med vid besöket men han läste utredningen.",
        );
        assert_eq!(found, ["deltog", "läste utredningen"], "{found:?}");
    }
}
