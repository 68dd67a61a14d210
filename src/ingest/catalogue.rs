//! Which metadata keys and values a set of documents has, and how many
//! documents have each: what `granska metadata` shows, and what a key given
//! to `--skikta`, `--gruppera` or `--filter` is checked against, so that a
//! key no document has is said instead of putting every document in
//! "(uppgift saknas)".

use std::collections::BTreeMap;

use super::{Document, fold_key};

/// At most this many different values are counted per key; the documents
/// with other values are counted together. An id or a date has a value per
/// document, and the catalogue must not grow with the batch.
pub const MAX_VALUES: usize = 200;

/// The keys and values of the documents seen, with counts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// The documents seen.
    pub documents: usize,
    /// Per key (folded, as in metadata).
    pub keys: BTreeMap<String, Values>,
}

/// The values of one key.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Values {
    /// Documents that have the key.
    pub documents: usize,
    /// Documents per value, for the first [`MAX_VALUES`] values met.
    pub counts: BTreeMap<String, usize>,
    /// Documents whose value was not among those counted.
    pub others: usize,
}

impl Values {
    fn add(&mut self, value: &str, documents: usize) {
        self.documents += documents;
        let room = self.counts.len() < MAX_VALUES;
        match self.counts.get_mut(value) {
            Some(n) => *n += documents,
            None if room => {
                self.counts.insert(value.to_string(), documents);
            }
            None => self.others += documents,
        }
    }

    /// The values, most common first (then by name).
    pub fn by_count(&self) -> Vec<(&str, usize)> {
        let mut values: Vec<(&str, usize)> =
            self.counts.iter().map(|(v, &n)| (v.as_str(), n)).collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        values
    }
}

impl Catalogue {
    /// Counts `doc`'s keys and values (its kind as `typ`).
    pub fn add(&mut self, doc: &Document) {
        self.documents += 1;
        let kind = doc.kind.map(|k| ("typ", k.name()));
        let entries = doc.metadata.iter().filter(|(k, _)| *k != "typ").chain(kind);
        for (key, value) in entries {
            self.keys.entry(key.to_string()).or_default().add(value, 1);
        }
    }

    /// Adds what `other` counted.
    pub fn merge(&mut self, other: Catalogue) {
        self.documents += other.documents;
        for (key, values) in other.keys {
            let mine = self.keys.entry(key).or_default();
            for (value, n) in values.counts {
                mine.add(&value, n);
            }
            mine.documents += values.others;
            mine.others += values.others;
        }
    }

    /// The values of `key`, written as the user wrote it.
    pub fn values(&self, key: &str) -> Option<&Values> {
        self.keys.get(&fold_key(key))
    }

    /// When no document has `key` (as given to `flag`): a Swedish note that
    /// says so and lists the keys that do exist.
    pub fn missing_key(&self, key: &str, flag: &str) -> Option<String> {
        if self.documents == 0 || self.values(key).is_some() {
            return None;
        }
        let known: Vec<String> = self
            .keys
            .iter()
            .map(|(k, v)| format!("{k} ({})", v.documents))
            .collect();
        let known = if known.is_empty() {
            "dokumenten har ingen metadata alls".to_string()
        } else {
            format!("nycklar som finns (antal dokument): {}", known.join(", "))
        };
        Some(format!(
            "inget av de {} dokumenten har nyckeln ”{key}” som {flag} använder; {known}. \
             Se värdena med `granska metadata SÖKVÄG`",
            self.documents
        ))
    }

    /// When `key` exists but no document has `value`: a Swedish note with the
    /// values that do exist.
    pub fn missing_value(&self, key: &str, value: &str) -> Option<String> {
        let values = self.values(key)?;
        let wanted = fold_key(value);
        if values.counts.keys().any(|v| fold_key(v) == wanted) || values.others > 0 {
            return None;
        }
        Some(format!(
            "inget dokument har {key}={value}; värden som finns: {}",
            listed(values, 12)
        ))
    }

    /// The catalogue as text: one block per key with its values, most
    /// common first, at most `shown` values per key.
    pub fn render(&self, shown: usize) -> String {
        let mut out = format!(
            "{} dokument. Metadatanycklar, med antal dokument som har dem:\n",
            self.documents
        );
        for (key, values) in &self.keys {
            out += &format!(
                "\n{key} ({} av {} dokument)\n",
                values.documents, self.documents
            );
            let listed: Vec<(&str, usize)> = values.by_count().into_iter().take(shown).collect();
            for (value, n) in &listed {
                out += &format!("  {value}: {n}\n");
            }
            let rest = values.documents - listed.iter().map(|(_, n)| n).sum::<usize>();
            if rest > 0 {
                out += &format!("  … och {rest} dokument med andra värden\n");
            }
        }
        out
    }
}

/// The first `n` values of `values` with counts, in one line.
fn listed(values: &Values, n: usize) -> String {
    let all = values.by_count();
    let mut line: Vec<String> = all
        .iter()
        .take(n)
        .map(|(v, c)| format!("{v} ({c})"))
        .collect();
    if all.len() > n {
        line.push(format!("… {} till", all.len() - n));
    }
    line.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Metadata;

    fn doc(front: &str) -> Document {
        Document::from_text(
            "a.md",
            format!("---\n{front}\n---\nBeslut om hemtjänst\n\nDu får hemtjänst.\n"),
            &Metadata::default(),
        )
    }

    fn catalogue(fronts: &[&str]) -> Catalogue {
        let mut c = Catalogue::default();
        for f in fronts {
            c.add(&doc(f));
        }
        c
    }

    #[test]
    fn keys_and_values_are_counted_and_merged() {
        let a = catalogue(&[
            "enhet: Norr",
            "enhet: Söder",
            "enhet: Norr\nkommun: Åkersby",
        ]);
        let b = catalogue(&["enhet: Norr"]);
        let mut all = a.clone();
        all.merge(b);
        assert_eq!(all.documents, 4);
        let enhet = all.values("Enhet").unwrap();
        assert_eq!(enhet.documents, 4);
        assert_eq!(enhet.by_count(), [("Norr", 3), ("Söder", 1)]);
        assert_eq!(all.values("kommun").unwrap().documents, 1);
        assert_eq!(all.values("typ").unwrap().by_count(), [("beslut", 4)]);
        let text = all.render(10);
        assert!(text.starts_with("4 dokument."), "{text}");
        assert!(
            text.contains("\nenhet (4 av 4 dokument)\n  Norr: 3\n  Söder: 1\n"),
            "{text}"
        );
    }

    #[test]
    fn a_key_or_value_no_document_has_is_said_with_what_there_is() {
        let c = catalogue(&["enhet: Norr", "enhet: Söder"]);
        let note = c.missing_key("mapp", "--gruppera").unwrap();
        assert!(
            note.starts_with("inget av de 2 dokumenten har nyckeln ”mapp” som --gruppera använder"),
            "{note}"
        );
        assert!(note.contains("enhet (2)"), "{note}");
        assert_eq!(c.missing_key("ENHET", "--skikta"), None);
        let note = c.missing_value("enhet", "Åkersby").unwrap();
        assert_eq!(
            note,
            "inget dokument har enhet=Åkersby; värden som finns: Norr (1), Söder (1)"
        );
        assert_eq!(c.missing_value("enhet", "söder"), None);
        assert_eq!(Catalogue::default().missing_key("mapp", "--skikta"), None);
    }

    #[test]
    fn values_beyond_the_limit_are_counted_together() {
        let fronts: Vec<String> = (0..MAX_VALUES + 50).map(|i| format!("id: U-{i}")).collect();
        let fronts: Vec<&str> = fronts.iter().map(String::as_str).collect();
        let c = catalogue(&fronts);
        let id = c.values("id").unwrap();
        assert_eq!(id.counts.len(), MAX_VALUES);
        assert_eq!(id.others, 50);
        assert_eq!(id.documents, MAX_VALUES + 50);
        assert!(c.render(5).contains(&format!(
            "  … och {} dokument med andra värden\n",
            MAX_VALUES + 45
        )));
    }
}
