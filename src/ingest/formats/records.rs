//! Files of many documents: JSON Lines (`.jsonl`, one object per line with
//! `text`, optional `id` and `metadata`) and CSV (a `text` or `dokumenttext`
//! column, the other columns as metadata; comma or semicolon). A bad line or
//! row is an error with its number; the rest are read.

use super::{Extracted, Read};
use crate::ingest::encoding;
use crate::ingest::metadata::{Metadata, fold_key};

/// A JSON value as metadata text.
fn value_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(if *b { "ja" } else { "nej" }.to_string()),
        _ => None,
    }
}

/// A record's document: its text, with `id` and the other fields as metadata.
fn record(
    number: usize,
    encoding: &'static str,
    text: &str,
    fields: impl Iterator<Item = (String, String)>,
) -> Read {
    if text.trim().is_empty() {
        return Err(format!("rad {number}: texten är tom"));
    }
    let mut metadata = Metadata::default();
    for (key, value) in fields {
        metadata.insert(&key, &value);
    }
    Ok(Extracted {
        text: text.to_string(),
        encoding,
        metadata,
        record: Some(number),
        ..Extracted::default()
    })
}

/// Reads JSON Lines.
pub fn json_lines(bytes: &[u8]) -> Vec<Read> {
    let decoded = match encoding::decode(bytes) {
        Ok(d) => d,
        Err(e) => return vec![Err(e)],
    };
    decoded
        .text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let number = i + 1;
            let value: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("rad {number}: ogiltig JSON ({e})"))?;
            let object = value
                .as_object()
                .ok_or_else(|| format!("rad {number}: raden är inget JSON-objekt"))?;
            let text = object
                .get("text")
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| format!("rad {number}: fältet ”text” saknas"))?;
            let id = object
                .get("id")
                .and_then(value_text)
                .map(|v| ("id".to_string(), v));
            let metadata = object
                .get("metadata")
                .and_then(serde_json::Value::as_object)
                .into_iter()
                .flatten()
                .filter_map(|(k, v)| Some((k.clone(), value_text(v)?)));
            record(number, decoded.encoding, text, metadata.chain(id))
        })
        .collect()
}

/// A CSV reader for `text`, separated by semicolons when the header row has
/// more of them than commas (Swedish Excel), otherwise by commas.
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Reads CSV with a text column.
pub fn csv(bytes: &[u8]) -> Vec<Read> {
    let decoded = match encoding::decode(bytes) {
        Ok(d) => d,
        Err(e) => return vec![Err(e)],
    };
    let mut reader = csv_reader(&decoded.text);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return vec![Err(format!("rubrikraden kunde inte läsas: {e}"))],
    };
    let keys: Vec<String> = headers.iter().map(fold_key).collect();
    let Some(text_column) = keys.iter().position(|k| k == "text" || k == "dokumenttext") else {
        return vec![Err(
            "CSV-filen saknar kolumnen ”text” (eller ”dokumenttext”) med dokumentens text"
                .to_string(),
        )];
    };
    reader
        .records()
        .map(|row| {
            let row = row.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                format!("rad {line}: {e}")
            })?;
            let number = row.position().map_or(0, |p| p.line()) as usize;
            let text = row.get(text_column).unwrap_or_default();
            let fields = keys
                .iter()
                .zip(row.iter())
                .enumerate()
                .filter(|(i, _)| *i != text_column)
                .map(|(_, (k, v))| (k.clone(), v.to_string()));
            record(number, decoded.encoding, text, fields)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_with_a_bad_line_in_the_middle() {
        let input = "{\"id\": \"B-1\", \"text\": \"Du får hemtjänst.\", \"metadata\": {\"enhet\": \"Norr\", \"år\": 2025}}\n\
                     {\"id\": \"B-2\", \"text\": \n\
                     \n\
                     [1, 2]\n\
                     {\"id\": \"B-3\"}\n\
                     {\"text\": \"Andra beslutet.\"}\n";
        let read = json_lines(input.as_bytes());
        assert_eq!(read.len(), 5);
        let first = read[0].as_ref().unwrap();
        assert_eq!(first.metadata.get("id"), Some("B-1"));
        assert_eq!(first.metadata.get("enhet"), Some("Norr"));
        assert_eq!(first.metadata.get("ar"), Some("2025"));
        assert_eq!(first.record, Some(1));
        assert!(
            read[1]
                .as_ref()
                .unwrap_err()
                .starts_with("rad 2: ogiltig JSON")
        );
        assert!(
            read[2]
                .as_ref()
                .unwrap_err()
                .starts_with("rad 4: raden är inget")
        );
        assert!(
            read[3]
                .as_ref()
                .unwrap_err()
                .contains("rad 5: fältet ”text” saknas")
        );
        assert_eq!(read[4].as_ref().unwrap().record, Some(6));
    }

    #[test]
    fn csv_with_semicolons_windows_1252_and_a_bad_row() {
        // "Dokumenttext;Enhet;id" and rows in Windows-1252 (ä = e4, ö = f6).
        let input = b"id;Enhet;Dokumenttext\nB-1;S\xf6der;\"Du f\xe5r st\xf6d; ett beslut.\"\nB-2;Norr;\nB-3;Norr;\"Text\"\"\n";
        let read = csv(input);
        let first = read[0].as_ref().unwrap();
        assert_eq!(first.text, "Du får stöd; ett beslut.");
        assert_eq!(first.encoding, "Windows-1252");
        assert_eq!(first.metadata.get("enhet"), Some("Söder"));
        assert_eq!(first.record, Some(2));
        assert_eq!(read[1].as_ref().unwrap_err(), "rad 3: texten är tom");
        assert!(read.len() >= 3);
        let no_text = csv(b"id,namn\n1,Eva\n");
        assert!(no_text[0].as_ref().unwrap_err().contains("saknar kolumnen"));
    }
}
