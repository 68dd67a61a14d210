//! The `granska` command end to end: exit codes, output formats, template
//! commands. Snapshots hold the rendered output.

use std::path::Path;

mod common;

use common::granska;
use predicates::prelude::*;

/// A temporary folder with one good document in it.
fn folder_with_a_good_document() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "fixtures/exempel/beslut-avslag-bra.md",
        dir.path().join("bra.md"),
    )
    .unwrap();
    dir
}

/// `granska kontrollera --format json DIR`: exit code and JSON.
fn check_json(dir: &Path) -> (Option<i32>, serde_json::Value) {
    let output = granska()
        .args(["kontrollera", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        serde_json::from_slice(&output.stdout).expect("JSON output"),
    )
}

/// Runs a snapshot assertion with the day of the run replaced, so that the
/// snapshot holds tomorrow too.
fn dated(assert: impl FnOnce()) {
    insta::with_settings!({filters => vec![
        (r"\d{1,2} [a-z]+ \d{4}( av .*)? med granska", "[DAG]$1 med granska"),
        (r#""date": "\d{4}-\d{2}-\d{2}""#, r#""date": "[DAG]""#),
        (r"gjordes med mallen (.*) den \d{1,2} [a-z]+ \d{4}\.", "gjordes med mallen $1 den [DAG]."),
    ]}, {
        assert();
    });
}

fn stdout_of(args: &[&str]) -> String {
    let output = granska().args(args).output().expect("granska runs");
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

#[test]
fn checks_the_fixtures_with_the_standard_template() {
    let output = granska()
        .args(["kontrollera", "fixtures/exempel/"])
        .assert()
        .success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    dated(|| insta::assert_snapshot!("kontrollera_fixtures_text", stdout));
}

#[test]
fn json_output_follows_the_schema_for_every_fixture() {
    let stdout = stdout_of(&["kontrollera", "fixtures/exempel/", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(json["tool"]["name"], "granska");
    assert_eq!(
        json["template"]["name"],
        "Standardmall för myndighetsutövning"
    );
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 8);
    for doc in documents {
        for key in [
            "id",
            "path",
            "kind",
            "encoding",
            "metadata",
            "score",
            "perspectives",
            "criteria",
            "findings",
            "metrics",
        ] {
            assert!(doc.get(key).is_some(), "{key} missing in {}", doc["path"]);
        }
        for key in ["lix", "words", "sentences", "long_sentences"] {
            assert!(doc["metrics"].get(key).is_some());
        }
        for finding in doc["findings"].as_array().unwrap() {
            for key in [
                "criterion",
                "perspective",
                "severity",
                "line",
                "column",
                "paragraph",
                "page",
                "byte_start",
                "byte_end",
                "excerpt",
                "message",
                "suggestion",
                "source",
            ] {
                assert!(finding.get(key).is_some(), "{key} missing in a finding");
            }
        }
    }
    assert_eq!(json["errors"], serde_json::json!([]));
    for key in [
        "documents",
        "criteria",
        "perspectives",
        "groups",
        "grouped_by",
        "counts",
    ] {
        assert!(json["summary"].get(key).is_some(), "summary.{key} missing");
    }
    dated(|| insta::assert_snapshot!("kontrollera_fixtures_json", stdout));
}

#[test]
fn findings_point_at_the_source_text() {
    let stdout = stdout_of(&[
        "kontrollera",
        "fixtures/exempel/beslut-avslag-brister.md",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let text = std::fs::read_to_string("fixtures/exempel/beslut-avslag-brister.md").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let findings = json["documents"][0]["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let (start, end) = (
            f["byte_start"].as_u64().unwrap() as usize,
            f["byte_end"].as_u64().unwrap() as usize,
        );
        let line = lines[f["line"].as_u64().unwrap() as usize - 1];
        let column = f["column"].as_u64().unwrap() as usize;
        let at: String = line.chars().skip(column - 1).collect();
        assert!(
            at.starts_with(&text[start..end].lines().next().unwrap().to_string()),
            "{f}"
        );
    }
    let kanslisprak: Vec<&str> = findings
        .iter()
        .filter(|f| f["criterion"] == "KS-KANSLISPRAK")
        .map(|f| f["excerpt"].as_str().unwrap())
        .collect();
    assert!(kanslisprak.contains(&"i enlighet med"), "{kanslisprak:?}");
    let enlighet = findings
        .iter()
        .find(|f| f["excerpt"] == "i enlighet med")
        .unwrap();
    assert_eq!(enlighet["suggestion"], "Skriv hellre: enligt.");
}

#[test]
fn json_is_identical_whatever_the_thread_count() {
    let one = stdout_of(&[
        "kontrollera",
        "fixtures/exempel/",
        "--format",
        "json",
        "--jobb",
        "1",
    ]);
    let two = stdout_of(&[
        "kontrollera",
        "fixtures/exempel/",
        "--format",
        "json",
        "--jobb",
        "2",
    ]);
    assert!(!one.is_empty());
    assert_eq!(one, two);
}

#[test]
fn large_batches_keep_input_order_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let sources: Vec<_> = std::fs::read_dir("fixtures/exempel")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    for i in 0..300 {
        let source = &sources[i % sources.len()];
        std::fs::copy(source, dir.path().join(format!("dok-{i:04}.md"))).unwrap();
    }
    let run = |jobs: &str| {
        let output = granska()
            .args(["kontrollera", "--format", "json", "--jobb", jobs])
            .arg(dir.path())
            .output()
            .unwrap();
        // More than 200 documents, but stderr is not a terminal: no progress bar.
        assert!(
            output.stderr.is_empty(),
            "{:?}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    let json: serde_json::Value = serde_json::from_str(&one).unwrap();
    let paths: Vec<String> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(common::file_name)
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("dok-{i:04}.md")).collect();
    assert_eq!(paths, expected);
}

#[test]
fn personnummer_are_masked_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("19420315-1230.md");
    std::fs::write(
        &file,
        "---\ntyp: beslut\npersonnummer: 19420315-1230\n---\nBeslut\n\
         Du, 420315-1230, erhåller hemtjänst.\n",
    )
    .unwrap();
    let outputs = [
        stdout_of(&["kontrollera", file.to_str().unwrap(), "--format", "json"]),
        stdout_of(&["kontrollera", file.to_str().unwrap()]),
    ];
    for out in &outputs {
        assert!(out.contains("erhåller"), "the finding is shown:\n{out}");
        assert!(
            !out.contains("19420315") && !out.contains("420315"),
            "unmasked in:\n{out}"
        );
        assert!(out.contains("XXXXXX-XXXX"));
    }
    granska()
        .args([
            "kontrollera",
            file.to_str().unwrap(),
            "--format",
            "json",
            "--visa-personnummer",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("19420315-1230"))
        .stderr(predicate::str::contains("personnummer visas omaskerade"));
}

#[test]
fn strict_exits_1_when_a_criterion_is_not_met() {
    granska()
        .args([
            "kontrollera",
            "fixtures/exempel/beslut-avslag-brister.md",
            "--strikt",
        ])
        .assert()
        .code(1);
    granska()
        .args([
            "kontrollera",
            "fixtures/exempel/beslut-avslag-bra.md",
            "--strikt",
        ])
        .assert()
        .code(0);
}

#[test]
fn unreadable_files_are_listed_and_exit_3() {
    let dir = folder_with_a_good_document();
    std::fs::write(dir.path().join("tom.txt"), "").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Beslut om hj\xe4lp\n").unwrap();
    std::fs::write(dir.path().join("bild.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, Some(3));
    // Bytes that are not UTF-8 are read as Windows-1252, and the report says so.
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 2);
    let latin1 = documents
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("latin1.txt"))
        .unwrap();
    assert_eq!(latin1["encoding"], "Windows-1252");
    let errors: Vec<(String, String)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let path = e["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|(p, m)| p == "tom.txt" && m == "filen är tom")
    );
    assert!(
        errors
            .iter()
            .any(|(p, m)| p == "bild.png" && m.contains("filformatet"))
    );
    // The text report lists them too.
    let text = granska()
        .args(["kontrollera"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(text.status.code(), Some(3));
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(stdout.contains("Filer som inte kunde läsas:"));
    assert!(stdout.contains("tom.txt: filen är tom"));
}

#[test]
fn missing_path_is_an_error_not_a_crash() {
    granska()
        .args(["kontrollera", "finns-inte/"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "finns-inte/: filen eller mappen finns inte",
        ));
}

#[test]
fn a_template_with_five_mistakes_shows_five_diagnostics_and_exits_2() {
    let output = granska()
        .args(["mall", "kontrollera", "tests/data/mallar/fem-fel.gm"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    for expected in [
        "tests/data/mallar/fem-fel.gm:11:14",
        "tests/data/mallar/fem-fel.gm:13:59",
        "tests/data/mallar/fem-fel.gm:14:3",
        "tests/data/mallar/fem-fel.gm:24:11",
        "tests/data/mallar/fem-fel.gm:26:22",
    ] {
        assert!(stderr.contains(expected), "{expected} not in:\n{stderr}");
    }
    assert!(stderr.contains("mallen har 5 fel"));
    insta::assert_snapshot!("mall_fem_fel", stderr);
    // The same errors stop a run before any document is read.
    granska()
        .args([
            "kontrollera",
            "fixtures/exempel/",
            "--mall",
            "tests/data/mallar/fem-fel.gm",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty());
}

#[test]
fn template_commands_on_the_standard_template() {
    granska()
        .args(["mall", "testa"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ger väntat resultat"));
    granska()
        .args(["mall", "testa", "rules/standard.gm"])
        .assert()
        .success();
    granska()
        .args(["mall", "kontrollera", "rules/standard.gm"])
        .assert()
        .success()
        .stdout(predicate::str::contains("är korrekt"));
    let list = stdout_of(&["mall", "visa"]);
    for id in [
        "RS-MOTIVERING",
        "RS-OVERKLAGANDE",
        "KS-KANSLISPRAK",
        "KS-LIX",
        "KS-MENINGSLANGD",
        "DL-UPPFATTNING",
    ] {
        assert!(list.contains(id), "{id} missing from:\n{list}");
    }
}

#[test]
fn failing_examples_are_reported_with_their_line() {
    granska()
        .args(["mall", "testa", "tests/data/mallar/kommun.gm"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "✗ T-TRASIGT-EXEMPEL (exemplet på rad 31 i tests/data/mallar/kommun.gm): väntat ej uppfyllt, blev uppfyllt",
        ))
        .stdout(predicate::str::contains("1 av 4 exempel"));
}

#[test]
fn explains_a_criterion() {
    let out = stdout_of(&["förklara", "RS-OVERKLAGANDE"]);
    insta::assert_snapshot!("forklara_rs_overklagande", out);
    granska()
        .args(["förklara", "RS-OVERKLAGANDEN"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Menade du RS-OVERKLAGANDE?"));
    granska()
        .args(["explain", "rs-motivering"])
        .assert()
        .success()
        .stdout(predicate::str::contains("32 § förvaltningslagen"));
}

#[test]
fn manual_questions_and_a_municipal_template() {
    let out = stdout_of(&[
        "kontrollera",
        "fixtures/exempel/utredning-hemtjanst-karin.md",
        "--format",
        "json",
        "--mall",
        "tests/data/mallar/kommun.gm",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let criteria = &json["documents"][0]["criteria"];
    let status = |id: &str| {
        criteria
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("MQ-RIMLIG"), "manual");
    assert_eq!(status("T-BESLUT"), "not_applicable");
}

#[test]
fn bad_invocations_exit_2_with_a_swedish_message() {
    granska()
        .args(["kontrollera", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ogiltigt värde"));
    granska()
        .args(["granska-allt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("okänt kommando"));
    granska()
        .args([
            "kontrollera",
            "fixtures/exempel/",
            "--mall",
            "finns-inte.gm",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mallfilen `finns-inte.gm` finns inte",
        ));
}

#[test]
fn help_is_in_swedish() {
    let help = stdout_of(&["--hjälp"]);
    assert!(help.contains("Kommandon"), "{help}");
    assert!(help.contains("kontrollera"));
    let help = stdout_of(&["kontrollera", "--hjälp"]);
    for word in [
        "Flaggor", "--mall", "--format", "--ut", "--jobb", "--strikt",
    ] {
        assert!(help.contains(word), "{word} missing:\n{help}");
    }
}

#[test]
fn writes_to_a_private_file_with_ut() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("resultat.json");
    granska()
        .args([
            "kontrollera",
            "fixtures/exempel/beslut-avslag-bra.md",
            "--format",
            "json",
            "--ut",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("\"documents\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(Path::new(&out))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// `--ut rapport.html` writes HTML without `--format`; a `--format` that
/// does not fit the file's ending is refused before anything is written.
#[test]
fn the_report_format_follows_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "fixtures/exempel/beslut-avslag-bra.md";
    for (name, starts) in [
        ("r.html", &b"<!DOCTYPE html>"[..]),
        ("r.xlsx", &b"PK"[..]),
        ("r.json", &b"{"[..]),
        ("r.sarif.json", &b"{"[..]),
    ] {
        let out = dir.path().join(name);
        let mut args = vec!["kontrollera", doc, "--ut", out.to_str().unwrap()];
        if name.ends_with(".sarif.json") {
            args.extend(["--format", "sarif"]);
        }
        granska().args(&args).assert().success();
        let written = std::fs::read(&out).unwrap();
        assert!(written.starts_with(starts), "{name}");
        if name.ends_with(".sarif.json") {
            assert!(String::from_utf8_lossy(&written).contains("sarif-2.1.0"));
        }
    }
    let out = dir.path().join("omg1.html");
    granska()
        .args(["kontrollera", doc, "--format", "text", "--ut"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--format text passar inte med filnamnet omg1.html",
        ));
    assert!(!out.exists());
}

/// In `stickprov`, `--ut` is the command's result as in `kontrollera`: the
/// review with `--kontrollera`, the list without; `--lista` is the list.
#[test]
fn stickprov_writes_the_result_to_ut_and_the_list_to_lista() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("omg1.html");
    let list = dir.path().join("urval.csv");
    let sample = ["stickprov", "fixtures/exempel", "-n", "2", "--frö", "1"];
    granska()
        .args(sample)
        .args(["--kontrollera", "--ut"])
        .arg(&report)
        .arg("--lista")
        .arg(&list)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let csv = std::fs::read_to_string(&list).unwrap();
    assert!(csv.starts_with("\u{feff}nr;"), "{csv}");
    // Without --kontrollera the list is the result.
    std::fs::remove_file(&list).unwrap();
    granska()
        .args(sample)
        .arg("--ut")
        .arg(&list)
        .assert()
        .success()
        .stderr(predicate::str::contains("Listan skrevs till"));
    assert!(
        std::fs::read_to_string(&list)
            .unwrap()
            .starts_with("\u{feff}nr;")
    );
    // What would have gone wrong before is refused with a reason.
    for (args, reason) in [
        (
            vec!["--format", "html", "--ut", "x.html"],
            "lägg till --kontrollera",
        ),
        (vec!["--ut", "x.html"], "stickprovslistan är en CSV-fil"),
        (
            vec!["--gruppera", "enhet"],
            "--gruppera gäller granskningen",
        ),
        (
            vec!["--kontrollera", "--rapport", "x.html"],
            "--rapport finns inte längre",
        ),
        (vec!["--ut", "a.csv", "--lista", "b.csv"], "inte båda"),
        (
            vec!["--kontrollera", "--format", "json", "--ut", "x.html"],
            "passar inte",
        ),
    ] {
        granska()
            .current_dir(dir.path())
            .args([
                "stickprov",
                concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/exempel"),
                "-n",
                "2",
            ])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(reason));
    }
    assert!(!dir.path().join("x.html").exists());
}

/// `granska metadata` shows the keys and values there are; a key no document
/// has, given to --skikta, --gruppera or --filter, is said with the keys that
/// exist instead of putting everything in "(uppgift saknas)".
#[test]
fn metadata_keys_are_listed_and_unknown_ones_said() {
    let dir = tempfile::tempdir().unwrap();
    for (name, unit) in [("a.md", "Norr"), ("b.md", "Söder"), ("c.md", "Norr")] {
        std::fs::write(
            dir.path().join(name),
            format!("---\nenhet: {unit}\ntyp: beslut\n---\nBeslut\n\nDu får hemtjänst.\n"),
        )
        .unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let output = granska().args(["metadata", folder]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("3 dokument."), "{text}");
    assert!(
        text.contains("\nenhet (3 av 3 dokument)\n  Norr: 2\n  Söder: 1\n"),
        "{text}"
    );
    assert!(
        text.contains("\ntyp (3 av 3 dokument)\n  beslut: 3\n"),
        "{text}"
    );
    for (args, note) in [
        (
            vec!["stickprov", folder, "-n", "1", "--skikta", "kommun"],
            "nyckeln ”kommun” som --skikta använder",
        ),
        (
            vec!["stickprov", folder, "-n", "1", "--filter", "kommun=Åkersby"],
            "nyckeln ”kommun” som --filter använder",
        ),
        (
            vec!["stickprov", folder, "-n", "1", "--filter", "enhet=Åkersby"],
            "inget dokument har enhet=Åkersby; värden som finns: Norr (2), Söder (1)",
        ),
        (
            vec!["kontrollera", folder, "--gruppera", "mapp"],
            "nyckeln ”mapp” som --gruppera använder",
        ),
    ] {
        let output = granska().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(note), "{args:?}: {stderr}");
        assert!(
            stderr.contains("enhet (3)") || note.contains("värden"),
            "{stderr}"
        );
    }
    // Keys that exist give no note.
    let output = granska()
        .args([
            "stickprov",
            folder,
            "-n",
            "1",
            "--skikta",
            "Enhet",
            "--filter",
            "enhet=norr",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("varning"));
}

/// A Word file (no front matter, no manifest) found in a folder gets its path
/// from that folder as id, the same wherever the folder lies.
#[test]
fn ids_are_paths_from_the_folder_given() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export").join("2025");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.md"), "Beslut\n\nDu får hemtjänst.\n").unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let output = granska()
            .args(["kontrollera", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect()
    };
    let export = dir.path().join("export");
    assert_eq!(ids(&[export.to_str().unwrap()]), ["2025/a.md"]);
    let file = folder.join("a.md");
    assert_eq!(ids(&[file.to_str().unwrap()]), [file.to_str().unwrap()]);
}

#[test]
fn granskaignore_leaves_out_files_that_are_not_documents() {
    let dir = folder_with_a_good_document();
    std::fs::write(dir.path().join("facit.json"), "{}").unwrap();
    std::fs::write(dir.path().join("lista.xlsx"), [0x50, 0x4b]).unwrap();
    let (code, _) = check_json(dir.path());
    assert_eq!(code, Some(3), "without .granskaignore both are errors");
    std::fs::write(dir.path().join(".granskaignore"), "facit.json\n*.xlsx\n").unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["errors"], serde_json::json!([]));
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_folder_is_not_followed_and_the_batch_goes_on() {
    let dir = folder_with_a_good_document();
    std::fs::create_dir(dir.path().join("under")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("under/ring")).unwrap();
    let (code, json) = check_json(dir.path());
    // The folder it points to is read anyway, once.
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["errors"], serde_json::json!([]));
}

#[test]
fn passages_shared_with_other_cases_are_found_across_the_batch() {
    let boilerplate = common::BOILERPLATE;
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, arende: &str, person: &str| {
        let text = format!(
            "---\ntyp: utredning\narende: {arende}\n---\nUtredning\n\n{person} har ansökt om hemtjänst.\n\nBedömning\n{boilerplate}\n"
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    };
    write("a.md", "2026-0001", "Karin");
    write("b.md", "2026-0002", "Sven");
    write("c.md", "2026-0002", "Sven");
    let (code, json) = check_json(dir.path());
    assert_eq!(code, Some(0));
    let findings = |doc: usize| -> Vec<String> {
        json["documents"][doc]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["criterion"] == "RS-INDIVIDUELL")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    // a.md shares the passage with one other case (b and c are one case).
    assert_eq!(findings(0).len(), 1);
    assert!(
        findings(0)[0].ends_with("i ett annat ärende."),
        "{:?}",
        findings(0)
    );
    assert_eq!(findings(1).len(), 1);
    // The same text alone cannot be compared with anything.
    let alone = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join("a.md"), alone.path().join("a.md")).unwrap();
    let (_, json) = check_json(alone.path());
    assert_eq!(
        common::status(&json["documents"][0], "RS-INDIVIDUELL"),
        "not_applicable"
    );
}

#[test]
fn template_check_warns_about_slow_patterns() {
    let output = granska()
        .args(["mall", "kontrollera", "tests/data/mallar/langsam.gm"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "a warning does not stop the template"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("långsamt mönster"), "{stderr}");
    assert!(
        stderr.contains("tests/data/mallar/langsam.gm:5:17"),
        "{stderr}"
    );
    // The standard template has no slow patterns.
    let output = granska()
        .args(["mall", "kontrollera", "rules/standard.gm"])
        .output()
        .unwrap();
    assert!(String::from_utf8(output.stderr).unwrap().is_empty());
}

#[test]
fn profile_shows_stages_and_criteria() {
    let output = granska()
        .args([
            "kontrollera",
            "fixtures/exempel/",
            "--profil",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    for expected in [
        "Tidsprofil: 8 dokument",
        "läsa filer",
        "pröva kriterier",
        "RS-MOTIVERING",
    ] {
        assert!(
            stderr.contains(expected),
            "{expected} missing in:\n{stderr}"
        );
    }
}

/// `granska utvärdera`: a key beside two documents; the table, findings
/// precision and recall, every disagreement, and exit code 3 when a file the
/// key names is missing.
#[test]
fn evaluates_against_an_answer_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Beslut om hemtjänst\n\nDu erhåller hemtjänst. Något hinder föreligger inte. Beslutet fattades den 3 mars 2026.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "Beslut om ledsagning\n\nDu får ledsagning fyra timmar i månaden.\n",
    )
    .unwrap();
    let key = r#"{"documents": [
        {"file": "a.md", "statuses": {"KS-KANSLISPRAK": "not_met", "RS-BESLUTSDATUM": "met", "DL-BESLUT-INFORMATION": "met"},
         "findings": [{"criterion": "KS-KANSLISPRAK", "line": 3, "excerpt": "erhåller"}]},
        {"file": "b.md", "statuses": {"KS-KANSLISPRAK": "met", "RS-BESLUTSDATUM": "not_met", "DL-BESLUT-INFORMATION": "not_met"}}
    ]}"#;
    std::fs::write(dir.path().join("facit.json"), key).unwrap();
    let output = granska()
        .current_dir(dir.path())
        .args(["utvärdera", "facit.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    insta::assert_snapshot!("utvardera_text", text);

    // A file the key names that is not there: listed, exit code 3.
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    granska()
        .args(["utvärdera"])
        .arg(dir.path().join("facit.json"))
        .assert()
        .code(3)
        .stdout(predicate::str::contains("I facit men inte granskade"));
    // A broken key: a Swedish error and exit code 2.
    std::fs::write(dir.path().join("facit.json"), "{").unwrap();
    granska()
        .args(["utvärdera"])
        .arg(dir.path().join("facit.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kunde inte läsa facit"));
}

/// `--allvar` hides the less serious findings and nothing else: statuses
/// and scores stay; the terminal lists errors first with a count per
/// severity.
#[test]
fn allvar_filters_findings_not_statuses() {
    let run = |extra: &[&str]| -> serde_json::Value {
        let output = granska()
            .args(["kontrollera", "--format", "json"])
            .args(extra)
            .arg("fixtures/exempel/beslut-avslag-brister.md")
            .output()
            .unwrap();
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let all = run(&[]);
    let errors = run(&["--allvar", "fel"]);
    let doc = |v: &serde_json::Value| v["documents"][0].clone();
    assert_eq!(doc(&all)["criteria"], doc(&errors)["criteria"]);
    assert_eq!(doc(&all)["score"], doc(&errors)["score"]);
    let severities = |v: &serde_json::Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["severity"].as_str().unwrap().to_string())
            .collect()
    };
    let shown = severities(&doc(&errors));
    assert!(
        !shown.is_empty() && shown.iter().all(|s| s == "error"),
        "{shown:?}"
    );
    assert!(severities(&doc(&all)).iter().any(|s| s == "warning"));

    let text = stdout_of(&["kontrollera", "fixtures/exempel/beslut-avslag-brister.md"]);
    let counts = text
        .lines()
        .find(|l| l.trim_start().starts_with("Fynd: "))
        .unwrap();
    assert!(
        counts.contains("fel · ") && counts.contains("varningar"),
        "{counts}"
    );
    // The first finding shown is an error.
    let first = text
        .lines()
        .find(|l| l.trim_start().starts_with(['×', '⚠', '☞']))
        .unwrap();
    assert!(first.trim_start().starts_with('×'), "{first}");
}

/// Words clap writes in English, which a Swedish user must never see.
const ENGLISH: &[&str] = &[
    "Usage",
    "OPTIONS",
    "Options:",
    "Arguments:",
    "Commands:",
    "COMMAND",
    "possible values",
    "default:",
    "aliases",
    "error:",
    "For more information",
    "try '",
    "Print help",
    "Print version",
    "invalid",
    "unexpected",
    "required",
    "found",
    "tip:",
];

fn english_in(text: &str) -> Vec<&'static str> {
    ENGLISH
        .iter()
        .copied()
        .filter(|w| text.contains(w))
        .collect()
}

/// The commands a help text lists under "Kommandon:".
fn commands_in(help: &str) -> Vec<String> {
    help.split("Kommandon:\n")
        .nth(1)
        .map(|rest| {
            rest.lines()
                .take_while(|l| !l.trim().is_empty())
                .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
                .filter_map(|l| l.split_whitespace().next().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_help_and_every_argument_error_is_in_swedish() {
    // Every command's help, found by walking the lists of commands.
    let mut queue: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen = 0;
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--hjälp");
        let output = granska().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.contains("Användning:"), "{args:?}:\n{help}");
        assert_eq!(english_in(&help), Vec::<&str>::new(), "{args:?}:\n{help}");
        seen += 1;
        for sub in commands_in(&help) {
            let mut next = path.clone();
            next.push(sub);
            queue.push(next);
        }
    }
    assert!(seen >= 12, "only {seen} help texts");
    // `granska hjälp KOMMANDO` is the command's help.
    let direct = stdout_of(&["stickprov", "--hjälp"]);
    assert_eq!(stdout_of(&["hjälp", "stickprov"]), direct);
    // Wrong invocations: a Swedish reason, exit code 2, no English.
    let wrong: &[&[&str]] = &[
        &[],
        &["kontrolera"],
        &["kontrollera", "--format", "xyz"],
        &["kontrollera", "--okänd-flagga"],
        &["stickprov", "-n", "abc", "fixtures/exempel"],
        &["jämför", "bara-en.json"],
        &["mall"],
        &["mall", "testa", "a.gm", "b.gm", "c.gm"],
        &["förklara"],
        &["granskning", "förbered"],
    ];
    for args in wrong {
        let output = granska().args(*args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("granska: "), "{args:?}: {stderr}");
        assert_eq!(
            english_in(&stderr),
            Vec::<&str>::new(),
            "{args:?}:\n{stderr}"
        );
    }
}
