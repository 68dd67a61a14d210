//! The embedded standard template: it is valid, every criterion carries met and
//! not-met examples, and every example gives the stated result.

use granska::criteria::Check;
use granska::engine::test_examples;
use granska::template::{Loader, Template};

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
fn a_criterion_id_used_twice_is_refused_where_it_is_repeated() {
    // The checker guards the contract that ids are unique: the second use is
    // named, with its place, and the template is not used.
    let criterion = |title: &str| {
        format!(
            "kriterium K-1 \"{title}\" {{ perspektiv p  kräver text /a/  meddelande \"m\"  exempel uppfyllt \"a\"  exempel ej_uppfyllt \"b\" }}\n"
        )
    };
    let source = format!(
        "perspektiv p \"P\"\n{}{}",
        criterion("Första"),
        criterion("Andra")
    );
    let errors = Template::from_source("t.gm", &source, &Loader::Embedded)
        .map(|_| ())
        .expect_err("a repeated id is refused")
        .errors;
    let repeated = source.rfind("K-1").unwrap();
    let e = errors
        .iter()
        .find(|e| e.message.contains("K-1") && e.message.contains("finns redan"))
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(e.span.start, repeated);
    assert_eq!(&source[e.span.clone()], "K-1");
}

#[test]
fn every_criterion_of_the_catalogue_is_in_the_template() {
    // The ids and their perspectives from shared/design/criteria.md: the
    // contract.
    let expected = [
        ("RS-ANSOKAN", "rattssakerhet"),
        ("RS-UNDERLAG", "rattssakerhet"),
        ("RS-SAMTYCKE", "rattssakerhet"),
        ("RS-KOMMUNICERING", "rattssakerhet"),
        ("RS-BEDOMNING", "rattssakerhet"),
        ("RS-BESLUTSFATTARE", "rattssakerhet"),
        ("RS-LAGRUM", "rattssakerhet"),
        ("RS-MOTIVERING", "rattssakerhet"),
        ("RS-OVERKLAGANDE", "rattssakerhet"),
        ("RS-OMFATTNING", "rattssakerhet"),
        ("RS-UPPFOLJNING", "rattssakerhet"),
        ("RS-HANDLAGGNINGSTID", "rattssakerhet"),
        ("RS-INDIVIDUELL", "rattssakerhet"),
        ("RS-BARNETS-BASTA", "rattssakerhet"),
        ("RS-BESLUTSDATUM", "rattssakerhet"),
        ("RS-ALTERNATIV", "rattssakerhet"),
        ("RS-LAGRUM-AKTUELL", "rattssakerhet"),
        ("SA-RESURSER", "salutogen"),
        ("SA-BRISTSPRAK", "salutogen"),
        ("SA-BALANS", "salutogen"),
        ("SA-MAL", "salutogen"),
        ("KS-LIX", "klarsprak"),
        ("KS-MENINGSLANGD", "klarsprak"),
        ("KS-KANSLISPRAK", "klarsprak"),
        ("KS-FORKORTNINGAR", "klarsprak"),
        ("KS-PASSIV", "klarsprak"),
        ("KS-TILLTAL", "klarsprak"),
        ("IC-LIVSOMRADEN", "icf"),
        ("IC-KODER", "icf"),
        ("IC-BEHOV-RESURS-MAL", "icf"),
        ("IC-TERMER", "icf"),
        ("DL-UPPFATTNING", "delaktighet"),
        ("DL-MEDVERKAN", "delaktighet"),
        ("DL-BESLUT-INFORMATION", "delaktighet"),
        ("MQ-BEDOMNING-RIMLIG", "rattssakerhet"),
        ("MQ-INDIVIDUELL", "rattssakerhet"),
        ("MQ-INSATS-MATCHAR-BEHOV", "rattssakerhet"),
        ("MQ-UNDERLAG-TILLRACKLIGT", "rattssakerhet"),
        ("MQ-FAKTA-BEDOMNING", "rattssakerhet"),
        ("MQ-KOMMIT-TILL-TALS", "delaktighet"),
        ("MQ-BARN-HORT", "delaktighet"),
        ("MQ-SAMTYCKE-RATT-PERSON", "rattssakerhet"),
        ("MQ-BESLUT-MOTSVARAR-ANSOKAN", "rattssakerhet"),
        ("MQ-MOTIVERING-BEGRIPLIG", "klarsprak"),
        ("MQ-TIDSBEGRANSNING-MOTIVERAD", "rattssakerhet"),
        ("MQ-LIKVARDIG-RIKTLINJER", "rattssakerhet"),
    ];
    let template = Template::standard().unwrap();
    for (id, perspective) in expected {
        let c = template
            .criterion(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(template.perspectives[c.perspective].id, perspective, "{id}");
        assert_eq!(
            id.starts_with("MQ-"),
            matches!(c.check, Check::Question),
            "{id}"
        );
    }
    assert_eq!(template.criteria.len(), expected.len());
}

#[test]
fn the_templates_own_words_are_plain_swedish() {
    // Like a prose linter whose rule descriptions must pass its own rules:
    // every message and piece of advice passes the template's word lists.
    use granska::engine::evaluate;
    use granska::ingest::{Document, Metadata};
    let template = Template::standard().unwrap();
    let word_lists = [
        "KS-KANSLISPRAK",
        "SA-BRISTSPRAK",
        "IC-TERMER",
        "KS-FORKORTNINGAR",
    ];
    let mut problems = Vec::new();
    for c in &template.criteria {
        for text in [Some(&c.message), c.advice.as_ref()].into_iter().flatten() {
            let doc =
                Document::from_text(&c.id, text.replace(['{', '}'], ""), &Metadata::default());
            let outcome = evaluate(&template, &doc);
            for f in &outcome.findings {
                let id = &template.criteria[f.criterion].id;
                if word_lists.contains(&id.as_str()) {
                    problems.push(format!("{}: {id} ”{}”", c.id, &doc.text[f.range.clone()]));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
