use super::*;

/// The outcome of `text`, split into sentences at ". " the simple way.
fn of(text: &str) -> &'static str {
    let sentences = text.split_inclusive(['.', '!', '?']).map(|s| {
        let words = s
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        (words, s)
    });
    read(&sentences.collect::<Vec<_>>()).name()
}

mod changes;
mod plain;

/// Asserts that every case reads as its outcome, listing all that do not.
fn check(cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(text, want)| of(text) != *want)
        .map(|(text, want)| format!("{text:?}: {} (väntat {want})", of(text)))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} fel:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Grants, refusals and parts: plain and formal, negated, with an unrelated
/// "inte" elsewhere.
#[test]
fn decision_sentences_give_their_outcome() {
    let cases: &[(&str, &str)] = &[
        // Full grants, some with an unrelated "inte".
        ("Du får hemtjänst två timmar i veckan.", "bifall"),
        // An earlier refusal, told, beside a grant.
        (
            "Beviljade dygn per månad: 8. Din ansökan i våras avslogs eftersom du då inte ville ha insatsen.",
            "bifall",
        ),
        // What the grant replaces ends when it starts.
        (
            "Utskottet beslutar att bevilja avlösarservice 16 timmar per månad. Avlösningen enligt socialtjänstlagen upphör när LSS-insatsen har börjat.",
            "bifall",
        ),
        // A change to less, and a time limit put on what goes on.
        (
            "Nämnden har beslutat att ändra beslutet så att du får tillsyn en gång per natt i stället för tre gånger.",
            "andring",
        ),
        (
            "Beslutet från januari ändras så att insatsen tidsbegränsas till och med 2026-12-31. Lisa beviljas boendestöd fyra timmar per vecka till och med 2026-12-31.",
            "andring",
        ),
        // What is paid for otherwise is no part refused.
        (
            "Dagverksamhet beviljas två dagar per vecka. Måltiderna ingår inte i beslutet utan betalas enligt taxa.",
            "bifall",
        ),
        // A refusal in the future tense.
        (
            "Ansökan har prövats. Kontaktperson enligt 9 § 4 LSS kommer inte att beviljas.",
            "avslag",
        ),
        // A decision told after a colon, with the person's name.
        (
            "Vi har bestämt: Elsa får avlösarservice tolv timmar i månaden, som ni sökte.",
            "bifall",
        ),
        // The school day ends, not the help.
        (
            "Du får korttidstillsyn varje skoldag från att skolan slutar till klockan 17.",
            "bifall",
        ),
        // Falls are events, not the help the person had.
        (
            "Du har ramlat tre gånger sedan jul. Vi beviljar dig trygghetslarm och tillsyn en gång per natt.",
            "bifall",
        ),
        // The person's yes or no is no decision; receiving the letter is
        // no grant.
        (
            "Här får du omsorgsnämndens beslut om din ansökan. Nämnden avslår ansökan om växelvård. Tillsyn på natten, som hon har sagt ja till, ordnas i stället.",
            "avslag",
        ),
        (
            "Du har sagt nej till matlådor tidigare. Vi säger ja till din ansökan om matdistribution.",
            "bifall",
        ),
        // What someone else provides is outside the decision.
        (
            "Noah beviljas korttidsvistelse åtta dygn per månad. Skolskjutsen ordnas av skolan och ingår inte i det här beslutet.",
            "bifall",
        ),
        // A protocol's list: the rest of the application refused.
        (
            "Utskottet beslutar att bevilja korttidsvistelse sex dygn per månad, samt att i övrigt avslå ansökan.",
            "delvis_bifall",
        ),
        (
            "Utskottet beslutar. att bevilja korttidsvistelse sex dygn per månad. att i övrigt avslå ansökan.",
            "delvis_bifall",
        ),
        // What is granted stands in an attachment that is not here.
        (
            "Vilka insatser du får och i vilken omfattning framgår av bilaga 1.",
            "okant",
        ),
        // The law's condition in a refusal grants nothing.
        (
            "Vi har kommit fram till att du inte får kontaktperson. Enligt lagen har du rätt till bistånd om du inte kan få behovet tillgodosett på annat sätt.",
            "avslag",
        ),
        (
            "Ingrid Ek beviljas trygghetslarm från och med den 1 mars.",
            "bifall",
        ),
        (
            "Socialnämnden beslutar att bevilja ansökan om särskilt boende.",
            "bifall",
        ),
        (
            "Du beviljas ledsagning. Du behöver inte betala något för den.",
            "bifall",
        ),
        (
            "Ansökan bifalls. Beslutet gäller inte retroaktivt.",
            "bifall",
        ),
        (
            "BESLUT: att bevilja korttidsvistelse fyra dygn per månad.",
            "bifall",
        ),
        (
            "Vi har beslutat att du får matdistribution. Du kan inte välja leverantör.",
            "bifall",
        ),
        (
            "Du beviljas boendestöd. Din tidigare ansökan avslogs 2024.",
            "bifall",
        ),
        // Refusals, formal and plain.
        (
            "Vad gäller Noah har vi inte kunnat tillmötesgå er ansökan om stödfamilj.",
            "avslag",
        ),
        (
            "Vi har inte kunnat bevilja dig plats på korttidsboende.",
            "avslag",
        ),
        ("Ansökan tillmötesgås.", "bifall"),
        (
            "Vi bedömer att du inte kan få den hjälpen på annat sätt. Därför får du matdistribution.",
            "bifall",
        ),
        // Reported speech with a negation is no refusal; a condition on
        // the authority's own change is no decision.
        (
            "Leo beviljas korttidsvistelse. Ni har berättat att ni inte får sova ordentligt. Vi skickar överklagandet vidare om vi inte själva ändrar beslutet.",
            "bifall",
        ),
        // The summary of the same decision contradicts it: fail safe.
        (
            "Utskottet beslutar att bevilja plats på stödboendet. Din ansökan om plats på stödboendet har avslagits.",
            "okant",
        ),
        // Another authority's decision is not this one; what goes on
        // unchanged is granted; a refusal told in the past is told.
        (
            "Alla kostnader godtas och beviljas. Försäkringskassan har avslagit Henriks ansökan om sjukpenning.",
            "bifall",
        ),
        (
            "Beslutas att tidigare beviljad dagverksamhet kvarstår oförändrad tills vidare.",
            "bifall",
        ),
        ("Beslutet kvarstår.", "avslag"),
        (
            "Din ansökan om korttidsvistelse avslås. Befintliga insatser kvarstår oförändrade.",
            "avslag",
        ),
        (
            "Ansökan om kontaktfamilj lämnades utan bifall 2026-04-10. Ansökan om familjebehandling bifalles.",
            "bifall",
        ),
        ("Ansökan lämnas utan bifall.", "avslag"),
        // An earlier refusal, or another authority's, is no contradiction.
        (
            "Du beviljas personlig assistans. Försäkringskassan har avslagit din ansökan om assistansersättning.",
            "bifall",
        ),
        // What a new alarm replaces ends when it is installed.
        (
            "Du får trygghetslarm. Det tillfälliga larmet upphör när ditt nya larm är installerat.",
            "bifall",
        ),
        ("Din ansökan om ledsagning avslås.", "avslag"),
        ("Din ansökan om ledsagning beviljas inte.", "avslag"),
        ("Du beviljas inte ledsagning.", "avslag"),
        ("Ansökan om kontaktperson beviljas ej.", "avslag"),
        ("Vi säger nej till din ansökan om hemtjänst.", "avslag"),
        ("Vi kan inte bevilja din ansökan om avlösning.", "avslag"),
        ("Vi beslutar att avslå din ansökan.", "avslag"),
        ("Du får inte plats på särskilt boende.", "avslag"),
        ("Ansökan om bostadsanpassning lämnas utan bifall.", "avslag"),
        (
            "Nämnden beslutar att inte bevilja ansökan om daglig verksamhet.",
            "avslag",
        ),
        (
            "Socialnämnden avslog ansökan i beslut den 4 maj 2025.",
            "avslag",
        ),
        // Part granted, part refused.
        (
            "Du får hemtjänst men inte hjälp med tvätt.",
            "delvis_bifall",
        ),
        ("Du beviljas delvis hemtjänst.", "delvis_bifall"),
        (
            "Du beviljas städning. Din ansökan om tvätt avslås.",
            "delvis_bifall",
        ),
        (
            "Nämnden beslutade att bevilja ledsagning, dock inte under semestern.",
            "delvis_bifall",
        ),
        (
            "Du beviljas hemtjänst. Inköp ingår inte i beslutet.",
            "delvis_bifall",
        ),
        (
            "Du har ansökt om 20 timmar avlösarservice i månaden. Du beviljas 12 timmar.",
            "delvis_bifall",
        ),
        (
            "Ansökan beviljas med undantag för nattillsyn.",
            "delvis_bifall",
        ),
        (
            "Nämnden beviljar ledsagning fyra timmar i månaden. Ansökan avslås i övrigt.",
            "delvis_bifall",
        ),
        (
            "Du får städning varannan vecka. Vi säger nej till resten av det du ansökte om.",
            "delvis_bifall",
        ),
        (
            "Du beviljas matdistribution alla dagar förutom lördag och söndag.",
            "delvis_bifall",
        ),
        (
            "Du beviljas ledsagning. Därför beviljar vi inte resor utanför kommunen.",
            "delvis_bifall",
        ),
    ];
    check(cases);
    assert!(cases.len() >= 40);
}

#[test]
fn outcomes_are_shown_in_words() {
    assert_eq!(NAMES, Outcome::ALL.map(Outcome::name));
    assert_eq!(shown("delvis_bifall"), "delvis bifall");
    assert_eq!(shown("andring"), "ändring");
    assert_eq!(shown("upphorande"), "upphörande");
    assert_eq!(shown("okant"), "okänt utfall");
    // A word from metadata that is no outcome is shown as written.
    assert_eq!(shown("vilande"), "vilande");
}
