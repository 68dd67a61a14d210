//! Running the examples embedded in a template's criteria.

use super::batch::BatchIndex;
use crate::criteria::{Context, Status};
use crate::ingest::{Document, Metadata};
use crate::template::Template;

/// An example whose outcome is not what the template says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The criterion's id.
    pub criterion: String,
    /// Line of the example in the template.
    pub line: usize,
    /// The template file the example is in.
    pub file: String,
    pub problem: ExampleProblem,
}

/// What an example got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleProblem {
    /// The status: met expected, or not.
    Status { expected_met: bool, actual: Status },
    /// No finding at a marked place (`«…»`); the places found instead.
    Place {
        expected: String,
        found: Vec<String>,
    },
    /// The finding at a marked place does not give the advice (`«…»[…]`).
    Advice {
        place: String,
        expected: String,
        found: Option<String>,
    },
}

/// Runs every example of every criterion; returns the number run and the
/// failures.
///
/// An example is read like a document. When it names no kind (front matter
/// `typ:` or a title such as "Beslut"), it takes the first kind the criterion
/// applies to.
pub fn test_examples(template: &Template) -> (usize, Vec<ExampleFailure>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for index in 0..template.criteria.len() {
        let (n, mut f) = test_criterion_examples(template, index);
        count += n;
        failures.append(&mut f);
    }
    (count, failures)
}

/// Runs the examples of criterion `index` (see [`test_examples`]).
pub fn test_criterion_examples(template: &Template, index: usize) -> (usize, Vec<ExampleFailure>) {
    let mut failures = Vec::new();
    let mut count = 0;
    {
        let criterion = &template.criteria[index];
        // Each example is a case of its own; together they are the batch.
        let docs: Vec<Document> = criterion
            .examples
            .iter()
            .enumerate()
            .map(|(n, example)| {
                let name = format!("{} exempel {}", criterion.id, n + 1);
                let mut doc =
                    Document::from_text(&name, example.text.clone(), &Metadata::default());
                if doc.kind.is_none() {
                    doc.kind = criterion.applies.kinds.first().copied();
                }
                doc
            })
            .collect();
        let batch = BatchIndex::of_documents(&docs);
        for (example, doc) in criterion.examples.iter().zip(&docs) {
            count += 1;
            let analysis = doc.analysis();
            let ctx = Context::new(&template.tables, doc, &analysis).with_batch(Some(&batch));
            let mut findings = Vec::new();
            let status = criterion.evaluate(index, &ctx, &mut findings);
            let expected = if example.met {
                Status::Met
            } else {
                Status::NotMet
            };
            let mut fail = |problem| {
                failures.push(ExampleFailure {
                    criterion: criterion.id.clone(),
                    line: example.line,
                    file: example.file.clone(),
                    problem,
                });
            };
            if status != expected {
                fail(ExampleProblem::Status {
                    expected_met: example.met,
                    actual: status,
                });
            }
            let text = |r: &std::ops::Range<usize>| doc.text[r.clone()].to_string();
            for mark in &example.marks {
                let Some(finding) = findings.iter().find(|f| f.range == mark.range) else {
                    fail(ExampleProblem::Place {
                        expected: text(&mark.range),
                        found: findings.iter().map(|f| text(&f.range)).collect(),
                    });
                    continue;
                };
                if let Some(advice) = &mark.advice {
                    if !finding
                        .suggestion
                        .as_deref()
                        .is_some_and(|s| s.contains(advice.as_str()))
                    {
                        fail(ExampleProblem::Advice {
                            place: text(&mark.range),
                            expected: advice.clone(),
                            found: finding.suggestion.clone(),
                        });
                    }
                }
            }
        }
    }
    (count, failures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Loader;

    /// The problems of the examples of a one-criterion template with the
    /// standard kanslisvenska lexicon and `examples`.
    fn problems(examples: &str) -> Vec<ExampleProblem> {
        let source = format!(
            "perspektiv p \"P\"\nlexikon k = \"lexikon/kanslisprak.tsv\"\nkriterium K \"k\" {{ perspektiv p  förbjuder lexikon k  meddelande \"m\"  exempel uppfyllt \"Du får hjälp.\"  {examples} }}\n"
        );
        let template = Template::from_source("t.gm", &source, &Loader::Embedded)
            .unwrap_or_else(|e| panic!("{:#?}", e.errors));
        test_examples(&template)
            .1
            .into_iter()
            .map(|f| f.problem)
            .collect()
    }

    #[test]
    fn a_marked_place_and_advice_are_checked() {
        assert_eq!(
            problems("exempel ej_uppfyllt \"Du «erhåller»[få] hjälp.\""),
            []
        );
        assert_eq!(
            problems("exempel ej_uppfyllt \"Du erhåller «hjälp».\""),
            [ExampleProblem::Place {
                expected: "hjälp".into(),
                found: vec!["erhåller".into()],
            }]
        );
        let advice = problems("exempel ej_uppfyllt \"Du «erhåller»[mottar] hjälp.\"");
        assert!(
            matches!(&advice[..], [ExampleProblem::Advice { place, expected, found: Some(_) }]
                if place == "erhåller" && expected == "mottar"),
            "{advice:?}"
        );
    }
}
