//! criterion benchmarks of granska's engine: compiling the standard template,
//! loading very large templates and lexicons, analysing one document, the
//! full template on one document, and one criterion of each requirement kind.
//!
//! `cargo bench --bench motor` (results in `target/criterion/`). Throughput is
//! per byte of document text, so the figures compare with the batch runs in
//! `BENCHMARKS.md`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use granska::engine::evaluate;
use granska::ingest::{Document, Metadata};
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

/// One criterion as the adversarial load test writes it, with id `T-K{i}`.
fn bench_criterion(i: usize) -> String {
    format!(
        "kriterium T-K{i} \"t\" {{\n  perspektiv rs\n  gäller beslut\n  allvar fel\n  källa \"x\"\n  \
         kräver text /överklaga/i\n  meddelande \"m\"\n  råd \"r\"\n  \
         exempel uppfyllt \"\"\"\n    Beslut\n    Du kan överklaga.\n  \"\"\"\n  \
         exempel ej_uppfyllt \"\"\"\n    Beslut\n    Nej.\n  \"\"\"\n}}\n"
    )
}

/// A lexicon of at least `bytes` bytes: distinct made-up words (letters from
/// a fixed pseudo-random sequence, then a number), a replacement and a note.
fn bench_lexicon(bytes: usize) -> String {
    let letters: Vec<char> = "abcdefghijklmnopqrstuvwxyzåäö".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::from("ord\tersättning\tkommentar\n");
    let mut i = 0;
    while out.len() < bytes {
        let length = 5 + (next() % 8) as usize;
        let word: String = (0..length)
            .map(|_| letters[(next() % letters.len() as u64) as usize])
            .collect();
        out.push_str(&format!("{word}{i}\t{word}ersättning\tkommentar {i}\n"));
        i += 1;
    }
    out
}

/// Loading (parsing, checking, compiling the phrase automaton) grows linearly
/// with the template: 10 000 criteria, and a lexicon of 10 MB.
fn template_load(c: &mut Criterion) {
    let head = "mall \"T\" version \"1\"\nperspektiv rs \"RS\" vikt 1 mål 90 %\n";
    let mut group = c.benchmark_group("mall");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let source: String = std::iter::once(head.to_string())
            .chain((0..n).map(bench_criterion))
            .collect();
        group.bench_function(format!("ladda {n} kriterier"), |b| {
            b.iter(|| {
                Template::from_source("bänk.gm", &source, &Loader::Embedded)
                    .expect("the bench template is valid")
            })
        });
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    for megabytes in [1, 10] {
        let name = format!("lexikon{megabytes}.tsv");
        std::fs::write(dir.path().join(&name), bench_lexicon(megabytes * 1_000_000))
            .expect("the lexicon is written");
        let source = format!(
            "{head}lexikon ord = \"{name}\"\n\
             kriterium T-L \"t\" {{ perspektiv rs förbjuder lexikon ord meddelande \"m\" \
             exempel uppfyllt \"a\" exempel ej_uppfyllt \"b\" }}\n"
        );
        let loader = Loader::folder(dir.path());
        group.bench_function(format!("ladda lexikon på {megabytes} MB"), |b| {
            b.iter(|| {
                Template::from_source("bänk.gm", &source, &loader)
                    .expect("the bench template is valid")
            })
        });
    }
    group.finish();
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
                black_box(d.analysis());
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

criterion_group!(
    benches,
    template_compile,
    template_load,
    analysis,
    requirement_kinds
);
criterion_main!(benches);
