//! A template can't crash granska: an expression nested too deeply, templates
//! that start from each other in a ring and chains of `utgår från` that are
//! too long are errors that point into the file, never a stack overflow; every
//! other error of the template is still shown.
//!
//! (Loading time is measured in `benches/motor.rs`, group `mall`, not here.)

mod common;

use std::path::Path;

use granska::criteria::Status;
use granska::engine::{evaluate, test_examples};
use granska::ingest::{Document, Metadata};
use granska::report::{explain, text};
use granska::template::syntax::{self, MAX_DEPTH};
use granska::template::{Diagnostic, Loader, MAX_CHAIN, Template};
use proptest::prelude::*;

use common::granska;

// ------------------------------------------------------------ building inputs

/// A template with one criterion whose `gäller` and `kräver` lines are given.
fn template(applies: &str, requires: &str) -> String {
    format!(
        r#"mall "T" version "1"
perspektiv rs "RS" vikt 1 mål 90 %
kriterium T-1 "t" {{
  perspektiv rs
  gäller {applies}
  allvar fel
  källa "x"
  kräver {requires}
  meddelande "m"
  råd "r"
  exempel uppfyllt """
    Beslut
    Du kan överklaga.
  """
  exempel ej_uppfyllt """
    Beslut
    Nej.
  """
}}
"#
    )
}

/// One level of nesting around an expression.
#[derive(Debug, Clone, Copy)]
enum Wrap {
    /// `(x)`
    Parens,
    /// `inte x`
    Not,
    /// `(a och x)`
    AndLeft,
    /// `(x eller b)`
    OrRight,
    /// `inte (x)`: two levels.
    NotParens,
}

const WRAPS: [Wrap; 5] = [
    Wrap::Parens,
    Wrap::Not,
    Wrap::AndLeft,
    Wrap::OrRight,
    Wrap::NotParens,
];

/// An expression: its text and the byte offset of the `(` or `inte` that
/// opens each nesting level, outermost first.
struct Nested {
    text: String,
    opens: Vec<usize>,
}

/// `atom` inside `wraps` (innermost first); `other` is the second operand of
/// `och` and `eller`.
fn nest(atom: &str, other: &str, wraps: &[Wrap]) -> Nested {
    // Built from the outside in: a prefix and a suffix around the atom.
    let mut prefix = String::new();
    let mut suffixes: Vec<String> = Vec::new();
    let mut opens = Vec::new();
    for wrap in wraps.iter().rev() {
        match wrap {
            Wrap::Parens => {
                opens.push(prefix.len());
                prefix.push('(');
                suffixes.push(")".into());
            }
            Wrap::Not => {
                opens.push(prefix.len());
                prefix.push_str("inte ");
                suffixes.push(String::new());
            }
            Wrap::AndLeft => {
                opens.push(prefix.len());
                prefix.push_str(&format!("({other} och "));
                suffixes.push(")".into());
            }
            Wrap::OrRight => {
                opens.push(prefix.len());
                prefix.push('(');
                suffixes.push(format!(" eller {other})"));
            }
            Wrap::NotParens => {
                opens.push(prefix.len());
                prefix.push_str("inte ");
                opens.push(prefix.len());
                prefix.push('(');
                suffixes.push(")".into());
            }
        }
    }
    let mut text = prefix;
    text.push_str(atom);
    for suffix in suffixes.iter().rev() {
        text.push_str(suffix);
    }
    Nested { text, opens }
}

/// `n` levels of one kind of wrapping.
fn repeated(wrap: Wrap, n: usize) -> Vec<Wrap> {
    vec![wrap; n]
}

/// How many levels a wrapping adds.
fn levels(wrap: Wrap) -> usize {
    if matches!(wrap, Wrap::NotParens) {
        2
    } else {
        1
    }
}

/// `n` levels of every kind in turn.
fn mixed(n: usize) -> Vec<Wrap> {
    let mut wraps = Vec::new();
    let mut depth = 0;
    let mut kinds = WRAPS.iter().cycle();
    while depth < n {
        let mut wrap = *kinds.next().expect("cycle is endless");
        if depth + levels(wrap) > n {
            wrap = Wrap::Parens;
        }
        depth += levels(wrap);
        wraps.push(wrap);
    }
    wraps
}

fn depth_of(wraps: &[Wrap]) -> usize {
    wraps.iter().map(|&w| levels(w)).sum()
}

/// Whether `atom` holds after `wraps`, given whether the atom itself holds
/// and whether `other` holds.
fn truth(wraps: &[Wrap], atom: bool, other: bool) -> bool {
    wraps.iter().fold(atom, |x, wrap| match wrap {
        Wrap::Parens => x,
        Wrap::Not | Wrap::NotParens => !x,
        Wrap::AndLeft => other && x,
        Wrap::OrRight => x || other,
    })
}

/// Where an expression goes: after `gäller alla där` or after `kräver`.
#[derive(Debug, Clone, Copy)]
enum Place {
    Where,
    Requires,
}

const CONDITION: (&str, &str) = ("utfall är avslag", "lag är sol");
const REQUIREMENT: (&str, &str) = ("text /överklaga/i", "fras \"förvaltningsrätt\"");

/// A template with `wraps` around the atom in `place`, and the byte offset of
/// the opener of each level in it.
fn nested_template(place: Place, wraps: &[Wrap]) -> (String, Vec<usize>) {
    let (atom, other) = match place {
        Place::Where => CONDITION,
        Place::Requires => REQUIREMENT,
    };
    let nested = nest(atom, other, wraps);
    let source = match place {
        Place::Where => template(&format!("alla där {}", nested.text), REQUIREMENT.0),
        Place::Requires => template("alla", &nested.text),
    };
    let at = source
        .find(&nested.text)
        .expect("the expression is in the template");
    (source, nested.opens.iter().map(|o| at + o).collect())
}

/// (line, column) from 1 of byte `offset`, counted here from the text.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

fn load(source: &str) -> Result<Template, Vec<Diagnostic>> {
    Template::from_source("t.gm", source, &Loader::Embedded).map_err(|e| e.errors)
}

fn is_depth_error(d: &Diagnostic) -> bool {
    d.message == format!("uttrycket är nästlat djupare än {MAX_DEPTH} nivåer")
}

/// Asserts that `errors` is exactly one depth error, at byte `at` of the
/// template, with help.
fn assert_depth_error(errors: &[Diagnostic], source: &str, at: usize, what: &str) {
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(errors.len(), 1, "{what}: {messages:#?}");
    let e = &errors[0];
    assert!(is_depth_error(e), "{what}: {messages:?}");
    assert_eq!(e.span.start, at, "{what}");
    assert!(matches!(&source[e.span.clone()], "(" | "inte"), "{what}");
    assert_eq!(e.position(), Some(line_column(source, at)), "{what}");
    assert!(
        e.help.as_deref().is_some_and(|h| h.contains("dela upp")),
        "{what}"
    );
    assert_eq!(
        e.label.as_deref(),
        Some(format!("nivå {} börjar här", MAX_DEPTH + 1).as_str())
    );
}

/// Every shape of nesting, `n` levels deep.
fn shapes(n: usize) -> Vec<(&'static str, Vec<Wrap>)> {
    vec![
        ("parenteser", repeated(Wrap::Parens, n)),
        ("inte", repeated(Wrap::Not, n)),
        ("och", repeated(Wrap::AndLeft, n)),
        ("eller", repeated(Wrap::OrRight, n)),
        ("blandat", mixed(n)),
    ]
}

fn document(outcome: &str, text: &str) -> Document {
    let mut metadata = Metadata::default();
    metadata.insert("utfall", outcome);
    metadata.insert("lag", "SoL");
    Document::from_text("d.md", text.to_string(), &metadata)
}

// ------------------------------------------------------------ nesting depth

#[test]
fn the_mixed_shape_has_the_depth_asked_for() {
    for n in [1, 2, 3, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 1000] {
        assert_eq!(depth_of(&mixed(n)), n);
        assert_eq!(nest("a", "b", &mixed(n)).opens.len(), n);
    }
    assert_eq!(nest("a", "b", &[Wrap::NotParens]).text, "inte (a)");
    assert_eq!(
        nest("a", "b", &[Wrap::AndLeft, Wrap::OrRight]).text,
        "((b och a) eller b)"
    );
}

/// At the limit and just below it, every shape loads and is checked,
/// evaluated, listed (`mall visa`), explained and tested with its examples:
/// nothing downstream of the parser recurses deeper than it.
#[test]
fn nesting_up_to_the_limit_is_loaded_and_evaluated() {
    for n in [MAX_DEPTH - 1, MAX_DEPTH] {
        for (shape, wraps) in shapes(n) {
            for place in [Place::Where, Place::Requires] {
                let what = format!("{shape}, {n} nivåer, {place:?}");
                let (source, _) = nested_template(place, &wraps);
                let t = load(&source).unwrap_or_else(|e| panic!("{what}: {e:#?}"));
                assert!(explain::list(&t).contains("T-1"), "{what}");
                assert!(explain::explain(&t, &t.criteria[0]).contains("T-1"));
                let _ = test_examples(&t);
                // (utfall, text, says överklaga, says förvaltningsrätt)
                for (outcome, text, a, b) in [
                    (
                        "avslag",
                        "Beslut\n\nDu kan överklaga hos förvaltningsrätt.\n",
                        true,
                        true,
                    ),
                    ("bifall", "Beslut\n\nDu får hemtjänst.\n", false, false),
                    (
                        "avslag",
                        "Beslut\n\nDu kan överklaga beslutet.\n",
                        true,
                        false,
                    ),
                    (
                        "bifall",
                        "Beslut\n\nDet är förvaltningsrätt som prövar.\n",
                        false,
                        true,
                    ),
                ] {
                    let doc = document(outcome, text);
                    let status = evaluate(&t, &doc).statuses[0];
                    let met = |yes: bool| if yes { Status::Met } else { Status::NotMet };
                    let expected = match place {
                        // `lag är sol` holds for every document; the
                        // requirement is `text /överklaga/i`.
                        Place::Where if !truth(&wraps, outcome == "avslag", true) => {
                            Status::NotApplicable
                        }
                        Place::Where => met(a),
                        Place::Requires => met(truth(&wraps, a, b)),
                    };
                    assert_eq!(status, expected, "{what}, {outcome}: {text}");
                }
            }
        }
    }
}

#[test]
fn one_level_too_many_is_a_located_error() {
    for (shape, wraps) in shapes(MAX_DEPTH + 1) {
        for place in [Place::Where, Place::Requires] {
            let what = format!("{shape}, {place:?}");
            let (source, opens) = nested_template(place, &wraps);
            let errors = load(&source).expect_err(&what);
            assert_depth_error(&errors, &source, opens[MAX_DEPTH], &what);
        }
    }
}

#[test]
fn very_deep_nesting_is_an_error_not_a_crash() {
    for n in [10_000, 100_000] {
        for (shape, wraps) in shapes(n) {
            for place in [Place::Where, Place::Requires] {
                let what = format!("{shape}, {n} nivåer, {place:?}");
                let (source, opens) = nested_template(place, &wraps);
                let errors = load(&source).expect_err(&what);
                assert_depth_error(&errors, &source, opens[MAX_DEPTH], &what);
                // The parser alone, too.
                let (_, errors) = syntax::parse(&source);
                assert_eq!(errors.len(), 1, "{what}");
            }
        }
    }
}

/// Width is not depth: thousands of alternatives side by side, each in its
/// own parentheses, load and are evaluated.
#[test]
fn wide_expressions_are_not_deep() {
    let alternatives: Vec<String> = (0..10_000)
        .map(|i| format!("(fras \"ord{i}\" och inte fras \"inte{i}\")"))
        .collect();
    let source = template(
        &format!(
            "alla där {}",
            vec!["(utfall är avslag)"; 10_000].join(" eller ")
        ),
        &alternatives.join(" eller "),
    );
    let t = load(&source).unwrap_or_else(|e| panic!("{:#?}", &e[..e.len().min(3)]));
    let doc = document("avslag", "Beslut\n\nHär står ord9999.\n");
    assert_eq!(evaluate(&t, &doc).statuses[0], Status::Met);
    let doc = document("avslag", "Beslut\n\nHär står ord9999 och inte9999.\n");
    assert_eq!(evaluate(&t, &doc).statuses[0], Status::NotMet);
}

/// Unbalanced: a million opening parentheses and nothing else.
#[test]
fn a_million_open_parentheses_are_one_error() {
    let source = template(&format!("alla där {}", "(".repeat(1_000_000)), "fras \"x\"");
    let errors = load(&source).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(is_depth_error(&errors[0]));
}

/// A deep `där` in one criterion, a deep `kräver` in another and an ordinary
/// mistake in a third: all three are reported, in file order, and the broken
/// criteria are not also reported as incomplete.
#[test]
fn every_error_of_a_template_with_deep_expressions_is_shown() {
    let deep_where = nest("utfall är avslag", "lag är sol", &mixed(100_000)).text;
    let deep_requires = nest("fras \"a\"", "fras \"b\"", &repeated(Wrap::Parens, 500)).text;
    let source = format!(
        "perspektiv rs \"RS\"\n\
         kriterium A \"a\" {{\n  perspektiv rs\n  gäller alla där {deep_where}\n  kräver fras \"x\"\n  meddelande \"m\"\n}}\n\
         kriterium B \"b\" {{\n  perspektiv rs\n  kräver {deep_requires}\n  meddelande \"m\"\n}}\n\
         kriterium C \"c\" {{\n  perspektiv rattsäkerhet\n  kräver fras \"x\"\n  meddelande \"m\"\n  exempel uppfyllt \"x\"\n  exempel ej_uppfyllt \"y\"\n}}\n"
    );
    let errors = load(&source).unwrap_err();
    let shown: Vec<(usize, &str)> = errors
        .iter()
        .map(|e| (e.position().unwrap().0, e.message.as_str()))
        .collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(is_depth_error(&errors[0]) && shown[0].0 == 4, "{shown:?}");
    assert!(is_depth_error(&errors[1]) && shown[1].0 == 10, "{shown:?}");
    assert_eq!(shown[2], (14, "okänt perspektiv `rattsäkerhet`"));
}

/// The parser in a thread with a small stack (the main thread of a program
/// has 8 MB, a test thread 2 MB): the bound, not a large stack, is what keeps
/// it safe. Optimised builds need far less than debug builds.
#[test]
fn the_limit_holds_with_a_small_stack() {
    let stack = if cfg!(debug_assertions) {
        1 << 20
    } else {
        256 << 10
    };
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(|| {
            for place in [Place::Where, Place::Requires] {
                let (source, _) = nested_template(place, &mixed(MAX_DEPTH));
                load(&source).expect("at the limit");
                let (source, _) = nested_template(place, &mixed(100_000));
                assert!(load(&source).is_err());
            }
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
}

// ------------------------------------------------------------ `utgår från`

/// A valid template to start from.
const ROOT: &str = "mall \"Grund\" version \"1\"\nperspektiv rs \"RS\" vikt 1\n";

/// Writes `files` (name, text) into a new folder.
fn folder(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn base(of: &str) -> String {
    format!("utgår från \"{of}\"\nperspektiv p \"P\"\n")
}

/// Loads `name` from `dir` as `granska mall kontrollera` would (the name as
/// given, includes beside it).
fn load_file(dir: &Path, name: &str) -> Result<Template, Vec<Diagnostic>> {
    let source = std::fs::read_to_string(dir.join(name)).unwrap();
    Template::from_source(name, &source, &Loader::folder(dir)).map_err(|e| e.errors)
}

/// Where the `"…"` after `utgår från` is in `file` of `dir`.
fn base_position(dir: &Path, file: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("utgår från"))
        .unwrap();
    (line + 1, "utgår från ".chars().count() + 1)
}

/// Asserts one error: the ring, in `file`, at its `utgår från`.
fn assert_ring(dir: &Path, top: &str, file: &str, message: &str) {
    let errors = load_file(dir, top).expect_err(message);
    let shown: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(shown, [message]);
    let e = &errors[0];
    assert_eq!(e.source.as_ref().unwrap().name(), file);
    assert_eq!(e.position(), Some(base_position(dir, file)));
    assert_eq!(e.label.as_deref(), Some("här sluts ringen"));
    assert!(e.help.as_deref().unwrap().contains("ta bort `utgår från`"));
    // The same from the file itself (named by its whole path).
    let errors = Template::from_file(&dir.join(top)).unwrap_err().errors;
    assert_eq!(errors.len(), 1);
    let (_, after_first_name) = message.split_once(": ").unwrap().1.split_once(' ').unwrap();
    assert!(
        errors[0].message.ends_with(after_first_name),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].position(), Some(base_position(dir, file)));
}

#[test]
fn a_template_that_starts_from_itself_is_an_error() {
    let dir = folder(&[("a.gm", format!("{}{ROOT}", base("a.gm")))]);
    assert_ring(
        dir.path(),
        "a.gm",
        "a.gm",
        "mallen utgår från sig själv: a.gm utgår från a.gm",
    );
    // Spelt another way, it is still the same file.
    let dir = folder(&[("sub/a.gm", format!("{}{ROOT}", base("../sub/./a.gm")))]);
    let errors = load_file(&dir.path().join("sub"), "a.gm").unwrap_err();
    assert_eq!(
        errors[0].message,
        "mallen utgår från sig själv: a.gm utgår från ../sub/./a.gm"
    );
}

#[test]
fn two_templates_that_start_from_each_other_are_an_error() {
    let dir = folder(&[
        ("a.gm", format!("{}{ROOT}", base("b.gm"))),
        ("b.gm", format!("{}{ROOT}", base("a.gm"))),
    ]);
    assert_ring(
        dir.path(),
        "a.gm",
        "b.gm",
        "mallarna utgår från varandra i en ring: a.gm utgår från b.gm som utgår från a.gm",
    );
    assert_ring(
        dir.path(),
        "b.gm",
        "a.gm",
        "mallarna utgår från varandra i en ring: b.gm utgår från a.gm som utgår från b.gm",
    );
}

#[test]
fn three_templates_in_a_ring_are_an_error() {
    let dir = folder(&[
        ("a.gm", base("b.gm")),
        ("b.gm", base("mallar/c.gm")),
        ("mallar/c.gm", base("../a.gm")),
    ]);
    assert_ring(
        dir.path(),
        "a.gm",
        "mallar/c.gm",
        "mallarna utgår från varandra i en ring: a.gm utgår från b.gm som utgår från mallar/c.gm som utgår från ../a.gm",
    );
}

/// The ring need not include the template asked for; the message names only
/// the ring.
#[test]
fn a_ring_further_down_the_chain_is_named_alone() {
    let dir = folder(&[
        ("top.gm", base("a.gm")),
        ("a.gm", base("b.gm")),
        ("b.gm", base("a.gm")),
    ]);
    assert_ring(
        dir.path(),
        "top.gm",
        "b.gm",
        "mallarna utgår från varandra i en ring: a.gm utgår från b.gm som utgår från a.gm",
    );
}

/// Other errors in the templates of a ring are still shown.
#[test]
fn other_errors_in_a_ring_are_shown_too() {
    let dir = folder(&[
        (
            "a.gm",
            format!(
                "{}kriterium K \"k\" {{\n  perspektiv okänd\n}}\n",
                base("b.gm")
            ),
        ),
        ("b.gm", format!("{}stäng av FINNS-INTE\n", base("a.gm"))),
    ]);
    let errors = load_file(dir.path(), "a.gm").unwrap_err();
    let shown: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.source.as_ref().unwrap().name(), e.message.as_str()))
        .collect();
    assert!(
        shown
            .iter()
            .any(|(f, m)| *f == "b.gm" && m.contains("i en ring")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|(f, m)| *f == "a.gm" && m.contains("okänt perspektiv")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|(f, m)| *f == "b.gm" && *m == "okänt kriterium `FINNS-INTE`"),
        "{shown:#?}"
    );
}

/// `chain[0]` is asked for and starts from `chain[1]`, and so on; the last
/// is [`ROOT`].
fn chain(n: usize) -> tempfile::TempDir {
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let text = if i + 1 == n {
                ROOT.to_string()
            } else {
                base(&format!("m{}.gm", i + 1))
            };
            (format!("m{i}.gm"), text)
        })
        .collect();
    let files: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    folder(&files)
}

#[test]
fn chains_up_to_the_limit_load_and_longer_ones_are_an_error() {
    let dir = chain(MAX_CHAIN);
    let t = load_file(dir.path(), "m0.gm").unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(t.name, "Grund");
    for n in [MAX_CHAIN + 1, 100] {
        let dir = chain(n);
        let errors = load_file(dir.path(), "m0.gm").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let e = &errors[0];
        let last = format!("m{}.gm", MAX_CHAIN - 1);
        assert_eq!(e.source.as_ref().unwrap().name(), last);
        assert_eq!(e.position(), Some(base_position(dir.path(), &last)));
        let names: Vec<String> = (1..=MAX_CHAIN).map(|i| format!("m{i}.gm")).collect();
        assert_eq!(
            e.message,
            format!(
                "för många nivåer av `utgår från` (högst {MAX_CHAIN} mallar): m0.gm utgår från {}",
                names.join(" som utgår från ")
            )
        );
    }
}

// ------------------------------------------------------------ confinement

/// A template reads files in its own folder and below it, and the embedded
/// ones; never outside, however the path is written — and never echoes
/// what is there.
#[test]
fn includes_stay_in_the_template_folder() {
    let outside = folder(&[
        ("hemlig.txt", "HEMLIG RAD 811218-9876\n".to_string()),
        ("bas.gm", ROOT.to_string()),
    ]);
    let secret = outside.path().join("hemlig.txt");
    let foreign_base = outside.path().join("bas.gm");
    let dir = folder(&[
        ("delar/bas.gm", ROOT.to_string()),
        (
            "delar/ord.tsv",
            "ord\tersättning\nerhålla\tfå\n".to_string(),
        ),
    ]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path().join("länk.txt")).unwrap();
    let lexicon = |path: &str| format!("{ROOT}lexikon egna = \"{path}\"\n");
    let up = format!(
        "../{}",
        outside.path().file_name().unwrap().to_string_lossy()
    );
    let cases = [
        ("absolut", base(&foreign_base.display().to_string())),
        ("uppåt", base(&format!("{up}/bas.gm"))),
        ("lexikon absolut", lexicon(&secret.display().to_string())),
        (
            "lexikon uppåt",
            lexicon(&format!("delar/../{up}/hemlig.txt")),
        ),
        #[cfg(unix)]
        ("länk", lexicon("länk.txt")),
    ];
    for (what, text) in cases {
        std::fs::write(dir.path().join("m.gm"), &text).unwrap();
        let errors = load_file(dir.path(), "m.gm").map(|_| ()).unwrap_err();
        let all = rendered(&errors);
        assert!(all.contains("utanför mallens mapp"), "{what}: {all}");
        assert!(!all.contains("HEMLIG"), "{what}: {all}");
    }
    // Inside the folder, a subfolder and the way back up are fine.
    for text in [
        base("delar/bas.gm"),
        lexicon("delar/ord.tsv"),
        lexicon("delar/../delar/ord.tsv"),
    ] {
        std::fs::write(dir.path().join("m.gm"), &text).unwrap();
        load_file(dir.path(), "m.gm").unwrap_or_else(|e| panic!("{text}: {e:#?}"));
    }
}

/// A municipal template that names a perspective with å, ä or ö changes the
/// standard one; it does not add an empty sixth.
#[test]
fn perspective_ids_with_swedish_letters_are_the_same_perspective() {
    let dir = folder(&[(
        "kommun.gm",
        "utgår från \"standard\"\nmall \"Kommun\" version \"1\"\n\
         perspektiv klarspråk \"Klarspråk\" vikt 2 mål 85 %\n\
         perspektiv Rättssäkerhet \"Rättssäkerhet\" vikt 3 mål 95 %\n"
            .to_string(),
    )]);
    let t = load_file(dir.path(), "kommun.gm").unwrap_or_else(|e| panic!("{e:#?}"));
    let ids: Vec<&str> = t.perspectives.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "rattssakerhet",
            "salutogen",
            "klarsprak",
            "icf",
            "delaktighet"
        ]
    );
    let target = |id: &str| t.perspectives.iter().find(|p| p.id == id).unwrap().target;
    assert_eq!(target("klarsprak"), Some(0.85));
    assert_eq!(target("rattssakerhet"), Some(0.95));
    // A criterion may name it either way.
    let dir = folder(&[(
        "k.gm",
        format!(
            "{ROOT}perspektiv språk \"Språk\"\n{}",
            criterion_block("kriterium", "X-1", "Ett").replace("perspektiv rs", "perspektiv Språk")
        ),
    )]);
    let t = load_file(dir.path(), "k.gm").unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(t.perspectives.len(), 2);
    assert_eq!(t.criteria[0].perspective, 1);
}

// ------------------------------------------------------------ many criteria

fn criterion_block(keyword: &str, id: &str, title: &str) -> String {
    format!(
        "{keyword} {id} \"{title}\" {{\n  perspektiv rs\n  kräver fras \"x\"\n  meddelande \"m\"\n  \
         exempel uppfyllt \"x\"\n  exempel ej_uppfyllt \"y\"\n}}\n"
    )
}

/// Merging a variant into a large base: order kept, overrides in place,
/// `stäng av` and `ändra` by id in any case, a criterion switched off and
/// declared again goes last, and a repeated id in one file is an error.
#[test]
fn a_variant_of_a_large_template_merges_by_id() {
    let n = 2_000;
    let mut grund = String::from("perspektiv rs \"RS\"\n");
    for i in 0..n {
        grund.push_str(&criterion_block("kriterium", &format!("K{i}"), "grund"));
    }
    let variant = format!(
        "utgår från \"grund.gm\"\nstäng av K1, k3\nändra k5 {{ vikt 2 }}\n{}{}",
        criterion_block("kriterium", "K7", "ny"),
        criterion_block("kriterium", "K1", "tillbaka"),
    );
    let dir = folder(&[("grund.gm", grund), ("variant.gm", variant.clone())]);
    let t = load_file(dir.path(), "variant.gm").unwrap_or_else(|e| panic!("{e:#?}"));
    let ids: Vec<&str> = t.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), n - 1);
    assert_eq!(&ids[..6], ["K0", "K2", "K4", "K5", "K6", "K7"]);
    assert_eq!(ids.last(), Some(&"K1"));
    assert_eq!(t.criterion("K1").unwrap().title, "tillbaka");
    assert_eq!(t.criterion("K7").unwrap().title, "ny");
    assert_eq!(t.criterion("K5").unwrap().weight, 2.0);
    assert_eq!(t.criterion("K5").unwrap().title, "grund");
    // The same id twice in one file.
    let twice = format!("{variant}{}", criterion_block("kriterium", "k7", "igen"));
    let dir = folder(&[
        (
            "grund.gm",
            format!(
                "perspektiv rs \"RS\"\n{}",
                criterion_block("kriterium", "K7", "g")
            ),
        ),
        ("variant.gm", twice),
    ]);
    let errors = load_file(dir.path(), "variant.gm").unwrap_err();
    let shown: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(shown.contains(&"id:t `k7` finns redan"), "{shown:#?}");
    assert!(shown.contains(&"okänt kriterium `K1`"), "{shown:#?}");
}

// ------------------------------------------------------------ snapshots

/// The diagnostics as `granska` prints them, without colour.
fn rendered(errors: &[Diagnostic]) -> String {
    let handler = text::handler(false);
    let mut out = String::new();
    for e in errors {
        text::render_report(&handler, &mut out, e);
        out.push('\n');
    }
    out
}

#[test]
fn snapshot_of_a_ring() {
    let dir = folder(&[
        ("a.gm", format!("{}{ROOT}", base("b.gm"))),
        ("b.gm", format!("# Grunden\n{}", base("a.gm"))),
    ]);
    let errors = load_file(dir.path(), "a.gm").unwrap_err();
    insta::assert_snapshot!("ring", rendered(&errors));
}

#[test]
fn snapshot_of_depth_errors() {
    let where_ = nest(
        "utfall är avslag",
        "",
        &repeated(Wrap::Parens, MAX_DEPTH + 1),
    )
    .text;
    let requires = nest("fras \"a\"", "", &repeated(Wrap::Not, MAX_DEPTH + 1)).text;
    let source = format!(
        "perspektiv rs \"RS\"\nkriterium A \"a\" {{\n  perspektiv rs\n  gäller beslut där {where_}\n  kräver {requires}\n  meddelande \"m\"\n}}\n"
    );
    let errors = load(&source).unwrap_err();
    assert_eq!(errors.len(), 2);
    insta::assert_snapshot!("djup", rendered(&errors));
}

// ------------------------------------------------------------ the command

#[test]
fn the_command_exits_2_on_deep_nesting_and_rings() {
    let (deep, _) = nested_template(Place::Requires, &mixed(100_000));
    let (at_limit, _) = nested_template(Place::Where, &mixed(MAX_DEPTH));
    let dir = folder(&[
        ("djup.gm", deep),
        ("gräns.gm", at_limit),
        ("a.gm", format!("{}{ROOT}", base("b.gm"))),
        ("b.gm", base("a.gm")),
    ]);
    for (args, message) in [
        (vec!["mall", "kontrollera", "djup.gm"], "djup.gm:8:"),
        (
            vec!["mall", "visa", "djup.gm"],
            "nästlat djupare än 64 nivåer",
        ),
        (
            vec!["kontrollera", "--mall", "djup.gm", "."],
            "nästlat djupare",
        ),
        (
            vec!["mall", "kontrollera", "a.gm"],
            "a.gm utgår från b.gm som utgår från a.gm",
        ),
        (
            vec!["mall", "testa", "b.gm"],
            "b.gm utgår från a.gm som utgår från b.gm",
        ),
    ] {
        let out = granska()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // At the limit: no error (`mall testa` may find that the examples do not
    // fit the condition, exit 1).
    for (args, codes) in [
        (["mall", "kontrollera", "gräns.gm"], [0, 0]),
        (["mall", "visa", "gräns.gm"], [0, 0]),
        (["mall", "testa", "gräns.gm"], [0, 1]),
    ] {
        let out = granska()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        assert!(
            codes.contains(&code),
            "{args:?}: {code} {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// ------------------------------------------------------------ properties

/// A condition or requirement of any mix of `(`, `inte`, `och`, `eller`, atoms
/// and stray parentheses.
fn expression_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => Just("("),
        2 => Just(")"),
        2 => Just("inte"),
        1 => Just("och"),
        1 => Just("eller"),
        2 => Just("utfall är avslag"),
        2 => Just("text /a/i"),
        1 => Just("fras \"b\""),
        1 => Just("avsnitt motivering"),
    ];
    prop::collection::vec(token, 0..400).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any nesting of the shapes, deep or not: loads when within the limit,
    /// else exactly one error at the first level too many.
    #[test]
    fn nesting_is_loaded_or_one_located_error(
        wraps in prop::collection::vec(0..WRAPS.len(), 0..(MAX_DEPTH + 40)),
        requires in any::<bool>(),
    ) {
        let wraps: Vec<Wrap> = wraps.into_iter().map(|w| WRAPS[w]).collect();
        let place = if requires { Place::Requires } else { Place::Where };
        let (source, opens) = nested_template(place, &wraps);
        let depth = depth_of(&wraps);
        prop_assert_eq!(opens.len(), depth);
        match load(&source) {
            Ok(_) => prop_assert!(depth <= MAX_DEPTH, "depth {} loaded", depth),
            Err(errors) => {
                prop_assert!(depth > MAX_DEPTH, "depth {}: {:#?}", depth, errors);
                prop_assert_eq!(errors.len(), 1);
                prop_assert!(is_depth_error(&errors[0]));
                prop_assert_eq!(errors[0].span.start, opens[MAX_DEPTH]);
            }
        }
    }

    /// Arbitrary mixes never panic the parser or the checker, and every error
    /// is inside the text.
    #[test]
    fn expression_soup_never_panics(soup in expression_soup(), requires in any::<bool>()) {
        let source = if requires {
            template("alla", &soup)
        } else {
            template(&format!("alla där {soup}"), "fras \"x\"")
        };
        let (_, errors) = syntax::parse(&source);
        for e in &errors {
            prop_assert!(e.span.end <= source.len());
        }
        if let Err(errors) = load(&source) {
            prop_assert!(!errors.is_empty());
            for e in &errors {
                prop_assert!(e.span.end <= source.len());
                prop_assert!(source.is_char_boundary(e.span.start));
            }
        }
    }
}
