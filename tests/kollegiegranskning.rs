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
            "granskarens enhet",
            "dubbelgranskas",
            "dokument",
            "protokoll",
            "handläggare",
            "ärendets enhet",
            "insats"
        ]
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (f[0].to_string(), f[1].to_string(), f[3] == "ja")
        })
        .collect()
}

/// Each case's values of metadata `key` (lower case; a name without its
/// title), from the corpus as granska reads it.
fn per_case(key: &str) -> BTreeMap<String, BTreeSet<String>> {
    let out = granska()
        .args(["kontrollera", "fixtures/korpus", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut cases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in report["documents"].as_array().unwrap() {
        let case = d["metadata"]["arende"].as_str().unwrap().to_string();
        let entry = cases.entry(case).or_default();
        if let Some(v) = d["metadata"][key].as_str() {
            let v = if key == "handlaggare" {
                v.split(',').next().unwrap()
            } else {
                v
            };
            entry.insert(v.trim().to_lowercase());
        }
    }
    cases
}

/// Each case's handläggare.
fn handlaggare() -> BTreeMap<String, BTreeSet<String>> {
    per_case("handlaggare")
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

    // From a stickprov list: the listed cases, whole.
    let sample = dir.path().join("stickprov.csv");
    let out = granska()
        .args([
            "stickprov",
            "fixtures/korpus",
            "-n",
            "3",
            "--frö",
            "5",
            "--per-ärende",
            "--ut",
        ])
        .arg(&sample)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&sample).unwrap();
    let listed: BTreeSet<String> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| l.split(';').nth(2).unwrap().to_string())
        .collect();
    assert_eq!(listed.len(), 3);
    let from_list = dir.path().join("från-listan");
    let (code, stderr) = prepare(
        &from_list,
        &list,
        &["--stickprov", sample.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let planned: BTreeSet<String> = plan(&from_list).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(planned, listed);

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

/// What the test's reviewers answer: agree with granska except on
/// KS-PASSIV (turned round, with a reason); questions "ja", MQ-FAKTA-BEDOMNING
/// "delvis", and MQ-LIKVARDIG-RIKTLINJER by reviewer (so the two reviewers of
/// a case may disagree).
fn answer_for(reviewer: &str, question: &str) -> &'static str {
    match question {
        "MQ-FAKTA-BEDOMNING" => "delvis",
        "MQ-LIKVARDIG-RIKTLINJER" if reviewer.len() % 2 == 0 => "nej",
        _ => "ja",
    }
}

/// A cell as a spreadsheet program writes a typed value.
fn cell_xml(cell: &str, style: &str, value: &str) -> String {
    format!(r#"<c r="{cell}" s="{style}" t="inlineStr"><is><t>{value}</t></is></c>"#)
}

/// Fills the answer cells of every case sheet of `path` the way a reviewer's
/// spreadsheet program would store them, through `answer`; `edit` may change
/// each sheet's XML further. Returns what was filled: (case, kind, id,
/// answer).
fn fill(
    path: &Path,
    reviewer: &str,
    mut edit: impl FnMut(&str, String) -> String,
) -> Vec<(String, String, String, String)> {
    use std::io::Write;
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names();
    let mut filled = Vec::new();
    let mut sheets: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (i, name) in names.iter().enumerate().skip(1) {
        let range = book.worksheet_range(name).unwrap();
        let at = |r: u32, c: u32| {
            range
                .get_value((r, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let case = at(0, 1);
        let mut cells = Vec::new();
        let mut section = "";
        for r in 0..=range.end().unwrap().0 {
            match at(r, 0).as_str() {
                "Automatiska bedömningar" => section = "kriterium",
                "Frågor" => section = "fråga",
                _ => {}
            }
            let id = if section == "kriterium" {
                at(r, 1)
            } else {
                at(r, 0)
            };
            if section == "kriterium" && id.contains('-') && id != "Kriterium" {
                if id == "KS-PASSIV" {
                    let turned = if at(r, 3) == "uppfyllt" {
                        "ej uppfyllt"
                    } else {
                        "uppfyllt"
                    };
                    cells.push((format!("F{}", r + 1), "nej".to_string()));
                    cells.push((format!("G{}", r + 1), turned.to_string()));
                    cells.push((format!("H{}", r + 1), "Passiv form passar här".to_string()));
                    filled.push((case.clone(), "ändrad".into(), id, turned.to_string()));
                } else {
                    cells.push((format!("F{}", r + 1), "ja".to_string()));
                }
            } else if section == "fråga" && id.starts_with("MQ-") {
                let answer = answer_for(reviewer, &id);
                cells.push((format!("E{}", r + 1), answer.to_string()));
                filled.push((case.clone(), "svar".into(), id, answer.to_string()));
            }
        }
        sheets.insert(format!("xl/worksheets/sheet{}.xml", i + 1), cells);
    }
    let original = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == "xl/workbook.xml" {
            content = edit(&name, String::from_utf8(content).unwrap()).into_bytes();
        } else if let Some(cells) = sheets.get(&name) {
            let mut xml = String::from_utf8(content).unwrap();
            for (cell, value) in cells {
                let blank = regex::Regex::new(&format!(r#"<c r="{cell}" s="(\d+)"/>"#)).unwrap();
                let style = blank
                    .captures(&xml)
                    .unwrap_or_else(|| panic!("{name} {cell}"))[1]
                    .to_string();
                xml = blank
                    .replace(&xml, cell_xml(cell, &style, value))
                    .into_owned();
            }
            content = edit(&name, xml).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap();
    filled
}

fn compile(folder: &Path) -> (Option<i32>, Value, String) {
    let out = granska()
        .args(["granskning", "sammanställ", "--format", "json"])
        .arg(folder)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code(),
        json,
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn filled_protocols_are_compiled_with_agreement_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("granskare.csv");
    std::fs::write(&list, REVIEWERS).unwrap();
    let folder = dir.path().join("omgång");
    assert_eq!(prepare(&folder, &list, &["-n", "10"]).0, Some(0));
    let rows = plan(&folder);
    let reviewers: BTreeSet<&String> = rows.iter().map(|(_, r, _)| r).collect();
    let mut filled: Vec<(String, String, String, String, String)> = Vec::new();
    for reviewer in &reviewers {
        let file = format!(
            "protokoll-{}.xlsx",
            reviewer.to_lowercase().replace(' ', "-")
        );
        for (case, kind, id, answer) in fill(&folder.join(file), reviewer, |_, xml| xml) {
            filled.push((case, reviewer.to_string(), kind, id, answer));
        }
    }
    let (code, json, stderr) = compile(&folder);
    assert_eq!(code, Some(0), "{stderr}");
    let compiled = &json["compiled"];
    assert_eq!(compiled["problems"].as_array().unwrap().len(), 0);
    // Every answer filled in is in the compiled round, and nothing else.
    let answers: BTreeSet<(String, String, String, String)> = compiled["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let f = |k: &str| a[k].as_str().unwrap().to_string();
            (f("case"), f("reviewer"), f("question"), f("answer"))
        })
        .collect();
    let expected: BTreeSet<(String, String, String, String)> = filled
        .iter()
        .filter(|f| f.2 == "svar")
        .map(|f| (f.0.clone(), f.1.clone(), f.3.clone(), f.4.clone()))
        .collect();
    assert_eq!(answers, expected);
    // The overrides stand, with their reasons, in the tuning list.
    let overrides = json["results"]["overrides"].as_array().unwrap();
    let turned = filled.iter().filter(|f| f.2 == "ändrad").count();
    assert!(turned > 0);
    assert_eq!(overrides.len(), turned);
    for o in overrides {
        assert_eq!(o["criterion"], "KS-PASSIV");
        assert_eq!(o["reason"], "Passiv form passar här");
        assert_ne!(o["reviewer_status"], o["granska"]);
    }
    let passiv = json["results"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "KS-PASSIV")
        .unwrap();
    assert_eq!(passiv["overridden"], passiv["verdicts"]);
    // Agreement on MQ-LIKVARDIG-RIKTLINJER over the cases reviewed twice,
    // counted here from the plan and the answers.
    let doubled: BTreeSet<&String> = rows.iter().filter(|r| r.2).map(|r| &r.0).collect();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for case in &doubled {
        let two: Vec<&str> = rows
            .iter()
            .filter(|r| &&r.0 == case)
            .map(|r| answer_for(&r.1, "MQ-LIKVARDIG-RIKTLINJER"))
            .collect();
        pairs.push((two[0], two[1]));
    }
    let question = json["results"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "MQ-LIKVARDIG-RIKTLINJER")
        .unwrap();
    let agreement = &question["agreement"];
    assert_eq!(agreement["cases"], pairs.len());
    let same = pairs.iter().filter(|(a, b)| a == b).count() as f64 / pairs.len() as f64;
    assert!((agreement["percent"].as_f64().unwrap() - same).abs() < 1e-9);
    // κ by hand: p_o − p_e over 1 − p_e, p_e from each reviewer's shares.
    let n = pairs.len() as f64;
    let share = |first: bool, label: &str| {
        pairs
            .iter()
            .filter(|p| (if first { p.0 } else { p.1 }) == label)
            .count() as f64
            / n
    };
    let pe: f64 = ["ja", "nej"]
        .iter()
        .map(|l| share(true, l) * share(false, l))
        .sum();
    match agreement["kappa"].as_f64() {
        Some(kappa) => assert!((kappa - (same - pe) / (1.0 - pe)).abs() < 1e-9),
        None => assert!((1.0 - pe).abs() < 1e-12),
    }
    // A question every reviewer answers alike: full agreement.
    let individual = json["results"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "MQ-INDIVIDUELL")
        .unwrap();
    assert_eq!(individual["agreement"]["percent"], 1.0);
    assert_eq!(individual["nej"], 0);

    // Per perspective: cases where every answered question got "ja". The
    // reviewers answer every delaktighet and klarspråk question "ja", and
    // MQ-FAKTA-BEDOMNING (rättssäkerhet) "delvis".
    let perspective = |id: &str| {
        json["results"]["perspectives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}"))
    };
    for id in ["delaktighet", "klarsprak"] {
        let p = perspective(id);
        assert_eq!(p["all_ja"], p["applicable"], "{id}");
        assert!(p["applicable"].as_u64().unwrap() > 0);
    }
    let rs = perspective("rattssakerhet");
    assert!(rs["all_ja"].as_u64() < rs["applicable"].as_u64());
    assert!(
        rs["target"].is_number() && rs["verdict"].is_string(),
        "{rs}"
    );

    // Per unit, insats and handläggare: the cases of each group counted here
    // from the corpus; rättssäkerhet never all "ja" (MQ-FAKTA-BEDOMNING is
    // "delvis"), delaktighet always.
    let planned: BTreeSet<&String> = rows.iter().map(|r| &r.0).collect();
    let groups = json["results"]["groups"].as_array().unwrap();
    for (key, title) in [("enhet", "Per enhet"), ("insats", "Per insats")] {
        let g = groups
            .iter()
            .find(|g| g["key"] == key)
            .unwrap_or_else(|| panic!("{key}"));
        assert_eq!(g["title"], title);
        let values = per_case(key);
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        for case in &planned {
            let vs = &values[*case];
            if vs.is_empty() {
                *expected.entry("(uppgift saknas)".into()).or_default() += 1;
            }
            for v in vs {
                *expected.entry(v.clone()).or_default() += 1;
            }
        }
        let got: BTreeMap<String, usize> = g["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let share = |id: &str| {
                    r["perspectives"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|p| p["id"] == id)
                        .map(|p| (p["ja"].as_u64().unwrap(), p["of"].as_u64().unwrap()))
                        .unwrap()
                };
                let cases = r["cases"].as_u64().unwrap();
                // A case's questions may not apply (a case with only a
                // beslut has no question about the investigation).
                let (ja, of) = share("rattssakerhet");
                assert!(ja == 0 && of > 0 && of <= cases, "{r}");
                let (ja, of) = share("delaktighet");
                assert!(ja == of && of <= cases, "{r}");
                (r["value"].as_str().unwrap().to_lowercase(), cases as usize)
            })
            .collect();
        assert_eq!(got, expected, "{key}");
    }
    // Handläggare as pseudonyms unless names are asked for.
    let people = |json: &Value| -> BTreeSet<String> {
        json["results"]["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == "handlaggare")
            .unwrap()["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["value"].as_str().unwrap().to_lowercase())
            .collect()
    };
    let owners = handlaggare();
    let named: BTreeSet<String> = planned.iter().flat_map(|c| owners[*c].clone()).collect();
    let aliases = people(&json);
    assert_eq!(aliases.len(), named.len());
    assert!(
        aliases.iter().all(|a| a.starts_with("handläggare ")),
        "{aliases:?}"
    );
    // (Reviewers are named as reviewers; some of them are also handläggare.)
    let report = json["results"]["groups"].to_string().to_lowercase();
    for name in &named {
        assert!(!report.contains(name.as_str()), "{name} in the groups");
    }
    let out = granska()
        .args([
            "granskning",
            "sammanställ",
            "--format",
            "json",
            "--visa-namn",
        ])
        .arg(&folder)
        .output()
        .unwrap();
    let with_names: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(people(&with_names), named);

    // The text for the terminal, as a team leader reads it.
    let out = granska()
        .args(["granskning", "sammanställ"])
        .arg(&folder)
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "sammanstallning_text",
        String::from_utf8(out.stdout).unwrap()
    );

    // Every answer and verdict as a CSV row; the questions answered "nej" or
    // "delvis" and the verdicts that stand as "ej uppfyllt" as SARIF results.
    let csv = dir.path().join("omgången.csv");
    let out = granska()
        .args(["granskning", "sammanställ"])
        .arg(&folder)
        .arg("--ut")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ärende;granskare;slag;id;dokument")
    );
    let verdicts = compiled["verdicts"].as_array().unwrap();
    assert_eq!(lines.count(), answers.len() + verdicts.len());
    let out = granska()
        .args(["granskning", "sammanställ", "--format", "sarif"])
        .arg(&folder)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let answered_no = answers
        .iter()
        .filter(|a| a.3 == "nej" || a.3 == "delvis")
        .count();
    let standing_not_met = verdicts
        .iter()
        .filter(|v| v["reviewer_status"].as_str().or(v["granska"].as_str()) == Some("ej uppfyllt"))
        .count();
    assert_eq!(results.len(), answered_no + standing_not_met);
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "MQ-FAKTA-BEDOMNING" && r["level"] == "note")
    );

    // Two compiled rounds compare like two reports, question by question.
    let (spring, autumn) = (dir.path().join("vår.json"), dir.path().join("höst.json"));
    std::fs::write(&spring, serde_json::to_string(&json).unwrap()).unwrap();
    std::fs::write(&autumn, serde_json::to_string(&json).unwrap()).unwrap();
    let out = granska()
        .args(["jämför", "--format", "json"])
        .arg(&spring)
        .arg(&autumn)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comparison: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = comparison.to_string();
    assert!(text.contains("MQ-LIKVARDIG-RIKTLINJER"), "{text}");

    // The same in Excel: a sheet per part, every override on its own row.
    let xlsx = dir.path().join("omgången.xlsx");
    let out = granska()
        .args(["granskning", "sammanställ"])
        .arg(&folder)
        .arg("--ut")
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Frågor",
            "Per enhet",
            "Per insats",
            "Per handläggare",
            "Samstämmighet",
            "granska och granskarna",
            "Ändrade bedömningar",
            "Kunde inte räknas"
        ]
    );
    let questions = book.worksheet_range("Frågor").unwrap();
    assert_eq!(questions.height(), 1 + 12, "a row per question of the key");
    let changed = book.worksheet_range("Ändrade bedömningar").unwrap();
    assert_eq!(changed.height(), 1 + turned);
    assert_eq!(
        changed.get_value((1, 6)).unwrap().to_string(),
        "Passiv form passar här"
    );

    // And as one HTML page.
    let html = dir.path().join("omgången.html");
    let out = granska()
        .args(["granskning", "sammanställ"])
        .arg(&folder)
        .arg("--ut")
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    for part in [
        "<h2>Frågor</h2>",
        "<h2>Perspektiv</h2>",
        "<h2>Per enhet</h2>",
        "<h2>Per handläggare</h2>",
        "Passiv form passar här",
        "MQ-LIKVARDIG-RIKTLINJER",
    ] {
        assert!(page.contains(part), "{part}");
    }

    // Feedback: each handläggare's report names only their own cases; the
    // unit's summary names nobody.
    let feedback = dir.path().join("återkoppling");
    let out = granska()
        .args(["granskning", "sammanställ"])
        .arg(&folder)
        .arg("--återkoppling")
        .arg(&feedback)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut people: BTreeSet<&String> = BTreeSet::new();
    for case in &planned {
        people.extend(owners[*case].iter());
    }
    let summary = std::fs::read_to_string(feedback.join("enhetens-sammanfattning.txt")).unwrap();
    assert!(summary.contains("ärenden granskades"));
    for person in &people {
        let file = feedback.join(format!("återkoppling-{}.txt", person.replace(' ', "-")));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        let mine: BTreeSet<&&String> = planned
            .iter()
            .filter(|c| owners[**c].contains(*person))
            .collect();
        for case in &planned {
            assert_eq!(
                text.contains(case.as_str()),
                mine.contains(case),
                "{person}'s report and case {case}"
            );
        }
        assert!(text.contains("Att utveckla") && text.contains("Det här fungerar bra"));
        let first = person.split(' ').next().unwrap();
        assert!(
            !summary.to_lowercase().contains(first),
            "{first} in the summary"
        );
    }
}

#[test]
fn broken_protocols_are_named_by_file_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("granskare.csv");
    std::fs::write(&list, REVIEWERS).unwrap();
    let folder = dir.path().join("omgång");
    assert_eq!(prepare(&folder, &list, &["-n", "12"]).0, Some(0));
    let rows = plan(&folder);
    let reviewer = "Per Lindgren";
    let path = folder.join("protokoll-per-lindgren.xlsx");
    let mine = rows.iter().filter(|r| r.1 == reviewer).count();
    assert!(mine >= 3, "Per Lindgren has {mine} cases");
    let last_case = rows.iter().rfind(|r| r.1 == reviewer).unwrap().0.clone();
    for other in rows.iter().map(|r| &r.1).collect::<BTreeSet<_>>() {
        if other != reviewer {
            let file = format!("protokoll-{}.xlsx", other.to_lowercase().replace(' ', "-"));
            fill(&folder.join(file), other, |_, xml| xml);
        }
    }
    // Sheet 2 ("Ärende 1"): free text in a drop-down cell and an override
    // without a reason; sheet 3 ("Ärende 2"): another case number.
    let first_case = rows.iter().find(|r| r.1 == reviewer).unwrap().0.clone();
    let filled = fill(&path, reviewer, |name, xml| {
        let first_answer =
            regex::Regex::new(r#"<c r="(E\d+)" s="(\d+)" t="inlineStr"><is><t>ja</t></is></c>"#)
                .unwrap();
        match name {
            "xl/worksheets/sheet2.xml" => {
                let xml = first_answer
                    .replace(
                        &xml,
                        r#"<c r="$1" s="$2" t="inlineStr"><is><t>kanske</t></is></c>"#,
                    )
                    .into_owned();
                xml.replacen("<t>Passiv form passar här</t>", "<t></t>", 1)
            }
            // The last case's sheet is deleted.
            "xl/workbook.xml" => {
                let last =
                    regex::Regex::new(&format!(r#"<sheet name="Ärende {mine}"[^>]*/>"#)).unwrap();
                assert!(last.is_match(&xml), "{xml}");
                last.replace(&xml, "").into_owned()
            }
            "xl/worksheets/sheet3.xml" => {
                let b1 = regex::Regex::new(r#"<c r="B1"[^>]*>.*?</c>"#).unwrap();
                b1.replace(
                    &xml,
                    r#"<c r="B1" t="inlineStr"><is><t>9999-0000</t></is></c>"#,
                )
                .into_owned()
            }
            _ => xml,
        }
    });
    let (code, json, stderr) = compile(&folder);
    assert_eq!(code, Some(3), "{stderr}");
    let problems: Vec<String> = json["compiled"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} | {} | {} | {}",
                p["file"], p["sheet"], p["cell"], p["message"]
            )
        })
        .collect();
    let has = |sheet: &str, cell_prefix: &str, words: &str| {
        problems.iter().any(|p| {
            p.contains("protokoll-per-lindgren.xlsx")
                && p.contains(sheet)
                && p.contains(&format!("\"{cell_prefix}"))
                && p.contains(words)
        })
    };
    assert!(
        has("Ärende 1", "E", "”kanske” är inget giltigt svar"),
        "{problems:#?}"
    );
    assert!(has("Ärende 2", "B1", "står inte i planen"), "{problems:#?}");
    assert!(filled.iter().any(|f| f.0 == first_case && f.1 == "ändrad"));
    assert!(
        has("Ärende 1", "H", "skälet saknas för KS-PASSIV"),
        "{problems:#?}"
    );
    // The planned case whose sheet now names another case is missing, and
    // so is the case whose sheet was deleted.
    let missing = problems
        .iter()
        .filter(|p| p.contains("bladet för ärende"))
        .count();
    assert_eq!(missing, 2, "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("bladet för ärende ”{last_case}” saknas"))),
        "{problems:#?}"
    );
    // The rest is compiled: the other reviewers' answers are all there.
    let others = json["compiled"]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["reviewer"] != reviewer)
        .count();
    assert!(others > 20, "{others}");
    assert!(stderr.contains("blad ”Ärende 1”, cell E"), "{stderr}");
}
