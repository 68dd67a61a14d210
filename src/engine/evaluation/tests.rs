//! Tests of the parent module.

use super::*;

fn reported(criterion: usize, line: usize, text: &str, severity: Severity) -> Reported {
    Reported {
        criterion,
        severity,
        line,
        text: text.to_string(),
    }
}

#[test]
fn a_finding_is_the_same_place_by_text_and_line() {
    let k = KeyedFinding {
        criterion: "KS-MENINGSLANGD".into(),
        line: Some(12),
        excerpt: "Vid hembesöket den 3 mars".into(),
    };
    let whole = "Vid hembesöket den\n3 mars berättade Karin att hon vill bo kvar hemma.";
    assert!(same_place(&k, &reported(0, 12, whole, Severity::Warning)));
    assert!(same_place(&k, &reported(0, 13, whole, Severity::Warning)));
    assert!(!same_place(&k, &reported(0, 20, whole, Severity::Warning)));
    assert!(!same_place(
        &k,
        &reported(0, 12, "Karin vill bo kvar.", Severity::Warning)
    ));
    let word = KeyedFinding {
        criterion: "KS-KANSLISPRAK".into(),
        line: None,
        excerpt: "har inkommit".into(),
    };
    assert!(same_place(
        &word,
        &reported(0, 40, "inkommit", Severity::Warning)
    ));
}

#[test]
fn precision_and_recall_count_claims_and_finds() {
    let template = Template::standard().expect("standard template");
    let i = template
        .criteria
        .iter()
        .position(|c| c.id == "KS-KANSLISPRAK")
        .unwrap();
    let key = AnswerKey::parse(
        r#"{"documents": [{"file": "a.md",
            "statuses": {"KS-KANSLISPRAK": "not_met"},
            "findings": [{"criterion": "KS-KANSLISPRAK", "line": 3, "excerpt": "erhålla"},
                         {"criterion": "KS-KANSLISPRAK", "line": 5, "excerpt": "föreligger"}]}]}"#,
    )
    .unwrap();
    let mut statuses = vec![Status::NotApplicable; template.criteria.len()];
    statuses[i] = Status::NotMet;
    let judgement = Judgement {
        statuses,
        findings: vec![
            reported(i, 3, "erhålla", Severity::Warning),
            reported(i, 9, "avslås", Severity::Warning),
            reported(i, 10, "den enskilde", Severity::Info),
        ],
    };
    let judged = HashMap::from([("a.md".to_string(), judgement)]);
    let e = compare(&template, &key, &judged);
    let r = e
        .criteria
        .iter()
        .find(|c| c.id == "KS-KANSLISPRAK")
        .unwrap();
    assert_eq!(r.accuracy, 1.0);
    let f = r.findings.as_ref().unwrap();
    assert_eq!(
        (
            f.expected,
            f.reported,
            f.true_positives,
            f.found,
            f.suggestions
        ),
        (2, 2, 1, 1, 1)
    );
    assert_eq!(f.precision(), Some(0.5));
    assert_eq!(f.recall(), Some(0.5));
    assert_eq!(e.missed.len(), 1);
    assert_eq!(e.extra[0].excerpt, "avslås");
}

#[test]
fn a_bad_key_is_refused_in_swedish() {
    let e = AnswerKey::parse(r#"{"documents": [{"file": "a.md", "statuses": {"X": "ja"}}]}"#)
        .unwrap_err();
    assert!(e.contains("met, not_met"), "{e}");
    assert!(
        AnswerKey::parse("{")
            .unwrap_err()
            .starts_with("facit kunde inte läsas")
    );
}
