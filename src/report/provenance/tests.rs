use super::*;
use crate::score::{Frame, Tally};

fn run(documents: usize, selection: Selection) -> (Provenance, Summary) {
    let template = Template::standard().unwrap();
    let mut tally = Tally::new(&template);
    tally.documents = documents;
    let summary = Summary::new(&template, &tally, None, &Frame::PLAIN);
    let provenance = Provenance {
        title: Some("Stickprov hösten, 19121212-1212".to_string()),
        reviewer: Some("Kim Lind".to_string()),
        selection,
        ..Provenance::new(&template, "2026-12-03")
    };
    (provenance, summary)
}

fn row<'a>(rows: &'a [(&'static str, String)], label: &str) -> &'a str {
    rows.iter()
        .find(|(l, _)| *l == label)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
}

#[test]
fn a_small_sample_says_how_large_it_should_have_been() {
    let (p, summary) = run(
        20,
        Selection {
            design: Design::Simple { population: 200 },
            seed: Some(7),
            ..Selection::default()
        },
    );
    // `stickprov storlek --population 200`: ±10 procentenheter → 66.
    assert_eq!(p.recommended(20), Some(66));
    let rows = p.rows(&summary, false);
    assert!(row(&rows, "Urval").starts_with("slumpmässigt stickprov av 20 dokument ur 200, frö 7"));
    assert!(row(&rows, "Stickprovets storlek").contains("färre än de 66"));
    assert_eq!(
        row(&rows, "Körd"),
        format!(
            "3 december 2026 av Kim Lind med granska {}",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(row(&rows, "Mall").contains("kontrollsumma"));
    assert_eq!(p.recommended(66), None);
}

#[test]
fn a_census_and_an_unknown_population_are_told_as_such() {
    let (p, summary) = run(
        30,
        Selection {
            design: Design::Census,
            ..Selection::default()
        },
    );
    let rows = p.rows(&summary, false);
    assert!(row(&rows, "Urval").starts_with("totalundersökning: alla 30 dokument"));
    assert!(!rows.iter().any(|(l, _)| *l == "Stickprovets storlek"));
    let (p, summary) = run(30, Selection::default());
    let rows = p.rows(&summary, false);
    assert!(row(&rows, "Urval").starts_with("uppgift saknas om hur dokumenten valdes"));
    assert_eq!(long_date("2026-03-09"), "9 mars 2026");
    assert_eq!(long_date("okänt"), "okänt");
    assert_eq!(p.population(30), None);
}

#[test]
fn the_run_in_json_is_masked_and_counts_the_population() {
    let (p, summary) = run(
        12,
        Selection {
            design: Design::Stratified {
                key: "enhet".into(),
                strata: vec![("Norr".into(), 80), ("Söder".into(), 40)],
            },
            strata: vec![
                StratumInfo {
                    name: "Norr".into(),
                    population: 80,
                    drawn: 8,
                },
                StratumInfo {
                    name: "Söder".into(),
                    population: 40,
                    drawn: 4,
                },
            ],
            ..Selection::default()
        },
    );
    let json = p.json(&summary, false);
    assert_eq!(json["title"], "Stickprov hösten, XXXXXXXX-XXXX");
    assert_eq!(json["selection"]["population"], 120);
    assert_eq!(json["selection"]["reviewed"], 12);
    assert_eq!(json["selection"]["design"]["typ"], "skiktat");
    assert_eq!(json["template"]["checksum"].as_str().unwrap().len(), 64);
    let rows = p.rows(&summary, false);
    assert!(
        row(&rows, "Urval").contains("(Norr 8 av 80, Söder 4 av 40)"),
        "{rows:?}"
    );
    assert_eq!(p.heading(), "Stickprov hösten, 19121212-1212");
}
