//! `icf_koder`: ICF codes written in the text (b, s, d or e and digits, lower
//! case, optionally with qualifiers such as `d510.2`), checked against the ICF
//! code table.
//!
//! A code is malformed when its number of digits is not 1, 3, 4 or 5, when its
//! chapter does not exist (b and s 1–8, d 1–9, e 1–5), or when it is an
//! "unspecified" category (`…99`), which says nothing in documentation. Each
//! malformed code is a warning. A well-formed code missing from the table is
//! reported as `info`: the table is a subset of ICF.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::criteria::{Context, Hit, Lexicon};
use crate::finding::Severity;
use crate::language::word_regex::CapturingRegex;

static CODE: LazyLock<CapturingRegex> =
    LazyLock::new(|| CapturingRegex::new(r"\b([bsde])(\d+)((?:\.\d+)*)\b"));

/// The known codes of the table, lower case.
pub fn prepare(lexicon: &Lexicon) -> HashSet<String> {
    lexicon
        .entries
        .iter()
        .flat_map(|e| e.forms.iter())
        .map(|f| f.to_lowercase())
        .collect()
}

/// Why a code is malformed, if it is.
fn malformed(component: char, digits: &str) -> Option<&'static str> {
    if !matches!(digits.len(), 1 | 3 | 4 | 5) {
        return Some("en ICF-kod har 1, 3, 4 eller 5 siffror efter bokstaven");
    }
    let chapter = digits.as_bytes()[0] - b'0';
    let last_chapter = match component {
        'b' | 's' => 8,
        'd' => 9,
        _ => 5,
    };
    if chapter == 0 || chapter > last_chapter {
        return Some("kapitlet finns inte i ICF");
    }
    if digits.len() == 3 && digits.ends_with("99") {
        return Some("koden betyder ”ospecificerad” och säger inget om behovet");
    }
    None
}

/// Every malformed or unknown code.
pub fn detect(ctx: &Context, known: &HashSet<String>) -> Vec<Hit> {
    let start = ctx.doc.body_start;
    CODE.captures_iter(ctx.doc.body())
        .filter_map(|(offset, c)| {
            let start = start + offset;
            let whole = c.get(0)?;
            let component = c[1].chars().next()?;
            let code = format!("{component}{}", &c[2]);
            let range = start + whole.start()..start + c.get(2)?.end();
            if let Some(reason) = malformed(component, &c[2]) {
                return Some(Hit {
                    severity: Some(Severity::Warning),
                    message: Some(format!("”{code}” är ingen giltig ICF-kod: {reason}.")),
                    suggestion: Some(
                        "Kontrollera koden i ICF, eller skriv livsområdet i ord.".to_string(),
                    ),
                    ..Hit::at(range)
                });
            }
            (!known.contains(&code)).then(|| Hit {
                severity: Some(Severity::Info),
                message: Some(format!(
                    "Okänd ICF-kod ”{code}”: kontrollera att den finns i ICF."
                )),
                suggestion: Some(
                    "Koden finns inte i granskas kodtabell, som bara har ett urval av ICF."
                        .to_string(),
                ),
                ..Hit::at(range)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;
    use super::malformed;

    #[test]
    fn validates_code_shapes() {
        assert_eq!(malformed('d', "510"), None);
        assert_eq!(malformed('b', "1"), None);
        assert_eq!(malformed('d', "4500"), None);
        assert!(malformed('d', "55").is_some());
        assert!(malformed('d', "999").is_some());
        assert!(malformed('e', "610").is_some());
        assert!(malformed('b', "9").is_some());
        assert!(malformed('s', "123456").is_some());
    }

    #[test]
    fn reports_malformed_and_unknown_codes_only() {
        let found = hits(
            "icf_koder",
            Some("icf"),
            "Behov inom d510 och d5101 samt d55 och d999. Vitamin B12 och E4.",
        );
        assert!(found.contains(&"d55".to_string()), "{found:?}");
        assert!(found.contains(&"d999".to_string()), "{found:?}");
        assert!(!found.contains(&"d510".to_string()), "{found:?}");
        assert!(found.iter().all(|h| h != "B12" && h != "E4"), "{found:?}");
    }
}
