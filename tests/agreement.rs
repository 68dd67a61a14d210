//! The standard template against the labelled corpus: per criterion, accuracy
//! and Cohen's kappa between granska and the answer key written by a reviewer
//! (`fixtures/korpus/facit.json`). Fails when any criterion's accuracy is below
//! 0.9 or the overall kappa below 0.85.
//!
//! Run with `cargo test --test agreement -- --nocapture` to see the table.

use std::collections::BTreeMap;
use std::path::Path;

use granska::criteria::Status;
use granska::engine::evaluate;
use granska::ingest::{Document, Metadata};
use granska::score::agreement::{Agreement, agreement};
use granska::template::Template;

const MIN_ACCURACY: f64 = 0.9;
const MIN_KAPPA: f64 = 0.85;

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::NotApplicable => "not_applicable",
        Status::Manual => "manual",
    }
}

#[test]
fn the_standard_template_agrees_with_the_answer_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/korpus");
    let key: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("facit.json")).expect("facit.json exists"),
    )
    .expect("facit.json is JSON");
    let template = Template::standard().expect("the standard template is valid");
    let documents = key["documents"].as_array().expect("documents");
    assert!(
        documents.len() >= 40,
        "the corpus has {} documents",
        documents.len()
    );

    let mut per_criterion: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let mut expected_findings = 0;
    let mut found_findings = 0;
    for entry in documents {
        let file = entry["file"].as_str().expect("file");
        let text =
            std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let doc = Document::from_text(file, text.clone(), &Metadata::default());
        let outcome = evaluate(&template, &doc);
        for (id, expected) in entry["statuses"].as_object().expect("statuses") {
            let Some(index) = template.criteria.iter().position(|c| c.id == *id) else {
                panic!("{file}: the key names {id}, which the template does not have");
            };
            let expected = expected.as_str().expect("status");
            let actual = status_word(outcome.statuses[index]);
            if expected != actual {
                disagreements.push(format!(
                    "{file:<40} {id:<22} facit {expected:<15} granska {actual}"
                ));
            }
            per_criterion
                .entry(id.clone())
                .or_default()
                .push((expected, actual));
        }
        for finding in entry["findings"].as_array().into_iter().flatten() {
            let criterion = finding["criterion"].as_str().unwrap_or_default();
            let excerpt = finding["excerpt"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase();
            expected_findings += 1;
            let hit = outcome.findings.iter().any(|f| {
                template.criteria[f.criterion].id == criterion
                    && text[f.range.clone()]
                        .to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .starts_with(&excerpt.split_whitespace().collect::<Vec<_>>().join(" "))
            });
            found_findings += usize::from(hit);
        }
    }

    let all: Vec<(&str, &str)> = per_criterion.values().flatten().copied().collect();
    let overall = agreement(&all).expect("the key has labels");
    let show = |a: &Agreement| a.kappa.map_or("–".to_string(), |k| format!("{k:.2}"));
    println!(
        "\n{:<22} {:>4} {:>9} {:>7}",
        "kriterium", "n", "accuracy", "kappa"
    );
    let mut failing = Vec::new();
    for (id, pairs) in &per_criterion {
        let a = agreement(pairs).expect("labels");
        println!("{id:<22} {:>4} {:>9.3} {:>7}", a.n, a.accuracy, show(&a));
        if a.accuracy < MIN_ACCURACY {
            failing.push(format!("{id} accuracy {:.3}", a.accuracy));
        }
    }
    println!(
        "{:<22} {:>4} {:>9.3} {:>7}",
        "totalt",
        overall.n,
        overall.accuracy,
        show(&overall)
    );
    println!("förväntade fynd som granska hittade: {found_findings} av {expected_findings}");
    if !disagreements.is_empty() {
        println!("\nOenigheter:");
        for d in &disagreements {
            println!("  {d}");
        }
    }
    let kappa = overall.kappa.unwrap_or(0.0);
    assert!(
        failing.is_empty() && kappa >= MIN_KAPPA,
        "agreement too low (kappa {kappa:.3}); failing criteria: {failing:?}"
    );
}
