//! Lexicon files: TSV with the columns term, replacement and note.
//!
//! The first line is a header when its first column is a known column name
//! (`ord`, `term`, `avoid`, …). Lines starting with `#` and blank lines are
//! skipped. Alternatives in the replacement column are separated by `;`.

use crate::criteria::{Lexicon, LexiconEntry};

const HEADER_NAMES: &[&str] = &[
    "ord",
    "term",
    "fras",
    "undvik",
    "avoid",
    "word",
    "abbr",
    "förkortning",
    "kod",
    "code",
    "cue",
];

/// Parses lexicon `name` from TSV `text`; errors name the line.
pub fn parse(name: &str, text: &str) -> Result<Lexicon, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut entries = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("raden kunde inte läsas: {e}"))?;
        let line = record.position().map_or(i + 1, |p| p.line() as usize);
        let term = record.get(0).unwrap_or_default().trim();
        if i == 0 && HEADER_NAMES.contains(&term.to_lowercase().as_str()) {
            continue;
        }
        if term.is_empty() {
            if record.iter().any(|f| !f.trim().is_empty()) {
                return Err(format!("rad {line} saknar ord i första kolumnen"));
            }
            continue;
        }
        let field = |n: usize| {
            record
                .get(n)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        entries.push(LexiconEntry {
            term: term.to_string(),
            replacement: field(1)
                .map(|r| r.split(';').map(str::trim).collect::<Vec<_>>().join(", ")),
            note: field(2),
        });
    }
    if entries.is_empty() {
        return Err("lexikonet har inga ord".to_string());
    }
    Ok(Lexicon {
        name: name.to_string(),
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_header_comments_and_alternatives() {
        let lexicon = parse(
            "k",
            "avoid\tprefer\tnote\n# kommentar\nerhålla\tfå\t\n\ni enlighet med\tenligt; som\tlång fras\nbeträffande\n",
        )
        .unwrap();
        assert_eq!(lexicon.entries.len(), 3);
        assert_eq!(
            lexicon.entries[1].replacement.as_deref(),
            Some("enligt, som")
        );
        assert_eq!(lexicon.entries[1].note.as_deref(), Some("lång fras"));
        assert_eq!(lexicon.entries[2].replacement, None);
    }

    #[test]
    fn without_header_the_first_line_is_an_entry() {
        assert_eq!(parse("k", "erhålla\tfå\n").unwrap().entries.len(), 1);
    }

    #[test]
    fn empty_lexicon_is_an_error() {
        assert!(parse("k", "ord\tersättning\n").is_err());
    }
}
