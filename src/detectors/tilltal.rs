//! `tilltal`: a decision that refers to its recipient in the third person
//! ("sökanden", "den enskilde", "brukaren", "klienten") instead of "du". When
//! the text never says du/dig/din, "han", "hon" and "hen" are taken to refer
//! to the recipient too. Each such reference is a hit.

use crate::criteria::{Context, Hit};

/// Third-person words for the recipient (lower case).
fn third_person(word: &str) -> bool {
    matches!(
        word,
        "sökanden"
            | "sökande"
            | "sökandens"
            | "brukaren"
            | "brukarens"
            | "klienten"
            | "klientens"
            | "vårdtagaren"
            | "vårdtagarens"
            | "kunden"
            | "kundens"
    )
}

/// Words that make "den …" a third-person reference ("den enskilde").
fn after_den(word: &str) -> bool {
    matches!(word, "sökande" | "enskilde" | "enskilda" | "enskildes")
}

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
        let two_words = lower[i] == "den" && lower.get(i + 1).is_some_and(|next| after_den(next));
        if two_words {
            hits.push(Hit::at(words[i].range.start..words[i + 1].range.end));
            i += 2;
            continue;
        }
        if third_person(lower[i]) || !addresses_du && PRONOUNS.contains(&lower[i]) {
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
