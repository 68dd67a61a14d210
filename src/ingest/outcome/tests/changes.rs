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
        // Minutes: motions decide nothing; "beslutar att bevilja …, att
        // avslå …" is a list of decisions; a decision to wait decides
        // nothing else.
        (
            "Anna Ek yrkar att ansökan bifalls. Utskottet beslutar att bordlägga ärendet.",
            "okant",
        ),
        (
            "Utskottet finner att utskottet bifaller Per Ottossons yrkande. Förvaltningens förslag till beslut: att avslå ansökan.",
            "avslag",
        ),
        (
            "Utskottet beslutar att bevilja personlig assistans med 30 timmar per vecka från och med den 1 maj, att avslå ansökan om ytterligare 12 timmar per vecka.",
            "delvis_bifall",
        ),
        // What the decision does not cover is no part of a refusal.
        (
            "Din ansökan om avlösning beviljas inte. Din hemtjänst ingår inte i det här beslutet.",
            "avslag",
        ),
        // Less than before, told as "timmar mindre" or by the decision
        // it replaces.
        (
            "Boendestödet fortsätter, men med tre timmar mindre i veckan.",
            "andring",
        ),
        (
            "Du beviljas fortsatt hemtjänst med 45 timmar per månad. Beslutet ersätter tidigare beslut om hemtjänst med 60 timmar per månad.",
            "andring",
        ),
        // Fewer than applied for, told in words, is part of the grant.
        (
            "Du beviljas hemtjänst och larm. Du ansökte om hjälp med mat, men eftersom du får matdistribution blir det 28 timmar i stället för 40. Den delen av ansökan avslås.",
            "delvis_bifall",
        ),
        // "får avslag" refuses; "inte längre" ends, or reduces with
        // something left.
        (
            "Vi har utrett din ansökan och du får tyvärr avslag.",
            "avslag",
        ),
        (
            "Från och med den 4 maj får du inte längre tillsyn på natten, men hjälpen på dagen är kvar som förut.",
            "andring",
        ),
        (
            "Från och med den 1 juni får du inte längre matdistribution.",
            "upphorande",
        ),
        // A new end date where the decision ran tills vidare.
        (
            "Du beviljas fortsatt korttidsvistelse sex dygn per månad. Det tidigare beslutet gällde tills vidare.",
            "andring",
        ),
        // The end of what a move makes unneeded beside a grant in a
        // letter's words; a decision told afterwards.
        (
            "Du får plats i särskilt boende. När du flyttar in upphör ditt beslut om hemtjänst.",
            "bifall",
        ),
        (
            "Den 30 mars bestämde jag att ditt trygghetslarm skulle upphöra från och med den 1 april.",
            "upphorande",
        ),
        // How to appeal changes nothing.
        (
            "Din ansökan avslås. Skriv varför du tycker att beslutet ska ändras.",
            "avslag",
        ),
        // Plain refusals: "är inte aktuellt", "kan inte få", "beslutat
        // att du inte får"; a possibility is no grant.
        (
            "Du hänvisas till Träffpunkt Källan. Boendestöd är inte aktuellt.",
            "avslag",
        ),
        (
            "Det du saknar är sällskap, och det kan vi ge dig på andra sätt. Du kan därför inte få en plats på särskilt boende nu.",
            "avslag",
        ),
        (
            "Jag har beslutat att du får trygghetslarm. Jag har beslutat att du inte får dagverksamhet.",
            "delvis_bifall",
        ),
        // An earlier decision in a relative clause is not this one.
        (
            "Du får växelvård en vecka var fjärde vecka. Du ansökte om växelvård varannan vecka. Det får du inte. Från april får ni också nattillsyn, som vi beslutade om i februari.",
            "delvis_bifall",
        ),
        // The law in general, with an adverb after the modal.
        (
            "Ansökan om daglig verksamhet avslås. Daglig verksamhet kan endast beviljas personer som tillhör personkrets 1 eller 2.",
            "avslag",
        ),
        // A question weighed decides nothing.
        (
            "Handläggaren har övervägt om korttidsvistelse ska beviljas. Beslut enligt handläggarens förslag.",
            "okant",
        ),
        // "inte längre tills vidare" limits; "gäller bara" a scope does not.
        (
            "Jag har beslutat att du får fortsatt hemtjänst. Det som blir annorlunda är att beslutet inte längre gäller tills vidare.",
            "andring",
        ),
        (
            "Nu har vi bestämt. Du har inte kontaktperson längre från 1 juni 2026. Det här beslutet gäller bara kontaktperson.",
            "upphorande",
        ),
        // "kan vi inte fortsätta ge dig" refuses; an end that follows
        // from a grant ("som en följd av beslutet") or a move is part of
        // it; part of what goes on ends.
        (
            "Eftersom du flyttar kan vi inte fortsätta ge dig boendestöd. Jag har beslutat att ditt boendestöd upphör den 1 maj, samma dag som du flyttade.",
            "upphorande",
        ),
        (
            "Gunnel beviljas särskilt boende. Som en följd av beslutet upphör hennes hemtjänst och trygghetslarm.",
            "bifall",
        ),
        (
            "Karl-Erik beviljas fortsatt hemtjänst med 30 timmar per månad. Morgonbesöken upphör.",
            "andring",
        ),
        (
            "Kent beviljas fortsatt kontaktperson, men med två träffar i månaden i stället för fyra.",
            "andring",
        ),
        // A reduction weighed and not made; a need is not what the person
        // had.
        (
            "Nämnden har övervägt om växelvården kan minskas. Nämnden gör dock bedömningen att den inte ska minskas. Gösta beviljas fortsatt växelvård i oförändrad omfattning.",
            "bifall",
        ),
        (
            "Det grundläggande behovet bedöms till femton timmar per vecka, vilket ni själva har beräknat. Hampus beviljas personlig assistans med nio timmar per vecka.",
            "bifall",
        ),
        // Endings.
        (
            "Din dagliga verksamhet slutar den 31 januari 2026.",
            "upphorande",
        ),
        (
            "Eftersom ni flyttar avslutar vi Alvas insats kontaktperson från och med den 31 mars.",
            "upphorande",
        ),
        ("Du får ledsagning tills du slutar skolan.", "bifall"),
        ("Ditt trygghetslarm upphör den 30 april.", "upphorande"),
        ("Beslutet om kontaktperson upphör att gälla.", "upphorande"),
        ("Boendestödet dras in från och med 1 juni.", "upphorande"),
        ("Insatsen avslutas på din egen begäran.", "upphorande"),
        ("Beslutet om ledsagning återkallas.", "upphorande"),
        ("Nämnden beslutade att avsluta insatsen.", "upphorande"),
        // Nothing that decides.
        ("Vi har tagit emot din ansökan och återkommer.", "okant"),
        ("Beslut om hemtjänst. Handläggare Eva Lund.", "okant"),
        ("Du kan höra av dig om du har frågor.", "okant"),
        ("Insatsen avslutas inte.", "okant"),
        (
            "Om du flyttar till ett särskilt boende upphör beslutet om hemtjänst.",
            "okant",
        ),
        (
            "Du kommer att få trygghetslarm från den 3 mars. Du behöver inte betala för installationen.",
            "bifall",
        ),
        (
            "Du får fortsatt hemtjänst som tidigare. Din avgift ändras inte.",
            "bifall",
        ),
        (
            "Du beviljas plats på vård- och omsorgsboende. Hemtjänsten avslutas när du flyttar dit.",
            "bifall",
        ),
        (
            "Din hemtjänst avslutas eftersom du har flyttat till en annan kommun.",
            "upphorande",
        ),
        (
            "Vi kan tyvärr inte ge dig plats i dagverksamheten.",
            "avslag",
        ),
        (
            "Assistansen minskas till 20 timmar i veckan. Du behöver fortfarande hjälp att avsluta måltiden.",
            "andring",
        ),
        ("Du får gärna ringa mig om du har frågor.", "okant"),
        ("Anna, du får en lägenhet i gruppbostaden.", "bifall"),
        (
            "Vi säger nej till ditt överklagande. Du skriver att du får ont i ryggen när du städar.",
            "avslag",
        ),
        (
            "Vi säger ja till matdistribution. Du får också hjälp med inköp en gång i veckan.",
            "bifall",
        ),
        (
            "Nämnden beviljar ledsagning. Du får ledsagning till träningen men inte till resor.",
            "delvis_bifall",
        ),
        (
            "Nämnden beslutar att dra in beslutet om kontaktperson från den 1 maj.",
            "upphorande",
        ),
        (
            "Nämnden finner inte skäl att ändra beslutet. Beslutet står därmed fast.",
            "avslag",
        ),
        (
            "Du får redan det stöd du behöver genom hemtjänsten. Nämnden avslår ansökan.",
            "avslag",
        ),
        (
            "Nämnden beslutar att ledsagningen fortsätter men med 6 timmar i månaden i stället för 9 timmar.",
            "andring",
        ),
        (
            "Vi beviljar avlösning i hemmet. Avlösning på natten får du däremot inte.",
            "delvis_bifall",
        ),
        (
            "Boendestödet fortsätter som förut men gäller nu endast till och med 2026-12-31.",
            "andring",
        ),
        (
            "Vi har bestämt att Alva får korttidsvistelse en helg i månaden. Den andra helgen får Alva inte.",
            "delvis_bifall",
        ),
        (
            "Matdistributionen minskas till fem dagar i veckan. Leveranser på helgen upphör.",
            "andring",
        ),
        (
            "Ordföranden föreslår att nämnden avslår ansökan och finner att nämnden bifaller förslaget.",
            "avslag",
        ),
        (
            "Insatsen gäller till 31 mars. Därefter upphör insatsen om du inte ansöker igen.",
            "okant",
        ),
        // The law stated in general is no decision.
        (
            "Bistånd kan beviljas den som inte själv kan tillgodose sina behov. Nämnden avslår ansökan.",
            "avslag",
        ),
        (
            "Förutom trygghetslarm beviljas du även matdistribution.",
            "bifall",
        ),
    ]);
}
