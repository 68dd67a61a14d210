//! Stickprov end to end: the run summary against the documents it sums up,
//! groups, reproducible and stratified samples, sample size, and comparing
//! two review rounds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

use common::granska;
use serde_json::Value;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs granska in `dir`: exit code, stdout and stderr.
fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = granska()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("granska runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

/// Reviews `folder` into the JSON report `out` (unreadable files allowed).
fn json_report(folder: &str, out: &Path) {
    let (code, _, stderr) = run(&[
        "kontrollera",
        folder,
        "--format",
        "json",
        "--ut",
        out.to_str().unwrap(),
    ]);
    assert!(code == Some(0) || code == Some(3), "{stderr}");
}

fn json_of(args: &[&str]) -> Value {
    let (_, stdout, stderr) = run(args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"))
}

/// The labelled corpus in a temporary folder with a manifest that puts the
/// documents in units of known sizes: 24 in Norr, 15 in Söder, 3 in Väster
/// and 2 without a unit. Returns the unit of each file name ("" for none).
fn corpus_with_units() -> (tempfile::TempDir, BTreeMap<String, &'static str>) {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir("fixtures/korpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    // Documents that name their own unit come first, so the manifest gives
    // them one; the last two have none.
    let lacks_unit = |p: &PathBuf| {
        let text = std::fs::read_to_string(p).unwrap().to_lowercase();
        !text.contains("enhet:")
    };
    files.sort_by_key(|p| (lacks_unit(p), p.clone()));
    assert_eq!(files.len(), 44);
    let mut manifest = String::from("fil;enhet\n");
    let mut units = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name().unwrap().to_str().unwrap();
        std::fs::copy(file, dir.path().join(name)).unwrap();
        let unit = match i {
            0..24 => "Norr",
            24..39 => "Söder",
            39..42 => "Väster",
            _ => "",
        };
        manifest += &format!("{name};{unit}\n");
        units.insert(name.to_string(), unit);
    }
    std::fs::write(dir.path().join("manifest.csv"), manifest).unwrap();
    (dir, units)
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// A column of a semicolon-separated sample list (after the BOM).
fn column(csv: &str, name: &str) -> Vec<String> {
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let at = header.iter().position(|h| *h == name).unwrap();
    lines
        .map(|l| l.split(';').nth(at).unwrap().to_string())
        .collect()
}

#[test]
fn the_summary_agrees_with_the_documents_it_sums_up() {
    let json = json_of(&["kontrollera", "fixtures/korpus", "--format", "json"]);
    let documents = json["documents"].as_array().unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["documents"], documents.len());
    assert_eq!(summary["grouped_by"], Value::Null);
    assert_eq!(summary["groups"], serde_json::json!([]));
    // Per criterion: recount met and applicable from the documents.
    for c in summary["criteria"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let statuses: Vec<&str> = documents
            .iter()
            .flat_map(|d| d["criteria"].as_array().unwrap())
            .filter(|s| s["id"] == id)
            .map(|s| s["status"].as_str().unwrap())
            .collect();
        let met = statuses.iter().filter(|s| **s == "met").count();
        let applicable = met + statuses.iter().filter(|s| **s == "not_met").count();
        assert_eq!(
            (c["met"].as_u64(), c["applicable"].as_u64()),
            (Some(met as u64), Some(applicable as u64)),
            "{id}"
        );
        for key in [
            "perspective",
            "share",
            "ci_low",
            "ci_high",
            "target",
            "verdict",
            "verdict_reason",
        ] {
            assert!(c.get(key).is_some(), "{key} missing for {id}");
        }
        if applicable > 0 {
            let (share, low, high) = (
                c["share"].as_f64().unwrap(),
                c["ci_low"].as_f64().unwrap(),
                c["ci_high"].as_f64().unwrap(),
            );
            assert!((share - met as f64 / applicable as f64).abs() < 1e-4);
            assert!(
                low <= share && share <= high,
                "{id}: {low} ≤ {share} ≤ {high}"
            );
            // The verdict follows from the interval and the target.
            let expected = c["target"].as_f64().map(|target| {
                if low >= target {
                    "uppnått"
                } else if high < target {
                    "ej uppnått"
                } else {
                    "osäkert"
                }
            });
            assert_eq!(c["verdict"].as_str(), expected, "{id}");
        }
    }
    // Per perspective: documents where every applicable criterion is met.
    for (id, p) in summary["perspectives"].as_object().unwrap() {
        let scored: Vec<&Value> = documents
            .iter()
            .map(|d| &d["perspectives"][id])
            .filter(|s| s["applicable"].as_u64().unwrap() > 0)
            .collect();
        let all_met = scored
            .iter()
            .filter(|s| s["met"] == s["applicable"])
            .count();
        assert_eq!(p["applicable"], scored.len(), "{id}");
        assert_eq!(p["all_met"], all_met, "{id}");
        let mean: f64 = scored
            .iter()
            .map(|s| s["score"].as_f64().unwrap())
            .sum::<f64>()
            / scored.len() as f64;
        assert!(
            (p["mean_score"].as_f64().unwrap() - mean).abs() < 1e-3,
            "{id}"
        );
        for key in ["all_met_share", "ci_low", "ci_high", "target", "verdict"] {
            assert!(p.get(key).is_some(), "{key} missing for {id}");
        }
    }
    let kinds = &summary["counts"]["kinds"];
    assert_eq!(
        (kinds["utredning"].as_u64(), kinds["beslut"].as_u64()),
        (Some(22), Some(22))
    );
    let outcomes: u64 = summary["counts"]["outcomes"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert!(outcomes >= 22, "every beslut has an utfall");
}

#[test]
fn groups_have_the_same_summary_and_small_groups_are_not_judged() {
    let (dir, _) = corpus_with_units();
    let json = json_of(&[
        "kontrollera",
        path(dir.path()),
        "--format",
        "json",
        "--gruppera",
        "enhet",
    ]);
    let summary = &json["summary"];
    assert_eq!(summary["grouped_by"], "enhet");
    let groups = summary["groups"].as_array().unwrap();
    let got: BTreeMap<&str, u64> = groups
        .iter()
        .map(|g| {
            (
                g["value"].as_str().unwrap(),
                g["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: BTreeMap<&str, u64> = [
        ("(uppgift saknas)", 2),
        ("Norr", 24),
        ("Söder", 15),
        ("Väster", 3),
    ]
    .into();
    assert_eq!(got, expected);
    for g in groups {
        let small = g["documents"].as_u64().unwrap() < 5;
        assert_eq!(g["too_small"], small);
        for c in g["criteria"].as_array().unwrap() {
            if small {
                assert_eq!(c["verdict"], Value::Null);
            }
            if small && c["target"].is_number() {
                assert!(
                    c["verdict_reason"]
                        .as_str()
                        .unwrap()
                        .contains("För litet underlag")
                );
            }
        }
        assert!(
            g["perspectives"]["delaktighet"]["all_met_share"].is_number()
                || g["perspectives"]["delaktighet"]["applicable"] == 0
        );
    }
    // The groups add up to the whole.
    let whole = &summary["criteria"][0];
    let met: u64 = groups
        .iter()
        .map(|g| g["criteria"][0]["met"].as_u64().unwrap())
        .sum();
    assert_eq!(whole["met"].as_u64(), Some(met));
    // The terminal report shows the groups too.
    let (_, text, _) = run(&["kontrollera", path(dir.path()), "--gruppera", "Enhet"]);
    assert!(text.contains("Grupperat efter Enhet:"), "{text}");
    assert!(text.contains("”Väster” (3 dokument"), "{text}");
    assert!(text.contains("för litet underlag"), "{text}");
}

#[test]
fn the_same_seed_gives_the_same_sample_and_another_seed_another() {
    let (dir, _) = corpus_with_units();
    let sample = |seed: &str| run(&["stickprov", path(dir.path()), "-n", "8", "--frö", seed]);
    let (code, first, stderr) = sample("42");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("Stickprov: 8 av 44 dokument, frö 42."),
        "{stderr}"
    );
    assert_eq!(first, sample("42").1);
    assert_ne!(column(&first, "fil"), column(&sample("43").1, "fil"));
    assert_eq!(column(&first, "frö"), vec!["42"; 8]);
    assert_eq!(column(&first, "population"), vec!["44"; 8]);
    // Naming the same documents another way round gives the same sample.
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .filter(|p| !p.ends_with("manifest.csv"))
        .collect();
    let mut reversed = files.clone();
    reversed.sort();
    reversed.reverse();
    let mut args = vec!["stickprov", "-n", "8", "--frö", "42", "--manifest"];
    let manifest = dir.path().join("manifest.csv");
    args.push(manifest.to_str().unwrap());
    args.extend(reversed.iter().map(String::as_str));
    assert_eq!(column(&run(&args).1, "fil"), column(&first, "fil"));
    // Without a seed, one is drawn and shown so the sample can be drawn again.
    let (_, _, stderr) = run(&["stickprov", path(dir.path()), "-n", "3"]);
    assert!(stderr.contains("ange --frö"), "{stderr}");
}

#[test]
fn stratified_samples_are_proportional_with_one_from_every_stratum() {
    let (dir, _) = corpus_with_units();
    let (code, csv, stderr) = run(&[
        "stickprov",
        path(dir.path()),
        "-n",
        "11",
        "--frö",
        "7",
        "--skikta",
        "enhet",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let mut drawn: BTreeMap<String, usize> = BTreeMap::new();
    for s in column(&csv, "skikt") {
        *drawn.entry(s).or_default() += 1;
    }
    // 11 of 44: quotas none 0.5, Norr 6, Söder 3.75, Väster 0.75; rounded
    // down with at least one from each: 1, 6, 3, 1 = 11.
    let expected: BTreeMap<String, usize> = [
        ("(uppgift saknas)", 1),
        ("Norr", 6),
        ("Söder", 3),
        ("Väster", 1),
    ]
    .map(|(k, v)| (k.to_string(), v))
    .into();
    assert_eq!(drawn, expected);
    let sizes: Vec<String> = column(&csv, "dokument_i_skiktet");
    assert!(sizes.contains(&"24".to_string()) && sizes.contains(&"15".to_string()));
    assert!(
        stderr.contains("Skiktat efter enhet:") && stderr.contains("Norr: 6 av 24"),
        "{stderr}"
    );
}

#[test]
fn a_stratified_review_weights_each_stratum_by_its_size() {
    let (dir, units) = corpus_with_units();
    let manifest = dir.path().join("manifest.csv");
    let review = |format| {
        [
            "stickprov",
            path(dir.path()),
            "-n",
            "11",
            "--frö",
            "7",
            "--skikta",
            "enhet",
            "--kontrollera",
            "--manifest",
            manifest.to_str().unwrap(),
            "--format",
            format,
        ]
    };
    let json = json_of(&review("json"));
    let selection = &json["run"]["selection"];
    assert_eq!(selection["design"]["typ"], "skiktat");
    assert_eq!(selection["population"], 44);
    assert_eq!(selection["reviewed"], 11);
    let population: BTreeMap<&str, f64> =
        [("", 2.0), ("Norr", 24.0), ("Söder", 15.0), ("Väster", 3.0)].into();
    let documents = json["documents"].as_array().unwrap();
    let mut drawn: BTreeMap<&str, f64> = BTreeMap::new();
    for d in documents {
        let name = d["path"].as_str().unwrap().rsplit('/').next().unwrap();
        *drawn.entry(units[name]).or_default() += 1.0;
    }
    // The weighted share by hand: Σ Nₕ/nₕ·metₕ / Σ Nₕ/nₕ·applicableₕ.
    let mut checked = 0;
    for c in json["summary"]["criteria"].as_array().unwrap() {
        let (mut met, mut applicable) = (0.0, 0.0);
        for d in documents {
            let name = d["path"].as_str().unwrap().rsplit('/').next().unwrap();
            let unit = units[name];
            let weight = population[unit] / drawn[unit];
            let status = d["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == c["id"])
                .unwrap()["status"]
                .as_str()
                .unwrap();
            match status {
                "met" => {
                    met += weight;
                    applicable += weight;
                }
                "not_met" => applicable += weight,
                _ => {}
            }
        }
        if applicable == 0.0 {
            continue;
        }
        let expected = ((met / applicable) * 10_000.0).round() / 10_000.0;
        assert_eq!(c["weighted_share"].as_f64(), Some(expected), "{}", c["id"]);
        let (low, high) = (
            c["ci_low"].as_f64().unwrap(),
            c["ci_high"].as_f64().unwrap(),
        );
        assert!(low <= expected && expected <= high, "{}", c["id"]);
        checked += 1;
    }
    assert!(checked > 10);
    let (_, about, _) = run(&review("text"));
    assert!(
        about.contains("skiktat stickprov efter enhet av 11 dokument ur 44"),
        "{about}"
    );
    assert!(about.contains("vägd"), "{about}");
}

#[test]
fn filters_narrow_the_population() {
    let (dir, units) = corpus_with_units();
    let utredningar_in_soder = units
        .iter()
        .filter(|(file, unit)| file.starts_with('u') && **unit == "Söder")
        .count();
    assert!(utredningar_in_soder > 5);
    // The list is kept outside the folder it was drawn from.
    let lists = tempfile::tempdir().unwrap();
    let out = lists.path().join("stickprov.csv");
    let (code, stdout, stderr) = run(&[
        "stickprov",
        path(dir.path()),
        "-n",
        "5",
        "--frö",
        "1",
        "--filter",
        "enhet=söder",
        "--filter",
        "typ=beslut",
        "--ut",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty(), "the list goes to the file");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with('\u{feff}'), "BOM for Swedish Excel");
    assert_eq!(column(&csv, "nr").len(), 5);
    let population: usize = column(&csv, "population")[0].parse().unwrap();
    assert!(
        population < 15 && population > 0,
        "beslut in Söder: {population}"
    );
    assert!(stderr.contains("föll bort genom filtret"), "{stderr}");
    let (code, _, stderr) = run(&[
        "stickprov",
        path(dir.path()),
        "-n",
        "5",
        "--filter",
        "enhet",
    ]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("NYCKEL=VÄRDE"), "{stderr}");
}

#[test]
fn checking_a_sample_judges_only_the_sample_whatever_the_thread_count() {
    let (dir, _) = corpus_with_units();
    let draw = [
        "stickprov",
        path(dir.path()),
        "-n",
        "9",
        "--frö",
        "3",
        "--skikta",
        "enhet",
    ];
    let check = |jobs: &str| {
        let mut args = draw.to_vec();
        args.extend(["--kontrollera", "--format", "json", "--gruppera", "enhet"]);
        args.extend(["--jobb", jobs]);
        json_of(&args)
    };
    let one = check("1");
    assert_eq!(one, check("2"));
    assert_eq!(one["documents"].as_array().unwrap().len(), 9);
    assert_eq!(one["summary"]["documents"], 9);
    let sample = run(&draw).1;
    let mut sampled: Vec<String> = column(&sample, "fil");
    let mut checked: Vec<String> = one["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    sampled.sort();
    checked.sort();
    assert_eq!(sampled, checked);
}

#[test]
fn sample_size_is_explained_in_one_sentence() {
    let (code, stdout, _) = run(&["stickprov", "storlek", "--population", "500"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout.trim(),
        "Dra 81 av 500 dokument för att med 95 % säkerhet skatta en andel inom ±10 procentenheter, om andelen väntas vara omkring 50 %."
    );
    let (_, stdout, _) = run(&[
        "stickprov",
        "storlek",
        "--population",
        "1000",
        "--marginal",
        "0,05",
    ]);
    assert!(stdout.starts_with("Dra 278 av 1000 dokument"), "{stdout}");
    let (code, _, stderr) = run(&[
        "stickprov",
        "storlek",
        "--population",
        "100",
        "--marginal",
        "5",
    ]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("andel mellan 0 och 1"), "{stderr}");
    let (code, _, stderr) = run(&["stickprov", "fixtures/korpus"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("ange stickprovets storlek med -n"),
        "{stderr}"
    );
}

#[test]
fn two_rounds_are_compared() {
    let dir = tempfile::tempdir().unwrap();
    json_report("fixtures/exempel", &dir.path().join("vår.json"));
    json_report("fixtures/korpus", &dir.path().join("höst.json"));
    let (code, text, _) = run_in(dir.path(), &["jämför", "vår.json", "höst.json"]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("jamfor_text", text);
    let (_, stdout, _) = run_in(
        dir.path(),
        &["jämför", "vår.json", "höst.json", "--format", "json"],
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["first"]["documents"], 8);
    assert_eq!(json["second"]["documents"], 44);
    for row in json["criteria"].as_array().unwrap() {
        let both = row["first"]["applicable"].as_u64().unwrap_or(0) > 0
            && row["second"]["applicable"].as_u64().unwrap_or(0) > 0;
        assert_eq!(row["change"].is_string(), both, "{row}");
        if both {
            let (low, d, high) = (
                row["ci_low"].as_f64().unwrap(),
                row["difference"].as_f64().unwrap(),
                row["ci_high"].as_f64().unwrap(),
            );
            assert!(low <= d && d <= high);
        }
    }
    // For the nämnd: a page with a chart and the same rows, and a workbook
    // with the same numbers.
    let (code, _, stderr) = run_in(
        dir.path(),
        &["jämför", "vår.json", "höst.json", "--ut", "jämförelse.html"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let html = std::fs::read_to_string(dir.path().join("jämförelse.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let bars = page.select(&select("svg rect.skillnad")).count();
    let differences = |rows: &Value| {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["difference"].is_number())
            .count()
    };
    assert_eq!(bars, differences(&json["perspectives"]));
    let criteria_rows = page.select(&select("#kriterier tbody tr")).count();
    let judged = json["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["first"]["applicable"].as_u64().unwrap_or(0) > 0
                || r["second"]["applicable"].as_u64().unwrap_or(0) > 0
        })
        .count();
    assert_eq!(criteria_rows, judged);
    assert!(html.contains("RS-OVERKLAGANDE – Information om hur man överklagar"));
    let (code, _, stderr) = run_in(
        dir.path(),
        &["jämför", "vår.json", "höst.json", "--ut", "jämförelse.xlsx"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(dir.path().join("jämförelse.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Omgångar", "Perspektiv", "Kriterier"]);
    let sheet = book.worksheet_range("Kriterier").unwrap();
    let rows: Vec<_> = sheet.rows().skip(1).collect();
    let criteria = json["criteria"].as_array().unwrap();
    assert_eq!(rows.len(), criteria.len());
    for (row, c) in rows.iter().zip(criteria) {
        assert_eq!(row[0].to_string(), c["id"].as_str().unwrap());
        let number = |cell: &calamine::Data| match cell {
            calamine::Data::Float(f) => Some(*f),
            _ => None,
        };
        assert_eq!(number(&row[8]), c["difference"].as_f64(), "{}", c["id"]);
        let judgement = c["change"].as_str().or(c["note"].as_str()).unwrap_or("");
        assert_eq!(row[11].to_string(), judgement, "{}", c["id"]);
    }
    // A file that is not a report is a clear error.
    std::fs::write(dir.path().join("fel.json"), "{\"a\": 1}").unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["jämför", "vår.json", "fel.json"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("kunde inte läsa fel.json")
            && stderr.contains("inte en JSON-rapport från granska"),
        "{stderr}"
    );
}

#[test]
fn samples_from_a_file_of_many_documents_check_exactly_the_drawn_records() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (1..=10)
        .map(|i| {
            let unit = if i < 7 { "Norr" } else { "Söder" };
            format!(
                "{{\"id\": \"J-{i}\", \"text\": \"Beslut {i}. Du får hemtjänst.\", \"metadata\": {{\"enhet\": \"{unit}\"}}}}\n"
            )
        })
        .collect();
    std::fs::write(dir.path().join("poster.jsonl"), lines).unwrap();
    let draw = [
        "stickprov",
        path(dir.path()),
        "-n",
        "3",
        "--frö",
        "5",
        "--skikta",
        "enhet",
    ];
    let (code, csv, _) = run(&draw);
    assert_eq!(code, Some(0));
    let mut drawn = column(&csv, "dokument");
    assert_eq!(column(&csv, "population"), vec!["10"; 3]);
    let mut args = draw.to_vec();
    args.extend(["--kontrollera", "--format", "json"]);
    let json = json_of(&args);
    let mut checked: Vec<String> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    drawn.sort();
    checked.sort();
    assert_eq!(checked, drawn);
}

#[test]
fn a_checked_sample_is_compared_with_its_whole_population() {
    // Case 1's assessment is copied from case 2, which is not drawn.
    let boilerplate = common::BOILERPLATE;
    let dir = tempfile::tempdir().unwrap();
    for (name, arende, person) in [
        ("a.md", "2026-0001", "Karin"),
        ("b.md", "2026-0002", "Sven"),
        ("c.md", "2026-0003", "Aino"),
    ] {
        let assessment = if name == "c.md" {
            "Aino klarar sig själv."
        } else {
            boilerplate
        };
        let text = format!(
            "---\ntyp: utredning\narende: {arende}\n---\nUtredning\n\n{person} har ansökt om hemtjänst.\n\nBedömning\n{assessment}\n"
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let json = json_of(&[
        "stickprov",
        path(dir.path()),
        "-n",
        "1",
        "--frö",
        "1",
        "--filter",
        "arende=2026-0001",
        "--kontrollera",
        "--format",
        "json",
    ]);
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(
        common::status(&documents[0], "RS-INDIVIDUELL"),
        "not_met",
        "the copy from the undrawn case 2 is found"
    );
}

/// `--per-ärende` draws cases: every document of a drawn case comes along,
/// the counts are in cases, and `--kontrollera` reviews every document of
/// the drawn cases.
#[test]
fn a_sample_per_case_brings_every_document_of_the_case() {
    let (code, stdout, stderr) = run(&[
        "stickprov",
        "fixtures/korpus",
        "-n",
        "4",
        "--frö",
        "3",
        "--per-ärende",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let cases = column(&stdout, "ärende");
    let mut distinct = cases.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4, "four cases: {cases:?}");
    // Every document of the corpus in a drawn case is on the list.
    let (_, metadata, _) = run(&["kontrollera", "fixtures/korpus", "--format", "json"]);
    let report: Value = serde_json::from_str(&metadata).unwrap();
    let in_drawn_cases = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["metadata"]["arende"]
                .as_str()
                .is_some_and(|a| distinct.iter().any(|c| c == a))
        })
        .count();
    assert_eq!(cases.len(), in_drawn_cases, "{stdout}");
    assert!(cases.len() > 4, "the corpus has cases of two documents");
    let population: usize = column(&stdout, "population")[0].parse().unwrap();
    assert!(population < 44, "counted in cases: {population}");
    assert!(
        stderr.contains(&format!(
            "4 av {population} ärenden ({} dokument)",
            cases.len()
        )),
        "{stderr}"
    );
}

/// `--per-ärende`: a case meets a criterion when every document of the case
/// where the criterion applies meets it — checked against the documents.
#[test]
fn the_summary_per_case_agrees_with_the_documents() {
    let json = json_of(&[
        "kontrollera",
        "fixtures/korpus",
        "--format",
        "json",
        "--per-ärende",
    ]);
    let documents = json["documents"].as_array().unwrap();
    let summary = &json["summary"];
    let mut cases: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for d in documents {
        let case = d["metadata"]["arende"].as_str().unwrap().to_lowercase();
        cases.entry(case).or_default().push(d);
    }
    assert_eq!(summary["cases"], cases.len());
    let mut checked = 0;
    for c in summary["criteria"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let status = |d: &Value| {
            d["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["id"] == id)
                .map(|x| x["status"].as_str().unwrap().to_string())
                .unwrap()
        };
        let (mut applicable, mut met) = (0, 0);
        for docs in cases.values() {
            let statuses: Vec<String> = docs.iter().map(|d| status(d)).collect();
            if statuses.iter().any(|s| s == "met" || s == "not_met") {
                applicable += 1;
                met += usize::from(!statuses.iter().any(|s| s == "not_met"));
            }
        }
        assert_eq!(c["cases"]["applicable"], applicable, "{id}");
        assert_eq!(c["cases"]["met"], met, "{id}");
        checked += usize::from(applicable > 0 && met < applicable);
    }
    assert!(checked > 5, "some criteria are not met in some case");
    // The HTML and Excel reports carry the per-case counts too.
    let dir = tempfile::tempdir().unwrap();
    let (html, xlsx) = (dir.path().join("r.html"), dir.path().join("r.xlsx"));
    for out in [&html, &xlsx] {
        let (code, _, stderr) = run(&[
            "kontrollera",
            "fixtures/korpus",
            "--per-ärende",
            "--ut",
            out.to_str().unwrap(),
        ]);
        assert!(code == Some(0) || code == Some(3), "{stderr}");
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<caption>Per ärende"), "per-case table");
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("Kriterier").unwrap();
    let header: Vec<String> = (0..15)
        .map(|c| {
            sheet
                .get_value((0, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        header[12..],
        ["Ärenden", "Ärenden uppfyllda", "Andel ärenden"]
    );
    let first = &summary["criteria"][0]["cases"];
    assert_eq!(
        sheet.get_value((1, 12)).unwrap().to_string(),
        first["applicable"].to_string()
    );

    // Without the flag the summary has no per-case counts.
    let json = json_of(&["kontrollera", "fixtures/korpus", "--format", "json"]);
    assert!(json["summary"]["criteria"][0].get("cases").is_none());
    assert!(json["summary"].get("cases").is_none());
}

/// Three rounds or more: each criterion's share per round, in order, and the
/// first compared with the last.
#[test]
fn a_series_of_rounds_shows_the_trend() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, folder) in [
        "fixtures/korpus",
        "fixtures/exempel",
        "fixtures/utvardering",
    ]
    .iter()
    .enumerate()
    {
        let file = dir.path().join(format!("omgång-{i}.json"));
        json_report(folder, &file);
        files.push(file);
    }
    let paths: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    let mut args = vec!["jämför", "--format", "json"];
    args.extend(&paths);
    let trend = json_of(&args);
    assert_eq!(trend["rounds"].as_array().unwrap().len(), 3);
    for (i, file) in files.iter().enumerate() {
        let report: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for c in report["summary"]["criteria"].as_array().unwrap() {
            let row = trend["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == c["id"])
                .unwrap();
            assert_eq!(row["shares"][i], c["share"], "{} in round {i}", c["id"]);
        }
    }
    let last = trend["first_to_last"]["second"]["file"].as_str().unwrap();
    assert!(last.ends_with("omgång-2.json"));
    let mut args = vec!["jämför"];
    args.extend(&paths);
    let (code, text, _) = run(&args);
    assert_eq!(code, Some(0));
    assert!(
        text.starts_with("Utveckling över 3 granskningsomgångar"),
        "{text}"
    );
    assert!(text.contains("Från den första omgången till den sista"));
    // One round alone is not a comparison.
    let (code, _, _) = run(&["jämför", paths[0]]);
    assert_eq!(code, Some(2));
}

#[test]
fn a_round_is_not_compared_with_itself() {
    let dir = tempfile::tempdir().unwrap();
    json_report("fixtures/exempel", &dir.path().join("vår.json"));
    // The same file, also by another way of writing its path.
    for second in ["vår.json", "./vår.json"] {
        let (code, _, stderr) = run_in(dir.path(), &["jämför", "vår.json", second]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("är samma fil"), "{stderr}");
    }
    // A copy is another file (perhaps a round run twice): compared, with a
    // warning that the rounds share their documents.
    std::fs::copy(dir.path().join("vår.json"), dir.path().join("kopia.json")).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["jämför", "vår.json", "kopia.json"]);
    assert_eq!(code, Some(0));
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("vår.json")).unwrap())
            .unwrap();
    let documents = report["documents"].as_array().unwrap().len();
    assert!(
        stderr.contains(&format!("{documents} dokument finns i både")),
        "{stderr}"
    );
    // Rounds with no document in common: no warning.
    json_report("fixtures/korpus", &dir.path().join("höst.json"));
    let (_, _, stderr) = run_in(dir.path(), &["jämför", "vår.json", "höst.json"]);
    assert!(!stderr.contains("finns i både"), "{stderr}");
    // A file that is no report says where JSON goes wrong, in Swedish.
    std::fs::write(dir.path().join("trasig.json"), "{ inte json").unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["jämför", "vår.json", "trasig.json"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("inte giltig JSON (rad 1, kolumn"),
        "{stderr}"
    );
}
