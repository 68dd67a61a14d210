//! The report formats against the JSON report of the same run: the Excel
//! workbook read back, the CSV and SARIF parsed; and no unmasked personal
//! identity number in any format.

use std::path::Path;

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::granska;
use serde_json::Value;

/// Runs `kontrollera` on `path` in `format` and returns stdout.
fn report(path: &str, format: &str, extra: &[&str]) -> Vec<u8> {
    let output = granska()
        .args(["kontrollera", path, "--format", format])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 3)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn json(path: &str) -> Value {
    serde_json::from_slice(&report(path, "json", &[])).unwrap()
}

/// Every row of a sheet as strings (numbers as they are shown in JSON).
fn rows(workbook: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = workbook.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

#[test]
fn the_workbook_holds_what_the_json_says() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("granskning.xlsx");
    report(
        "fixtures/exempel",
        "xlsx",
        &["--ut", file.to_str().unwrap()],
    );
    let json = json("fixtures/exempel");
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["Sammanfattning", "Kriterier", "Dokument", "Fynd"]
    );
    // Dokument: one row per document, typed cells.
    let documents = json["documents"].as_array().unwrap();
    let sheet = rows(&mut workbook, "Dokument");
    assert_eq!(sheet.len(), documents.len() + 1);
    assert_eq!(text(&sheet[0][0]), "Dokument");
    for (row, doc) in sheet[1..].iter().zip(documents) {
        assert_eq!(text(&row[0]), doc["id"].as_str().unwrap());
        assert_eq!(text(&row[1]), doc["path"].as_str().unwrap());
        assert_eq!(text(&row[2]), doc["kind"].as_str().unwrap_or(""));
        let score = number(&row[6]);
        assert_eq!(score, doc["score"].as_f64(), "{}", doc["path"]);
        let findings = number(&row[6 + 1 + 5]).unwrap();
        assert_eq!(findings as usize, doc["findings"].as_array().unwrap().len());
        if let Some(date) = doc["metadata"]["beslutsdatum"].as_str() {
            match &row[5] {
                Data::DateTime(d) => {
                    let shown = d.as_datetime().unwrap().date().to_string();
                    assert_eq!(shown, date);
                }
                other => panic!("beslutsdatum {date} is not a date cell: {other:?}"),
            }
        }
    }
    // Fynd: every finding, in order.
    let findings: Vec<&Value> = documents
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap())
        .collect();
    let sheet = rows(&mut workbook, "Fynd");
    assert_eq!(sheet.len(), findings.len() + 1);
    for (row, f) in sheet[1..].iter().zip(&findings) {
        assert_eq!(text(&row[2]), f["criterion"].as_str().unwrap());
        assert_eq!(number(&row[5]), f["line"].as_f64());
        assert_eq!(text(&row[10]), f["message"].as_str().unwrap());
    }
    // Kriterier: the summary's counts and shares.
    let criteria = json["summary"]["criteria"].as_array().unwrap();
    let sheet = rows(&mut workbook, "Kriterier");
    assert_eq!(sheet.len(), criteria.len() + 1);
    // The perspective by its name, as the template writes it ("Rättssäkerhet"),
    // not its id ("rattssakerhet").
    let titles: std::collections::HashMap<&str, &str> = json["summary"]["perspectives"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, p)| (id.as_str(), p["title"].as_str().unwrap()))
        .collect();
    for (row, c) in sheet[1..].iter().zip(criteria) {
        assert_eq!(text(&row[0]), c["id"].as_str().unwrap());
        assert_eq!(text(&row[1]), c["title"].as_str().unwrap());
        assert_eq!(text(&row[2]), titles[c["perspective"].as_str().unwrap()]);
        assert_eq!(number(&row[3]), c["applicable"].as_f64());
        assert_eq!(number(&row[4]), c["met"].as_f64());
        assert_eq!(number(&row[5]), c["share"].as_f64());
        assert_eq!(text(&row[10]), c["verdict"].as_str().unwrap_or(""));
    }
    let summary = rows(&mut workbook, "Sammanfattning");
    assert_eq!(
        number(&summary[1][1]),
        json["summary"]["documents"].as_f64()
    );
    // "Om granskningen": the template and its checksum, as in the JSON run.
    let about: std::collections::HashMap<String, String> = summary
        .iter()
        .filter(|row| row.len() > 1)
        .map(|row| (text(&row[0]), text(&row[1])))
        .collect();
    let checksum = json["run"]["template"]["checksum"].as_str().unwrap();
    assert!(about["Mall"].contains(&checksum[..12]), "{about:?}");
    assert!(about["Sammanfattning i ord"].starts_with("Granskningen omfattade"));
    assert!(about.contains_key("Urval") && about.contains_key("Körd"));
}

#[test]
fn a_summary_only_report_has_no_document_pages_and_tells_where_it_comes_from() {
    let html = String::from_utf8(report(
        "fixtures/korpus",
        "html",
        &[
            "--bara-sammanfattning",
            "--rubrik",
            "Stickprov våren 2026",
            "--granskare",
            "Kim Lind",
        ],
    ))
    .unwrap();
    assert!(html.contains("<title>Stickprov våren 2026</title>"));
    assert!(html.contains("<h1>Stickprov våren 2026</h1>"));
    assert!(!html.contains("class=\"dokument\""), "no document pages");
    assert!(!html.contains("id=\"dokumentlista\""), "no document list");
    for part in [
        "Om granskningen",
        "Sammanfattning i ord",
        "oftast inte var uppfyllda",
        "av Kim Lind med granska",
        "kontrollsumma",
    ] {
        assert!(html.contains(part), "{part} missing");
    }
    // Criteria by their titles beside their ids.
    assert!(html.contains("RS-OVERKLAGANDE – Information om hur man överklagar"));
}

#[test]
fn a_report_without_texts_keeps_the_findings_with_short_excerpts() {
    let full = String::from_utf8(report("fixtures/korpus", "html", &[])).unwrap();
    let bare = String::from_utf8(report("fixtures/korpus", "html", &["--utan-text"])).unwrap();
    assert!(full.contains("class=\"text\""));
    assert!(!bare.contains("class=\"text\""), "no document texts");
    assert_eq!(
        full.matches("<li id=").count(),
        bare.matches("<li id=").count(),
        "every finding is still there"
    );
    assert!(bare.contains("class=\"utdrag\""));
    for excerpt in bare.split("<p class=\"utdrag\">”").skip(1) {
        let excerpt = &excerpt[..excerpt.find("”</p>").unwrap()];
        assert!(excerpt.chars().count() <= 62, "{excerpt}");
    }
    // No file names either (they often name the person), and the reader is
    // told what is left out.
    assert!(full.contains("u10-avlosarservice-noah") && !bare.contains("u10-avlosarservice-noah"));
    assert!(bare.contains("<h2 id=\"dok-1-rubrik\">Dokument 1</h2>"));
    assert!(bare.contains("Dokumentens texter och filnamn ingår inte"));
    assert!(!bare.contains("”Ärende:"), "no case numbers as excerpts");
    // A sentence of a decision's text is in the full report only.
    let sentence = "Vi hjälper dig gärna att skriva brevet";
    assert!(full.contains(sentence) && !bare.contains(sentence));
}

#[test]
fn a_census_has_no_interval_and_judges_the_share_itself() {
    let json: Value = serde_json::from_slice(&report(
        "fixtures/korpus",
        "json",
        &["--population", "alla"],
    ))
    .unwrap();
    assert_eq!(
        json["run"]["selection"]["design"]["typ"],
        "totalundersokning"
    );
    let criteria = json["summary"]["criteria"].as_array().unwrap();
    let judged: Vec<&Value> = criteria
        .iter()
        .filter(|c| !c["verdict"].is_null())
        .collect();
    assert!(!judged.is_empty());
    for c in judged {
        assert_eq!(c["ci_low"], c["share"], "{}", c["id"]);
        assert_eq!(c["ci_high"], c["share"], "{}", c["id"]);
        assert_ne!(c["verdict"], "osäkert", "{}", c["id"]);
        assert!(
            c["verdict_reason"]
                .as_str()
                .unwrap()
                .starts_with("Alla granskades")
        );
    }
}

#[test]
fn csv_and_sarif_list_every_finding() {
    let json = json("fixtures/exempel");
    let findings: Vec<&Value> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap())
        .collect();
    let csv = String::from_utf8(report("fixtures/exempel", "csv", &[])).unwrap();
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a byte order mark for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    assert_eq!(reader.headers().unwrap().get(3), Some("kriterium"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), findings.len());
    for (r, f) in records.iter().zip(&findings) {
        assert_eq!(r.get(3), f["criterion"].as_str());
        assert_eq!(r.get(11), f["message"].as_str());
    }
    let sarif: Value = serde_json::from_slice(&report("fixtures/exempel", "sarif", &[])).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for (r, f) in results.iter().zip(&findings) {
        assert_eq!(r["ruleId"], f["criterion"]);
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], f["criterion"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], f["line"]);
        assert_eq!(region["snippet"]["text"], f["excerpt"]);
    }
}

/// Ten or twelve digits, with or without `-` or `+`: a personnummer or
/// samordningsnummer.
fn has_identity_number(text: &str) -> bool {
    let digits: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < digits.len() {
        if digits[i].is_ascii_digit() && (i == 0 || !digits[i - 1].is_ascii_digit()) {
            let run: String = digits[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '-' || **c == '+')
                .collect();
            let count = run.chars().filter(char::is_ascii_digit).count();
            if count == 10 || count == 12 {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// A folder whose documents carry identity numbers in the text, the
/// metadata and the file name.
fn corpus_with_identity_numbers() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("fixtures/exempel/beslut-avslag-brister.md").unwrap();
    let with = format!(
        "---\nid: 19420315-1230\n---\nPersonnummer: 19420315-1230\n{text}\nSamordningsnummer 420375+1237 och 4203151230.\n"
    );
    std::fs::write(dir.path().join("19420315-1230 beslut.md"), &with).unwrap();
    std::fs::write(
        dir.path().join("annan.md"),
        format!("{text}\nSe 20010101-2383.\n"),
    )
    .unwrap();
    dir
}

#[test]
fn no_format_shows_an_identity_number() {
    let dir = corpus_with_identity_numbers();
    let path = dir.path().to_str().unwrap();
    assert!(has_identity_number(
        &std::fs::read_to_string(dir.path().join("annan.md")).unwrap()
    ));
    for format in ["text", "json", "csv", "sarif", "html"] {
        let out = String::from_utf8(report(path, format, &[])).unwrap();
        assert!(
            !has_identity_number(&out),
            "{format} shows a personnummer:\n{out}"
        );
        assert!(
            out.contains("XXXXXXXX-XXXX"),
            "{format} masks rather than drops"
        );
    }
    let file = dir.path().join("r.xlsx");
    report(path, "xlsx", &["--ut", file.to_str().unwrap()]);
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    for sheet in workbook.sheet_names() {
        for row in rows(&mut workbook, &sheet) {
            for cell in row {
                assert!(!has_identity_number(&text(&cell)), "{sheet}: {cell:?}");
            }
        }
    }
    // Asked for, they are shown, with a warning.
    let output = granska()
        .args([
            "kontrollera",
            path,
            "--format",
            "csv",
            "--visa-personnummer",
        ])
        .output()
        .unwrap();
    assert!(has_identity_number(
        &String::from_utf8(output.stdout).unwrap()
    ));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("varning")
    );
    let _ = Path::new(path);
}

/// Chromium, if installed. CI installs it and sets `GRANSKA_KRAV_CHROMIUM`, so
/// there the test fails without it; elsewhere it is skipped with a note.
fn chromium() -> Option<&'static str> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    if found.is_none() {
        assert!(
            std::env::var_os("GRANSKA_KRAV_CHROMIUM").is_none(),
            "Chromium saknas: apt-get install chromium"
        );
        eprintln!("Chromium saknas; HTML-testet hoppas över (apt-get install chromium).");
    }
    found
}

/// Runs headless Chromium on the page `file` with a profile in `dir` and
/// the `extra` flags, and returns what it wrote to stdout.
fn headless(browser: &str, dir: &Path, extra: &[&str], file: &Path) -> Vec<u8> {
    let output = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profil").display()))
        .args(extra)
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("Chromium runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn the_html_report_shows_every_finding_on_its_page_in_a_browser() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rapport.html");
    report(
        "fixtures/exempel",
        "html",
        &["--gruppera", "typ", "--ut", file.to_str().unwrap()],
    );
    let html = std::fs::read_to_string(&file).unwrap();
    for external in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(external), "the report loads {external}");
    }
    let browse = |extra: &[&str]| headless(browser, dir.path(), extra, &file);
    // The DOM as Chromium built it, after the page's script ran.
    let dom = String::from_utf8(browse(&["--dump-dom"])).unwrap();
    let page = scraper::Html::parse_document(&dom);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let json = json("fixtures/exempel");
    let documents = json["documents"].as_array().unwrap();
    for (i, doc) in documents.iter().enumerate() {
        let section = page
            .select(&select(&format!("section#dok-{}", i + 1)))
            .next()
            .unwrap_or_else(|| panic!("no page for {}", doc["path"]));
        let heading: String = section
            .select(&select("h2"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(heading, doc["path"].as_str().unwrap());
        let items: Vec<String> = section
            .select(&select("ol.fynd > li"))
            .map(|li| li.text().collect())
            .collect();
        let findings = doc["findings"].as_array().unwrap();
        assert_eq!(items.len(), findings.len(), "{}", doc["path"]);
        // The page lists errors, then warnings, then info, each in text order.
        let rank = |f: &serde_json::Value| match f["severity"].as_str() {
            Some("error") => 0,
            Some("warning") => 1,
            _ => 2,
        };
        let mut listed: Vec<&serde_json::Value> = findings.iter().collect();
        listed.sort_by_key(|f| rank(f));
        for (item, f) in items.iter().zip(listed) {
            assert!(item.contains(f["criterion"].as_str().unwrap()), "{item}");
            assert!(item.contains(f["message"].as_str().unwrap()), "{item}");
        }
        // Every finding with a span is marked in the text: at least one mark
        // per group of overlapping spans.
        let marks = section.select(&select(".text mark")).count();
        let mut spans: Vec<(u64, u64)> = findings
            .iter()
            .map(|f| {
                (
                    f["byte_start"].as_u64().unwrap(),
                    f["byte_end"].as_u64().unwrap(),
                )
            })
            .filter(|(a, b)| b > a)
            .collect();
        spans.sort_unstable();
        let mut groups = 0;
        let mut end = 0;
        for (a, b) in spans {
            if groups == 0 || a >= end {
                groups += 1;
                end = b;
            } else {
                end = end.max(b);
            }
        }
        assert!(
            marks >= groups,
            "{}: {marks} marks, {groups} spans",
            doc["path"]
        );
    }
    // The chart: a bar per perspective with a share, a target line per target.
    let chart = page
        .select(&select("#sammanfattning svg[role=img]"))
        .next()
        .expect("the chart is there");
    let perspectives = json["summary"]["perspectives"].as_object().unwrap();
    let bars = chart.select(&select("rect.stapel")).count();
    let targets = chart.select(&select("line.mal")).count();
    assert_eq!(
        bars,
        perspectives
            .values()
            .filter(|p| p["all_met_share"].is_number())
            .count()
    );
    assert_eq!(
        targets,
        perspectives
            .values()
            .filter(|p| p["target"].is_number())
            .count()
    );
    assert!(
        page.select(&select("#grupper table")).count() >= 2,
        "a table per group"
    );
    let rows = page.select(&select("#dokumentlista tbody tr")).count();
    assert_eq!(rows, documents.len());
    // A screenshot for people to look at.
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("granska-rapport.png");
    browse(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1280,2400",
    ]);
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
    eprintln!("Skärmbild av rapporten: {}", shot.display());
}

/// Sixty documents in four units: the labelled corpus and sixteen of its
/// files again under other names, with a manifest that gives each a unit.
fn sixty_documents_in_four_units() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("fixtures/korpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    files.sort();
    let units = ["Norr", "Söder", "Öster", "Väster"];
    let mut manifest = String::from("fil;enhet\n");
    for i in 0..60 {
        let source = &files[i % files.len()];
        let name = format!("d{i:02}-{}", source.file_name().unwrap().to_str().unwrap());
        std::fs::copy(source, dir.path().join(&name)).unwrap();
        manifest += &format!("{name};{}\n", units[i % units.len()]);
    }
    std::fs::write(dir.path().join("manifest.csv"), manifest).unwrap();
    dir
}

#[test]
fn the_summary_for_the_namnd_prints_on_at_most_three_pages() {
    let Some(browser) = chromium() else {
        return;
    };
    let documents = sixty_documents_in_four_units();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sammanfattning.html");
    report(
        documents.path().to_str().unwrap(),
        "html",
        &[
            "--bara-sammanfattning",
            "--gruppera",
            "enhet",
            "--rubrik",
            "Stickprov hösten 2026",
            "--ut",
            file.to_str().unwrap(),
        ],
    );
    let pdf = dir.path().join("sammanfattning.pdf");
    headless(
        browser,
        dir.path(),
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &file,
    );
    let printed = lopdf::Document::load(&pdf).expect("Chromium wrote a PDF");
    let pages = printed.get_pages().len();
    assert!((1..=3).contains(&pages), "{pages} A4 pages");
    // What the pages hold: the provenance, the paragraph, the criteria by
    // their titles and the unit overview, and no document.
    let html = std::fs::read_to_string(&file).unwrap();
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let about: String = page
        .select(&select("#om dl"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(about.contains("Granskat60 dokument"), "{about}");
    let paragraph: String = page
        .select(&select("p.i-ord"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        paragraph.starts_with("Granskningen omfattade 60 dokument"),
        "{paragraph}"
    );
    assert!(html.contains("RS-BESLUTSFATTARE – Vem som har fattat beslutet"));
    let overview = page.select(&select("table.oversikt tbody tr")).count();
    assert_eq!(overview, 4, "a row per unit");
    assert_eq!(page.select(&select("section.dokument")).count(), 0);
    eprintln!("Sammanfattningen: {pages} sidor ({})", pdf.display());
}
