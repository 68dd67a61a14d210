//! The standard template against the labelled tuning corpus: per criterion,
//! accuracy and Cohen's kappa between granska and the answer key written by a
//! reviewer (`fixtures/korpus/facit.json`), measured the way `granska
//! utvärdera` measures. Fails when any criterion's accuracy is below 0.9 or
//! the overall kappa below 0.85.
//!
//! Run with `cargo test --test agreement -- --nocapture` to see the table.
//! The held-out set (`fixtures/utvardering`) is measured by
//! `granska utvärdera`, never by a test that could be tuned against.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use granska::engine::evaluation::{AnswerKey, run};
use granska::ingest::{Limits, Reader, collect_inputs};
use granska::report::evaluation::render_text;
use granska::template::Template;

const MIN_ACCURACY: f64 = 0.9;
const MIN_KAPPA: f64 = 0.85;

#[test]
fn the_standard_template_agrees_with_the_answer_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/korpus");
    let key = AnswerKey::parse(
        &std::fs::read_to_string(dir.join("facit.json")).expect("facit.json exists"),
    )
    .expect("facit.json is a key");
    assert!(
        key.documents.len() >= 40,
        "the corpus has {} documents",
        key.documents.len()
    );
    let template = Template::standard().expect("the standard template is valid");
    let reader = Arc::new(Reader::in_process(Limits::default()));
    let (inputs, _) = collect_inputs(&[PathBuf::from(&dir)], None, reader);
    let (evaluation, errors) = run(&template, &key, inputs, 2).expect("the run starts");
    println!("{}", render_text(&evaluation, false));
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        evaluation.not_judged.is_empty(),
        "{:?}",
        evaluation.not_judged
    );
    assert!(evaluation.unknown_criteria.is_empty());
    let failing: Vec<String> = evaluation
        .criteria
        .iter()
        .filter(|c| c.accuracy < MIN_ACCURACY)
        .map(|c| format!("{} accuracy {:.3}", c.id, c.accuracy))
        .collect();
    let kappa = evaluation
        .overall
        .as_ref()
        .and_then(|o| o.kappa)
        .unwrap_or(0.0);
    assert!(
        failing.is_empty() && kappa >= MIN_KAPPA,
        "agreement too low (kappa {kappa:.3}); failing criteria: {failing:?}"
    );
}
