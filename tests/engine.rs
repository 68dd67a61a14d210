//! Requirement kinds evaluated through the engine on small templates and texts:
//! what is met, what is not, and where the findings land.

use granska::criteria::Status;
use granska::engine::evaluate;
use granska::ingest::{Document, Metadata};
use granska::template::{Loader, Template};

const PREAMBLE: &str = r#"
perspektiv p "P" vikt 2 mål 90 %
perspektiv q "Q" vikt 1
avsnitt motivering = "Motivering", "Skäl för beslutet"
"#;

/// A template with one criterion whose body lines are `body`; the examples
/// are placeholders and not run here.
fn template(body: &str) -> Template {
    let source = format!(
        "{PREAMBLE}\nkriterium K \"k\" {{\n perspektiv p\n meddelande \"fel: {{träff}}\"\n {body}\n exempel uppfyllt \"a\"\n exempel ej_uppfyllt \"b\"\n}}\n"
    );
    Template::from_source("test.gm", &source, &Loader::Embedded)
        .unwrap_or_else(|e| panic!("{:#?}", e.errors))
}

fn judge(template: &Template, text: &str) -> (Status, Vec<String>) {
    let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
    let outcome = evaluate(template, &doc);
    let excerpts = outcome
        .findings
        .iter()
        .map(|f| text[f.range.clone()].to_string())
        .collect();
    (outcome.statuses[0], excerpts)
}

#[test]
fn section_with_minimum_words() {
    let t = template("kräver avsnitt motivering med minst 5 ord");
    let (status, _) = judge(&t, "Motivering\nDu behöver hjälp med att duscha.\n");
    assert_eq!(status, Status::Met);
    let (status, findings) = judge(
        &t,
        "Beslut\nDu får hjälp.\n\nSkäl för beslutet\nDu behöver det.\n",
    );
    assert_eq!(status, Status::NotMet);
    assert_eq!(
        findings,
        ["Skäl för beslutet"],
        "the finding lands on the heading"
    );
    let (status, findings) = judge(&t, "Beslut\nDu får hjälp.\n");
    assert_eq!(status, Status::NotMet);
    assert_eq!(
        findings,
        ["Beslut"],
        "without the section, the finding lands at the start"
    );
}

#[test]
fn patterns_combine_with_och_eller_inte() {
    let t = template(
        "kräver (text /överklaga/i och fras \"förvaltningsrätten\") eller inte text /avslås/",
    );
    assert_eq!(
        judge(&t, "Du kan Överklaga till förvaltningsrätten.").0,
        Status::Met
    );
    assert_eq!(judge(&t, "Du får hjälp.").0, Status::Met);
    assert_eq!(
        judge(&t, "Ansökan avslås. Du kan överklaga.").0,
        Status::NotMet
    );
}

#[test]
fn pattern_inside_a_section() {
    let t = template("kräver text /eftersom/ i avsnitt motivering");
    assert_eq!(
        judge(&t, "Motivering\nDu får hjälp eftersom du behöver det.\n").0,
        Status::Met
    );
    assert_eq!(
        judge(
            &t,
            "Beslut\nDu får hjälp eftersom du behöver det.\n\nMotivering\nDu behöver det.\n"
        )
        .0,
        Status::NotMet
    );
}

#[test]
fn pattern_in_the_same_sentence() {
    let t = template("kräver fras \"tre veckor\" i samma mening som text /överklag/");
    assert_eq!(
        judge(&t, "Du kan överklaga inom tre veckor.").0,
        Status::Met
    );
    assert_eq!(
        judge(&t, "Du kan överklaga. Det tar tre veckor.").0,
        Status::NotMet
    );
}

#[test]
fn phrases_match_case_space_and_word_boundaries() {
    let t = template("förbjuder fras \"lider av\"");
    let (status, findings) = judge(&t, "Hon LIDER\n  av värk. Han glider av stolen.");
    assert_eq!(status, Status::NotMet);
    assert_eq!(findings, ["LIDER\n  av"]);
    assert_eq!(judge(&t, "Han glider av stolen.").0, Status::Met);
}

#[test]
fn forbidden_lexicon_gives_one_finding_per_occurrence_with_replacement() {
    let t = Template::from_source(
        "t.gm",
        &format!(
            "{PREAMBLE}\nlexikon k = \"lexikon/kanslisprak.tsv\"\nkriterium K \"k\" {{\n perspektiv p\n förbjuder lexikon k\n meddelande \"”{{träff}}” är stelt.\"\n exempel uppfyllt \"a\"\n exempel ej_uppfyllt \"b\"\n}}\n"
        ),
        &Loader::Embedded,
    )
    .unwrap();
    let text = "Du erhåller hemtjänst i enlighet med ansökan. Du ERHÅLLER också larm.";
    let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
    let outcome = evaluate(&t, &doc);
    let found: Vec<(&str, &str, Option<&str>)> = outcome
        .findings
        .iter()
        .map(|f| {
            (
                &text[f.range.clone()],
                f.message.as_str(),
                f.suggestion.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "erhåller",
                "”erhåller” är stelt.",
                Some("Skriv hellre: få.")
            ),
            (
                "i enlighet med",
                "”i enlighet med” är stelt.",
                Some("Skriv hellre: enligt.")
            ),
            (
                "ERHÅLLER",
                "”ERHÅLLER” är stelt.",
                Some("Skriv hellre: få.")
            ),
        ]
    );
}

#[test]
fn applicability_by_kind_and_metadata() {
    let t = template(
        "gäller beslut där utfall är avslag eller delvis_bifall\n kräver text /överklaga/",
    );
    assert_eq!(
        judge(&t, "---\ntyp: beslut\nutfall: bifall\n---\nDu får hjälp.").0,
        Status::NotApplicable
    );
    assert_eq!(
        judge(&t, "---\ntyp: utredning\nutfall: avslag\n---\nText.").0,
        Status::NotApplicable
    );
    assert_eq!(
        judge(&t, "---\ntyp: beslut\nutfall: avslag\n---\nText.").0,
        Status::NotMet
    );
    assert_eq!(
        judge(&t, "Beslut\nAnsökan avslås. Du kan överklaga.").0,
        Status::Met
    );
}

#[test]
fn measures_use_the_bound_for_the_kind_and_report_values() {
    let t = template("mått meningslängd högst 4 för beslut, högst 6");
    let (status, findings) = judge(
        &t,
        "---\ntyp: beslut\n---\nDu får hjälp. Du får hjälp med dusch i morgon.",
    );
    assert_eq!(status, Status::NotMet);
    assert_eq!(findings, ["Du får hjälp med dusch i morgon."]);
    assert_eq!(
        judge(&t, "---\ntyp: utredning\n---\nDu får hjälp med dusch.").0,
        Status::Met
    );
    let lix = template("mått lix högst 20");
    let (status, _) = judge(
        &lix,
        "Biståndshandläggningen konstaterade funktionsnedsättningskonsekvenser.",
    );
    assert_eq!(status, Status::NotMet);
    assert_eq!(
        judge(&lix, "2026-03-14").0,
        Status::NotApplicable,
        "no words, no LIX"
    );
}

#[test]
fn scores_weigh_perspectives_and_criteria() {
    let source = format!(
        "{PREAMBLE}
kriterium A \"a\" {{ perspektiv p  vikt 2  kräver fras \"ja\"  meddelande \"m\"  exempel uppfyllt \"ja\"  exempel ej_uppfyllt \"nej\" }}
kriterium B \"b\" {{ perspektiv p  kräver fras \"nej\"  meddelande \"m\"  exempel uppfyllt \"nej\"  exempel ej_uppfyllt \"ja\" }}
kriterium C \"c\" {{ perspektiv q  kräver fras \"ja\"  meddelande \"m\"  exempel uppfyllt \"ja\"  exempel ej_uppfyllt \"nej\" }}
fråga M \"m\" {{ perspektiv q }}
"
    );
    let t = Template::from_source("t.gm", &source, &Loader::Embedded)
        .unwrap_or_else(|e| panic!("{:#?}", e.errors));
    let doc = Document::from_text("t.md", "ja".to_string(), &Metadata::default());
    let outcome = evaluate(&t, &doc);
    assert_eq!(
        outcome.statuses,
        [Status::Met, Status::NotMet, Status::Met, Status::Manual]
    );
    // p: A (weight 2) met, B (weight 1) not: 2/3. q: C met: 1.
    assert!((outcome.score.perspectives[0].score.unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(outcome.score.perspectives[1].score, Some(1.0));
    assert_eq!(
        (
            outcome.score.perspectives[1].met,
            outcome.score.perspectives[1].applicable
        ),
        (1, 1)
    );
    // Document: (2·2 + 1·1) / (2·3 + 1·1) = 5/7.
    assert!((outcome.score.total.unwrap() - 5.0 / 7.0).abs() < 1e-9);
}

#[test]
fn inflected_forms_match_but_not_inside_other_words() {
    let t = Template::standard().unwrap();
    let findings = |text: &str, id: &str| -> Vec<String> {
        let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
        let outcome = evaluate(&t, &doc);
        outcome
            .findings
            .iter()
            .filter(|f| t.criteria[f.criterion].id == id)
            .map(|f| text[f.range.clone()].to_string())
            .collect()
    };
    // Forms of one row: present, past and supine.
    assert_eq!(
        findings(
            "Du erhåller hjälp. Hon erhöll stöd. Han har erhållit larm.",
            "KS-KANSLISPRAK"
        ),
        ["erhåller", "erhöll", "erhållit"]
    );
    assert_eq!(
        findings("Hon lider av värk. Han led av oro.", "SA-BRISTSPRAK"),
        ["lider av", "led av"]
    );
    // Never in the middle of another word.
    assert!(findings("Han glider av stolen.", "SA-BRISTSPRAK").is_empty());
    assert!(
        findings(
            "Hon fick hjälp med flytten och med ejektionen.",
            "KS-KANSLISPRAK"
        )
        .is_empty()
    );
}

#[test]
fn compounds_count_only_where_the_lexicon_says_so() {
    // The standard lexicons match whole words: a compound is caught only when
    // the lexicon lists it ("handikappomsorg"), and the genitive only when its
    // form is listed ("vårdtagarens").
    let t = Template::standard().unwrap();
    let ids = |text: &str| -> Vec<String> {
        let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
        evaluate(&t, &doc)
            .findings
            .iter()
            .map(|f| format!("{} {}", t.criteria[f.criterion].id, &text[f.range.clone()]))
            .collect()
    };
    assert!(
        ids("Vårdtagarens önskemål är viktiga.")
            .contains(&"SA-BRISTSPRAK Vårdtagarens".to_string())
    );
    assert!(
        ids("Hon arbetade inom handikappomsorgen.")
            .contains(&"IC-TERMER handikappomsorgen".to_string())
    );
    assert!(
        !ids("Hon har hemtjänstinsatsen kvar.")
            .iter()
            .any(|f| f.contains("hemtjänstinsatsen"))
    );
    // A lexicon declared with `sammansättningar` also matches at the end of a
    // compound.
    let source = format!(
        "{PREAMBLE}\nlexikon k = \"lexikon/kanslisprak.tsv\"\nlexikon i = \"lexikon/livsomraden.tsv\" sammansättningar\nkriterium K \"k\" {{\n perspektiv p\n förbjuder lexikon i\n meddelande \"m\"\n exempel uppfyllt \"a\"\n exempel ej_uppfyllt \"b\"\n}}\n"
    );
    let with_compounds = Template::from_source("t.gm", &source, &Loader::Embedded)
        .unwrap_or_else(|e| panic!("{:#?}", e.errors));
    let text = "Stöd i hemlivet och i vardagshemliv.";
    let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
    let found: Vec<&str> = evaluate(&with_compounds, &doc)
        .findings
        .iter()
        .map(|f| &text[f.range.clone()])
        .collect();
    assert!(found.contains(&"hemliv"), "{found:?}");
}

/// A template in a folder of its own with `lexicon` as `lexikon/l.tsv`.
fn with_lexicon(lexicon: &str, body: &str) -> Result<Template, String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lexikon")).unwrap();
    std::fs::write(dir.path().join("lexikon/l.tsv"), lexicon).unwrap();
    let source = format!(
        "{PREAMBLE}\nlexikon l = \"lexikon/l.tsv\"\nkriterium K \"k\" {{\n perspektiv p\n förbjuder lexikon l\n meddelande \"”{{träff}}”\"\n {body}\n exempel uppfyllt \"a\"\n exempel ej_uppfyllt \"b\"\n}}\n"
    );
    let path = dir.path().join("t.gm");
    std::fs::write(&path, source).unwrap();
    Template::from_file(&path).map_err(|e| {
        e.errors
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

#[test]
fn lexicon_rows_have_levels_kinds_and_places_where_they_do_not_count() {
    let lexicon = "ord\tersättning\tkommentar\tnivå\tgäller\tutom\n\
        erhålla|erhåller\tfå\n\
        avslås\tvi säger nej till\t\tinfo\n\
        sökanden\tdu\t\t\tbeslut\n\
        den enskilde\tdu\t\t\t\tlagrum motivering\n\
        tillgodoses\tges\n\
        inte kan tillgodoses på annat sätt\t\t\ttillåten\n";
    let t = with_lexicon(lexicon, "").unwrap();
    let judge_kind = |kind: &str, text: &str| {
        let doc = Document::from_text(
            "t.md",
            format!("---\ntyp: {kind}\n---\n{text}"),
            &Metadata::default(),
        );
        let outcome = evaluate(&t, &doc);
        let found: Vec<String> = outcome
            .findings
            .iter()
            .map(|f| format!("{:?} {}", f.severity, &doc.text[f.range.clone()]))
            .collect();
        (outcome.statuses[0], found)
    };
    // info: a suggestion, the criterion is met.
    assert_eq!(
        judge_kind("beslut", "Ansökan avslås."),
        (Status::Met, vec!["Info avslås".to_string()])
    );
    // gäller beslut: nothing in an utredning.
    assert_eq!(judge_kind("utredning", "Sökanden bor ensam.").1.len(), 0);
    assert_eq!(
        judge_kind("beslut", "Sökanden bor ensam.").0,
        Status::NotMet
    );
    // utom lagrum and a section: not in a sentence citing the law, nor
    // under "Motivering".
    assert_eq!(
        judge_kind(
            "beslut",
            "Enligt 4 kap. 1 § SoL har den enskilde rätt till bistånd."
        )
        .0,
        Status::Met
    );
    assert_eq!(
        judge_kind(
            "beslut",
            "Beslut\nDu får hemtjänst.\n\nMotivering\nDen enskilde bor ensam.\n"
        )
        .0,
        Status::Met
    );
    assert_eq!(
        judge_kind("beslut", "Den enskilde bor ensam.").0,
        Status::NotMet
    );
    // tillåten: the law's own test hides the shorter row inside it.
    assert_eq!(
        judge_kind(
            "utredning",
            "Behovet är sådant som inte kan tillgodoses på annat sätt."
        )
        .1,
        Vec::<String>::new()
    );
    assert_eq!(
        judge_kind("utredning", "Behovet tillgodoses genom hemtjänst.").1,
        ["Warning tillgodoses"]
    );
    // Mistakes in the lexicon are told with the line.
    let bad_kind =
        with_lexicon("ord\tersättning\tkommentar\tgäller\nx\ty\t\tbrev\n", "").unwrap_err();
    assert!(
        bad_kind.contains("rad 2") && bad_kind.contains("dokumenttyp"),
        "{bad_kind}"
    );
    let bad_column = with_lexicon("ord\tersättning\tkommentar\tfärg\nx\ty\n", "").unwrap_err();
    assert!(bad_column.contains("`färg`"), "{bad_column}");
    let bad_place =
        with_lexicon("ord\tersättning\tkommentar\tutom\nx\ty\t\tköket\n", "").unwrap_err();
    assert!(
        bad_place.contains("`köket`") && bad_place.contains("inget sådant avsnitt"),
        "{bad_place}"
    );
}

#[test]
fn one_finding_per_place_the_more_specific_criterion_keeps_it() {
    // In a decision, "sökanden" is KS-TILLTAL's finding; KS-KANSLISPRAK gives
    // way (`viker för KS-TILLTAL`) and is met if nothing else is wrong.
    let t = Template::standard().unwrap();
    let text =
        "---\ntyp: beslut\n---\nBeslut\nSökanden beviljas hemtjänst. Du får hjälp med dusch.\n";
    let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
    let outcome = evaluate(&t, &doc);
    let at: Vec<&str> = outcome
        .findings
        .iter()
        .filter(|f| &text[f.range.clone()] == "Sökanden")
        .map(|f| t.criteria[f.criterion].id.as_str())
        .collect();
    assert_eq!(at, ["KS-TILLTAL"]);
    let kanslisprak = t
        .criteria
        .iter()
        .position(|c| c.id == "KS-KANSLISPRAK")
        .unwrap();
    assert_eq!(outcome.statuses[kanslisprak], Status::Met);
    // A place marked for something missing (no "du" anywhere, marked at the
    // first line) hides nothing there.
    let text = "---\ntyp: beslut\n---\nSökanden kan erhålla hemtjänst.\n";
    let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
    let outcome = evaluate(&t, &doc);
    assert!(
        outcome
            .findings
            .iter()
            .any(|f| f.criterion == kanslisprak && &text[f.range.clone()] == "erhålla"),
        "{:?}",
        outcome.findings
    );
    // An unknown criterion to give way to is an error in the template.
    let e = with_lexicon("ord\nx\n", "viker för KS-FINNSINTE").unwrap_err();
    assert!(e.contains("inget kriterium `KS-FINNSINTE`"), "{e}");
}
