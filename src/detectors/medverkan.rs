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
//! Cues are written in the cue language of [`super::clauses`].

use std::ops::Range;
use std::sync::LazyLock;

use super::clauses::{Cue, Words, longest_matches, negated};
use crate::criteria::{Context, Hit};

/// Participation cues.
const CUES: &[&str] = &[
    // Present at a meeting or visit, took part.
    "deltog",
    "deltagit",
    "deltar i|vid|på samtal*|möte*|hembesök*|besök*|planering*|utredning*|genomgång*",
    "var|varit|är med vid|på|i|när|under|hela",
    "var|varit|är med och",
    "var|varit|är närvarande",
    "närvarade",
    "närvarat",
    "närvarande",
    "medverkade|medverkat|medverkar",
    "i samråd med",
    "i dialog med",
    "delaktig|delaktiga i",
    "upprättad|upprättat|upprättats|upprättades|gjord|gjordes|gjorts|skriven|skrevs|skrivits|planerade|planerat|planerades|planerats tillsammans med",
    "tagits|togs|tog|tagit fram tillsammans med",
    "gick|gått igenom tillsammans med",
    // Visits and meetings.
    "hembesök hos",
    "vid hembesöket|hembesök",
    "gjorde|gjort ett hembesök",
    "besök i hemmet",
    "besökte",
    "träffade|träffat|träffades",
    // Information, reading, comments.
    "ta|tog|tagit del av",
    "har|hade läst utredningen|underlaget|förslaget|igenom|den",
    "läste utredningen|underlaget|förslaget|igenom|den|upp",
    "fått|fick läsa",
    "yttra|yttrat|yttrade sig",
    "lämna|lämnade|lämnat synpunkter",
    "fått|fick information om",
    "informerats|informerades om",
    "godkänt|godkände|godkänner",
    "skrivit|skrev under",
    "undertecknat|undertecknade",
    "fått|fick välja",
    "har|hade valt",
    "valde själv",
    "själv valt|välja|valde",
    // On the person's own initiative.
    "ansökte|ansöker själv",
    "själv ansökt|ansökte|ansöker",
    "ringde|kontaktade själv",
    "tog själv kontakt",
    "själv tagit kontakt",
    "på eget initiativ",
    "på egen begäran",
    "på hennes|hans|hens begäran|önskan",
    "enligt hennes|hans|hens önskemål",
    // Representatives and support persons.
    "företrädare|företrädaren|företrädd|företräddes",
    "god|gode man|mannen närvarade|deltog|var",
    "sin gode|god man",
    "förvaltare|förvaltaren närvarade|deltog|var",
    "ombud|ombudet",
    "med fullmakt",
    "vårdnadshavare|vårdnadshavaren|vårdnadshavarna närvarade|deltog",
    "tillsammans med vårdnadshavare*",
    "stödperson*",
    "hade med sig",
    "med stöd av anhörig|en",
    // Interpreter.
    "tolk|tolken|tolkar|tolkarna|tolkens",
    "*tolk|*tolken|*tolkar",
    "på sitt|hennes|hans|hens modersmål|förstaspråk",
    "på sitt|hennes|hans|hens eget språk",
    // Adapted communication.
    "teckenspråk*",
    "tecken som stöd",
    "tss",
    "takk",
    "akk",
    "alternativ och kompletterande kommunikation",
    "bildstöd*",
    "bilder som stöd",
    "med hjälp av bilder",
    "piktogram*",
    "pictogram*",
    "bildschema*",
    "samtalsmatt*",
    "talking mats",
    "kommunikationskart*",
    "kommunikationstavl*",
    "kommunikationshjälpmed*",
    "kommunikationspass*",
    "pekkart*",
    "bokstavstavl*",
    "lättläst*",
    "enkel svenska",
    "enkelt språk",
    "ritprata*",
    "ritade och pratade",
    "punktskrift",
    "förstorad text",
    "stor stil",
    "hörselslinga*|teleslinga*|hörslinga*",
    "samtalsförstärkare*",
    "nej-frågor",
    "enkla|korta|konkreta frågor",
    "en fråga i taget",
    "korta meningar",
    "kortare|korta samtal",
    "delade upp samtalet",
    "pekade",
    "pekar på",
    "nickade|nickar",
    "skakade|skakar på huvudet",
    "kroppsspråk*",
    "mimik*",
    "gester",
    "skrev ner frågorna",
    "skrev till varandra",
    "kommunicerade skriftligt",
    "via sms",
    "anpassad|anpassade|anpassat kommunikation*|samtal*|språk*|information*",
    "i en lugn|välkänd|trygg|känd miljö",
    "i lugn miljö",
    "personal som känner henne|honom|hen",
    "någon som känner henne|honom|hen",
    "genom|vid observation*",
    "observerade",
    "har observerat",
    "fick|fått frågorna|informationen|information i förväg",
    "fick|fått förbereda sig",
    "förberedde sig",
];

/// Phrases in which a cue means something else ("för närvarande" is "at
/// present", "pekar på att" is "suggests").
const NOT_CUES: &[&str] = &["för närvarande", "pekar på att"];

static CUE_LIST: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(CUES));
static NOT_CUE_LIST: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(NOT_CUES));

/// The places where the text says how the person took part, not negated.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let words = Words::new(ctx);
    let mut hits = Vec::new();
    for sentence in &ctx.analysis.sentences {
        let s = sentence.words.clone();
        for (start, end) in longest_matches(&words, s.clone(), &CUE_LIST) {
            if !excluded(&words, s.clone(), start, end) && !negated(&words, s.clone(), start, end) {
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

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    fn found(text: &str) -> bool {
        !hits("medverkan", None, text).is_empty()
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
            None,
            "Karin deltog i mötet, och hon ville inte ha tolk. Erik var inte med vid besöket men han läste utredningen.",
        );
        assert_eq!(found, ["deltog", "läste utredningen"], "{found:?}");
    }
}
