//! The stickprov list a team leader files: one row per drawn document, with
//! the seed and the population on every row, masked on the way out.

use std::io::{self, Write};

use super::findings_csv::{excel_csv, inert};
use super::privacy::shown;
use crate::sample::{Sample, Unit};

/// Writes the sample as the CSV a team leader files: semicolon-separated,
/// UTF-8 with BOM (so Swedish Excel opens it), one row per drawn document
/// with the seed and the population size on every row.
pub fn write_csv(sample: &Sample, out: impl Write, show_pnr: bool) -> io::Result<()> {
    let mut csv = excel_csv(out)?;
    let in_stratum = match sample.unit {
        Unit::Document => "dokument_i_skiktet",
        Unit::Case => "ärenden_i_skiktet",
    };
    csv.write_record([
        "nr",
        "dokument",
        "ärende",
        "fil",
        "skikt",
        "dragna_i_skiktet",
        in_stratum,
        "frö",
        "population",
    ])?;
    for (nr, c) in sample.chosen.iter().enumerate() {
        let stratum = sample
            .strata
            .iter()
            .find(|s| c.stratum.as_deref().unwrap_or_default() == s.name)
            .expect("every drawn document is in a stratum");
        csv.write_record([
            (nr + 1).to_string(),
            inert(&shown(&c.id, show_pnr)).into_owned(),
            inert(&shown(&c.case, show_pnr)).into_owned(),
            inert(&shown(&c.path, show_pnr)).into_owned(),
            inert(&shown(&stratum.name, show_pnr)).into_owned(),
            stratum.drawn.to_string(),
            stratum.population.to_string(),
            sample.seed.to_string(),
            sample.population.to_string(),
        ])?;
    }
    csv.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{Candidate, draw};

    #[test]
    fn the_csv_has_a_bom_semicolons_and_masked_identity_numbers() {
        let all: Vec<Candidate> = ["a/19121212-1212.txt", "a/002.txt"]
            .iter()
            .enumerate()
            .map(|(i, path)| Candidate {
                input: i,
                record: None,
                id: format!("a-{i:03}"),
                path: path.to_string(),
                case: "a".to_string(),
                handlaggare: None,
                enhet: None,
                insats: None,
                stratum: Some("a".to_string()),
            })
            .collect();
        let sample = draw(&all, 2, 5);
        let mut out = Vec::new();
        write_csv(&sample, &mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("nr;dokument;ärende;fil;skikt"));
        assert!(!text.contains("19121212-1212"), "{text}");
        assert!(text.contains("a/XXXXXXXX-XXXX.txt;a;2;2;5;2"), "{text}");
    }
}
