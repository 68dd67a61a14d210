//! Property tests: no input makes a parser or reader panic, and every span
//! stays inside its text on character boundaries.

use granska::engine::evaluate;
use granska::ingest::{Document, LineIndex, Metadata};
use granska::language::segment;
use granska::template::{Loader, Template, syntax};
use proptest::prelude::*;
use std::sync::LazyLock;

/// The standard template, compiled once for every case.
static STANDARD: LazyLock<Template> =
    LazyLock::new(|| Template::standard().expect("the standard template is valid"));

/// Text that looks like a template: keywords, names, strings, regexes and
/// punctuation in any order.
fn template_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("kriterium".to_string()),
        Just("fråga".to_string()),
        Just("perspektiv".to_string()),
        Just("lexikon".to_string()),
        Just("avsnitt".to_string()),
        Just("mall".to_string()),
        Just("gäller".to_string()),
        Just("där".to_string()),
        Just("kräver".to_string()),
        Just("förbjuder".to_string()),
        Just("mått".to_string()),
        Just("exempel".to_string()),
        Just("uppfyllt".to_string()),
        Just("och".to_string()),
        Just("eller".to_string()),
        Just("inte".to_string()),
        Just("är".to_string()),
        Just("text".to_string()),
        Just("högst".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("=".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just("\"".to_string()),
        Just("\"\"\"".to_string()),
        Just("/".to_string()),
        Just("#".to_string()),
        Just("\n".to_string()),
        "[a-zåäö_-]{1,8}",
        "[0-9]{1,3}",
        "\"[^\"\n]{0,10}\"",
        "/[a-zå(|)\\\\]{0,6}/i?",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(token, 0..80).prop_map(|tokens| tokens.join(" "))
}

fn check_doc(text: &str, template: &Template) -> Result<(), TestCaseError> {
    let doc = Document::from_text("p.txt", text.to_string(), &Metadata::default());
    prop_assert!(doc.body_start <= text.len());
    for s in &doc.sections {
        prop_assert!(
            text.is_char_boundary(s.heading.start) && text.is_char_boundary(s.heading.end)
        );
        prop_assert!(s.body.start <= s.body.end && s.body.end <= text.len());
    }
    let analysis = doc.analysis();
    for w in &analysis.words {
        prop_assert!(text.is_char_boundary(w.range.start) && text.is_char_boundary(w.range.end));
    }
    let outcome = evaluate(template, &doc);
    let index = LineIndex::new(text);
    for f in &outcome.findings {
        prop_assert!(f.range.start <= f.range.end && f.range.end <= text.len());
        prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        let (line, column) = index.position(text, f.range.start);
        prop_assert!(line >= 1 && column >= 1);
    }
    if let Some(score) = outcome.score.total {
        prop_assert!((0.0..=1.0).contains(&score));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parser_never_panics_on_arbitrary_text(source in any::<String>()) {
        let (_, errors) = syntax::parse(&source);
        for e in errors {
            prop_assert!(e.span.end <= source.len());
            prop_assert!(source.is_char_boundary(e.span.start) && source.is_char_boundary(e.span.end));
        }
    }

    #[test]
    fn checker_never_panics_on_template_like_text(source in template_like()) {
        match Template::from_source("p.gm", &source, &Loader::Embedded) {
            Ok(_) => {}
            Err(errors) => {
                prop_assert!(!errors.errors.is_empty());
                for e in errors.errors {
                    prop_assert!(e.span.end <= source.len(), "{:?} outside {} bytes", e.span, source.len());
                    prop_assert!(source.is_char_boundary(e.span.start) && source.is_char_boundary(e.span.end));
                }
            }
        }
    }

    #[test]
    fn segmenter_spans_are_ordered_and_on_char_boundaries(text in any::<String>()) {
        let (words, sentences) = segment(&text, std::iter::once(0..text.len()));
        let mut last = 0;
        for w in &words {
            prop_assert!(w.range.start >= last && w.range.start < w.range.end);
            prop_assert!(text.is_char_boundary(w.range.start) && text.is_char_boundary(w.range.end));
            last = w.range.end;
        }
        for s in &sentences {
            prop_assert!(!s.words.is_empty());
            prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
        }
    }

    #[test]
    fn any_text_is_read_and_judged_without_panic(text in any::<String>()) {
        check_doc(&text, &STANDARD)?;
    }

    #[test]
    fn document_like_text_is_read_and_judged_without_panic(
        lines in prop::collection::vec(
            prop_oneof![
                Just("---".to_string()),
                Just("typ: beslut".to_string()),
                Just("utfall: avslag".to_string()),
                Just("# Beslut".to_string()),
                Just("Motivering".to_string()),
                Just(String::new()),
                Just("Beslutsdatum: 2026-03-14".to_string()),
                Just("- punkt".to_string()),
                "[A-ZÅÄÖ][a-zåäö ]{0,40}[.:!?]?",
                "[a-zåäöÅÄÖ0-9 ,.§]{0,80}",
            ],
            0..30,
        )
    ) {
        check_doc(&lines.join("\n"), &STANDARD)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The fast word-boundary search gives exactly the matches of the regex
    /// crate, on text with å/ä/ö, digits and punctuation.
    #[test]
    fn word_regex_agrees_with_the_regex_crate(
        haystack in "[a-zåäöA-ZÅÄÖ0-9 ,.§\n-]{0,120}",
        pattern in prop_oneof![
            Just(r"(?i)\b(är|ärende|din|dina)\b"),
            Just(r"\b[a-zåäö]+s\b"),
            Just(r"(?i)\b(å|ä|ö)\w*"),
            Just(r"\b\d+\s*§"),
            Just(r"(?i)\bmål\b[^.]{0,20}\bvill\b"),
            Just(r"\B[äö]"),
            Just(r"(?i)a\b"),
        ],
    ) {
        let ours = granska::language::word_regex::WordRegex::new(pattern).unwrap().find_iter(&haystack);
        let reference: Vec<_> = regex::Regex::new(pattern)
            .unwrap()
            .find_iter(&haystack)
            .map(|m| m.range())
            .filter(|r| !r.is_empty())
            .collect();
        prop_assert_eq!(ours, reference);
    }
}

/// Every reader, on bytes that are any mix of noise and the start of a real
/// file of that format: a document or an error, never a panic, and every
/// document's text is non-empty.
mod readers {
    use granska::ingest::formats::{Format, extract};
    use proptest::prelude::*;

    const FORMATS: [Format; 6] = Format::ALL;

    /// Real files to mutate: a docx and a PDF made by LibreOffice, and text.
    fn seeds() -> Vec<Vec<u8>> {
        vec![
            std::fs::read("fixtures/format/b15-personlig-assistans-avslag.docx").unwrap(),
            std::fs::read("fixtures/format/b15-personlig-assistans-avslag.pdf").unwrap(),
            b"{\"id\": \"1\", \"text\": \"Du f\xc3\xa5r st\xc3\xb6d.\"}\n".to_vec(),
            b"id;text\n1;Beslut om hemtj\xe4nst\n".to_vec(),
            b"<h1>Beslut</h1><p>Du f\xc3\xa5r hemtj\xc3\xa4nst.</p>".to_vec(),
        ]
    }

    fn check(format: Format, bytes: &[u8]) {
        for doc in extract(format, bytes, 5_000_000).into_iter().flatten() {
            assert!(
                !doc.text.trim().is_empty(),
                "{format:?} gave an empty document"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            for format in FORMATS {
                check(format, &bytes);
            }
        }

        #[test]
        fn damaged_real_files(
            seed in 0usize..5,
            cut in 0.0f64..1.0,
            flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
        ) {
            let mut bytes = seeds()[seed].clone();
            for (at, value) in flips {
                let i = ((bytes.len() - 1) as f64 * at) as usize;
                bytes[i] = value;
            }
            bytes.truncate((bytes.len() as f64 * cut) as usize + 1);
            for format in FORMATS {
                check(format, &bytes);
            }
        }
    }
}
