//! Tests of the parent module.

use super::*;
use crate::score::PerspectiveScore;

fn template() -> Template {
    Template::standard().expect("the standard template loads")
}

#[test]
fn an_empty_run_has_no_shares_and_no_verdicts() {
    let t = template();
    let summary = Summary::new(&t, &Tally::new(&t), None, &Frame::PLAIN);
    assert_eq!(summary.figures.documents, 0);
    assert_eq!(summary.figures.mean_score, None);
    for c in &summary.figures.criteria {
        assert_eq!((c.share, c.estimate.verdict), (None, None));
    }
    let (_, delaktighet) = summary
        .figures
        .perspectives
        .0
        .iter()
        .find(|(id, _)| id == "delaktighet")
        .unwrap();
    assert_eq!(delaktighet.estimate.verdict, None);
    assert_eq!(
        delaktighet.estimate.verdict_reason.as_deref(),
        Some("Inget dokument att bedöma.")
    );
}

#[test]
fn all_met_counts_documents_where_the_whole_perspective_is_met() {
    let t = template();
    let n = t.perspectives.len();
    let score = |met: usize, applicable: usize| DocumentScore {
        total: Some(0.5),
        perspectives: vec![
            PerspectiveScore {
                score: (applicable > 0).then(|| met as f64 / applicable as f64),
                met,
                applicable,
            };
            n
        ],
    };
    let mut tally = Tally::new(&t);
    let statuses = vec![Status::NotApplicable; t.criteria.len()];
    for (met, applicable) in [(2, 2), (1, 2), (0, 0), (3, 3)] {
        tally.add(&statuses, &score(met, applicable), Facts::default());
    }
    let p = tally.perspectives[0];
    assert_eq!(
        (p.scored, p.all_met),
        (3, 2),
        "the document without criteria is left out"
    );
    assert!((p.score_sum - 2.5).abs() < 1e-9);
    assert_eq!(tally.kinds.get("okänd"), Some(&4));
    let mut groups = Groups::new("enhet");
    for value in [Some("Norr"), Some(" "), None] {
        groups.add(&t, value, &statuses, &score(1, 1), Facts::default());
    }
    assert_eq!(
        groups.tallies.keys().collect::<Vec<_>>(),
        ["(uppgift saknas)", "Norr"]
    );
    let summary = Summary::new(&t, &tally, Some(&groups), &Frame::PLAIN);
    assert!(summary.groups.iter().all(|g| g.too_small));
    assert!(
        summary.groups[0]
            .figures
            .perspectives
            .0
            .iter()
            .all(|(_, p)| p.estimate.verdict.is_none())
    );
}
