//! `overklagande`: what a decision that goes against the person lacks of the
//! appeal information (33 § and 43–44 §§ förvaltningslagen (2017:900)): that
//! it can be appealed, to förvaltningsrätten, within three weeks from the day
//! the person learnt of the decision, and that the appeal is sent to the
//! authority that decided (the nämnd, "till oss"), not to the court. Each
//! missing part is its own hit with its own message, placed at the appeal
//! paragraph (or the end of the text when there is none).
//!
//! A decision whose outcome could not be read (`utfall: okant`) is treated as
//! one that goes against the person; an `info` hit says so, so the reviewer
//! knows why the appeal information was asked for.

use std::sync::LazyLock;

use crate::criteria::{Context, Hit};
use crate::finding::Severity;
use crate::language::word_regex::WordRegex;

fn regex(pattern: &str) -> WordRegex {
    WordRegex::new(pattern).expect("the appeal patterns are valid")
}

static APPEAL: LazyLock<WordRegex> = LazyLock::new(|| regex(r"(?i)\böverklag\w*"));
static COURT: LazyLock<WordRegex> = LazyLock::new(|| regex(r"(?i)\bförvaltningsrätt\w*"));
static THREE_WEEKS: LazyLock<WordRegex> =
    LazyLock::new(|| regex(r"(?i)\b(tre|3)\s+veckor\b|\b21\s+dagar\b"));
/// Where the appeal is sent: to the authority that decided.
static TO_US: LazyLock<WordRegex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \b(skick\w*|skriv\w*|vänd\w*|lämna\w*|sänd\w*|ge[rs]?\s+in|inkomm\w*|komma?\s+in|kommit\s+in|adresser\w*|ställ\w*)\b
        [^.!?]{0,80}?
        \btill\s+(?:[\w-]+\s+){0,3}?(oss|mig|\w*nämnden|socialtjänsten|\w*förvaltningen|kommunen|myndigheten|\w+\s+kommun)\b
        | \b(till\s+(oss|nämnden|\w*nämnden|socialtjänsten|\w*förvaltningen))\b[^.!?]{0,60}?\b(inom|senast)\b
        ",
    )
});
/// "skickas till förvaltningsrätten": the wrong address.
static TO_COURT: LazyLock<WordRegex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(skick\w*|lämna\w*|sänd\w*|ge[rs]?\s+in)\b[^.!?]{0,40}?\b(direkt\s+)?till\s+förvaltningsrätt\w*",
    )
});

/// One part of the appeal information: what it is about, and whether the text
/// has it.
struct Part {
    present: bool,
    message: &'static str,
    suggestion: &'static str,
}

/// The parts of the appeal information the text lacks, each a hit.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let body = ctx.doc.body();
    let base = ctx.doc.body_start;
    let found = |re: &WordRegex| re.is_match(body);
    // Where the appeal paragraph is, to point at it.
    let appeal = APPEAL.find_iter(body).into_iter().next();
    // The appeal paragraph's first sentence, else the last sentence.
    let sentences = &ctx.analysis.sentences;
    let place = appeal
        .as_ref()
        .and_then(|m| ctx.analysis.sentence_at(base + m.start))
        .or_else(|| sentences.len().checked_sub(1))
        .map_or(base..base, |i| sentences[i].range.clone());
    let wrong_address = found(&TO_COURT) && !found(&TO_US);
    let parts = [
        Part {
            present: appeal.is_some(),
            message: "Beslutet säger inte att det kan överklagas.",
            suggestion: "Du kan överklaga beslutet om du inte är nöjd med det.",
        },
        Part {
            present: found(&COURT),
            message: "Beslutet säger inte att det överklagas till förvaltningsrätten.",
            suggestion: "Förvaltningsrätten prövar ditt överklagande.",
        },
        Part {
            present: found(&THREE_WEEKS),
            message: "Beslutet säger inte att överklagandet ska komma in inom tre veckor från den dag personen fick del av beslutet.",
            suggestion: "Ditt överklagande ska ha kommit in till oss inom tre veckor från den dag du fick del av beslutet.",
        },
        Part {
            present: found(&TO_US) && !wrong_address,
            message: if wrong_address {
                "Beslutet säger att överklagandet ska skickas till förvaltningsrätten; det ska skickas till nämnden, som sedan skickar det vidare."
            } else {
                "Beslutet säger inte att överklagandet ska skickas till nämnden (inte till domstolen)."
            },
            suggestion: "Skicka ditt överklagande till oss på socialnämnden. Vi skickar det vidare till förvaltningsrätten.",
        },
    ];
    let mut hits: Vec<Hit> = parts
        .into_iter()
        .filter(|p| !p.present)
        .map(|p| Hit {
            message: Some(p.message.to_string()),
            suggestion: Some(p.suggestion.to_string()),
            ..Hit::at(place.clone())
        })
        .collect();
    if ctx.doc.metadata.get("utfall") == Some("okant") {
        hits.push(Hit {
            severity: Some(Severity::Info),
            message: Some(
                "Utfallet gick inte att läsa ut av beslutet; det granskas därför som ett beslut som går personen emot, och informationen om hur man överklagar krävs."
                    .to_string(),
            ),
            ..Hit::at(place)
        });
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    /// A decision against the person, so that only the appeal parts are hits.
    fn denial(text: &str) -> String {
        format!("---\ntyp: beslut\nutfall: avslag\n---\n{text}")
    }

    const COMPLETE: &str = "Du kan överklaga beslutet till förvaltningsrätten. Skicka ditt överklagande till oss på socialnämnden. Det ska ha kommit in inom tre veckor från den dag du fick del av beslutet.";

    #[test]
    fn complete_appeal_information_has_no_hits() {
        for text in [
            COMPLETE,
            "Beslutet kan överklagas hos Förvaltningsrätten i Luleå. Överklagandet ska ges in till socialnämnden inom tre veckor från den dag klaganden fick del av beslutet.",
            "Om du vill överklaga ska du skriva till Vård- och omsorgsnämnden inom 3 veckor. Nämnden skickar det vidare till förvaltningsrätten.",
        ] {
            assert!(
                hits("overklagande", None, &denial(text)).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn each_missing_part_is_a_hit_of_its_own() {
        let text = "Beslut\n\nDin ansökan avslås. Beslutet kan överklagas.";
        assert_eq!(hits("overklagande", None, text).len(), 3);
        let text = "Din ansökan avslås. Du kan överklaga till förvaltningsrätten inom tre veckor.";
        assert_eq!(hits("overklagande", None, text).len(), 1, "no address");
        let text = "Din ansökan avslås. Du kan överklaga beslutet. Skicka överklagandet direkt till förvaltningsrätten inom tre veckor.";
        assert_eq!(hits("overklagande", None, text).len(), 1, "wrong address");
        assert_eq!(
            hits("overklagande", None, "Du får inte ledsagning.").len(),
            4
        );
    }
}
