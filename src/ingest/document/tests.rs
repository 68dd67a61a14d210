//! Tests of the parent module.

use super::*;

#[test]
fn kind_from_title_line() {
    let doc = Document::from_text(
        "a.txt",
        "BESLUT\n\nDu beviljas hemtjänst.\n".into(),
        &Metadata::default(),
    );
    assert_eq!(doc.kind, Some(Kind::Beslut));
    assert_eq!(doc.metadata.get("typ"), Some("beslut"));
    let doc = Document::from_text(
        "b.md",
        "# Utredning enligt LSS\n\nText.\n".into(),
        &Metadata::default(),
    );
    assert_eq!(doc.kind, Some(Kind::Utredning));
    assert_eq!(doc.id, "b.md");
    let kind = |text: &str| Document::from_text("c.md", text.into(), &Metadata::default()).kind;
    for (title, expected) in [
        (
            "# Delegationsbeslut – ansökan om ledsagning",
            Some(Kind::Beslut),
        ),
        ("# Ändrat beslut om hemtjänst", Some(Kind::Beslut)),
        (
            "# Protokollsutdrag, socialnämndens individutskott",
            Some(Kind::Beslut),
        ),
        ("# Omprövning av ditt trygghetslarm", Some(Kind::Beslut)),
        (
            "# Information om ditt beslut om matdistribution",
            Some(Kind::Beslut),
        ),
        (
            "# Utredning inför beslut om särskilt boende",
            Some(Kind::Utredning),
        ),
        (
            "# Beslutsunderlag – personlig assistans",
            Some(Kind::Utredning),
        ),
        ("# UTREDNING OCH BESLUT – LSS", Some(Kind::Beslut)),
        ("# Utredning/beslut hemtjänst", Some(Kind::Beslut)),
        ("# Anteckningar från hembesök", None),
    ] {
        assert_eq!(kind(&format!("{title}\n\nText.\n")), expected, "{title}");
    }
    // Without a telling title, a decision date in the header makes it a decision.
    assert_eq!(
        kind("# Socialnämnden\n\nBeslutsdatum: 2026-02-03\n\nText.\n"),
        Some(Kind::Beslut)
    );
}

#[test]
fn kind_from_a_title_under_the_letterhead_or_from_what_a_letter_decides() {
    let kind = |text: &str| Document::from_text("c.md", text.into(), &Metadata::default()).kind;
    // The title comes after the municipality's name and department.
    let letterhead = "# Norrvreta kommun\nSocialförvaltningen, avdelningen för vård och omsorg\n\n## Omprövning av beslut om växelvård\nDatum: 2026-02-26\n\nText.\n";
    assert_eq!(kind(letterhead), Some(Kind::Beslut));
    let utredning = "Hällebyn kommun\nOmsorgsnämnden\n\nUTREDNING ENLIGT LSS\n\nText.\n";
    assert_eq!(kind(utredning), Some(Kind::Utredning));
    // Running text ends the letterhead: a heading later in an unnamed
    // document does not name it.
    let later = "Anteckningar\n\nVi träffades hemma hos Eva den 3 mars och pratade länge om hennes vardag.\n\n## Beslut om hemtjänst\n\nText.\n";
    assert_eq!(kind(later), None);
    // A letter with no title that decides is a decision …
    assert_eq!(
        kind("# Hej Lennart!\n\nTack för samtalet. Du får hemtjänst, precis som du ansökte om.\n"),
        Some(Kind::Beslut)
    );
    assert_eq!(
        kind("Hej Fatima!\n\nVi säger nej till din ansökan om boendestöd.\n"),
        Some(Kind::Beslut)
    );
    // … unless a heading says it is an investigation or the text
    // proposes.
    assert_eq!(
        kind("Hej!\n\n## Förslag till beslut\n\nNN beviljas hemtjänst.\n"),
        None
    );
    assert_eq!(
        kind("Bedömning\nFörslaget är att Karin beviljas hemtjänst.\n"),
        None
    );
    assert_eq!(
        kind(
            "Hej!\n\nVi har pratat länge om vad du behöver i vardagen och hur det fungerar.\n\n## Utredningens slutsats\n\nKarin beviljas hemtjänst.\n"
        ),
        None
    );
    // A field in the letterhead names the matter, not the document.
    assert_eq!(
        kind(
            "# Sälviks kommun\n**Ärende:** Uppföljning av boendestöd\n\nElin har haft boendestöd i ett år och det har gått bra för henne.\n\n**Beslut**\nBoendestödet minskas från åtta till fyra timmar per vecka.\n"
        ),
        Some(Kind::Beslut)
    );
    // A letter that tells how to appeal, or has a section "Beslut", is a
    // decision even when what it decides cannot be read.
    assert_eq!(
        kind(
            "Hej Hanna,\n\nBeslutet finns i bilagan.\n\n## Hur du överklagar\n\nSkriv till oss.\n"
        ),
        Some(Kind::Beslut)
    );
    assert_eq!(
        kind(
            "**Kommunen** · Socialnämnden\n\n## 1. Ärende\n\nAnsökan om dagverksamhet kom in den 2 mars 2026 och har prövats nu.\n\n## 2. Beslut\n\n## 3. Skäl\n\nText.\n"
        ),
        Some(Kind::Beslut)
    );
    // A proposal quoted in a decision ("förvaltningens förslag till
    // beslut") leaves it a decision when it has a section "Beslut".
    assert_eq!(
        kind(
            "Angående er ansökan\n\nFörvaltningen har lämnat sitt förslag till beslut.\n\nBESLUT\n\nUtskottet beslutar i enlighet med förvaltningens förslag.\n"
        ),
        Some(Kind::Beslut)
    );
    // A letter that says it decides is a decision even when what it
    // decides is lost ("Därför har vi beslutat att" and the page ends).
    assert_eq!(
        kind(
            "Till: Aina\n\nDu ansökte om matdistribution.\n\nDärför har vi beslutat att\n\nSida 1 (2)\n"
        ),
        Some(Kind::Beslut)
    );
    // A letter that tells a decision was made in the matter, without
    // saying what ("beslutade enligt förvaltningens förslag", "beslutet är
    // fattat med stöd av …").
    assert_eq!(
        kind(
            "Hej Dragan, här kommer besked om din ansökan; utskottet behandlade ärendet och beslutade enligt förvaltningens förslag.\n"
        ),
        Some(Kind::Beslut)
    );
    assert_eq!(
        kind("Hej Dragan,\n\nBeslutet är fattat med stöd av 9 § LSS.\n"),
        Some(Kind::Beslut)
    );
    // A letter that decides nothing stays unnamed.
    assert_eq!(kind("Hej Bengt!\n\nTack för ditt samtal i går.\n"), None);
    // A follow-up that decides and tells how to appeal is a decision; one
    // that only reports stays a follow-up.
    let follow_up =
        "Uppföljning av din hemtjänst\n\nKvällsbesöket tas bort från och med den 1 maj.\n";
    assert_eq!(kind(follow_up), Some(Kind::Uppfoljning));
    let appealable =
        format!("{follow_up}\nOm du vill överklaga\nSkriv till nämnden inom tre veckor.\n");
    assert_eq!(kind(&appealable), Some(Kind::Beslut));
}

#[test]
fn metadata_precedence_manifest_over_front_matter_over_header() {
    let text = "---\nid: U-1\nenhet: Norr\n---\nHandläggare: Eva Lund\nEnhet: Söder\n\nText här.\n";
    let mut manifest = Metadata::default();
    manifest.insert("enhet", "Väster");
    let doc = Document::from_text("x.md", text.into(), &manifest);
    assert_eq!(doc.id, "U-1");
    assert_eq!(doc.metadata.get("enhet"), Some("Väster"));
    assert_eq!(doc.metadata.get("handlaggare"), Some("Eva Lund"));
    let doc = Document::from_text("x.md", text.into(), &Metadata::default());
    assert_eq!(doc.metadata.get("enhet"), Some("Norr"));
}

#[test]
fn title_line_before_header_fields_gives_the_kind() {
    let doc = Document::from_text(
        "u.txt",
        "Utredning enligt LSS
Ärende: 2025-0219

Ansökan
Text.
"
        .into(),
        &Metadata::default(),
    );
    assert_eq!(doc.kind, Some(Kind::Utredning));
}

#[test]
fn start_of_body_skips_front_matter_and_blank_lines() {
    let doc = Document::from_text(
        "x.md",
        "---\ntyp: beslut\n---\n\nBeslut\nText.\n".into(),
        &Metadata::default(),
    );
    assert_eq!(&doc.text[doc.start_of_body()], "Beslut");
}
