//! `tilltal`: a decision that refers to its recipient in the third person
//! ("sökanden", "den enskilde", "brukaren", "klienten") instead of "du". When
//! the text never says du/dig/din, "han", "hon" and "hen" are taken to refer
//! to the recipient too. Each such reference is a hit.

use crate::criteria::{Context, Hit};

/// Third-person words for the recipient (lower case, as one or two words).
const THIRD_PERSON: &[&str] = &[
    "sökanden",
    "sökande",
    "den sökande",
    "den enskilde",
    "den enskilda",
    "brukaren",
    "brukarens",
    "klienten",
    "klientens",
    "vårdtagaren",
    "vårdtagarens",
    "kunden",
    "kundens",
    "sökandens",
    "den enskildes",
];

const DU: &[&str] = &["du", "dig", "din", "ditt", "dina"];

const PRONOUNS: &[&str] = &["han", "hon", "hen"];

/// Every third-person reference to the recipient.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let words = &ctx.analysis.words;
    let lower = ctx.analysis.lower_words(0..words.len());
    let addresses_du = lower.iter().any(|w| DU.contains(w));
    let mut hits = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let two = lower.get(i + 1).map(|next| format!("{} {next}", lower[i]));
        if let Some(two) = two.filter(|t| THIRD_PERSON.contains(&t.as_str())) {
            let _ = two;
            hits.push(Hit::at(words[i].range.start..words[i + 1].range.end));
            i += 2;
            continue;
        }
        if THIRD_PERSON.contains(&lower[i]) || !addresses_du && PRONOUNS.contains(&lower[i]) {
            hits.push(Hit::at(words[i].range.clone()));
        }
        i += 1;
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn third_person_is_found() {
        assert_eq!(
            hits(
                "tilltal",
                None,
                "Sökanden beviljas hemtjänst. Den enskilde har rätt till stöd."
            ),
            ["Sökanden", "Den enskilde"]
        );
        assert_eq!(
            hits("tilltal", None, "Karin beviljas hemtjänst. Hon får hjälp."),
            ["Hon"]
        );
    }

    #[test]
    fn du_with_others_in_third_person_is_fine() {
        assert!(
            hits(
                "tilltal",
                None,
                "Du får hemtjänst. Din dotter sa att hon kan hjälpa till."
            )
            .is_empty()
        );
    }
}
