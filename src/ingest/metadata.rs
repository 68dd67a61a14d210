//! Document metadata: front matter, header fields and manifest rows.

use super::vocabulary::{Lag, yes_no};
use std::collections::BTreeMap;

use serde::Serialize;

/// Metadata of a document: keys in lower case without å/ä/ö, values as written
/// (known keys normalised: `utfall`, `barn`, `lag`, `typ`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Metadata(BTreeMap<String, String>);

impl Metadata {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Sets `key` (normalised) to `value` (normalised for known keys). Empty
    /// values are ignored.
    pub fn insert(&mut self, key: &str, value: &str) {
        let key = fold_key(key);
        if let Some(value) = normalise_value(&key, value) {
            self.0.insert(key, value);
        }
    }

    /// Whether there is no metadata.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets `key` only if it has no value yet.
    pub fn fill(&mut self, key: &str, value: &str) {
        if !self.0.contains_key(&fold_key(key)) {
            self.insert(key, value);
        }
    }

    /// Adds every entry of `other` that is missing here.
    pub fn fill_from(&mut self, other: &Metadata) {
        for (k, v) in &other.0 {
            self.0.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }

    /// Adds every entry of `other`, replacing what is here.
    pub fn extend_from(&mut self, other: &Metadata) {
        for (k, v) in &other.0 {
            self.0.insert(k.clone(), v.clone());
        }
    }

    /// All entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Folds a key or closed-vocabulary value: lower case, å/ä → a, ö → o, é → e,
/// spaces and hyphens → `_`.
pub fn fold_key(key: &str) -> String {
    key.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            ' ' | '-' => '_',
            c => c,
        })
        .collect()
}

fn normalise_value(key: &str, value: &str) -> Option<String> {
    let value = value.trim().trim_matches('"');
    if value.is_empty() {
        return None;
    }
    Some(match key {
        "utfall" | "typ" => fold_key(value),
        "barn" => child_value(value).to_string(),
        "lag" => Lag::parse(&fold_key(value))
            .map_or_else(|| value.to_string(), |l| l.shown().to_string()),
        _ => value.to_string(),
    })
}

/// `barn` is `ja` or `nej`. A header field "Barn: Noah Amini, 9 år" or
/// "Barn: 2" names or counts the children the case concerns, so it says `ja`;
/// "nej", "inga", "0" or a dash say `nej`.
fn child_value(value: &str) -> &'static str {
    let none = matches!(
        fold_key(value).trim_end_matches('.'),
        "nej" | "no" | "false" | "inga" | "inget" | "ingen" | "0" | "_" | "–" | "—"
    );
    yes_no(!none)
}

/// Front matter at the very start of `text`: `---`, `key: value` lines, `---`.
/// Returns the metadata and the byte offset where the body starts.
pub fn front_matter(text: &str) -> Option<(Metadata, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = text.len() - rest.len();
    let mut metadata = Metadata::default();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" {
            return Some((metadata, offset));
        }
        if let Some((key, value)) = line.split_once(':') {
            metadata.insert(key, value);
        }
    }
    None
}

/// Known header field labels (folded) and the metadata key they fill.
const HEADER_LABELS: &[(&str, &str)] = &[
    ("beslutsdatum", "beslutsdatum"),
    ("datum_for_beslut", "beslutsdatum"),
    // A nämnd's protocol: the meeting is where the decision was made.
    ("sammantradesdatum", "beslutsdatum"),
    ("ansokningsdatum", "ansokningsdatum"),
    ("ansokan_inkom", "ansokningsdatum"),
    ("ansokan_inkommen", "ansokningsdatum"),
    ("datum_for_ansokan", "ansokningsdatum"),
    ("inkom", "ansokningsdatum"),
    ("datum", "datum"),
    ("handlaggare", "handlaggare"),
    ("bistandshandlaggare", "handlaggare"),
    ("ansvarig_handlaggare", "handlaggare"),
    ("enhet", "enhet"),
    ("insats", "insats"),
    ("lag", "lag"),
    ("lagrum", "lagrum"),
    ("utfall", "utfall"),
    ("arende", "arende"),
    ("arendenummer", "arende"),
    ("diarienummer", "arende"),
    ("dnr", "arende"),
    ("typ", "typ"),
    ("dokumenttyp", "typ"),
    ("barn", "barn"),
];

/// Metadata from header field lines; the first line for a key wins.
pub fn header_metadata<'a>(fields: impl Iterator<Item = (&'a str, &'a str)>) -> Metadata {
    let mut metadata = Metadata::default();
    for (label, value) in fields {
        let folded = fold_key(label);
        if let Some(&(_, key)) = HEADER_LABELS.iter().find(|(l, _)| *l == folded) {
            metadata.fill(key, value);
        }
    }
    metadata
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter() {
        let text =
            "---\nid: U-2026-0142\ntyp: Utredning\nutfall: Delvis bifall\nlag: lss\n---\nText";
        let (m, end) = front_matter(text).unwrap();
        assert_eq!(&text[end..], "Text");
        assert_eq!(m.get("id"), Some("U-2026-0142"));
        assert_eq!(m.get("typ"), Some("utredning"));
        assert_eq!(m.get("utfall"), Some("delvis_bifall"));
        assert_eq!(m.get("lag"), Some("LSS"));
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        assert!(front_matter("---\nid: 1\nText").is_none());
        assert!(front_matter("Text\n---\n").is_none());
    }

    #[test]
    fn header_labels_map_to_keys() {
        let m = header_metadata(
            [
                ("Ansökan inkom", "2026-02-02"),
                ("Handläggare", "Eva"),
                ("Handläggare", "Per"),
                ("Okänt fält", "x"),
            ]
            .into_iter(),
        );
        assert_eq!(m.get("ansokningsdatum"), Some("2026-02-02"));
        assert_eq!(m.get("handlaggare"), Some("Eva"));
        assert_eq!(m.iter().count(), 2);
    }

    #[test]
    fn a_child_field_that_names_the_child_says_ja() {
        let barn = |value: &str| {
            let m = header_metadata([("Barn", value)].into_iter());
            m.get("barn").map(str::to_string)
        };
        assert_eq!(barn("Noah Amini, 9 år").as_deref(), Some("ja"));
        assert_eq!(barn("2").as_deref(), Some("ja"));
        assert_eq!(barn("Ja").as_deref(), Some("ja"));
        assert_eq!(barn("Nej").as_deref(), Some("nej"));
        assert_eq!(barn("Inga").as_deref(), Some("nej"));
        assert_eq!(barn("–").as_deref(), Some("nej"));
    }
}
