//! Running the examples embedded in a template's criteria.

use super::batch::BatchIndex;
use crate::criteria::{Context, Status};
use crate::ingest::{Document, Metadata};
use crate::language::Analysis;
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
    /// Whether the example should meet the criterion.
    pub expected_met: bool,
    /// What happened instead.
    pub actual: Status,
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
    for (index, criterion) in template.criteria.iter().enumerate() {
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
            let analysis = Analysis::of(doc);
            let ctx = Context::new(template, doc, &analysis).with_batch(Some(&batch));
            let status = criterion.evaluate(index, &ctx, &mut Vec::new());
            let expected = if example.met {
                Status::Met
            } else {
                Status::NotMet
            };
            if status != expected {
                failures.push(ExampleFailure {
                    criterion: criterion.id.clone(),
                    line: example.line,
                    file: example.file.clone(),
                    expected_met: example.met,
                    actual: status,
                });
            }
        }
    }
    (count, failures)
}
