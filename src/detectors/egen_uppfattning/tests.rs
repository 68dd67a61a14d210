use super::super::testing::hits;

fn found(text: &str) -> bool {
    !hits("egen_uppfattning", None, text).is_empty()
}

#[test]
fn the_persons_own_statements_count() {
    let met = [
        "Karin berättar att hon vill bo kvar hemma.",
        "Du har sagt att du vill bo kvar.",
        "Hon uttrycker själv att hon vill ha hjälp på morgonen.",
        "Enligt Karin själv går det bra att laga mat.",
        "Vid hembesöket berättade Ahmed om sina dagar.",
        "Han beskriver med egna ord hur dagen ser ut.",
        "”Jag vill klara mig själv så länge det går”, säger Karin.",
        "Sonen tycker att hon borde flytta, men hon vill bo kvar.",
        "Maken hjälper henne med maten. Hon önskar hjälp med duschen.",
        "Hennes egen uppfattning är att hon klarar sig utan hjälp.",
        "Barnet berättar att han tycker om skolan.",
        "Den enskilde önskar hjälp med städning.",
        "Hon ringde och sa att hon inte håller med om förslaget.",
        "Karin är tydlig med att hon inte vill flytta.",
        "Elsa vill inte ha hemtjänst.",
        "Dottern tycker att hon ska flytta till ett boende, men Karin vill bo kvar.",
        "Gruppchefen har ringt. Karin berättar att hon vill byta utförare.",
        "Hen upplever att dagarna är långa.",
        "Sökanden uppger att hon har ont i ryggen.",
        "Samtalet hölls med tolk, och Amir framförde själv att han vill ha en kontaktperson.",
        "Karin bor med sin dotter och hon vill fortsätta bo där.",
        "Karin är positiv till att prova dagverksamhet.",
        "Han känner sig ensam på kvällarna.",
    ];
    for text in met {
        assert!(found(text), "should count: {text}");
    }
}

#[test]
fn views_of_relatives_and_staff_do_not_count() {
    let not_met = [
        "Gruppchefen menar att hon behöver mer hjälp.",
        "Dottern anser att hon inte klarar sig hemma.",
        "Enligt hemtjänstpersonalen vill hon ha hjälp med duschen.",
        "Sjuksköterskan uppger att han har svårt att gå.",
        "Arbetsterapeuten beskriver att hon behöver rollator.",
        "Karins dotter Lena berättar att mamman vill flytta.",
        "Distriktssköterskan Anna Berg säger att hon trivs.",
        "Den gode mannen anser att han behöver boendestöd.",
        "Dottern var med vid besöket. Hon tycker att mamman behöver flytta.",
        "Maken säger att han vill att hon ska få hjälp.",
        "”Mamma vill inte bo kvar”, säger sonen.",
        "Läkaren och biståndshandläggaren anser att hon behöver korttidsvistelse.",
        "Lena, Karins dotter, berättar att Karin vill flytta.",
        "Förvaltaren framför att han önskar ett eget boende.",
        "Personalen på boendet upplever att han trivs.",
        "Emma ansökte om avlösarservice för sin son Noah. Emma berättar att hon är trött.",
        "Sofia och Mattias Karlsson ansökte om assistans för sin son Leo. Leo går i skolan. Mattias berättar att Leo vill simma.",
        "Hennes barn Elsa, 12 år, och Vilgot, 8 år, var hemma. Linda vilar. Linda lagar mat. Linda läser. Vilgot säger att han tycker om när mamma läser.",
        "Därest sökanden önskar utökad hemtjänst kan ny ansökan lämnas.",
        "Dotterns uppfattning är att hon behöver flytta.",
        "Enligt uppgift från hemtjänsten önskar hon tätare besök.",
    ];
    for text in not_met {
        assert!(!found(text), "should not count: {text}");
    }
}

#[test]
fn unclear_sources_and_absent_views_do_not_count() {
    let not_met = [
        "Det framkommer att hon vill flytta.",
        "Jag bedömer att hon behöver hjälp och jag anser att hemtjänst räcker.",
        "Hon har inte kunnat uttrycka vad hon vill.",
        "Det är oklart vad han vill.",
        "Karin har inte framfört några synpunkter.",
        "Han vet inte vad han vill.",
        "Skriv till oss och berätta vad du vill ändra.",
        "Handläggaren frågade hur hon upplever hjälpen.",
        "Han går på förskola och tycker om att leka med bilar.",
        "Karin har inte kunnat uttrycka vad hon vill. Enligt personalen trivs hon på dagverksamheten.",
    ];
    for text in not_met {
        assert!(!found(text), "should not count: {text}");
    }
}

#[test]
fn the_hit_is_the_sentence_with_the_view() {
    let found = hits(
        "egen_uppfattning",
        None,
        "Dottern Lena anser att Karin ska flytta. Karin säger att hon vill bo kvar.",
    );
    assert_eq!(found, ["Karin säger att hon vill bo kvar."], "{found:?}");
}
