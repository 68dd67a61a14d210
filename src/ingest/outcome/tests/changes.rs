//! Reductions, time limits, endings, and sentences that decide nothing.

use super::check;

#[test]
fn changes_and_endings_give_their_outcome() {
    check(&[
        // An earlier grant told by its decision, in kronor or as an
        // interval, beside what is granted now.
        (
            "Du beviljades i beslut 2026-03-27 försörjningsstöd med 8 300 kr per månad. Från och med maj beviljas du fortsättningsvis försörjningsstöd med 6 100 kr per månad.",
            "andring",
        ),
        (
            "Du beviljades i beslut 2026-03-27 försörjningsstöd med 5 300 kr per månad. Från och med maj beviljas du försörjningsstöd med 6 100 kr per månad.",
            "bifall",
        ),
        (
            "Vi ändrar ditt beslut. Du har haft hjälp med städning varannan vecka. Från den 1 oktober får du hjälp med städning var fjärde vecka.",
            "andring",
        ),
        // An end told as what was decided; what ends that is no help, or
        // that another authority ends, is no decision here.
        (
            "Därför har vi bestämt att ditt beslut om kontaktperson slutar. Du får träffa Roger en sista gång.",
            "upphorande",
        ),
        (
            "Du får plats på stödboendet. Ditt andrahandskontrakt upphör den 30 september. Frivården har beslutat att din övervakning upphör i november.",
            "bifall",
        ),
        // An end that the grant brings with it: replaced, or when the new
        // insats starts.
        (
            "Du beviljas ledsagarservice tolv timmar per månad. Ditt nuvarande beslut om ledsagarservice sex timmar per månad upphör att gälla den 31 maj, eftersom det ersätts av detta beslut.",
            "bifall",
        ),
        (
            "Du beviljas vård på behandlingshemmet Tallåsen. Din kontakt med öppenvården avslutas när du skrivs in på Tallåsen.",
            "bifall",
        ),
        (
            "Ansökan beviljas i sin helhet. Avlösningen i hemmet avslutas den 8 mars. Den tiden ingår nu i hemtjänsten.",
            "bifall",
        ),
        // A move away from the municipality ends what it gave, whatever the
        // new one grants.
        (
            "Eftersom du från och med den 1 december inte längre bor i kommunen och Norrby kommun har beviljat dig hemtjänst från inflyttningsdagen, upphör dina insatser här den 30 november.",
            "upphorande",
        ),
        (
            "Sven beviljas ledsagarservice åtta timmar per månad. Ledsagningen i hemtjänsten tas bort när ledsagarservicen har verkställts, eftersom ledsagarservicen ersätter den.",
            "bifall",
        ),
        // A pension or an investigation that ends is no help that ends.
        (
            "Du beviljas hemtjänst. Din egen ekonomi påverkas av att Kjells pension upphör.",
            "bifall",
        ),
        (
            "Lena beviljas vård på behandlingshem. Eftersom Lena själv ansöker om vård avslutas LVM-utredningen utan åtgärd.",
            "bifall",
        ),
        (
            "Du beviljas bistånd till begravningen med 18 000 kr. Kostnaden för gravplatsen betalas via begravningsavgiften och ingår inte i ansökan.",
            "bifall",
        ),
        // What the person has of another insats is no amount before.
        (
            "Sven har hemtjänst, 30 timmar per månad. Sven beviljas ledsagarservice med åtta timmar per månad.",
            "bifall",
        ),
        (
            "Sven har ledsagarservice, 12 timmar per månad. Sven beviljas ledsagarservice med åtta timmar per månad.",
            "andring",
        ),
        // Reductions and time limits.
        (
            "Nämnden ändrar beslutet om boendestöd. Beslutet ska inte längre gälla tills vidare.",
            "andring",
        ),
        (
            "Vi ändrar ditt beslut om kontaktperson. Det gäller nu till och med 2026-11-30.",
            "andring",
        ),
        (
            "I dag får du vara på korttidshemmet tolv dygn varje månad. Nu har vi bestämt att du får vara där åtta dygn varje månad.",
            "andring",
        ),
        (
            "I dag har du städning var fjärde vecka. Vi har bestämt att du får städning varannan vecka.",
            "bifall",
        ),
        (
            "Boendestödet ändras från fyra besök per vecka till två besök per vecka.",
            "andring",
        ),
        (
            "Från 1 oktober beviljas du korttidsvistelse sex dygn per månad i stället för åtta dygn per månad.",
            "andring",
        ),
        (
            "Du har i dag 12 timmar avlösning i månaden. Från och med 1 april får du 8 timmar i månaden.",
            "andring",
        ),
        (
            "Hjälpen med tvätt tas därför bort. Övrig hjälp är kvar.",
            "andring",
        ),
        (
            "Din personliga assistans minskas från 40 till 30 timmar i veckan.",
            "andring",
        ),
        (
            "Beslutet ändras så att hemtjänsten blir från 14 till 10 timmar i månaden.",
            "andring",
        ),
        ("Insatsen sänks till tre besök i veckan.", "andring"),
        // A part removed from what goes on; "utgår från" is a basis and
        // "utgår med" a payment.
        (
            "Du beviljas fortsatt hemtjänst. Kvällsbesöken utgår.",
            "andring",
        ),
        (
            "Du beviljas hemtjänst. Bedömningen utgår från dina behov.",
            "bifall",
        ),
        (
            "Ekonomiskt bistånd beviljas. Bistånd utgår med 3 200 kronor.",
            "bifall",
        ),
        (
            "Bistånd i form av korttidsvistelse utgår från och med den 22 juni 2026.",
            "upphorande",
        ),
        // Older and formal forms.
        ("Ansökan bifalles.", "bifall"),
        (
            "Bistånd medges i form av plats i särskilt boende.",
            "bifall",
        ),
        ("Bistånd i form av ledsagning medges ej.", "avslag"),
        (
            "Hemtjänsten utökas från 40 till 52 timmar per månad.",
            "bifall",
        ),
        // What someone else did or what follows is no decision.
        (
            "Hemtjänsten utökas till 52 timmar. Mauds egen insats på kvällarna minskar därmed.",
            "bifall",
        ),
        ("Vi minskar din hemtjänst till 20 timmar.", "andring"),
        (
            "Du får personlig assistans. Försäkringskassan sa nej i januari.",
            "bifall",
        ),
        (
            "I dag får du hjälp med städning. Vi har bestämt att",
            "okant",
        ),
        // What the decision itself comes to is not what the person had.
        (
            "Sökanden beviljas ledsagning åtta timmar i månaden. Insatsen omfattar sammanlagt 55 timmar per månad.",
            "bifall",
        ),
        // Adjusted to less than the person had.
        (
            "Du har hemtjänst med 52 timmar per månad. Omfattningen justeras till 36 timmar per månad.",
            "andring",
        ),
        (
            "Du har hemtjänst med 20 timmar per månad. Omfattningen justeras till 26 timmar per månad.",
            "bifall",
        ),
        (
            "Korttidsvistelsen tidsbegränsas till den 31 december 2026.",
            "andring",
        ),
        ("Nämnden beslutade att minska antalet timmar.", "andring"),
        (
            "Du har i dag 25 timmar hemtjänst i månaden. Från 1 maj beviljas du 18 timmar.",
            "andring",
        ),
        (
            "Ahmed beviljas fortsatt avlösarservice 6 timmar i månaden i stället för 10 timmar.",
            "andring",
        ),
        (
            "Du har tidigare haft 8 timmar. Du beviljas fortsatt 8 timmar ledsagning.",
            "bifall",
        ),
        (
            "Du har i dag ledsagning sex timmar i månaden. Ledsagningen blir fyra timmar i månaden från 1 juni.",
            "andring",
        ),
        (
            "Elias har sedan 2023 beslut om avlösarservice tolv timmar i månaden. Elias beviljas avlösarservice åtta timmar i månaden.",
            "andring",
        ),
        (
            "Hon har haft matdistribution fem dagar i veckan. Hon beviljas matdistribution fem dagar i veckan.",
            "bifall",
        ),
        (
            "Från och med nu tidsbegränsar vi ditt beslut om ledsagning till den 30 juni 2027.",
            "andring",
        ),
        (
            "att bevilja Rut Ek korttidsvistelse två dygn i veckan, dock inte under sommaren.",
            "delvis_bifall",
        ),
        (
            "Du får hjälp med tvätt. Vi säger nej till hjälp med trädgården.",
            "delvis_bifall",
        ),
        // A request to change an earlier decision, answered.
        (
            "Nämnden avslog din ansökan i maj. Vi har prövat den igen och ändrar beslutet. Du får ledsagning.",
            "bifall",
        ),
        (
            "Du begärde omprövning. Vi ändrar inte vårt beslut från mars.",
            "avslag",
        ),
        (
            "Beslutet från den 3 maj ändras inte. Ansökan är alltså avslagen.",
            "avslag",
        ),
        // Amounts in words, a limit in a field, fewer hours in a letter.
        (
            "Du har haft hemtjänst sextio timmar i månaden. Du beviljas fortsatt hemtjänst med fyrtiofem timmar per månad.",
            "andring",
        ),
        (
            "Förut fick du boendestöd 6 timmar varje vecka. Från den 1 mars får du boendestöd 4 timmar varje vecka.",
            "andring",
        ),
        ("Därför får du boendestöd färre timmar.", "andring"),
        (
            "Omfattning oförändrad. Giltighet: till och med 2026-06-30 (tidigare tills vidare).",
            "andring",
        ),
        (
            "Nämnden beslutar att NN alltjämt ska erhålla personlig assistans, dock med 24 timmar per vecka (tidigare 38 timmar per vecka).",
            "andring",
        ),
        // Unchanged: what the decision does not do is no decision.
        (
            "Hemtjänst beviljas. Inget talar för att insatserna bör minskas eller tidsbegränsas.",
            "bifall",
        ),
        // Part given in plain words.
        (
            "Leo får korttidsvistelse vecka 27 och 28. För vecka 29 och 30 blir det ingen utökning.",
            "delvis_bifall",
        ),
        ("Du får larm. Det blir ingen avgift för larmet.", "bifall"),
        // Others' help is no grant.
        (
            "Ansökan om ledsagarservice avslås. Personalen ska ge honom stöd till fritidsaktiviteter.",
            "avslag",
        ),
        // Ends that follow from moving, listed one by one.
        (
            "Du beviljas särskilt boende. Hemtjänsten upphör dagen för inflyttning. Matdistributionen upphör samma dag.",
            "bifall",
        ),
        // A decision column "Beviljat" that refuses, a table of
        // amounts, what is not decided yet.
        (
            "Omprövningen är inte avgjord. Den 10 mars beviljades du ledsagning fyra timmar per månad.",
            "okant",
        ),
        ("Ärendet bordläggs. Hemtjänsten beviljades i maj.", "okant"),
        // "Ingen del avslås" refuses nothing; "inga insatser beviljas"
        // refuses all.
        (
            "Du beviljas hemtjänst och larm. Ingen del av ansökan avslås.",
            "bifall",
        ),
        ("Inga av de sökta insatserna beviljas.", "avslag"),
        ("Din hemtjänst minskas inte.", "okant"),
        // A time limit on a new grant limits the grant; on support that
        // goes on, it limits what the person has.
        (
            "Nämnden beslutar att bevilja korttidsvistelse tio dygn per månad. Beslutet tidsbegränsas till ett år.",
            "bifall",
        ),
        (
            "Du beviljas fortsatt boendestöd. Beslutet tidsbegränsas till 30 juni.",
            "andring",
        ),
        (
            "Växelvården fortsätter, men i mindre omfattning.",
            "andring",
        ),
        (
            "Du beviljas städning. Hjälpen med tvätt får du i mindre omfattning än du ansökt om.",
            "delvis_bifall",
        ),
    ]);
}
