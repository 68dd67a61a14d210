//! The legal checks that decide a right, on the standard template: appeal
//! information is demanded on every decision that goes against the person
//! (and on those whose outcome cannot be read), each missing part is its own
//! finding, and decisions dated under the new socialtjänstlag are warned
//! when they cite the old one.

use granska::criteria::Status;
use granska::engine::evaluate;
use granska::finding::Severity;
use granska::ingest::{Document, Metadata};
use granska::template::Template;

/// The status of criterion `id` for `text` and the messages of its findings.
fn judge(id: &str, text: &str) -> (Status, Vec<(Severity, String)>) {
    let template = Template::standard().expect("the standard template is valid");
    let index = template
        .criteria
        .iter()
        .position(|c| c.id == id)
        .expect("the criterion exists");
    let doc = Document::from_text("b.md", text.to_string(), &Metadata::default());
    let outcome = evaluate(&template, &doc);
    let findings = outcome
        .findings
        .iter()
        .filter(|f| f.criterion == index)
        .map(|f| (f.severity, f.message.clone()))
        .collect();
    (outcome.statuses[index], findings)
}

const APPEAL: &str = "Du kan överklaga beslutet till förvaltningsrätten. Skicka överklagandet till oss på socialnämnden. Det ska ha kommit in inom tre veckor från den dag du fick del av beslutet.";

#[test]
fn appeal_information_is_demanded_on_every_decision_against_the_person() {
    for (decision, applies) in [
        ("Du får hemtjänst tre gånger i veckan.", false),
        (
            "Du beviljas ledsagning. Du behöver inte betala något för den.",
            false,
        ),
        ("Din ansökan om ledsagning beviljas inte.", true),
        ("Vi säger nej till din ansökan om avlösning.", true),
        ("Du får städning men inte hjälp med fönsterputs.", true),
        (
            "Din assistans minskas från 40 till 32 timmar i veckan.",
            true,
        ),
        ("Ditt trygghetslarm upphör den 31 maj.", true),
        // Nothing that decides: read as going against the person.
        ("Vi har gått igenom ärendet tillsammans med dig.", true),
    ] {
        let text = format!("# Beslut\n\n{decision}\n");
        let (status, findings) = judge("RS-OVERKLAGANDE", &text);
        assert_eq!(status != Status::NotApplicable, applies, "{decision}");
        if applies {
            assert_eq!(status, Status::NotMet, "{decision}");
            let errors = findings
                .iter()
                .filter(|(s, _)| *s == Severity::Error)
                .count();
            assert_eq!(errors, 4, "{decision}: {findings:?}");
            let (status, _) = judge("RS-OVERKLAGANDE", &format!("{text}\n{APPEAL}\n"));
            assert_eq!(status, Status::Met, "{decision}");
        }
    }
    // An unreadable outcome says why the appeal information is asked for.
    let (_, findings) = judge(
        "RS-OVERKLAGANDE",
        "# Beslut\n\nVi har gått igenom ärendet.\n",
    );
    assert!(
        findings
            .iter()
            .any(|(s, m)| *s == Severity::Info && m.starts_with("Utfallet gick inte att läsa ut")),
        "{findings:?}"
    );
}

#[test]
fn each_missing_part_of_the_appeal_information_is_named() {
    let parts = [
        ("Du kan överklaga beslutet", "kan överklagas"),
        ("till förvaltningsrätten", "förvaltningsrätten"),
        ("inom tre veckor", "tre veckor"),
        ("Skicka det till oss", "nämnden"),
    ];
    for (left_out, named) in parts {
        let text: Vec<&str> = parts
            .iter()
            .map(|p| p.0)
            .filter(|p| *p != left_out)
            .collect();
        let decision = format!("# Beslut\n\nDin ansökan avslås.\n\n{}.\n", text.join(". "));
        let (status, findings) = judge("RS-OVERKLAGANDE", &decision);
        assert_eq!(status, Status::NotMet, "{decision}");
        assert_eq!(findings.len(), 1, "{decision}: {findings:?}");
        assert!(
            findings[0].1.contains(named),
            "{left_out}: {}",
            findings[0].1
        );
    }
    let (_, findings) = judge(
        "RS-OVERKLAGANDE",
        "# Beslut\n\nDin ansökan avslås. Du kan överklaga beslutet. Skicka överklagandet till förvaltningsrätten inom tre veckor.\n",
    );
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0].1.contains("ska skickas till nämnden"),
        "{findings:?}"
    );
}

#[test]
fn a_decision_under_the_new_act_citing_the_old_one_is_warned() {
    let decision = |date: &str, basis: &str| {
        format!(
            "---\nbeslutsdatum: {date}\n---\n# Beslut\n\nDu får hemtjänst. Beslutet är fattat enligt {basis}.\n"
        )
    };
    for (date, basis, warned) in [
        (
            "2026-03-02",
            "4 kap. 1 § socialtjänstlagen (2001:453)",
            true,
        ),
        ("2026-03-02", "4 kap. 1 § SoL", true),
        ("2025-07-01", "SoL 4:1", true),
        ("2026-03-02", "socialtjänstlagen (2025:400)", false),
        ("2026-03-02", "9 § 3 LSS", false),
    ] {
        let (status, findings) = judge("RS-LAGRUM-AKTUELL", &decision(date, basis));
        assert_eq!(status == Status::NotMet, warned, "{date} {basis}");
        assert_eq!(findings.len(), usize::from(warned), "{date} {basis}");
    }
    // Before 1 July 2025 the old act was the law: nothing to say.
    let (status, _) = judge(
        "RS-LAGRUM-AKTUELL",
        &decision("2025-03-14", "4 kap. 1 § socialtjänstlagen (2001:453)"),
    );
    assert_eq!(status, Status::NotApplicable);
}

/// A decision against the person must give its reasons (error); a full grant
/// may not need them (32 § FL: "uppenbart obehövligt"), so there it is a
/// warning. A "because" in the appeal paragraph is no reason for the decision.
#[test]
fn missing_reasons_weigh_by_outcome_and_must_be_about_the_decision() {
    for (decision, severity) in [
        ("Du får hemtjänst två timmar i veckan.", Severity::Warning),
        ("Din ansökan om ledsagning avslås.", Severity::Error),
        (
            "Din assistans minskas från 40 till 32 timmar i veckan.",
            Severity::Error,
        ),
    ] {
        let text =
            format!("# Beslut\n\n{decision}\n\nDu kan överklaga beslutet eftersom du är part.\n");
        let (status, findings) = judge("RS-MOTIVERING", &text);
        assert_eq!(status, Status::NotMet, "{decision}");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].0, severity, "{decision}");
    }
    let (status, _) = judge(
        "RS-MOTIVERING",
        "# Beslut\n\nDin ansökan om ledsagning avslås eftersom du får hjälp att handla genom hemtjänsten.\n",
    );
    assert_eq!(status, Status::Met);
}

/// Communication before the decision (25 § FL) is an error to leave out,
/// except when the proposal grants everything: then a warning.
#[test]
fn missing_communication_weighs_by_the_proposal() {
    for (proposal, severity) in [
        (
            "Jag föreslår att Karin beviljas hemtjänst två timmar i veckan.",
            Severity::Warning,
        ),
        ("Förslaget är att ansökan avslås.", Severity::Error),
        (
            "Förslag till beslut: Karin beviljas delvis hemtjänst.",
            Severity::Error,
        ),
        ("Bedömningen är klar.", Severity::Error),
    ] {
        let text =
            format!("# Utredning\n\nKarin har ansökt om hemtjänst.\n\n## Förslag\n\n{proposal}\n");
        let (status, findings) = judge("RS-KOMMUNICERING", &text);
        assert_eq!(status, Status::NotMet, "{proposal}");
        assert_eq!(findings[0].0, severity, "{proposal}");
    }
}
