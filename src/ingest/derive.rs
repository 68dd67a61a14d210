//! Metadata read from the text when no header field, front matter or manifest
//! gives it: a decision's outcome (`utfall`), whether a child is affected
//! (`barn`), and the application and decision dates. Derived values never
//! replace given ones.

use std::ops::Range;
use std::sync::LazyLock;

use super::{Kind, Metadata};
use crate::criteria::word_regex::CapturingRegex;
use crate::language::{Sentence, Word, dates, segment};

/// Fills in what the text tells and the metadata lacks.
pub fn fill(metadata: &mut Metadata, kind: Option<Kind>, text: &str, paragraphs: &[Range<usize>]) {
    let wants_utfall = kind == Some(Kind::Beslut) && metadata.get("utfall").is_none();
    let wants_dates = metadata.get("ansokningsdatum").is_none()
        || kind == Some(Kind::Beslut) && metadata.get("beslutsdatum").is_none();
    // Sentences are needed only when something is missing.
    let (words, sentences) = if wants_utfall || wants_dates {
        segment(text, paragraphs.iter().cloned())
    } else {
        (Vec::new(), Vec::new())
    };
    let sentences = Sentences {
        text,
        words: &words,
        sentences: &sentences,
    };
    if wants_utfall {
        // A decision whose outcome cannot be read is `okant`, which criteria
        // for decisions against the person treat as one (fail safe).
        let mut read: Vec<(Vec<String>, &str)> = decision_fields(text);
        read.extend(
            sentences
                .sentences
                .iter()
                .map(|s| (sentences.lower_words(s), &text[s.range.clone()])),
        );
        metadata.insert("utfall", super::outcome::read(&read).name());
    }
    if metadata.get("barn").is_none() && about_a_child(text, paragraphs) {
        metadata.insert("barn", "ja");
    }
    if metadata.get("ansokningsdatum").is_none() {
        if let Some(date) = sentences.date_near(&["ansök", "ansökan", "ansökte", "inkom", "ansökt"])
        {
            metadata.insert("ansokningsdatum", &date);
        }
    }
    if kind == Some(Kind::Beslut) && metadata.get("beslutsdatum").is_none() {
        let date = metadata
            .get("datum")
            .map(str::to_string)
            .or_else(|| sentences.date_near(&["beslut", "beslutet", "beslutades", "fattades"]));
        if let Some(date) = date {
            metadata.insert("beslutsdatum", &date);
        }
    }
    if metadata.get("socialtjanstlag").is_none() {
        if let Some(act) = social_services_act(metadata) {
            metadata.insert("socialtjanstlag", act);
        }
    }
}

/// The day SoL (2025:400) replaced SoL (2001:453): 1 July 2025 (prop.
/// 2024/25:89, <https://lagen.nu/prop/2024/25:89>; the act's number in prop.
/// 2025/26:12, <http://data.riksdagen.se/dokument/HD0312.html>).
pub const NEW_SOL_FROM: &str = "2025-07-01";

/// Which socialtjänstlag was in force on the document's date (beslutsdatum,
/// else datum): `ny` (2025:400) or `gammal` (2001:453); none without a date.
fn social_services_act(metadata: &Metadata) -> Option<&'static str> {
    let date = metadata
        .get("beslutsdatum")
        .or_else(|| metadata.get("datum"))?;
    let iso = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
    iso.then(|| if date >= NEW_SOL_FROM { "ny" } else { "gammal" })
}

struct Sentences<'a> {
    text: &'a str,
    words: &'a [Word],
    sentences: &'a [Sentence],
}

impl Sentences<'_> {
    fn lower_words(&self, s: &Sentence) -> Vec<String> {
        self.words[s.words.clone()]
            .iter()
            .map(|w| self.text[w.range.clone()].to_lowercase())
            .collect()
    }

    /// The first full date (ISO) in a sentence that has a word starting with
    /// one of `cues`.
    fn date_near(&self, cues: &[&str]) -> Option<String> {
        self.sentences.iter().find_map(|s| {
            let words = self.lower_words(s);
            if !words.iter().any(|w| cues.iter().any(|c| w.starts_with(c))) {
                return None;
            }
            dates::find(&self.text[s.range.clone()])
                .into_iter()
                .find_map(|d| d.date)
                .map(|d| d.to_string())
        })
    }
}

/// "Beslut: Bifall", "Beslut: Avslag" in a table of insatser.
static DECISION_FIELD: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?im)\bbeslut(?:et)?\s*:\s*(delvis\s+bifall|bifall|avslag|beviljas|beviljat|avslås|avslaget)(?:\s*$|\s*[.;,]|\s+\p{Lu})",
    )
});

/// The outcomes a decision states in fields ("Beslut: Bifall"), each as the
/// words of a sentence that decides the same.
fn decision_fields(text: &str) -> Vec<(Vec<String>, &'static str)> {
    DECISION_FIELD
        .captures_iter(text)
        .filter_map(|(_, c)| {
            let value = c.get(1)?.as_str().to_lowercase();
            let words: &[&str] = if value.starts_with("delvis") {
                &["delvis", "beviljas"]
            } else if value.starts_with("bifall") || value.starts_with("bevilja") {
                &["beviljas"]
            } else {
                &["avslås"]
            };
            Some((words.iter().map(|w| w.to_string()).collect(), ""))
        })
        .collect()
}

static CHILD: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?i)(?:\bär\s+(\d{1,2})\s+år|\b(\d{1,2})\s+år\s+gammal|,\s*(\d{1,2})\s+år\b|\b(\d{1,2})-årig[aet]?|\bbarnet|\bbarnets|\bvårdnadshavare|\bvårdnadshavaren|\bvårdnadshavarna|\bBBIC)\b",
    )
});

/// Whether the running text is about a person under 18: an age under 18, or
/// words used about children ("barnet", "vårdnadshavare").
fn about_a_child(text: &str, paragraphs: &[Range<usize>]) -> bool {
    paragraphs.iter().any(|p| {
        CHILD.captures_iter(&text[p.clone()]).any(|(_, c)| {
            match c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4)) {
                Some(age) => age.as_str().parse::<u32>().is_ok_and(|a| a < 18),
                None => true,
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::Document;
    use super::*;

    fn metadata(text: &str) -> Metadata {
        Document::from_text("t.txt", text.to_string(), &Metadata::default()).metadata
    }

    #[test]
    fn utfall_is_read_from_the_decision_when_metadata_lacks_it() {
        let read = |text: &str| metadata(text).get("utfall").map(str::to_string);
        assert_eq!(
            read("Beslut\nDu beviljas hemtjänst.\n").as_deref(),
            Some("bifall")
        );
        assert_eq!(
            read("Beslut\nDin ansökan om ledsagning avslås.\n").as_deref(),
            Some("avslag")
        );
        assert_eq!(
            read("Beslut\nDu beviljas delvis hemtjänst.\n").as_deref(),
            Some("delvis_bifall")
        );
        assert_eq!(
            read("Beslut\nDu beviljas städning. Din ansökan om tvätt avslås.\n").as_deref(),
            Some("delvis_bifall")
        );
        assert_eq!(
            read("Beslut\nVi har tagit emot din ansökan.\n").as_deref(),
            Some("okant")
        );
        assert_eq!(
            read("Beslut\nAlva, du får vara på korttidshemmet två helger i månaden.\n").as_deref(),
            Some("bifall")
        );
        assert_eq!(
            read("Beslut\nDu får inte ledsagning.\n").as_deref(),
            Some("avslag")
        );
        // An utredning gets no utfall from its text.
        assert_eq!(read("Utredning\nHemtjänst beviljas troligen.\n"), None);
        // Given metadata wins.
        assert_eq!(
            read("---\ntyp: beslut\nutfall: avslag\n---\nDu beviljas hemtjänst.\n").as_deref(),
            Some("avslag")
        );
    }

    #[test]
    fn decisions_in_a_table_of_insatser_give_the_outcome() {
        let read = |text: &str| metadata(text).get("utfall").map(str::to_string);
        let table = "Beslut om hemtjänst\n\nInsats: Städning Omfattning: varannan vecka Beslut: Bifall\nInsats: Tvätt Omfattning: en gång i veckan Beslut: Avslag\n";
        assert_eq!(read(table).as_deref(), Some("delvis_bifall"));
        let all = "Beslut om hemtjänst\n\nInsats: Inköp\nBeslut: Bifall\n";
        assert_eq!(read(all).as_deref(), Some("bifall"));
        // "Beslut: att bevilja …" is a sentence, read as one.
        let minutes = "Protokoll\n\nBeslut: att avslå ansökan om ledsagning.\n";
        assert_eq!(read(minutes).as_deref(), Some("avslag"));
    }

    #[test]
    fn a_child_is_found_by_age_or_words() {
        assert_eq!(
            metadata("Utredning\nElsa är 9 år och går i trean.\n").get("barn"),
            Some("ja")
        );
        assert_eq!(
            metadata("Utredning\nVårdnadshavarna ansöker om avlösarservice.\n").get("barn"),
            Some("ja")
        );
        assert_eq!(
            metadata("Utredning\nElias är 19 år. Hon har två vuxna barn.\n").get("barn"),
            None
        );
        assert_eq!(
            metadata("---\nbarn: nej\n---\nUtredning\nElsa är 9 år.\n").get("barn"),
            Some("nej")
        );
    }

    #[test]
    fn the_act_in_force_follows_the_decision_date() {
        let act = |front: &str| {
            metadata(&format!("---\n{front}\n---\nBeslut\n\nText.\n"))
                .get("socialtjanstlag")
                .map(str::to_string)
        };
        assert_eq!(act("beslutsdatum: 2026-01-10").as_deref(), Some("ny"));
        assert_eq!(act("beslutsdatum: 2025-07-01").as_deref(), Some("ny"));
        assert_eq!(act("beslutsdatum: 2025-06-30").as_deref(), Some("gammal"));
        assert_eq!(
            act("typ: utredning\ndatum: 2025-03-01").as_deref(),
            Some("gammal")
        );
        assert_eq!(act("typ: utredning").as_deref(), None);
    }

    #[test]
    fn dates_are_read_from_sentences_about_them() {
        let m = metadata(
            "Beslut\nDin ansökan kom in den 3 februari 2026. Beslutet fattades 14/3 2026.\n",
        );
        assert_eq!(m.get("ansokningsdatum"), Some("2026-02-03"));
        assert_eq!(m.get("beslutsdatum"), Some("2026-03-14"));
        let m = metadata("Beslut\nDatum: 2026-04-01\n\nDu ansökte i mars.\n");
        assert_eq!(m.get("beslutsdatum"), Some("2026-04-01"));
        assert_eq!(m.get("ansokningsdatum"), None);
    }
}
