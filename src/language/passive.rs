//! s-passive verb forms (`beviljas`, `bedömdes`, `har utretts`), told apart
//! from deponent verbs (`finns`, `hoppas`, `trivs`) and other words that end
//! in -s (genitives, `hus`, `process`).

use std::collections::HashSet;
use std::sync::LazyLock;

/// Frequent passive forms in case documentation.
const KNOWN_FORMS: &[&str] = &[
    "beviljas",
    "beviljades",
    "beviljats",
    "avslås",
    "avslogs",
    "avslagits",
    "bifalls",
    "bifölls",
    "bedöms",
    "bedömdes",
    "bedömts",
    "anses",
    "ansågs",
    "ansetts",
    "utreds",
    "utreddes",
    "utretts",
    "görs",
    "gjordes",
    "gjorts",
    "ges",
    "gavs",
    "getts",
    "givits",
    "tas",
    "togs",
    "tagits",
    "fattas",
    "fattades",
    "fattats",
    "kommuniceras",
    "kommunicerades",
    "kommunicerats",
    "erbjuds",
    "erbjöds",
    "erbjudits",
    "verkställs",
    "verkställdes",
    "verkställts",
    "följs",
    "följdes",
    "följts",
    "prövas",
    "prövades",
    "prövats",
    "inhämtas",
    "inhämtades",
    "inhämtats",
    "upprättas",
    "upprättades",
    "upprättats",
    "meddelas",
    "meddelades",
    "meddelats",
    "skickas",
    "skickades",
    "skickats",
    "tillgodoses",
    "tillgodosågs",
    "tillgodosetts",
    "planeras",
    "planerades",
    "planerats",
    "beslutas",
    "beslutades",
    "beslutats",
    "överklagas",
    "lämnas",
    "lämnades",
    "lämnats",
    "ändras",
    "ändrades",
    "ändrats",
    "avslutas",
    "avslutades",
    "avslutats",
    "genomförs",
    "genomfördes",
    "genomförts",
    "behövs",
    "behövdes",
    "krävs",
    "krävdes",
    "betraktas",
    "bedrivs",
    "tillämpas",
    "tillämpades",
    "informeras",
    "informerades",
    "informerats",
    "kontaktas",
    "kontaktades",
    "kontaktats",
    "utförs",
    "utfördes",
    "utförts",
    "hanteras",
    "hanterades",
    "beräknas",
    "beräknades",
    "uppges",
    "uppgavs",
    "noteras",
    "noterades",
    "konstateras",
    "konstaterades",
    "bifogas",
    "bifogades",
    "ansöks",
    "ansöktes",
    "tilldelas",
    "tilldelades",
    "begärs",
    "begärdes",
    "rekommenderas",
    "rekommenderades",
    "föreslås",
    "föreslogs",
    "föreslagits",
    "bedömas",
    "utföras",
    "uppfattas",
    "upplevs",
    "upplevdes",
    "hämtas",
    "hämtades",
    "sköts",
    "skötts",
];

/// Deponent and reciprocal verbs and other -s words that are not passive.
const NOT_PASSIVE_FORMS: &[&str] = &[
    "finns",
    "fanns",
    "funnits",
    "finnas",
    "hoppas",
    "hoppades",
    "hoppats",
    "lyckas",
    "lyckades",
    "lyckats",
    "minns",
    "mindes",
    "mins",
    "andas",
    "andades",
    "trivs",
    "trivdes",
    "trivts",
    "trivas",
    "umgås",
    "umgicks",
    "kräkas",
    "kräks",
    "svettas",
    "synas",
    "syns",
    "syntes",
    "tyckas",
    "tycks",
    "tycktes",
    "låtsas",
    "vistas",
    "vistades",
    "åldras",
    "åldrades",
    "slåss",
    "brottas",
    "kramas",
    "träffas",
    "träffades",
    "ses",
    "sågs",
    "saknas",
    "saknades",
    "fattas",
    "känns",
    "kändes",
    "verkar",
    "hörs",
    "hördes",
    "märks",
    "märktes",
    "minnas",
    "nås",
    "väsnas",
    "samsas",
    "enas",
    "vi",
    "ens",
    "dess",
    "vars",
    "hans",
    "oss",
    "dags",
    "dels",
    "alls",
    "annars",
    "process",
    "status",
    "kurs",
    "buss",
    "plus",
    "fokus",
    "hus",
    "glas",
    "cirkus",
    "bostads",
    "slags",
    "sorts",
    "tills",
    "ingenstans",
    "någonstans",
    "bakifrån",
    "ananas",
    "kanvas",
    "atlas",
    "alias",
];

/// Words after which a form in `-as` is an s-infinitive ("ska utredas").
const MODALS: &[&str] = &[
    "ska", "skall", "kan", "kunde", "kommer", "får", "fick", "måste", "bör", "borde", "behöver",
    "skulle", "vill", "att",
];

static KNOWN: LazyLock<HashSet<&str>> = LazyLock::new(|| KNOWN_FORMS.iter().copied().collect());
static NOT_PASSIVE: LazyLock<HashSet<&str>> =
    LazyLock::new(|| NOT_PASSIVE_FORMS.iter().copied().collect());

/// Whether `word` (lower case) is an s-passive form, given the word before it
/// (lower case). `capitalised` tells whether the word was written with a
/// capital letter (then a form in -as is more likely a name: Jonas, Elias).
pub fn is_passive(word: &str, previous: Option<&str>, capitalised: bool) -> bool {
    if !word.ends_with('s') || word.len() < 4 || NOT_PASSIVE.contains(word) {
        return false;
    }
    if KNOWN.contains(word) {
        return true;
    }
    let previous = previous.unwrap_or_default();
    // Perfect passive: "har beviljats", "hade utretts".
    if matches!(previous, "har" | "hade" | "inte" | "ej")
        && (word.ends_with("ats") || word.ends_with("its") || word.ends_with("tts"))
    {
        return true;
    }
    // s-infinitive after a modal: "ska utredas", "kan erbjudas".
    if MODALS.contains(&previous) && word.ends_with("as") && word.len() > 5 {
        return true;
    }
    // Past passive of the first conjugation: "kontaktades", "informerades".
    if word.ends_with("ades") || word.ends_with("eras") {
        return true;
    }
    // Present passive of the first conjugation: "duschas", "matas", "planeras".
    !capitalised && word.ends_with("as") && word.chars().count() >= 6
}

/// The byte ranges of every s-passive form in the sentences of `analysis`
/// (over `text`).
pub fn passive_forms(text: &str, analysis: &super::Analysis) -> Vec<std::ops::Range<usize>> {
    let mut forms = Vec::new();
    for sentence in &analysis.sentences {
        let mut previous: Option<&str> = None;
        for i in sentence.words.clone() {
            let word = &analysis.words[i];
            let lower = analysis.lower(i);
            let capitalised = text[word.range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if is_passive(lower, previous, capitalised) {
                forms.push(word.range.clone());
            }
            previous = Some(lower);
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_passive_from_deponent() {
        for (word, previous) in [
            ("beviljas", None),
            ("bedömdes", Some("hon")),
            ("utretts", Some("har")),
            ("erbjudas", Some("ska")),
            ("kontaktades", Some("dottern")),
            ("informeras", Some("du")),
            ("duschas", Some("hon")),
            ("föreslås", None),
        ] {
            assert!(is_passive(word, previous, false), "{word}");
        }
        for (word, previous) in [
            ("finns", None),
            ("hoppas", Some("hon")),
            ("trivs", Some("han")),
            ("trivdes", Some("han")),
            ("minns", None),
            ("lyckades", Some("hon")),
            ("kommunens", None),
            ("hus", None),
            ("andas", Some("kan")),
            ("saknas", None),
            ("ananas", None),
        ] {
            assert!(!is_passive(word, previous, false), "{word}");
        }
        // Names in -as are not passive.
        for (word, previous) in [("jonas", Some("och")), ("elias", None)] {
            assert!(!is_passive(word, previous, true), "{word}");
        }
    }
}
