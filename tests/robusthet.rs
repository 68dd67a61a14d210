//! One bad file never stops a batch or eats the machine. Every input here is
//! built by the test: PDFs that loop, recurse or inflate without end, files of
//! many records with records over the limit, pipes and devices where files
//! should be, reports that would overwrite what they report on. Each case is
//! run next to a good document, which must still be reported, and the bad
//! file must be listed with a Swedish reason (exit code 3).
//!
//! Time and memory are never asserted here (see BENCHMARKS.md and
//! `../shared/adversarial/`); what is asserted is that the limits exist and
//! say so.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

mod common;

use common::{file_name, granska};
use granska::testkit::pdf;
use serde_json::Value;

/// A good decision to keep company with each bad file.
const GOOD: &str = "Beslut om hemtjänst\nÄrende: 2025-0411\nBeslutsdatum: 2025-04-14\n\n\
                    Du får hemtjänst två timmar i veckan.\n\n## Motivering\n\n\
                    Du har berättat att du vill bo kvar hemma. Vi bedömer att du behöver stöd.\n";

/// Runs `granska kontrollera --format json` with `args`; a run that does not
/// end within a minute fails the test.
fn run(args: &[&str]) -> (Option<i32>, Value, String) {
    let output = granska()
        .arg("kontrollera")
        .args(args)
        .args(["--format", "json"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}), exit {:?}: {stderr}", output.status));
    (output.status.code(), json, stderr)
}

/// The reason given for `name` in a report's error list.
fn reason(report: &Value, name: &str) -> String {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| file_name(e) == name)
        .unwrap_or_else(|| panic!("{name} not listed: {}", report["errors"]))["message"]
        .as_str()
        .unwrap()
        .to_string()
}

fn document_names(report: &Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_name)
        .collect()
}

/// Runs a folder with `bad` (named `name`) and a good document; asserts that
/// the good one is reported, the bad one listed, exit 3; returns the reason.
fn bad_file_costs_only_itself(name: &str, bad: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bad).unwrap();
    std::fs::write(dir.path().join("bra.md"), GOOD).unwrap();
    let folder = dir.path().to_str().unwrap();
    let mut args = vec![folder];
    args.extend_from_slice(extra);
    let (code, report, stderr) = run(&args);
    assert_eq!(code, Some(3), "{stderr}");
    assert_eq!(document_names(&report), ["bra.md"]);
    reason(&report, name)
}

fn stream(data: &[u8], extra: &str) -> Vec<u8> {
    let mut out = format!("<< /Length {}{extra} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

const FONT: &[u8] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// The objects of a one-page PDF: catalogue (1), pages (2), the page (3)
/// drawing `contents` (4) in Helvetica (5) with the figure `figure` named
/// `/X…`, and then `more`.
fn one_page(figure: u32, contents: Vec<u8>, more: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> \
         /XObject << /X{figure} {figure} 0 R >> >> /Contents 4 0 R >>"
    );
    let mut objects = vec![
        (1, obj("<< /Type /Catalog /Pages 2 0 R >>")),
        (2, obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
        (3, obj(&page)),
        (4, contents),
        (5, FONT.to_vec()),
    ];
    objects.extend(more);
    pdf(&objects)
}

fn obj(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

/// A one-page PDF whose page draws `figures` (object numbers 10, 11, …),
/// where figure `i` draws the figures `draws[i]` names (as object numbers).
fn pdf_with_figures(draws: &[&[u32]]) -> Vec<u8> {
    let names = |list: &[u32]| {
        list.iter()
            .map(|n| format!("/X{n} {n} 0 R "))
            .collect::<String>()
    };
    let does = |list: &[u32]| {
        list.iter()
            .map(|n| format!("/X{n} Do "))
            .collect::<String>()
    };
    let mut figures = Vec::new();
    for (i, children) in draws.iter().enumerate() {
        let n = 10 + i as u32;
        let content = format!(
            "BT /F1 12 Tf 50 700 Td (Figur {n}) Tj ET {}",
            does(children)
        );
        figures.push((
            n,
            stream(
                content.as_bytes(),
                &format!(
                    " /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> \
                     /XObject << {} >> >>",
                    names(children)
                ),
            ),
        ));
    }
    one_page(
        10,
        stream(
            b"BT /F1 12 Tf 50 750 Td (Beslut om hemtjanst.) Tj ET /X10 Do",
            "",
        ),
        figures,
    )
}

#[test]
fn a_figure_that_draws_itself_costs_only_its_file() {
    // Itself; through a second figure; through a chain of five.
    for draws in [
        vec![&[10][..]],
        vec![&[11][..], &[10][..]],
        vec![&[11][..], &[12], &[13], &[14], &[10]],
    ] {
        let why = bad_file_costs_only_itself("figur.pdf", &pdf_with_figures(&draws), &[]);
        assert!(why.contains("ritar sig själv"), "{why}");
    }
}

#[test]
fn figures_nested_without_end_in_sight_are_refused_and_shallow_ones_read() {
    let chain = |n: u32| -> Vec<Vec<u32>> {
        (0..n)
            .map(|i| if i + 1 < n { vec![11 + i] } else { vec![] })
            .collect()
    };
    let deep = chain(200);
    let deep: Vec<&[u32]> = deep.iter().map(Vec::as_slice).collect();
    let why = bad_file_costs_only_itself("djup.pdf", &pdf_with_figures(&deep), &[]);
    assert!(why.contains("nästlade djupare än 64"), "{why}");

    // Three levels is an ordinary document: read, with the figures' text.
    let dir = tempfile::tempdir().unwrap();
    let shallow = chain(3);
    let shallow: Vec<&[u32]> = shallow.iter().map(Vec::as_slice).collect();
    let path = dir.path().join("grund.pdf");
    std::fs::write(&path, pdf_with_figures(&shallow)).unwrap();
    let (code, report, stderr) = run(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(document_names(&report), ["grund.pdf"]);
}

/// A page tree where `parent_of_pages` is the /Parent of the /Pages node and
/// the page's /Parent is `parent_of_page`.
fn pdf_with_parents(
    parent_of_pages: &str,
    parent_of_page: &str,
    extra: &[(u32, Vec<u8>)],
) -> Vec<u8> {
    let mut objects = vec![
        (1, obj("<< /Type /Catalog /Pages 2 0 R >>")),
        (
            2,
            obj(&format!(
                "<< /Type /Pages /Kids [3 0 R] /Count 1 {parent_of_pages} >>"
            )),
        ),
        (
            3,
            obj(&format!(
                "<< /Type /Page {parent_of_page} /MediaBox [0 0 612 792] /Contents 4 0 R >>"
            )),
        ),
        (
            4,
            stream(
                b"BT /F1 12 Tf 50 750 Td (Beslut om hemtjanst. Du far hemtjanst.) Tj ET",
                "",
            ),
        ),
    ];
    objects.extend_from_slice(extra);
    pdf(&objects)
}

#[test]
fn a_page_tree_that_loops_is_refused_at_once() {
    // The /Pages node is its own parent; the page's parent chain runs 3 → 6
    // → 7 → 6; the page is its own parent.
    let loops = [
        pdf_with_parents("/Parent 2 0 R", "/Parent 2 0 R", &[]),
        pdf_with_parents(
            "",
            "/Parent 6 0 R",
            &[
                (6, obj("<< /Type /Pages /Parent 7 0 R >>")),
                (7, obj("<< /Type /Pages /Parent 6 0 R >>")),
            ],
        ),
        pdf_with_parents("", "/Parent 3 0 R", &[]),
    ];
    for bytes in loops {
        let why = bad_file_costs_only_itself("ring.pdf", &bytes, &[]);
        assert!(
            why.contains("går i ring") || why.contains("trasig"),
            "{why}"
        );
    }
}

/// A one-page PDF whose page (or a figure on it) draws `megabytes` of
/// compressed spaces.
fn pdf_bomb(megabytes: usize, in_figure: bool) -> Vec<u8> {
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    deflate
        .write_all(b"BT /F1 12 Tf 50 750 Td (Beslut om hemtjanst.) Tj ")
        .unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..megabytes {
        deflate.write_all(&spaces).unwrap();
    }
    deflate.write_all(b" ET").unwrap();
    let data = deflate.finish().unwrap();
    let bomb = stream(&data, " /Filter /FlateDecode");
    let (contents, figure) = if in_figure {
        (
            stream(b"BT /F1 12 Tf 50 750 Td (Beslut.) Tj ET /X6 Do", ""),
            vec![(
                6,
                stream(
                    &data,
                    " /Filter /FlateDecode /Type /XObject /Subtype /Form /BBox [0 0 612 792] \
                     /Resources << /Font << /F1 5 0 R >> >>",
                ),
            )],
        )
    } else {
        (bomb, vec![])
    };
    one_page(6, contents, figure)
}

#[test]
fn a_compression_bomb_is_refused_at_the_size_limit() {
    for in_figure in [false, true] {
        let bomb = pdf_bomb(12, in_figure);
        assert!(bomb.len() < 100_000, "the test's bomb is small on disk");
        let why = bad_file_costs_only_itself("bomb.pdf", &bomb, &["--max-storlek", "10"]);
        assert!(
            why.contains("packas upp till mer än gränsen 10 MB"),
            "{why}"
        );
    }
    // Under a larger limit the same file is read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.pdf");
    std::fs::write(&path, pdf_bomb(12, false)).unwrap();
    let (code, report, stderr) = run(&[path.to_str().unwrap(), "--max-storlek", "20"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn a_reader_that_needs_more_memory_than_allowed_is_stopped() {
    // Let the bomb past the size check: only the reader process's memory
    // limit stands between it and the machine.
    let why = bad_file_costs_only_itself(
        "bomb.pdf",
        &pdf_bomb(300, false),
        &["--max-storlek", "2000", "--minnesgräns", "128"],
    );
    assert!(why.contains("mer än 128 MB minne"), "{why}");
}

/// A small PDF whose page draws the same compressed megabyte `times` times:
/// each object inflates once (under any size limit), the drawing many times.
fn pdf_echo(times: usize) -> Vec<u8> {
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    deflate
        .write_all(b"BT /F1 12 Tf 50 750 Td (Beslut.) Tj ")
        .unwrap();
    deflate.write_all(&vec![b' '; 1 << 20]).unwrap();
    deflate.write_all(b" ET").unwrap();
    let data = deflate.finish().unwrap();
    let refs = vec!["6 0 R"; times].join(" ");
    let mut objects = vec![
        (1, obj("<< /Type /Catalog /Pages 2 0 R >>")),
        (2, obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
        (
            3,
            obj(&format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
                 /Resources << /Font << /F1 5 0 R >> >> /Contents [{refs}] >>"
            )),
        ),
        (5, FONT.to_vec()),
    ];
    objects.push((6, stream(&data, " /Filter /FlateDecode")));
    pdf(&objects)
}

#[test]
fn a_page_that_draws_one_stream_thousands_of_times_meets_the_memory_limit() {
    let echo = pdf_echo(20_000);
    assert!(echo.len() < 200_000);
    let why = bad_file_costs_only_itself("eko.pdf", &echo, &[]);
    assert!(why.contains("mer än 512 MB minne"), "{why}");
}

#[test]
fn a_reader_that_takes_longer_than_allowed_is_stopped() {
    // 20 GB to draw: more than a second on any machine, and the memory
    // limit set high enough that time runs out first.
    let why = bad_file_costs_only_itself(
        "seg.pdf",
        &pdf_echo(20_000),
        &["--minnesgräns", "8192", "--tidsgräns", "1"],
    );
    assert!(why.contains("tog längre tid än 1 s"), "{why}");
}

#[test]
fn records_over_the_limit_are_listed_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let long = "lång text ".repeat(150_000); // 1,5 MB
    let jsonl = format!(
        "{{\"id\": \"J-1\", \"text\": \"Beslut. Du får hemtjänst.\"}}\n\
         {{\"id\": \"J-2\", \"text\": \"{long}\"}}\n\
         {{\"id\": \"J-3\", \"text\": \"Beslut. Du får ledsagning.\"}}\n"
    );
    std::fs::write(dir.path().join("poster.jsonl"), jsonl).unwrap();
    let csv =
        format!("id;text\nC-1;Beslut. Du får trygghetslarm.\nC-2;\"{long}\"\nC-3;Aldrig läst.\n");
    std::fs::write(dir.path().join("rader.csv"), csv).unwrap();
    let (code, report, stderr) = run(&[dir.path().to_str().unwrap(), "--max-storlek", "1"]);
    assert_eq!(code, Some(3), "{stderr}");
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["J-1", "J-3", "C-1"]);
    let errors: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("rad 2: raden är längre än gränsen 1 MB"))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("rad 3: raden är längre än gränsen 1 MB"))
    );
}

#[test]
fn a_manifest_keeps_only_the_rows_of_files_read_and_its_rows_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), GOOD).unwrap();
    let mut manifest = String::from("fil;enhet\na.md;Norr\n");
    for i in 0..50_000 {
        manifest += &format!("saknas-{i}.md;Söder\n");
    }
    std::fs::write(dir.path().join("manifest.csv"), &manifest).unwrap();
    let (code, report, stderr) = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(report["documents"][0]["metadata"]["enhet"], "Norr");

    // A manifest row over --max-storlek: the manifest is listed, the
    // document still read.
    let long = format!("fil;enhet\na.md;{}\n", "x".repeat(1_200_000));
    std::fs::write(dir.path().join("manifest.csv"), long).unwrap();
    let (code, report, stderr) = run(&[dir.path().to_str().unwrap(), "--max-storlek", "1"]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(reason(&report, "manifest.csv").contains("längre än gränsen 1 MB"));
    assert_eq!(document_names(&report), ["a.md"]);
}

#[test]
fn a_document_of_blank_lines_reads_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let compact = "Beslut om hemtjänst\n\nDu får hemtjänst två timmar i veckan.\n\n## Motivering\n\nVi bedömer att du behöver stöd.\n";
    let airy = compact.replace("\n\n", &"\n".repeat(200_000));
    std::fs::write(dir.path().join("kompakt.md"), compact).unwrap();
    std::fs::write(dir.path().join("luftig.md"), &airy).unwrap();
    let (code, report, stderr) = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let docs = report["documents"].as_array().unwrap();
    let statuses = |d: &Value| {
        d["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["id"].clone(), c["status"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&docs[0]), statuses(&docs[1]));
    assert_eq!(docs[0]["kind"], docs[1]["kind"]);
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_sockets_are_refused_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("bra.md"), GOOD).unwrap();
    let fifo = |path: &Path| {
        let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string and mode.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    };
    fifo(&folder.join("ror.txt"));
    std::os::unix::fs::symlink("/dev/zero", folder.join("noll.txt")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(folder.join("uttag.md")).unwrap();
    // In a folder.
    let (code, report, stderr) = run(&[folder.to_str().unwrap()]);
    assert_eq!(code, Some(3), "{stderr}");
    assert_eq!(document_names(&report), ["bra.md"]);
    for name in ["ror.txt", "uttag.md"] {
        assert!(reason(&report, name).contains("ingen vanlig fil"), "{name}");
    }
    // A link out of the folder is not followed at all.
    assert!(reason(&report, "noll.txt").contains("utanför mappen"));
    // Named on the command line, in every format's clothes.
    for name in ["ror.pdf", "ror.docx", "ror.jsonl", "ror.csv", "ror.html"] {
        fifo(&dir.path().join(name));
    }
    let named: Vec<String> = [
        "ror.txt",
        "ror.pdf",
        "ror.docx",
        "ror.jsonl",
        "ror.csv",
        "ror.html",
    ]
    .iter()
    .map(|n| {
        let base = if *n == "ror.txt" { &folder } else { dir.path() };
        base.join(n).to_str().unwrap().to_string()
    })
    .collect();
    let bra = folder.join("bra.md");
    let mut args: Vec<&str> = named.iter().map(String::as_str).collect();
    args.push(bra.to_str().unwrap());
    let (code, report, stderr) = run(&args);
    assert_eq!(code, Some(3), "{stderr}");
    assert_eq!(
        report["errors"].as_array().unwrap().len(),
        6,
        "{}",
        report["errors"]
    );
    assert_eq!(document_names(&report), ["bra.md"]);
}

#[test]
fn nothing_to_review_is_said_and_never_a_strict_success() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("tom");
    std::fs::create_dir(&empty).unwrap();
    let ignored = dir.path().join("undantagen");
    std::fs::create_dir(&ignored).unwrap();
    std::fs::write(ignored.join("a.md"), GOOD).unwrap();
    std::fs::write(ignored.join(".granskaignore"), "*.md\n").unwrap();
    for folder in [&empty, &ignored] {
        let f = folder.to_str().unwrap();
        let (code, report, stderr) = run(&[f]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(report["summary"]["documents"], 0);
        assert!(stderr.contains("hittade inga dokument"), "{stderr}");
        let (code, _, stderr) = run(&[f, "--strikt"]);
        assert_eq!(code, Some(1), "{stderr}");
    }
}

#[test]
fn the_same_file_named_several_ways_is_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("d");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.md"), GOOD).unwrap();
    let f = folder.to_str().unwrap();
    let again = format!("{f}/a.md");
    let dotted = format!("{f}/./a.md");
    let (code, report, stderr) = run(&[f, &again, &dotted]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(report["summary"]["documents"], 1);
    assert_eq!(document_names(&report), ["a.md"]);
}

#[test]
fn more_threads_than_cores_are_capped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bra.md"), GOOD).unwrap();
    let (code, report, stderr) = run(&[dir.path().to_str().unwrap(), "--jobb", "100000"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("--jobb 100000 är fler trådar än datorns"),
        "{stderr}"
    );
    assert_eq!(document_names(&report), ["bra.md"]);
}

#[test]
fn a_report_never_overwrites_or_joins_what_it_reports_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir(&folder).unwrap();
    let input = folder.join("beslut.md");
    std::fs::write(&input, GOOD).unwrap();
    let refused = |args: &[&str]| {
        let output = granska().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(std::fs::read_to_string(&input).unwrap(), GOOD, "{args:?}");
        stderr
    };
    let (f, i) = (folder.to_str().unwrap(), input.to_str().unwrap());
    let over = refused(&["kontrollera", f, "--ut", i]);
    assert!(over.contains("skriva över"), "{over}");
    refused(&["kontrollera", i, "--ut", i]);
    let relative = format!("{f}/./beslut.md");
    refused(&["kontrollera", f, "--format", "html", "--ut", &relative]);
    let inside = folder.join("rapport.html");
    let joins = refused(&[
        "kontrollera",
        f,
        "--format",
        "html",
        "--ut",
        inside.to_str().unwrap(),
    ]);
    assert!(joins.contains("mapp som granskas"), "{joins}");
    assert!(!inside.exists());
    refused(&["stickprov", f, "-n", "1", "--frö", "1", "--ut", i]);

    // A JSON report inside the folder is not a document: allowed.
    let json = folder.join("rapport.json");
    let output = granska()
        .args([
            "kontrollera",
            f,
            "--format",
            "json",
            "--ut",
            json.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("\"documents\"")
    );
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

/// Runs of blank lines of any length lay out as one: the same sections,
/// paragraphs and metadata, whatever the gaps between the blocks.
mod blank_runs {
    use granska::ingest::{Document, LineIndex, Metadata};
    use proptest::prelude::*;

    fn block() -> impl Strategy<Value = String> {
        prop_oneof![
            "# [A-ZÅÄÖ][a-zåäö]{2,10}",
            "[A-ZÅÄÖ][a-zåäö]{3,10}( [a-zåäö]{2,8}){0,3}",
            "(Beslutsdatum|Ärende|Handläggare): [0-9A-Za-z -]{1,12}",
            "[A-ZÅÄÖ][a-zåäö]{1,8}( [a-zåäö]{1,8}){3,12}\\.",
            "- [a-zåäö]{2,8}( [a-zåäö]{2,8}){0,4}",
            "[A-ZÅÄÖ][a-zåäö]{2,8}:",
        ]
    }

    fn shape(text: &str) -> (Vec<String>, Vec<String>, Metadata, Option<&'static str>) {
        let doc = Document::from_text("p.md", text.to_string(), &Metadata::default());
        let sections = doc.sections.iter().map(|s| s.title.clone()).collect();
        let paragraphs = doc
            .paragraphs
            .iter()
            .map(|p| doc.text[p.clone()].to_string())
            .collect();
        (
            sections,
            paragraphs,
            doc.metadata.clone(),
            doc.kind.map(|k| k.name()),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn gaps_of_any_length_are_one_gap(
            blocks in prop::collection::vec(block(), 1..12),
            gaps in prop::collection::vec(2usize..40, 12),
        ) {
            let tight = blocks.join("\n\n");
            let mut loose = String::new();
            for (i, b) in blocks.iter().enumerate() {
                if i > 0 {
                    loose.push_str(&"\n".repeat(gaps[i]));
                }
                loose.push_str(b);
            }
            prop_assert_eq!(shape(&tight), shape(&loose));
        }

        /// The sparse line index gives what counting every line from the
        /// start gives, across its checkpoints and on long lines.
        #[test]
        fn line_positions_as_counted_from_the_start(
            pieces in prop::collection::vec(prop_oneof!["\n{1,3}", "[a-zåäö ]{1,40}", "x{4000,9000}"], 0..40),
            at in prop::collection::vec(0.0f64..=1.0, 1..20),
        ) {
            let text: String = pieces.concat();
            let index = LineIndex::new(&text);
            for share in at {
                let mut offset = (text.len() as f64 * share) as usize;
                while !text.is_char_boundary(offset) {
                    offset -= 1;
                }
                let before = &text[..offset];
                let line = before.matches('\n').count() + 1;
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                let column = text[start..offset].chars().count() + 1;
                prop_assert_eq!(index.position(&text, offset), (line, column));
            }
        }
    }
}

#[test]
fn one_value_longer_than_a_cell_does_not_cost_the_workbook() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let long = "Norr".repeat(10_000);
    std::fs::write(
        dir.path().join("lang.md"),
        format!("---\nenhet: {long}\n---\n{GOOD}"),
    )
    .unwrap();
    std::fs::write(dir.path().join("bra.md"), GOOD).unwrap();
    let out = tempfile::tempdir().unwrap();
    let book = out.path().join("rapport.xlsx");
    common::check_to_file(
        dir.path(),
        &book,
        &["--format", "xlsx", "--gruppera", "enhet"],
    );
    let mut workbook: Xlsx<_> = open_workbook(&book).unwrap();
    let mut cut = 0;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let Data::String(text) = cell.2 {
                assert!(text.chars().count() <= 32_767);
                if text.starts_with("NorrNorr") && text.ends_with("(avkortat)") {
                    cut += 1;
                }
            }
        }
    }
    assert!(cut >= 1, "the long value is there, cut and marked");
}

#[test]
fn an_absurd_precision_asks_for_every_document() {
    for args in [
        ["--marginal", "1e-200"],
        ["--konfidens", "0,9999999999999999"],
    ] {
        let output = granska()
            .args(["stickprov", "storlek", "--population", "300"])
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.starts_with("Dra 300 av 300 dokument"),
            "{args:?}: {stdout}"
        );
    }
}

#[test]
fn a_pattern_too_large_to_compile_refuses_the_template_for_a_review() {
    let dir = tempfile::tempdir().unwrap();
    let alternatives = (0..200_000)
        .map(|i| format!("ord{i}"))
        .collect::<Vec<_>>()
        .join("|");
    let template = format!(
        "mall \"T\" version \"1\"\nperspektiv rs \"RS\" vikt 1 mål 90 %\n\
         kriterium T-1 \"t\" {{\n  perspektiv rs\n  gäller alla\n  allvar fel\n  källa \"x\"\n\
         kräver text /({alternatives})/\n  meddelande \"m\"\n  råd \"r\"\n\
         exempel uppfyllt \"\"\"\n    ord5\n  \"\"\"\n\
         exempel ej_uppfyllt \"\"\"\n    annat\n  \"\"\"\n}}\n"
    );
    let file = dir.path().join("m.gm");
    std::fs::write(&file, template).unwrap();
    let doc = dir.path().join("d.md");
    std::fs::write(&doc, GOOD).unwrap();
    let (m, d) = (file.to_str().unwrap(), doc.to_str().unwrap());
    for args in [
        vec!["kontrollera", "--mall", m, d],
        vec![
            "stickprov",
            "--mall",
            m,
            "-n",
            "1",
            "--frö",
            "1",
            "--kontrollera",
            d,
        ],
        vec!["mall", "kontrollera", m],
    ] {
        let output = granska().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("för stort och kommer aldrig att matcha"),
            "{stderr}"
        );
    }
}

#[test]
fn the_same_decision_in_any_normal_form_or_line_end_is_read_the_same() {
    use unicode_normalization::UnicodeNormalization;
    let original = std::fs::read_to_string("fixtures/exempel/beslut-avslag-brister.md").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("a-original.md", original.clone().into_bytes()),
        ("b-nfd.md", original.nfd().collect::<String>().into_bytes()),
        ("c-cr.md", original.replace('\n', "\r").into_bytes()),
        ("d-crlf.md", original.replace('\n', "\r\n").into_bytes()),
        (
            "e-u2028.md",
            original.replace('\n', "\u{2028}").into_bytes(),
        ),
        (
            "f-bom.md",
            [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), original.as_bytes()].concat(),
        ),
        (
            "g-nfd.html",
            format!(
                "<p>{}</p>",
                original
                    .nfd()
                    .collect::<String>()
                    .replace("\n\n", "</p><p>")
            )
            .into_bytes(),
        ),
    ];
    for (name, bytes) in &variants {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let (code, report, stderr) = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let docs = report["documents"].as_array().unwrap();
    let seen = |d: &Value| {
        (
            d["kind"].clone(),
            d["metadata"]["arende"].clone(),
            d["metadata"]["utfall"].clone(),
            d["criteria"].clone(),
        )
    };
    assert!(docs[0]["kind"].is_string(), "the original has a kind");
    for doc in &docs[1..6] {
        assert_eq!(seen(doc), seen(&docs[0]), "{}", doc["path"]);
    }
    // HTML lays the text out as paragraphs of its own: the kind is what
    // must survive NFD there.
    assert_eq!(docs[6]["kind"], docs[0]["kind"]);
}

#[test]
fn no_cell_of_a_csv_starts_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    for (i, lead) in ["=", "+", "-", "@"].iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("{lead}fil{i}.md")),
            format!("---\nid: {lead}SUMMA(1+1)\nenhet: {lead}cmd|' /C calc'!A0\n---\n{GOOD}\n- Punkt i en lista.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("poster.jsonl"),
        "{\"id\": \"=1+1\", \"text\": \"=HYPERLINK(\\\"x\\\") Beslut. Du får stöd.\"}\n",
    )
    .unwrap();
    let run_in = |args: &[&str]| {
        let output = granska()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let out = tempfile::tempdir().unwrap();
    let (fynd, lista) = (out.path().join("fynd.csv"), out.path().join("lista.csv"));
    run_in(&[
        "kontrollera",
        ".",
        "--format",
        "csv",
        "--ut",
        fynd.to_str().unwrap(),
    ]);
    run_in(&[
        "stickprov",
        ".",
        "-n",
        "5",
        "--frö",
        "1",
        "--skikta",
        "enhet",
        "--ut",
        lista.to_str().unwrap(),
    ]);
    for name in [&fynd, &lista] {
        let text = std::fs::read_to_string(name).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut cells = 0;
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name:?}: {cell:?}"
                );
            }
        }
        assert!(cells > 20, "{name:?} has rows");
    }
}
