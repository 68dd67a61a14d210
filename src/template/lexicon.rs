//! Lexicon files: TSV with the columns word, replacement, note and optionally a
//! fourth column named `nivå` (`info` for words that are only sometimes a
//! problem) or `tvetydig` (`ja` for abbreviations that mean more than one thing).
//!
//! The first line is a header when its first column is a known column name
//! (`ord`, `term`, `avoid`, …). Lines starting with `#` and blank lines are
//! skipped. The word column may hold several forms separated by `|`
//! (`erhålla|erhåller|erhöll|erhållit`): each form matches as a whole word.
//! Alternatives in the replacement column are separated by `;`.

use std::collections::HashMap;

use crate::criteria::{Lexicon, LexiconEntry, SectionSet};
use crate::finding::Severity;

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
    "avsnitt",
];

/// The rows of a TSV file: the header (lower case) if it has one, and each
/// other row with its line number.
struct Rows {
    header: Option<Vec<String>>,
    rows: Vec<(usize, Vec<String>)>,
}

/// Reads the rows of a TSV file.
fn rows(text: &str) -> Result<Rows, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("raden kunde inte läsas: {e}"))?;
        let line = record.position().map_or(i + 1, |p| p.line() as usize);
        let fields: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
        if i == 0 && HEADER_NAMES.contains(&fields[0].to_lowercase().as_str()) {
            header = Some(fields.iter().map(|f| f.to_lowercase()).collect());
            continue;
        }
        if fields.iter().all(String::is_empty) {
            continue;
        }
        if fields[0].is_empty() {
            return Err(format!("rad {line} saknar ord i första kolumnen"));
        }
        out.push((line, fields));
    }
    Ok(Rows { header, rows: out })
}

/// Parses lexicon `name` from TSV `text`; errors name the line.
pub fn parse(name: &str, text: &str) -> Result<Lexicon, String> {
    let Rows { header, rows } = rows(text)?;
    let fourth = header.as_ref().and_then(|h| h.get(3)).map(String::as_str);
    let mut entries = Vec::new();
    for (line, fields) in rows {
        let field = |n: usize| fields.get(n).filter(|s| !s.is_empty());
        let forms: Vec<String> = fields[0]
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect();
        let mut entry = LexiconEntry {
            forms,
            replacement: field(1)
                .map(|r| r.split(';').map(str::trim).collect::<Vec<_>>().join(", ")),
            note: field(2).cloned(),
            ..LexiconEntry::default()
        };
        match (fourth, field(3).map(String::as_str)) {
            (_, None) => {}
            (Some("nivå"), Some(level)) => {
                entry.severity = Some(Severity::from_word(level).ok_or_else(|| {
                    format!("rad {line}: okänd nivå `{level}` (skriv fel, varning eller info)")
                })?);
            }
            (Some("tvetydig"), Some(flag)) => entry.ambiguous = matches!(flag, "ja" | "j" | "x"),
            (_, Some(_)) => {
                return Err(format!(
                    "rad {line} har en fjärde kolumn, men rubrikraden säger inte vad den är (nivå eller tvetydig)"
                ));
            }
        }
        entries.push(entry);
    }
    if entries.is_empty() {
        return Err("lexikonet har inga ord".to_string());
    }
    Ok(Lexicon {
        name: name.to_string(),
        entries,
        compounds: false,
    })
}

/// Parses a section synonym file: columns `avsnitt` (set name) and `rubrik`.
pub fn parse_sections(text: &str) -> Result<Vec<SectionSet>, String> {
    let Rows { rows, .. } = rows(text)?;
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, fields) in rows {
        let heading = fields
            .get(1)
            .filter(|h| !h.is_empty())
            .ok_or_else(|| format!("rad {line} saknar rubrik i andra kolumnen"))?;
        match index.get(&fields[0]) {
            Some(&i) => sets[i].1.push(heading.clone()),
            None => {
                index.insert(fields[0].clone(), sets.len());
                sets.push((fields[0].clone(), vec![heading.clone()]));
            }
        }
    }
    if sets.is_empty() {
        return Err("filen har inga avsnitt".to_string());
    }
    Ok(sets
        .into_iter()
        .map(|(n, h)| SectionSet::new(n, h))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_header_comments_forms_and_alternatives() {
        let lexicon = parse(
            "k",
            "avoid\tprefer\tnote\n# kommentar\nerhålla|erhåller | erhöll\tfå\t\n\ni enlighet med\tenligt; som\tlång fras\nbeträffande\n",
        )
        .unwrap();
        assert_eq!(lexicon.entries.len(), 3);
        assert_eq!(lexicon.entries[0].forms, ["erhålla", "erhåller", "erhöll"]);
        assert_eq!(lexicon.entries[0].term(), "erhålla");
        assert_eq!(
            lexicon.entries[1].replacement.as_deref(),
            Some("enligt, som")
        );
        assert_eq!(lexicon.entries[1].note.as_deref(), Some("lång fras"));
        assert_eq!(lexicon.entries[2].replacement, None);
    }

    #[test]
    fn fourth_column_is_level_or_ambiguity_by_header() {
        let l = parse(
            "b",
            "ord\tersättning\tkommentar\tnivå\nlider av\thar\t\tinfo\nsenil\t\t\t\n",
        )
        .unwrap();
        assert_eq!(l.entries[0].severity, Some(Severity::Info));
        assert_eq!(l.entries[1].severity, None);
        let l = parse(
            "f",
            "ord\tersättning\tkommentar\ttvetydig\nDV\tdaglig verksamhet\t\tja\n",
        )
        .unwrap();
        assert!(l.entries[0].ambiguous);
        assert!(
            parse("x", "ord\tersättning\tkommentar\tnivå\nord\t\t\thög\n")
                .unwrap_err()
                .contains("rad 2")
        );
        assert!(parse("x", "ord\tersättning\nord\ta\tb\tc\n").is_err());
    }

    #[test]
    fn without_header_the_first_line_is_an_entry() {
        assert_eq!(parse("k", "erhålla\tfå\n").unwrap().entries.len(), 1);
    }

    #[test]
    fn empty_lexicon_is_an_error() {
        assert!(parse("k", "ord\tersättning\n").is_err());
    }

    #[test]
    fn reads_section_sets() {
        let sets = parse_sections(
            "avsnitt\trubrik\nmotivering\tMotivering\nmotivering\tSkäl\nbeslut\tBeslut\n",
        )
        .unwrap();
        assert_eq!(sets.len(), 2);
        assert!(sets[0].matches("Skäl"));
        assert!(!sets[0].matches("Beslut"));
    }
}
