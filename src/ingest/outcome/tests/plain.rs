//! Minutes, parts and ends in plain words, and what decides nothing.

use super::check;

#[test]
fn minutes_plain_words_and_what_decides_nothing_give_their_outcome() {
    check(&[
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
        // What was decided stands in an attachment that the letter only
        // points to: not a full grant.
        (
            "Du har i dag ledsagarservice tio timmar per månad. Vårt beslut om omfattning och tider finns i beslutsöversikten, bilaga 1.",
            "okant",
        ),
        (
            "Du beviljas ledsagarservice tio timmar per månad. Hur du överklagar står i bilaga 2.",
            "bifall",
        ),
        (
            "Du beviljas ledsagarservice tio timmar per månad. Skälen för beslutet framgår av bilagan nedan.",
            "bifall",
        ),
        // A proposal decides nothing; the decision after it does.
        (
            "Socialsekreteraren föreslår att utskottet beslutar att avslå ansökan om kontaktperson. Individutskottet beslutar att bevilja Noah kontaktperson två tillfällen per vecka.",
            "bifall",
        ),
        // "Det säger vi nej till": inverted, and ours.
        (
            "Du får en kontaktperson en gång i veckan. Du ansökte om två gånger i veckan. Det säger vi nej till.",
            "delvis_bifall",
        ),
    ]);
}
