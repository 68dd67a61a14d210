//! The template checker's diagnostics, one case each: a small template that
//! has the one problem, the message the user reads, and the exact place it
//! points at (the span's text in the template).

use granska::template::{Diagnostic, Loader, Template};

/// A criterion with the given body, in perspective `p`, with a message and
/// two examples unless the body brings its own.
fn criterion(id: &str, body: &str) -> String {
    format!(
        "kriterium {id} \"k\" {{ perspektiv p  {body}  meddelande \"m\"  exempel uppfyllt \"a\"  exempel ej_uppfyllt \"b\" }}\n"
    )
}

fn errors(source: &str) -> Vec<Diagnostic> {
    match Template::from_source("t.gm", source, &Loader::Embedded) {
        Ok(t) => t.warnings,
        Err(e) => e.errors,
    }
}

/// Asserts that checking `source` gives a diagnostic whose message contains
/// `message` and whose span covers exactly `at` (the first occurrence of
/// `at` after `after`, when given).
fn assert_diagnostic(source: &str, message: &str, at: &str, after: Option<&str>) {
    let all = errors(source);
    let d = all
        .iter()
        .find(|d| d.message.contains(message))
        .unwrap_or_else(|| panic!("no diagnostic ”{message}” in {all:#?}\n{source}"));
    let from = after.map_or(0, |a| source.find(a).expect("anchor") + a.len());
    let start = from + source[from..].find(at).expect("place");
    assert_eq!(
        (d.span.start, d.span.end),
        (start, start + at.len()),
        "”{message}” points at ”{}”, not ”{at}”",
        &source[d.span.clone()]
    );
}

const P: &str = "perspektiv p \"P\"\n";

#[test]
fn a_perspective_declared_twice() {
    let source = format!(
        "{P}perspektiv p \"Igen\"\n{}",
        criterion("K", "kräver text /a/")
    );
    assert_diagnostic(
        &source,
        "perspektivet `p` finns redan",
        "p",
        Some("\nperspektiv "),
    );
}

#[test]
fn an_empty_phrase() {
    let source = format!("{P}{}", criterion("K", "förbjuder \"  \""));
    assert_diagnostic(&source, "frasen är tom", "\"  \"", None);
}

#[test]
fn a_detector_without_the_lexicon_it_needs_and_one_given_a_lexicon_it_does_not_read() {
    let source = format!("{P}{}", criterion("K", "kräver detektor resurser"));
    assert_diagnostic(
        &source,
        "detektorn `resurser` behöver ett lexikon",
        "resurser",
        None,
    );
    let source = format!(
        "{P}lexikon k = \"lexikon/kanslisprak.tsv\"\n{}",
        criterion("K", "kräver detektor datum med lexikon k")
    );
    assert_diagnostic(
        &source,
        "detektorn `datum` läser inget lexikon",
        "datum",
        None,
    );
}

#[test]
fn a_question_with_rules() {
    let source = format!(
        "{P}fråga Q \"Fråga?\" {{ perspektiv p  kräver text /a/ }}\n{}",
        criterion("K", "kräver text /a/")
    );
    assert_diagnostic(
        &source,
        "en fråga besvaras av en granskare",
        "kräver text /a/",
        None,
    );
}

#[test]
fn an_unknown_placeholder_in_a_message() {
    let source = format!(
        "{P}kriterium K \"k\" {{ perspektiv p  mått lix högst 40  meddelande \"LIX {{vrde}}\"  exempel uppfyllt \"a\"  exempel ej_uppfyllt \"b\" }}\n"
    );
    assert_diagnostic(
        &source,
        "okänd platshållare `{vrde}`",
        "\"LIX {vrde}\"",
        None,
    );
    let d = errors(&source);
    let d = d
        .iter()
        .find(|d| d.message.contains("platshållare"))
        .unwrap();
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("{värde}")),
        "{d:?}"
    );
}

#[test]
fn two_limits_for_the_same_kind_of_document() {
    let source = format!(
        "{P}{}",
        criterion("K", "mått lix högst 40 för beslut, högst 45 för beslut")
    );
    assert_diagnostic(&source, "två gränser för samma dokumenttyp", "45", None);
}

#[test]
fn a_template_without_perspectives() {
    let source = criterion("K", "kräver text /a/");
    let all = errors(&source);
    assert!(
        all.iter()
            .any(|d| d.message == "mallen har inget perspektiv"
                && d.help.as_deref().is_some_and(|h| h.contains("perspektiv"))),
        "{all:#?}"
    );
}

#[test]
fn an_unknown_value_of_a_closed_vocabulary() {
    let source = format!(
        "{P}{}",
        criterion("K", "gäller beslut där utfall är avslgas  kräver text /a/")
    );
    assert_diagnostic(&source, "värde för utfall", "avslgas", None);
}

#[test]
fn a_measure_that_does_not_exist() {
    let source = format!("{P}{}", criterion("K", "mått ordlängd högst 7"));
    assert_diagnostic(&source, "ordlängd", "ordlängd", None);
}

#[test]
fn a_yield_to_a_criterion_that_does_not_exist() {
    let source = format!(
        "{P}{}",
        criterion("K", "förbjuder \"erhålla\"  viker för KS-SAKNAS")
    );
    assert_diagnostic(
        &source,
        "det finns inget kriterium `KS-SAKNAS`",
        "KS-SAKNAS",
        None,
    );
}

#[test]
fn every_kind_of_diagnostic_has_its_own_stable_code() {
    use granska::template::code;
    let mut seen = std::collections::HashSet::new();
    for c in code::ALL {
        assert!(seen.insert(c), "{c} används två gånger");
        assert!(
            c.starts_with("mall::")
                && c[6..]
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "{c}"
        );
    }
    let code_of = |source: &str, message: &str| {
        errors(source)
            .into_iter()
            .find(|d| d.message.contains(message))
            .map(|d| d.code)
    };
    let twice = format!(
        "{P}perspektiv p \"Igen\"\n{}",
        criterion("K", "kräver text /a/")
    );
    assert_eq!(
        code_of(&twice, "finns redan"),
        Some(code::DUPLICATE_PERSPECTIVE)
    );
    let empty = format!("{P}{}", criterion("K", "förbjuder \"  \""));
    assert_eq!(code_of(&empty, "frasen är tom"), Some(code::EMPTY_PHRASE));
    let unknown = format!("{P}{}", criterion("K", "kräver avsnitt okänd"));
    assert_eq!(code_of(&unknown, "okänd"), Some(code::UNKNOWN_NAME));
}
