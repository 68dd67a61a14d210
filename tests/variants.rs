//! Municipal variants: a template that starts from the standard one and
//! changes it (`utgår från`, `stäng av`, `ändra`, `lexikon … +=`, new
//! criteria, new targets).

use std::path::Path;

use assert_cmd::Command;
use granska::criteria::{Check, Metric};
use granska::engine::evaluate;
use granska::ingest::{Document, Kind, Metadata};
use granska::template::{Loader, Template};

fn example() -> Template {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/exempel-kommun.gm");
    Template::from_file(&path).unwrap_or_else(|e| panic!("{:#?}", e.errors))
}

#[test]
fn the_example_municipality_changes_the_standard_template() {
    let standard = Template::standard().unwrap();
    let t = example();
    assert_eq!(t.name, "Exempelkommunens granskningsmall");
    // Switched off.
    assert!(standard.criterion("KS-PASSIV").is_some());
    assert!(t.criterion("KS-PASSIV").is_none());
    // Added.
    assert!(t.criterion("EK-TELEFON").is_some());
    assert_eq!(t.criteria.len(), standard.criteria.len());
    // A new target.
    let target = |t: &Template| {
        t.perspectives
            .iter()
            .find(|p| p.id == "delaktighet")
            .unwrap()
            .target
    };
    assert_eq!(target(&standard), Some(0.9));
    assert_eq!(target(&t), Some(0.95));
    // A new threshold; the rest of the criterion stays.
    let lix_bound = |t: &Template| match &t.criterion("KS-LIX").unwrap().check {
        Check::Rules { measures, .. } => {
            assert_eq!(measures[0].metric, Metric::Lix);
            measures[0].bound_for(Some(Kind::Beslut)).unwrap().value
        }
        Check::Question => unreachable!(),
    };
    assert_eq!(lix_bound(&standard), 45.0);
    assert_eq!(lix_bound(&t), 40.0);
    assert_eq!(
        t.criterion("KS-LIX").unwrap().source,
        standard.criterion("KS-LIX").unwrap().source
    );
    // Lexicon entries added to the standard ones.
    let text = "Vi vidtalade dig och du erhåller hemtjänst.";
    let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
    let outcome = evaluate(&t, &doc);
    let words: Vec<&str> = outcome
        .findings
        .iter()
        .filter(|f| t.criteria[f.criterion].id == "KS-KANSLISPRAK")
        .map(|f| &text[f.range.clone()])
        .collect();
    assert_eq!(words, ["vidtalade", "erhåller"]);
}

#[test]
fn the_example_municipality_passes_its_own_examples() {
    Command::cargo_bin("granska")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["mall", "testa", "rules/exempel-kommun.gm"])
        .assert()
        .success();
}

#[test]
fn mistakes_in_a_variant_point_into_the_variant() {
    let source = "utgår från \"standard\"\nstäng av KS-PASIV\nändra RS-OKAND { vikt 2 }\nlexikon nytt += \"x.tsv\"\n";
    let errors = Template::from_source("kommun.gm", source, &Loader::Embedded)
        .unwrap_err()
        .errors;
    let shown: Vec<(String, String, Option<String>)> = errors
        .iter()
        .map(|e| {
            (
                e.source.as_ref().unwrap().name().to_string(),
                e.message.clone(),
                e.help.clone(),
            )
        })
        .collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(shown.iter().all(|(file, _, _)| file == "kommun.gm"));
    assert_eq!(shown[0].2.as_deref(), Some("menade du `KS-PASSIV`?"));
    assert!(shown[1].1.contains("RS-OKAND"));
    assert!(shown[2].1.contains("finns inte i grundmallen"));
    let missing = Template::from_source(
        "kommun.gm",
        "utgår från \"finns-inte.gm\"\n",
        &Loader::Embedded,
    )
    .unwrap_err();
    assert!(
        missing
            .errors
            .iter()
            .any(|e| e.message.contains("grundmallen kunde inte läsas"))
    );
}
