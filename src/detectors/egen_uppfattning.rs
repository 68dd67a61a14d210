//! `egen_uppfattning`: statements attributed to the person themself.
//!
//! A sentence counts when a verb of saying, wishing or experiencing
//! (berättar, säger, önskar, vill, upplever …) has the person as its subject — a
//! personal pronoun (han, hon, hen, du, jag) or a name — either before the verb
//! ("Karin berättar", "Du har sagt") or right after it ("Vid besöket berättar
//! Karin"), or when the text says "enligt Karin själv" or "med egna ord".
//!
//! It does not count when the subject is someone else (a relative, staff, a
//! doctor, a school), when someone else is quoted earlier in the sentence
//! ("Dottern berättar att hon vill …", "Enligt modern vill han …"), or when the
//! verb is negated in front ("har inte kunnat uttrycka").

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::criteria::{Context, Hit};

/// Verbs that report a view, wish or experience.
const VERB_LIST: &[&str] = &[
    "berättar",
    "berättade",
    "berättat",
    "säger",
    "sa",
    "sade",
    "sagt",
    "uppger",
    "uppgav",
    "uppgett",
    "uppgivit",
    "önskar",
    "önskade",
    "önskat",
    "vill",
    "ville",
    "velat",
    "tycker",
    "tyckte",
    "tyckt",
    "upplever",
    "upplevde",
    "upplevt",
    "beskriver",
    "beskrev",
    "beskrivit",
    "framför",
    "framförde",
    "framfört",
    "anser",
    "ansåg",
    "ansett",
    "uttrycker",
    "uttryckte",
    "uttryckt",
    "menar",
    "menade",
    "känner",
    "kände",
    "önskemål",
    "uppfattar",
    "uppfattade",
    "föredrar",
    "föredrog",
    "vill",
    "hoppas",
    "trivs",
    "längtar",
    "längtade",
    "ber",
    "bad",
    "efterfrågar",
    "efterfrågade",
];

/// Pronouns that can refer to the person.
const PRONOUNS: &[&str] = &["han", "hon", "hen", "du", "jag"];

/// Words that name someone other than the person: relatives, staff, agencies.
const OTHER_LIST: &[&str] = &[
    "modern",
    "mamma",
    "mamman",
    "fadern",
    "pappa",
    "pappan",
    "föräldrarna",
    "föräldern",
    "dottern",
    "sonen",
    "barnen",
    "maken",
    "makan",
    "hustrun",
    "frun",
    "mannen",
    "sambon",
    "systern",
    "brodern",
    "brorsan",
    "syskonen",
    "anhöriga",
    "anhörig",
    "närstående",
    "grannen",
    "personalen",
    "personal",
    "läkaren",
    "läkare",
    "sjuksköterskan",
    "distriktssköterskan",
    "arbetsterapeuten",
    "fysioterapeuten",
    "sjukgymnasten",
    "kuratorn",
    "skolan",
    "läraren",
    "mentorn",
    "förskolan",
    "gode",
    "god",
    "förvaltaren",
    "företrädaren",
    "ombudet",
    "handläggaren",
    "hemtjänsten",
    "hemsjukvården",
    "kontaktpersonen",
    "boendet",
    "vården",
    "kommunen",
    "nämnden",
    "assistenten",
    "assistenterna",
    "vårdnadshavaren",
    "vårdnadshavarna",
    "socialsekreteraren",
    "enhetschefen",
    "dotter",
    "son",
];

/// Words that, right before the verb, negate it or make it about inability.
/// The long lists as sets: they are looked up for every word.
static VERBS: LazyLock<HashSet<&str>> = LazyLock::new(|| VERB_LIST.iter().copied().collect());
static OTHERS: LazyLock<HashSet<&str>> = LazyLock::new(|| OTHER_LIST.iter().copied().collect());

const NEGATIONS: &[&str] = &["inte", "ej", "aldrig", "kunnat", "förmått", "orkat"];

/// Auxiliaries between subject and verb ("Du har sagt").
const AUXILIARIES: &[&str] = &[
    "har", "hade", "kan", "kunde", "ska", "skulle", "vill", "brukar", "själv", "också", "även",
    "tydligt",
];

/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "vid", "enligt", "det", "då", "när", "under", "efter", "i", "på", "som", "men", "och", "hon",
    "han", "hen", "du", "jag", "vi", "de", "den", "detta", "därför", "nu", "idag", "även", "också",
];

/// The sentences that record the person's own view.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let text = &ctx.doc.text;
    let analysis = ctx.analysis;
    let mut hits = Vec::new();
    for sentence in &analysis.sentences {
        let words: Vec<&str> = analysis.words[sentence.words.clone()]
            .iter()
            .map(|w| &text[w.range.clone()])
            .collect();
        let lower = analysis.lower_words(sentence.words.clone());
        if records_own_view(&words, &lower) {
            hits.push(Hit::at(sentence.range.clone()));
        }
    }
    hits
}

fn records_own_view(words: &[&str], lower: &[&str]) -> bool {
    // "med egna ord", "enligt Karin själv", "enligt henne själv".
    for i in 0..lower.len() {
        if lower[i] == "egna" && lower.get(i + 1).is_some_and(|w| *w == "ord") {
            return true;
        }
        if lower[i] == "enligt"
            && lower.get(i + 2).is_some_and(|w| *w == "själv")
            && words.get(i + 1).is_some_and(|w| {
                is_person(w, lower[i + 1]) || matches!(lower[i + 1], "henne" | "honom" | "dig")
            })
        {
            return true;
        }
    }
    for (k, verb) in lower.iter().enumerate() {
        if !VERBS.contains(verb) {
            continue;
        }
        // Someone else spoke earlier in the sentence: reported speech.
        if lower[..k].iter().any(|w| OTHERS.contains(*w)) {
            return false;
        }
        if lower[k.saturating_sub(5)..k]
            .iter()
            .any(|w| NEGATIONS.contains(w))
        {
            continue;
        }
        // Subject before the verb, possibly with auxiliaries between.
        let mut j = k;
        while j > 0 && AUXILIARIES.contains(&lower[j - 1]) && k - j < 2 {
            j -= 1;
        }
        if j > 0 && is_person(words[j - 1], lower[j - 1]) {
            return true;
        }
        // Inverted order: "Vid besöket berättar Karin".
        if k > 0 && words.get(k + 1).is_some_and(|w| is_person(w, lower[k + 1])) {
            return true;
        }
    }
    false
}

/// Whether a word can name the person: a pronoun, or a capitalised word that is
/// neither a common sentence opener nor someone else.
fn is_person(word: &str, lower: &str) -> bool {
    if PRONOUNS.contains(&lower) {
        return true;
    }
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !NOT_NAMES.contains(&lower)
        && !OTHERS.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    fn found(text: &str) -> bool {
        !hits("egen_uppfattning", None, text).is_empty()
    }

    #[test]
    fn own_statements_count() {
        assert!(found("Karin berättar att hon vill bo kvar hemma."));
        assert!(found("Hon önskar hjälp med duschen på morgonen."));
        assert!(found("Enligt Karin själv går det bra med maten."));
        assert!(found("Du har sagt att du vill ha hjälp på förmiddagen."));
        assert!(found("Vid hembesöket berättade Ahmed om sina dagar."));
        assert!(found("Han beskriver med egna ord hur dagen ser ut."));
    }

    #[test]
    fn others_views_do_not_count() {
        assert!(!found("Dottern berättar att hon vill att mamman flyttar."));
        assert!(!found(
            "Modern berättar att Elias gärna vill arbeta med djur."
        ));
        assert!(!found("Enligt skolan vill han ha mer stöd."));
        assert!(!found("Läkaren uppger att hon har svårt att gå."));
        assert!(!found("Personalen säger att han trivs."));
    }

    #[test]
    fn negated_statements_do_not_count() {
        assert!(!found("Hon har inte kunnat uttrycka vad hon vill."));
    }
}
