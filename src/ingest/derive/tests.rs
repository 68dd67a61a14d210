//! Tests of the parent module.

use super::super::Document;
use super::*;

fn metadata(text: &str) -> Metadata {
    Document::from_text("t.txt", text.to_string(), &Metadata::default()).metadata
}

#[test]
fn utfall_is_read_from_the_decision_when_metadata_lacks_it() {
    let read = |text: &str| metadata(text).get("utfall").map(str::to_string);
    assert_eq!(
        read("Beslut\nDu beviljas hemtjänst.\n").as_deref(),
        Some("bifall")
    );
    assert_eq!(
        read("Beslut\nDin ansökan om ledsagning avslås.\n").as_deref(),
        Some("avslag")
    );
    assert_eq!(
        read("Beslut\nDu beviljas delvis hemtjänst.\n").as_deref(),
        Some("delvis_bifall")
    );
    assert_eq!(
        read("Beslut\nDu beviljas städning. Din ansökan om tvätt avslås.\n").as_deref(),
        Some("delvis_bifall")
    );
    assert_eq!(
        read("Beslut\nVi har tagit emot din ansökan.\n").as_deref(),
        Some("okant")
    );
    assert_eq!(
        read("Beslut\nAlva, du får vara på korttidshemmet två helger i månaden.\n").as_deref(),
        Some("bifall")
    );
    assert_eq!(
        read("Beslut\nDu får inte ledsagning.\n").as_deref(),
        Some("avslag")
    );
    // An utredning gets no utfall from its text.
    assert_eq!(read("Utredning\nHemtjänst beviljas troligen.\n"), None);
    // Given metadata wins.
    assert_eq!(
        read("---\ntyp: beslut\nutfall: avslag\n---\nDu beviljas hemtjänst.\n").as_deref(),
        Some("avslag")
    );
}

#[test]
fn applied_amounts_under_a_heading_make_a_smaller_grant_part() {
    let read = |text: &str| metadata(text).get("utfall").map(str::to_string);
    let letter = "BESLUT\n\nANSÖKAN AVSER\nHemtjänst 50 tim/mån: omvårdnad, städning.\n\nBESLUT\nHemtjänst beviljas med 35 tim/mån.\n";
    assert_eq!(read(letter).as_deref(), Some("delvis_bifall"));
    let all = letter.replace("50 tim", "35 tim");
    assert_eq!(read(&all).as_deref(), Some("bifall"));
}

#[test]
fn decisions_in_a_table_of_insatser_give_the_outcome() {
    let read = |text: &str| metadata(text).get("utfall").map(str::to_string);
    let table = "Beslut om hemtjänst\n\nInsats: Städning Omfattning: varannan vecka Beslut: Bifall\nInsats: Tvätt Omfattning: en gång i veckan Beslut: Avslag\n";
    assert_eq!(read(table).as_deref(), Some("delvis_bifall"));
    let all = "Beslut om hemtjänst\n\nInsats: Inköp\nBeslut: Bifall\n";
    assert_eq!(read(all).as_deref(), Some("bifall"));
    // A word broken at the line's end in a scanned letter.
    let scanned = "BESLUT\n\n1. Sara beviljas samtalsstöd.\n2. Vad gäller Noah har vi inte kunnat tillmötes-\ngå er ansökan om stödfamilj.\n";
    assert_eq!(read(scanned).as_deref(), Some("delvis_bifall"));
    // A fixed-width table: the column "Beslut" decides, not the one of
    // amounts granted; kronor in a decision table are amounts.
    let fixed = "BESLUT OM EKONOMISKT BISTÅND\n\nKOSTNAD      SÖKT        BEVILJAT    BESLUT\nHyra         8 450 kr    8 450 kr    Bifall\nHushållsel   740 kr      740 kr      Bifall\n";
    assert_eq!(read(fixed).as_deref(), Some("bifall"));
    let lowered = "Beslut om ändring\n\nKOSTNAD      TIDIGARE BESLUT    NYTT BESLUT\nHyra juli    9 950 kr           7 600 kr\n";
    assert_eq!(read(lowered).as_deref(), Some("andring"));
    // A column of what was refused: a part refused where it says
    // something, nothing where it holds a dash.
    let columns = "Beslut\n\n| Sökt | Beviljad insats | Avslagen insats |\n|---|---|---|\n| Ledsagning 20 tim | Ledsagning | Utöver 12 timmar |\n| Kontaktperson | Kontaktperson | – |\n";
    assert_eq!(read(columns).as_deref(), Some("delvis_bifall"));
    // A two-column table of fields is no table of insatser: its rows
    // are no headers ("| Beviljad omfattning | 0 tim |" then "| Gäller |").
    let fields = "Beslut\n\n| Fält | Värde |\n|---|---|\n| Beviljad omfattning | 0 timmar/månad |\n| Gäller fr.o.m. | – |\n";
    assert_ne!(read(fields).as_deref(), Some("bifall"));
    let none = "Beslut\n\n| Sökt | Beviljad insats | Avslagen insats |\n|---|---|---|\n| Kontaktperson | Kontaktperson | – |\n";
    assert_eq!(read(none).as_deref(), Some("bifall"));
    // A table in fixed-width columns is no sentence: "Medges ej kr" over a
    // column of zeros refuses nothing.
    let fixed = "Beslut\n\nPost          Sökt kr    Medges kr   Medges ej kr\nHyra            6 480        6 480              0\nGlasögon        1 800        1 800              0\n\nAnita medges försörjningsstöd med 8 280 kr.\n";
    assert_eq!(read(fixed).as_deref(), Some("bifall"));
    // A proposal before the decision is not what was decided.
    let proposed = "# Utredning och beslut\n\n## 8. Förslag till beslut\n\nAnsökan om ledsagarservice avslås.\n\n## 9. Beslut\n\nMed avvikelse från förslaget bifalles ansökan.\n";
    assert_eq!(read(proposed).as_deref(), Some("bifall"));
    // A list item says what its lead-in line begins.
    let listed = "# Beslut\n\n## Vi har bestämt\n\nVi säger ja. Du får\n\n- 9 160 kronor i försörjningsstöd för maj\n- 420 kronor till resorna.\n";
    assert_eq!(read(listed).as_deref(), Some("bifall"));
    let refused =
        "# Beslut\n\nDu får hemtjänst med städning.\n\nDu får inte\n\n- hjälp med fönsterputs\n";
    assert_eq!(read(refused).as_deref(), Some("delvis_bifall"));
    // A scanned letter's digits misread for letters.
    assert_eq!(
        ocr_letters("Jessica bevi1jas kontaktperson, fö1js upp").as_deref(),
        Some("Jessica beviljas kontaktperson, följs upp")
    );
    assert_eq!(ocr_letters("9 § 10 LSS, kl. 10, 2026-01-10, HT01"), None);
    let scan = "Beslut\n\nJessica Lindgren bevi1jas kontaktperson enligt 9 § 4 LSS med två träffar per månad.\n";
    assert_eq!(read(scan).as_deref(), Some("bifall"));
    let nothing =
        "Beslut\n\n| Post | Sökt | Beviljat |\n|---|---|---|\n| Tandvård | 14 500 kr | 0 kr |\n";
    assert_eq!(read(nothing).as_deref(), Some("avslag"));
    // A row of boxes: the ticked one decides.
    let boxes_in_a_row = "Beslut\n\n| Beslut | ☒ Bifall  ☐ Delvis bifall  ☐ Avslag |\n|---|---|\n";
    assert_eq!(read(boxes_in_a_row).as_deref(), Some("bifall"));
    let partly = boxes_in_a_row.replace("☒ Bifall  ☐ Delvis", "☐ Bifall  ☒ Delvis");
    assert_eq!(read(&partly).as_deref(), Some("delvis_bifall"));
    // A case system's field with dot leaders.
    let dotted = "BESLUT\n\nBeslutsstatus ........ Delvis beviljad (partially approved)\nKund ........ Felicia\n";
    assert_eq!(read(dotted).as_deref(), Some("delvis_bifall"));
    // Boxes under what goes on and what ends; the amount column beside
    // them is no box.
    let ends = "Beslut\n\n| Insats | Omfattning | Fortsätter | Upphör |\n|---|---|---|---|\n| Omsorg | 48 tim/mån | ☐ | ☒ |\n| Larm | tills vidare | ☐ | ☒ |\n";
    assert_eq!(read(ends).as_deref(), Some("upphorande"));
    // An ASCII table with borders between its rows.
    let ascii = "Beslut\n\n+------+----------+--------+\n| Insats | Beviljas | Avslås |\n+------+----------+--------+\n| Boende |   [ ]    |  [X]   |\n+------+----------+--------+\n";
    assert_eq!(read(ascii).as_deref(), Some("avslag"));
    // Boxes ticked in a column for grants and one for refusals.
    let boxes = "Beslut\n\n| Insats | Beviljas | Avslås |\n|---|---|---|\n| Omsorg | ☒ | ☐ |\n| Nattpatrull | ☐ | ☒ |\n";
    assert_eq!(read(boxes).as_deref(), Some("delvis_bifall"));
    let granted = boxes.replace("| ☐ | ☒ |", "| ☒ | ☐ |");
    assert_eq!(read(&granted).as_deref(), Some("bifall"));
    // "Beslut: att bevilja …" is a sentence, read as one.
    let minutes = "Protokoll\n\nBeslut: att avslå ansökan om ledsagning.\n";
    assert_eq!(read(minutes).as_deref(), Some("avslag"));
    // The decision column of a table with separators.
    let rows = "Beslut om bistånd\n\nInsats | Omfattning | Beslut\nStädning | 3 tim/mån | Avslås\nInköp | 1 gång/vecka | Avslås\n";
    assert_eq!(read(rows).as_deref(), Some("avslag"));
    let markdown = "Beslut om bistånd\n\n| Insats | Beslut |\n|---|---|\n| Larm | Beviljas |\n| Städning | Avslås |\n";
    assert_eq!(read(markdown).as_deref(), Some("delvis_bifall"));
    // A column "Beviljat" with amounts, compared with "Ansökt"; "Nej".
    let amounts = "Beslut\n\n| Insats | Ansökt | Beviljat |\n|---|---|---|\n| Omvårdnad | 18 timmar/månad | 18 timmar/månad |\n| Service | 12 timmar/månad | 4 timmar/månad |\n";
    assert_eq!(read(amounts).as_deref(), Some("delvis_bifall"));
    let no = "Beslut\n\n| Insats | Ansökt | Beviljat |\n|---|---|---|\n| Särskilt boende | Plats | Nej |\n\nDu får alltså inte plats nu.\n";
    assert_eq!(read(no).as_deref(), Some("avslag"));
    // Fields: "Beviljas fortsatt" with less than before, "Fortsätter, men
    // i mindre omfattning".
    let fields = "Beslut\n\nInsats: Boendestöd\nBeslut: Beviljas fortsatt\nOmfattning: 4 timmar/vecka\nTidigare omfattning: 8 timmar/vecka\n";
    assert_eq!(read(fields).as_deref(), Some("andring"));
    let less = "Beslut\n\n1. Hemtjänst\nBeslut: Fortsätter oförändrat.\n\n2. Växelvård\nBeslut: Fortsätter, men i mindre omfattning.\n";
    assert_eq!(read(less).as_deref(), Some("andring"));
    assert_eq!(
        read("Beslut\n\nBeslut: Beviljas ej\n").as_deref(),
        Some("avslag")
    );
    // "Tidigare beslut" against "Nytt beslut": less is a reduction;
    // "Oförändrat" goes on.
    let earlier = "Beslut\n\n| Insats | Tidigare beslut | Nytt beslut |\n|---|---|---|\n| Boendestöd | 8 timmar/vecka | 5 timmar/vecka |\n| Kontaktperson | 1 träff/vecka | Oförändrat |\n";
    assert_eq!(read(earlier).as_deref(), Some("andring"));
    let same = "Beslut\n\n| Insats | Tidigare beslut | Du ansökte om | Nytt beslut |\n|---|---|---|---|\n| Assistans | 18 tim/vecka | 18 tim/vecka | Beviljas 18 tim/vecka |\n";
    assert_eq!(read(same).as_deref(), Some("bifall"));
    // A form's ticked box; a form with no box ticked decides nothing.
    let form = "Beslut\n\n[ ] Bifall   [X] Delvis bifall   [ ] Avslag   [ ] Ändring\n";
    assert_eq!(read(form).as_deref(), Some("delvis_bifall"));
    let change = "Beslut\n\n[ ] Bifall   [ ] Avslag   [x] Ändring   [ ] Upphör\n";
    assert_eq!(read(change).as_deref(), Some("andring"));
    let empty = "Beslut\n\n[ ] Bifall   [ ] Delvis bifall   [ ] Avslag\n";
    assert_eq!(read(empty).as_deref(), Some("okant"));
    // The amount under a heading about the application is the applied
    // one.
    let heading = "Beslut\n\nANSÖKAN AVSER\nHemtjänst 50 tim/mån.\n\nBESLUT\nHemtjänst beviljas med 35 tim/mån.\n";
    assert_eq!(read(heading).as_deref(), Some("delvis_bifall"));
    // An insats left as it is ("Oförändrat") is not what is decided;
    // "**Beslut:** Avslag" in bold.
    let left = "Beslut\n\n| Insats | Tidigare | Beslut |\n|---|---|---|\n| Hemtjänst | tills vidare | Upphör 2026-02-01 |\n| Larm | tills vidare | Oförändrat |\n";
    assert_eq!(read(left).as_deref(), Some("upphorande"));
    assert_eq!(
        read("Beslut\n\n**Beslut:** Avslag.\n").as_deref(),
        Some("avslag")
    );
    // A column about whom the decision concerns, or a form's title, is
    // no decision column.
    let people = "Beslut\n\n| Person | Berörs av beslutet |\n|---|---|\n| Johanna | ja |\n| Noah | ja |\n\nBeslutet framgår av bilaga 1.\n";
    assert_eq!(read(people).as_deref(), Some("okant"));
    let form = "| KOMMUNEN | BESLUTSMEDDELANDE |\n|---|---|\n| Ansökt omfattning | 16 timmar/månad |\n\nBeslut\n\nBedömningen framgår av utredningen.\n";
    assert_eq!(read(form).as_deref(), Some("okant"));
    // A cell that only mentions the word is no decision.
    let note =
        "Beslut om bistånd\n\nInsats | Kommentar\nLarm | beviljas om behovet ökar\nDu får larm.\n";
    assert_eq!(read(note).as_deref(), Some("bifall"));
    // A field whose value is a clause wrapped onto the next line is read
    // as the sentence it is.
    let clause = "Beslut om ledsagning\n\nBeslut: Lisa Ek beviljas ledsagarservice\nåtta timmar per månad från den 1 maj 2026.\n\nVi har tagit hänsyn till att du inte vill åka ensam.\n";
    assert_eq!(read(clause).as_deref(), Some("bifall"));
    let refused = "Beslut om ledsagning\n\nBeslutet: Ansökan från Lisa Ek om ledsagarservice\navslås i sin helhet.\n";
    assert_eq!(read(refused).as_deref(), Some("avslag"));
    // Fail safe: a grant beside a negated granting word the reader does
    // not take is no full grant.
    let unread = "Beslut om ledsagning\n\nDu får ledsagning på lördagar. Kontaktperson kommer i nuläget inte heller att kunna beviljas.\n";
    assert_ne!(read(unread).as_deref(), Some("bifall"));
    let grant = "Beslut om larm\n\nDu får trygghetslarm. Om du inte vill ha larmet kvar kan beslutet ändras.\n";
    assert_eq!(read(grant).as_deref(), Some("bifall"));
    // Less than the field with what the person has had is a reduction.
    let less = "Beslut efter uppföljning\n\nNuvarande insats: Boendestöd, 12 timmar per månad\nBeslut: Boendestöd beviljas med 8 timmar per månad\nfrån den 1 juni 2026.\n";
    assert_eq!(read(less).as_deref(), Some("andring"));
}

#[test]
fn a_child_is_found_by_age_or_words() {
    assert_eq!(
        metadata("Utredning\nElsa är 9 år och går i trean.\n").get("barn"),
        Some("ja")
    );
    assert_eq!(
        metadata("Utredning\nVårdnadshavarna ansöker om avlösarservice.\n").get("barn"),
        Some("ja")
    );
    assert_eq!(
        metadata("Utredning\nElias är 19 år. Hon har två vuxna barn.\n").get("barn"),
        None
    );
    assert_eq!(
        metadata("---\nbarn: nej\n---\nUtredning\nElsa är 9 år.\n").get("barn"),
        Some("nej")
    );
}

#[test]
fn the_act_in_force_follows_the_decision_date() {
    let act = |front: &str| {
        metadata(&format!("---\n{front}\n---\nBeslut\n\nText.\n"))
            .get("socialtjanstlag")
            .map(str::to_string)
    };
    assert_eq!(act("beslutsdatum: 2026-01-10").as_deref(), Some("ny"));
    assert_eq!(act("beslutsdatum: 2025-07-01").as_deref(), Some("ny"));
    assert_eq!(act("beslutsdatum: 2025-06-30").as_deref(), Some("gammal"));
    assert_eq!(
        act("typ: utredning\ndatum: 2025-03-01").as_deref(),
        Some("gammal")
    );
    assert_eq!(act("typ: utredning").as_deref(), None);
}

#[test]
fn dates_are_read_from_sentences_about_them() {
    let m =
        metadata("Beslut\nDin ansökan kom in den 3 februari 2026. Beslutet fattades 14/3 2026.\n");
    assert_eq!(m.get("ansokningsdatum"), Some("2026-02-03"));
    assert_eq!(m.get("beslutsdatum"), Some("2026-03-14"));
    let m = metadata("Beslut\nDatum: 2026-04-01\n\nDu ansökte i mars.\n");
    assert_eq!(m.get("beslutsdatum"), Some("2026-04-01"));
    assert_eq!(m.get("ansokningsdatum"), None);
}
