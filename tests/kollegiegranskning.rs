//! Kollegiegranskning end to end: a round prepared over the labelled corpus
//! with five reviewers, some of them handläggare in the corpus, and a fifth of
//! the cases reviewed twice.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::granska;
use serde_json::Value;

const REVIEWERS: &str = "namn;enhet\nJonas Ek;Norr\nKarin Holmberg;Norr\nPer Lindgren;Söder\nMalin Strömberg;Söder\nAnna Vik;Väster\n";

/// Prepares a round into `folder`: exit code and stderr.
fn prepare(folder: &Path, list: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec![
        "granskning",
        "förbered",
        "fixtures/korpus",
        "--granskare",
        list.to_str().unwrap(),
        "--ut",
        folder.to_str().unwrap(),
        "--frö",
        "11",
        "--dubbelgranska",
        "20 %",
    ];
    args.extend_from_slice(extra);
    let out = granska().args(&args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

/// The plan's rows as (case, reviewer, double).
fn plan(folder: &Path) -> Vec<(String, String, bool)> {
    let text = std::fs::read_to_string(folder.join("granskningsplan.csv")).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(
        header,
        [
            "ärende",
            "granskare",
            "enhet",
            "dubbelgranskas",
            "dokument",
            "protokoll"
        ]
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (f[0].to_string(), f[1].to_string(), f[3] == "ja")
        })
        .collect()
}

/// Each case's handläggare, from the corpus as granska reads it.
fn handlaggare() -> BTreeMap<String, BTreeSet<String>> {
    let out = granska()
        .args(["kontrollera", "fixtures/korpus", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut cases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in report["documents"].as_array().unwrap() {
        let case = d["metadata"]["arende"].as_str().unwrap().to_string();
        let entry = cases.entry(case).or_default();
        if let Some(h) = d["metadata"]["handlaggare"].as_str() {
            entry.insert(h.split(',').next().unwrap().trim().to_lowercase());
        }
    }
    cases
}

#[test]
fn a_round_is_planned_fairly_and_every_reviewer_gets_a_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("granskare.csv");
    std::fs::write(&list, REVIEWERS).unwrap();
    let folder = dir.path().join("omgång");
    let (code, stderr) = prepare(&folder, &list, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let rows = plan(&folder);
    let owners = handlaggare();
    assert_eq!(owners.len(), 26, "the corpus has 26 cases");
    // Every case once or, if double, twice; never a reviewer's own case.
    let mut per_case: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    for (case, reviewer, double) in &rows {
        assert!(
            !owners[case].contains(&reviewer.to_lowercase()),
            "{reviewer} got own case {case}"
        );
        let e = per_case.entry(case).or_insert((0, *double));
        e.0 += 1;
    }
    assert_eq!(per_case.len(), 26, "every case is planned");
    for (case, (n, double)) in &per_case {
        assert_eq!(*n, if *double { 2 } else { 1 }, "{case}");
    }
    // 20 % of 26 cases is 5 reviewed twice: 31 reviews, 6 or 7 each.
    assert_eq!(per_case.values().filter(|(_, d)| *d).count(), 5);
    let mut load: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, reviewer, _) in &rows {
        *load.entry(reviewer).or_default() += 1;
    }
    assert_eq!(load.len(), 5);
    assert!(load.values().all(|&n| n == 6 || n == 7), "{load:?}");
    assert!(stderr.contains("26 ärenden"), "{stderr}");

    // The protocol of a reviewer lists exactly that reviewer's cases.
    let path = folder.join("protokoll-per-lindgren.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Instruktioner");
    let theirs: BTreeSet<String> = rows
        .iter()
        .filter(|(_, r, _)| r == "Per Lindgren")
        .map(|(c, _, _)| c.clone())
        .collect();
    assert_eq!(names.len(), theirs.len() + 1);
    let mut seen = BTreeSet::new();
    for name in &names[1..] {
        let sheet = book.worksheet_range(name).unwrap();
        let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        let Data::String(case) = cell(0, 1) else {
            panic!("{name}: no case in B1")
        };
        seen.insert(case);
        let column_a: Vec<String> = (0..sheet.height() as u32)
            .map(|r| cell(r, 0).to_string())
            .collect();
        let criteria = column_a
            .iter()
            .position(|a| a == "Automatiska bedömningar")
            .expect("the verdicts");
        let questions = column_a
            .iter()
            .position(|a| a == "Frågor")
            .expect("the questions");
        assert!(criteria < questions);
        // A verdict row: document, criterion id, title, granska's status.
        let first = criteria as u32 + 2;
        assert!(
            cell(first, 1).to_string().contains('-'),
            "{name}: {:?}",
            cell(first, 1)
        );
        assert!(["uppfyllt", "ej uppfyllt"].contains(&cell(first, 3).to_string().as_str()));
        // The questions of the key, each with guidance.
        let asked: Vec<&String> = column_a[questions + 2..]
            .iter()
            .filter(|a| a.starts_with("MQ-"))
            .collect();
        assert!(
            asked.iter().any(|q| *q == "MQ-INDIVIDUELL"),
            "{name}: {asked:?}"
        );
        assert!(
            !cell(questions as u32 + 2, 2).to_string().is_empty(),
            "guidance"
        );
    }
    assert_eq!(seen, theirs);
    // The answers are drop-down lists in the sheet itself.
    let mut xml = String::new();
    zip::ZipArchive::new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .by_name("xl/worksheets/sheet2.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("<dataValidation"), "drop-downs");
    assert!(xml.contains("ja,delvis,nej,ej aktuellt"), "the answers");
    assert!(
        xml.contains("uppfyllt,ej uppfyllt,ej tillämpligt"),
        "the override"
    );

    // The same seed plans the same round; an existing round is not overwritten.
    let again = dir.path().join("igen");
    assert_eq!(prepare(&again, &list, &[]).0, Some(0));
    assert_eq!(plan(&again), rows);
    let (code, stderr) = prepare(&folder, &list, &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("finns redan och är inte tom"), "{stderr}");
}

#[test]
fn a_sample_of_cases_and_a_broken_reviewer_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("granskare.csv");
    std::fs::write(&list, REVIEWERS).unwrap();
    let folder = dir.path().join("omgång");
    let (code, stderr) = prepare(&folder, &list, &["-n", "6"]);
    assert_eq!(code, Some(0), "{stderr}");
    let cases: BTreeSet<String> = plan(&folder).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(cases.len(), 6);
    assert!(stderr.contains("6 ärenden"), "{stderr}");

    std::fs::write(&list, "enhet\nNorr\n").unwrap();
    let (code, stderr) = prepare(&dir.path().join("ny"), &list, &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("saknar kolumnen namn"), "{stderr}");
    let (code, stderr) = prepare(&dir.path().join("ny"), &dir.path().join("saknas.csv"), &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("filen finns inte"), "{stderr}");
    let out = granska()
        .args(["granskning", "förbered", "fixtures/korpus", "--granskare"])
        .arg(&list)
        .args(["--ut", "x", "--dubbelgranska", "120"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("procent mellan 0 och 100"));
}
