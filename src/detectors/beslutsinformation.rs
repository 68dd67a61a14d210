//! `beslutsinformation`: sentences of a decision that say how the person was
//! told about the decision, or how they can get help to understand it:
//!
//! - whom to contact with questions: a question or something unclear in a
//!   condition ("Om du har frågor …", "Ring gärna om något i beslutet är
//!   oklart", "Vid frågor …", "Har du frågor?"), a way to reach the writer
//!   ("Ring mig", "Hör av dig till mig", "Du når mig på …", "mitt
//!   telefonnummer");
//! - that the decision was explained or handed over ("Beslutet har förklarats
//!   för dig muntligt", "Jag berättade om beslutet för dig i telefon", "Du
//!   har fått ett muntligt besked"), also by a channel and a verb of telling
//!   ("När vi träffades berättade jag att …");
//! - information adapted to the person ("med hjälp av tolk", "lättläst",
//!   "på ditt modersmål", "punktskrift");
//! - offers of help ("jag förklarar gärna", "du kan få hjälp att överklaga")
//!   and a representative who was informed ("kopia till din gode man").
//!
//! Not counted: the way the application came in ("Ansökan inkom per telefon
//! den 3 mars"), what the person told ("Du har berättat att …, det har
//! varit viktigt för beslutet"), a decision being issued ("Beslutet
//! meddelades den 5 maj"), the appeal instructions ("Skriv till oss och
//! berätta vad du vill ändra", "från den dag du fick del av beslutet"), and
//! anything negated in its clause ("Tolk har inte använts").

use std::ops::Range;
use std::sync::LazyLock;

use super::clauses::{Cue, Words, any_match, longest_matches, negated};
use crate::criteria::{Context, Hit};

/// Words for a question or something unclear.
const QUESTIONS: &[&str] = &[
    "frågor",
    "fråga",
    "frågan",
    "frågorna",
    "funderingar",
    "undrar",
    "undringar",
    "oklart",
    "oklar",
    "oklara",
    "otydligt",
    "förstår",
    "förstått",
];

/// Words after "om"/"ifall" that make a condition addressed to the reader.
const CONDITION_SUBJECTS: &[&str] = &[
    "du",
    "ni",
    "något",
    "någonting",
    "det",
    "man",
    "din",
    "dina",
    "er",
    "era",
];

/// Verbs that open a question used as a condition ("Har du frågor?",
/// "Är något oklart, …").
const CONDITION_VERBS: &[&str] = &["har", "är", "undrar", "finns", "känner", "vill"];

/// Verbs of contacting, in the forms used to invite the reader.
const CONTACT_VERBS: &[&str] = &[
    "ring",
    "ringa",
    "ringer",
    "kontakta",
    "kontaktar",
    "mejla",
    "maila",
    "mejlar",
    "mailar",
    "nå",
    "når",
    "hör",
    "höra",
    "vänd",
    "vända",
    "skriv",
    "skriva",
    "skicka",
    "fråga",
];

/// Whom a contact verb may be addressed to.
const ADDRESSEES: &[&str] = &[
    "mig",
    "oss",
    "handläggaren",
    "handläggare",
    "kontaktcenter",
    "kontaktcentret",
    "kundtjänst",
    "växeln",
    "medborgarcenter",
    "servicecenter",
];

/// Ways to reach the writer.
const CONTACT_DETAILS: &[&str] = &[
    "mitt|vårt|min telefonnummer|direktnummer|nummer|mobilnummer|mejladress|e-postadress|telefontid",
    "telefontid",
    "kontaktuppgifter",
];

/// Verbs of telling someone about something, as a cue each.
const TELLING: &[&str] = &[
    "informerade|informerat|informerades|informerats|informeras|informerar|informera",
    "förklarade|förklarat|förklarades|förklarats|förklaras|förklarar|förklara",
    "berättade|berättat|berättats|berättar",
    "meddelade|meddelat|meddelades|meddelats",
    "gick|gått|går|gå igenom",
    "läste|läst|läser|läsa|lästes upp|igenom",
    "fick|fått veta|besked",
    "överlämnade|överlämnat|överlämnades|överlämnats",
    "lämnade|lämnat över",
];

/// Channels of telling ("när vi träffades", "i telefon").
const CHANNELS: &[&str] = &[
    "när vi träffades|sågs|pratade|talades|pratades|möttes",
    "vid vårt möte|samtal|besök|telefonsamtal|hembesök",
    "när jag besökte|ringde|träffade dig",
    "per|i telefon",
    "i ett telefonsamtal",
    "vid hembesöket|besöket|mötet",
];

/// Words about the application coming in: a channel in the same sentence is
/// how the application came, not how the decision was told.
const ARRIVAL: &[&str] = &[
    "inkom", "inkommit", "inkommen", "inkommet", "ansökte", "ansökt", "ansöker", "ansökan",
    "anmälde", "anmälan", "begärde",
];

/// Cues that count on their own: adapted information, offers of help and an
/// informed representative.
const SELF_CUES: &[&str] = &[
    // An interpreter and adapted information.
    "tolk|tolken|tolkar|tolkens",
    "*tolk|*tolken",
    "lättläst*",
    "enkel svenska",
    "enkelt språk",
    "teckenspråk*",
    "bildstöd*",
    "med bilder",
    "punktskrift",
    "stor stil",
    "förstorad text",
    "ljudfil*",
    "uppläst",
    "fick|fått beslutet muntligt|skriftligt|förklarat|uppläst|översatt|personligen",
    "översatt|översatts|översattes|översättning|översättningen",
    "på ditt|sitt|hennes|hans|hens modersmål|förstaspråk",
    "på ditt|sitt eget språk",
    // Help to understand or to appeal.
    "hjälp att förstå",
    "hjälpa dig att förstå|överklaga|skriva",
    "förklarar|förklara gärna",
    "gärna förklara",
    "hjälper dig gärna",
    "hjälper gärna",
    "få hjälp att|med överklaga|överklagandet|skriva",
    "få hjälp med att överklaga|skriva",
    "hjälp att överklaga",
    // A representative who was informed.
    "kopia till din|ditt|er|sin god|gode|ombud|förvaltare|företrädare",
    "kopia till god|gode man|mannen",
    "kopia till ombudet|förvaltaren|företrädaren",
    "skickats|skickas|skickat|skickade|skickades|lämnats till din|ditt|er|sin god|gode|ombud|förvaltare|företrädare",
    "god|gode man|mannen har fått|informerats|informerades",
    "ombud|ombudet|förvaltare|förvaltaren|företrädare|företrädaren har fått|informerats|informerades",
];

static DETAIL_CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(CONTACT_DETAILS));
static TELLING_CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(TELLING));
static CHANNEL_CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(CHANNELS));
static OWN_CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| Cue::list(SELF_CUES));

/// The sentences that say how the person is told about the decision or can
/// get help to understand it.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let words = Words::new(ctx);
    ctx.analysis
        .sentences
        .iter()
        .filter(|sentence| informs(&words, sentence.words.clone()))
        .map(|sentence| Hit::at(sentence.range.clone()))
        .collect()
}

/// Whether the sentence of words `s` informs about the decision.
fn informs(w: &Words, s: Range<usize>) -> bool {
    let kept = |&(start, end): &(usize, usize)| !negated(w, s.clone(), start, end);
    question_condition(w, s.clone()).iter().any(kept)
        || contact(w, s.clone()).iter().any(kept)
        || longest_matches(w, s.clone(), &DETAIL_CUES).iter().any(kept)
        || longest_matches(w, s.clone(), &OWN_CUES).iter().any(kept)
        || told(w, s.clone()).iter().any(kept)
}

/// Conditions about questions: from "om du" (or "vid", or an opening "Har
/// du") to the question word.
fn question_condition(w: &Words, s: Range<usize>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for q in s.clone() {
        if !QUESTIONS.contains(&w.lower[q]) || in_question_of(w, &s, q) {
            continue;
        }
        // "vid frågor", "vid eventuella frågor".
        let by_vid = (q.saturating_sub(2).max(s.start)..q).find(|&v| {
            w.lower[v] == "vid"
                && (v + 1 == q || matches!(w.lower[v + 1], "eventuella" | "fler" | "ytterligare"))
        });
        // "om du har frågor", "om något i beslutet är oklart".
        let by_if = (q.saturating_sub(8).max(s.start)..q).find(|&o| {
            matches!(w.lower[o], "om" | "ifall")
                && o + 1 < s.end
                && CONDITION_SUBJECTS.contains(&w.lower[o + 1])
        });
        // "Har du frågor?", "Är något oklart, ring mig".
        let by_question = (s.len() > 1
            && q > s.start
            && q - s.start <= 6
            && CONDITION_VERBS.contains(&w.lower[s.start])
            && CONDITION_SUBJECTS.contains(&w.lower[s.start + 1]))
        .then_some(s.start);
        if let Some(from) = by_vid.or(by_if).or(by_question) {
            found.push((from, q + 1));
        }
    }
    found
}

/// Whether the question word `q` is part of "i fråga om" (as regards).
fn in_question_of(w: &Words, s: &Range<usize>, q: usize) -> bool {
    w.lower[q] == "fråga" && q > s.start && w.lower[q - 1] == "i"
}

/// Invitations to make contact: a contact verb with whom to contact ("ring
/// mig", "hör av dig", "kontakta din handläggare").
fn contact(w: &Words, s: Range<usize>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for v in s.clone() {
        let verb = w.lower[v];
        if !CONTACT_VERBS.contains(&verb) {
            continue;
        }
        let reader = matches!(verb, "hör" | "höra" | "vänd" | "vända");
        let to_me_only = matches!(verb, "skriv" | "skriva" | "skicka" | "fråga");
        let addressee = (v + 1..(v + 5).min(s.end)).find(|&a| {
            let word = w.lower[a];
            if to_me_only {
                word == "mig"
            } else {
                ADDRESSEES.contains(&word)
                    || word.ends_with("handläggaren")
                    || (reader && matches!(word, "dig" | "er"))
            }
        });
        if let Some(a) = addressee {
            found.push((v, a + 1));
        }
    }
    found
}

/// Sentences that say the decision was told: a verb of telling with the
/// decision, with "muntligt", or with a channel; not when the person is the
/// one who told, nor for how the application came in.
fn told(w: &Words, s: Range<usize>) -> Vec<(usize, usize)> {
    let decision = s.clone().any(|i| {
        let word = w.lower[i];
        word.starts_with("beslut") || word == "besked"
    });
    let oral = s.clone().any(|i| w.lower[i].starts_with("muntlig"));
    let to_reader =
        |from: usize| (from..(from + 4).min(s.end)).any(|i| matches!(w.lower[i], "dig" | "er"));
    let channel =
        any_match(w, s.clone(), &CHANNEL_CUES) && !s.clone().any(|i| ARRIVAL.contains(&w.lower[i]));
    let mut found = Vec::new();
    for (start, end) in longest_matches(w, s.clone(), &TELLING_CUES) {
        let verb = w.lower[start];
        if told_by_reader(w, &s, start) && !matches!(verb, "fick" | "fått") {
            continue;
        }
        // "från den dag du fick veta om beslutet": the appeal period.
        if (start.saturating_sub(3).max(s.start)..start).any(|i| w.lower[i].starts_with("dag")) {
            continue;
        }
        let counts = if verb.starts_with("meddela") {
            // "Beslutet meddelades den 5 maj" is when it was made.
            oral || to_reader(end)
        } else {
            decision || oral || channel || to_reader(end)
        };
        if counts {
            found.push((start, end));
        }
    }
    if oral && decision {
        if let Some(m) = s.clone().find(|&i| w.lower[i].starts_with("muntlig")) {
            found.push((m, m + 1));
        }
    }
    found
}

/// Whether the verb at `v` has the reader as its subject ("du har
/// berättat", "berättade du").
fn told_by_reader(w: &Words, s: &Range<usize>, v: usize) -> bool {
    let mut j = v;
    while j > s.start
        && matches!(
            w.lower[j - 1],
            "har" | "hade" | "kan" | "kunde" | "ska" | "skulle" | "också" | "själv" | "redan"
        )
    {
        j -= 1;
    }
    let before = j > s.start && matches!(w.lower[j - 1], "du" | "ni");
    let after = v + 1 < s.end && matches!(w.lower[v + 1], "du" | "ni");
    before || after
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    fn found(text: &str) -> bool {
        !hits("beslutsinformation", None, text).is_empty()
    }

    #[test]
    fn ways_to_understand_the_decision_count() {
        let met = [
            "Ring gärna om något i beslutet är oklart.",
            "Hör av dig till mig om du har frågor om beslutet.",
            "Beslutet har förklarats för dig muntligt.",
            "Jag gick igenom beslutet med dig med hjälp av tolk.",
            "Om du har frågor är du välkommen att kontakta mig.",
            "Vid frågor kan du vända dig till din handläggare.",
            "Har du frågor?",
            "Du når mig på telefon 0123-456 78 måndag till fredag.",
            "Jag berättade om beslutet för dig i telefon den 3 mars 2025.",
            "När vi träffades den 5 maj berättade jag att du får hemtjänst.",
            "Du har fått ett muntligt besked den 2 juni.",
            "Beslutet finns också på lättläst svenska.",
            "Är något oklart kan du ringa kommunens kontaktcenter.",
            "Jag förklarar gärna mer om du vill.",
            "Om du inte förstår beslutet kan du ringa mig.",
            "Du kan få hjälp att överklaga av mig.",
            "En kopia av beslutet har skickats till din gode man.",
            "Mitt direktnummer är 0470-55 21 30.",
        ];
        for text in met {
            assert!(found(text), "should count: {text}");
        }
    }

    #[test]
    fn other_sentences_do_not_count() {
        let not_met = [
            "Din ansökan inkom per telefon den 3 mars 2025.",
            "Ansökan inkom per telefon och beslut fattades den 10 mars.",
            "Du får hemtjänst två gånger i veckan.",
            "Ansökan avslås.",
            "Du har berättat att du vill bo kvar, och det har varit viktigt för beslutet.",
            "Beslutet meddelades den 5 maj 2025.",
            "Skriv till oss och berätta vad du vill ändra och varför.",
            "Överklagandet ska ha kommit in inom tre veckor från den dag du fick del av beslutet.",
            "Vi måste få ditt brev inom tre veckor från den dag du fick beslutet.",
            "Räkna tre veckor från dagen då du fick veta om beslutet.",
            "Tolk har inte använts.",
            "Beslutet har inte förklarats för dig.",
            "Vi ringer dig i november och frågar hur hjälpen fungerar.",
            "Kontakta hemtjänsten om du vill ändra tiden.",
            "Du ställde frågor om avgiften vid hembesöket.",
            "Nämnden har prövat frågan om bistånd vid sitt sammanträde.",
            "Du har informerat oss om att du flyttar i maj.",
        ];
        for text in not_met {
            assert!(!found(text), "should not count: {text}");
        }
    }
}
