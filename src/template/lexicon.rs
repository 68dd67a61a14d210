//! Lexicon files: TSV with the columns word, replacement, note and, named in
//! the header, any of:
//! - `nivå`: `fel`, `varning` or `info` (a suggestion that does not fail the
//!   criterion), or `tillåten` — a phrase that is fine and hides the shorter
//!   rows inside it ("kan tillgodoses på annat sätt", the wording of the law);
//! - `gäller`: the document kinds the row applies to (`beslut`, `utredning`);
//! - `utom`: where the row does not count — section names of the template
//!   (`beslut`, `overklagande` …) or `lagrum` (a sentence that cites a law);
//! - `tvetydig`: `ja` for abbreviations that mean more than one thing.
//!
//! The first line is a header when its first column is a known column name
//! (`ord`, `term`, `avoid`, …). Lines starting with `#` and blank lines are
//! skipped. The word column may hold several forms separated by `|`
//! (`erhålla|erhåller|erhöll|erhållit`): each form matches as a whole word.
//! Alternatives in the replacement column are separated by `;`.

use std::collections::HashMap;

use crate::criteria::{Lexicon, LexiconEntry, SectionSet};
use crate::finding::Severity;
use crate::ingest::Kind;

/// The columns a lexicon may have after the third.
const EXTRA_COLUMNS: &[&str] = &["nivå", "gäller", "utom", "tvetydig"];

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
    let extra: Vec<&str> = header
        .as_ref()
        .map(|h| h.iter().skip(3).map(String::as_str).collect())
        .unwrap_or_default();
    if let Some(unknown) = extra.iter().find(|c| !EXTRA_COLUMNS.contains(c)) {
        return Err(format!(
            "rubrikraden har kolumnen `{unknown}`; efter ord, ersättning och kommentar kan det stå {}",
            EXTRA_COLUMNS.join(", ")
        ));
    }
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
        for (n, value) in fields.iter().enumerate().skip(3) {
            if value.is_empty() {
                continue;
            }
            let Some(&column) = extra.get(n - 3) else {
                return Err(format!(
                    "rad {line} har en {}:e kolumn, men rubrikraden säger inte vad den är ({})",
                    n + 1,
                    EXTRA_COLUMNS.join(", ")
                ));
            };
            let words = || {
                value
                    .split([',', ';', ' '])
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
            };
            match column {
                "nivå" if value == "tillåten" => entry.allowed = true,
                "nivå" => {
                    entry.severity = Some(Severity::from_word(value).ok_or_else(|| {
                        format!(
                            "rad {line}: okänd nivå `{value}` (skriv fel, varning, info eller tillåten)"
                        )
                    })?);
                }
                "gäller" => {
                    for word in words() {
                        entry.kinds.push(Kind::parse(word).ok_or_else(|| {
                            format!(
                                "rad {line}: `{word}` i kolumnen gäller är ingen dokumenttyp (skriv beslut eller utredning)"
                            )
                        })?);
                    }
                }
                "utom" => entry.except.extend(words().map(str::to_string)),
                _ => entry.ambiguous = matches!(value.as_str(), "ja" | "j" | "x"),
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
