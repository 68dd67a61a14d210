//! The embedded standard template: it is valid, every criterion carries met and
//! not-met examples, and every example gives the stated result.

use granska::criteria::Check;
use granska::engine::test_examples;
use granska::template::Template;

#[test]
fn the_standard_template_is_valid() {
    let template = Template::standard().unwrap_or_else(|e| panic!("{e}: {:#?}", e.errors));
    assert_eq!(template.perspectives.len(), 5);
}

#[test]
fn every_criterion_has_met_and_not_met_examples() {
    let template = Template::standard().unwrap();
    for c in template
        .criteria
        .iter()
        .filter(|c| matches!(c.check, Check::Rules { .. }))
    {
        assert!(
            c.examples.iter().filter(|e| e.met).count() >= 2,
            "{} needs two met examples",
            c.id
        );
        assert!(
            c.examples.iter().filter(|e| !e.met).count() >= 2,
            "{} needs two not-met examples",
            c.id
        );
        assert!(c.source.is_some(), "{} has no source", c.id);
        assert!(c.advice.is_some(), "{} has no advice", c.id);
    }
}

#[test]
fn every_example_gives_the_stated_result() {
    let template = Template::standard().unwrap();
    let (count, failures) = test_examples(&template);
    assert!(count >= 24, "only {count} examples");
    assert!(failures.is_empty(), "failing examples: {failures:#?}");
}

#[test]
fn criterion_ids_are_unique() {
    let template = Template::standard().unwrap();
    let mut ids: Vec<&str> = template.criteria.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len());
}
