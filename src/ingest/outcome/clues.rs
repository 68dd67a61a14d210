//! Clues in a sentence around the words that decide: whether another
//! authority decides, whether what ends is no help, a negation near a word,
//! a decision put off, "ingen" for what is refused.

use super::words::*;

/// What may end without being help: a lease, a job, supervision, a
/// pension, an investigation.
pub(super) const ENDS_NO_HELP: &[&str] = &[
    "kontrakt",
    "andrahandskontrakt",
    "hyresavtal",
    "avtal",
    "anställning",
    "övervakning",
    "sjukskrivning",
    "praktik",
    // Money from elsewhere and investigations end without being help.
    "pension",
    "sjukersättning",
    "aktivitetsersättning",
    "lön",
    "utredning",
    "lvm-utredning",
    "lvu-utredning",
    "anmälan",
];

/// Whether a word names an authority other than the one deciding:
/// "Försäkringskassan", "förvaltningsrätten", "Arbetsförmedlingen".
pub(super) fn another_authority(word: &str) -> bool {
    [
        "försäkringskass",
        "arbetsförmedling",
        "migrationsverk",
        "förvaltningsrätt",
        "kammarrätt",
        "domstol",
        "pensionsmyndighet",
        "frivård",
        "kriminalvård",
        "csn",
    ]
    .iter()
    .any(|a| word.starts_with(a))
}

/// Whether the words after "utgår" make it a removal: the end of the
/// sentence or a date from which, not a basis ("från") or a payment ("med").
pub(super) fn removed(after: &[String]) -> bool {
    match after.first().map(String::as_str) {
        None => true,
        Some("från") => after.get(1).is_some_and(|w| w == "och"),
        Some(w) => matches!(
            w,
            "helt" | "ur" | "fr.o.m" | "fr" | "fom" | "den" | "per" | "därmed"
        ),
    }
}

/// Whether a negation stands among the three words before `i`: "kan därför
/// inte få".
pub(super) fn negated_near(words: &[String], i: usize) -> bool {
    words[i.saturating_sub(3)..i]
        .iter()
        .any(|w| NEGATIONS.contains(&w.as_str()))
}

/// Whether a sentence says the matter is not decided yet: "Omprövningen är
/// inte avgjord", "Ärendet bordläggs", "återremitteras".
pub(super) fn postponed(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "bordläggs"
                | "bordlägga"
                | "bordlägger"
                | "bordlades"
                | "bordlagt"
                | "bordlagd"
                | "återremitteras"
                | "återremitterades"
        ) || (matches!(w.as_str(), "avgjord" | "avgjort" | "avgjorts") && negated_near(words, i))
    })
}

/// Whether the words after "blir" say that nothing is given: "(det) ingen
/// utökning", "inte någon korttidsvistelse"; not "ingen avgift".
pub(super) fn refused_as_none(after: &[String]) -> bool {
    let mut rest = after.iter().map(String::as_str).skip_while(|w| *w == "det");
    let none = match rest.next() {
        Some("ingen" | "inget" | "inga") => true,
        Some("inte") => rest
            .next()
            .is_some_and(|w| matches!(w, "någon" | "något" | "några")),
        _ => false,
    };
    none && rest.next().is_some_and(|thing| {
        !(thing.starts_with("avgift")
            || thing.starts_with("kostnad")
            || thing.contains("skillnad")
            || thing.contains("ändring")
            || thing.starts_with("väntetid"))
    })
}

/// Whether a sentence tells that the person moves away from the
/// municipality ("inte längre bor i Myrlunda kommun", "flyttar till en annan
/// kommun"): what ends then ends, whatever the new municipality grants.
pub(super) fn moves_away(words: &[String]) -> bool {
    let no_longer_lives = words.windows(3).any(|w| {
        w[0] == "längre" && matches!(w[1].as_str(), "bor" | "är") && w[2] == "folkbokförd"
    }) || words.windows(2).any(|w| w[0] == "längre" && w[1] == "bor");
    let to_another = words.windows(3).any(|w| {
        w[0].starts_with("flytt")
            && (w[1] == "från" || (w[1] == "till" && (w[2] == "en" || w[2] == "annan")))
            && words
                .iter()
                .any(|k| k.starts_with("kommun") || k.ends_with("kommun"))
    });
    no_longer_lives || to_another
}

/// Whether a sentence says that what was decided stands in an attachment
/// ("Vårt beslut om omfattning och tider finns i bilaga 1"): a grant read
/// from the letter may not be all of it. Not the appeal information or the
/// fee, which often come as attachments.
pub(super) fn decided_in_attachment(words: &[String]) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    has(&[
        "bilaga",
        "bilagan",
        "bilagorna",
        "bifogade",
        "beslutsöversikten",
        "beslutsbilagan",
    ]) && has(&["beslut", "beslutet", "bestämt", "beslutat", "fram"])
        && has(&["finns", "står", "framgår"])
        // "Skälen för beslutet framgår av bilagan nedan": the reasons, and
        // an attachment the letter holds.
        && !words.iter().any(|w| {
            ["överklag", "avgift", "besvär", "skäl", "motiver", "nedan"]
                .iter()
                .any(|s| w.starts_with(s))
        })
}

/// Whether a sentence proposes ("Socialsekreteraren föreslår att …") without
/// adopting the proposal ("… och finner att nämnden bifaller förslaget").
pub(super) fn proposal(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| matches!(w.as_str(), "föreslår" | "föreslog" | "föreslagit"))
        && !words.iter().any(|w| w == "finner" || w == "förslaget")
}
