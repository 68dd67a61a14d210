//! criterion benchmarks of granska's engine: compiling the standard template,
//! analysing one document, the full template on one document, and one
//! criterion of each requirement kind.
//!
//! `cargo bench --bench motor` (results in `target/criterion/`). Throughput is
//! per byte of document text, so the figures compare with the batch runs in
//! `BENCHMARKS.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use granska::engine::evaluate;
use granska::ingest::{Document, Metadata};
use granska::language::Analysis;
use granska::template::{Loader, Template};

/// A typical utredning and beslut from the labelled corpus.
fn documents() -> Vec<Document> {
    [
        "fixtures/korpus/u01-hemtjanst-gunnel.md",
        "fixtures/korpus/b01-hemtjanst-bifall.md",
    ]
    .iter()
    .map(|path| {
        let text = std::fs::read_to_string(path).expect("the corpus is in place");
        Document::from_text(path, text, &Metadata::default())
    })
    .collect()
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn template_compile(c: &mut Criterion) {
    c.bench_function("mall/kompilera standardmallen", |b| {
        b.iter(|| Template::standard().expect("the standard template is valid"))
    });
}

fn analysis(c: &mut Criterion) {
    let docs = documents();
    let mut group = c.benchmark_group("dokument");
    group.throughput(Throughput::Bytes(bytes(&docs)));
    group.bench_function("läsa och dela upp", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(Document::from_text(
                    &d.path,
                    d.text.clone(),
                    &Metadata::default(),
                ));
            }
        })
    });
    group.bench_function("analysera", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(Analysis::of(d));
            }
        })
    });
    let template = Template::standard().expect("the standard template is valid");
    group.bench_function("hela standardmallen", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(evaluate(&template, d));
            }
        })
    });
    group.finish();
}

/// One criterion of each requirement kind, on the same documents.
fn requirement_kinds(c: &mut Criterion) {
    let docs = documents();
    let kinds = [
        ("avsnitt", "kräver avsnitt motivering med minst 15 ord"),
        ("fras", "kräver fras \"överklaga\""),
        (
            "text (regex)",
            "kräver text /\\b(eftersom|därför att|på grund av)\\b/i",
        ),
        (
            "text i samma mening",
            "kräver text /överklag/i i samma mening som text /förvaltningsrätt/i",
        ),
        ("lexikon", "förbjuder lexikon kanslisprak"),
        (
            "detektor egen_uppfattning",
            "kräver detektor egen_uppfattning",
        ),
        ("detektor passiv", "förbjuder detektor passiv"),
        ("mått lix", "mått lix högst 45"),
        ("mått meningslängd", "mått meningslängd högst 25"),
        (
            "logik",
            "kräver (fras \"du\" eller fras \"dig\") och inte fras \"sökanden\"",
        ),
    ];
    let mut group = c.benchmark_group("kravtyp");
    group.throughput(Throughput::Bytes(bytes(&docs)));
    for (name, rule) in kinds {
        let source = format!(
            "perspektiv p \"P\"\nlexikon kanslisprak = \"lexikon/kanslisprak.tsv\"\navsnitt motivering = \"Motivering\", \"Skäl\"\n\
             kriterium K \"k\" {{ perspektiv p {rule} meddelande \"m\" exempel uppfyllt \"a\" exempel ej_uppfyllt \"b\" }}\n"
        );
        let template = Template::from_source("bänk.gm", &source, &Loader::Embedded)
            .expect("the bench template is valid");
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(evaluate(&template, d));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, template_compile, analysis, requirement_kinds);
criterion_main!(benches);
