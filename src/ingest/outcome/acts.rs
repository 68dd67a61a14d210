//! What one sentence decides, and how strongly: [`acts`] reads its words,
//! [`settle`] weighs what they and its amounts say together.

use super::amount::{Amount, Amounts};
use super::clues::*;
use super::sentence::Sentence;
use super::settle::settle;
use super::words::*;
use super::{Acts, Tier};

/// What `words` (one sentence, lower case) with its `amounts` decide, and
/// how strongly; `applied` and `earlier` are the amounts applied for and had until now,
/// when the decision says them.
pub(super) fn acts(
    words: &[String],
    amounts: &Amounts,
    applied: Option<Amount>,
    earlier: Option<Amount>,
) -> Option<(Tier, Acts)> {
    let s = Sentence::new(words);
    let is = |i: usize, set: &[&str]| s.is(i, set);
    let answered = |i: usize| s.answered(i);
    let negated = |i: usize| s.negated(i);
    let governed = |i: usize| s.governed(i);
    let conditional = |i: usize| s.conditional(i);
    let Sentence {
        weighed,
        condition,
        about_earlier,
        ..
    } = s;
    // "Om behovet minskar kan du ansöka igen": a condition decides nothing;
    // "Anna Ek yrkar att ansökan bifalls": a motion decides nothing, nor
    // does a proposal ("Socialsekreteraren föreslår att utskottet beslutar
    // att avslå …") unless the sentence adopts it ("… och finner att
    // nämnden bifaller förslaget").
    if is(0, &["om", "ifall"])
        || proposal(words)
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "yrkar" | "yrkade" | "yrkat"))
    {
        return None;
    }
    let mut acts = Acts::default();
    let mut tier: Option<Tier> = None;
    // The last decision verb read as general: "bör minskas eller
    // tidsbegränsas" makes both general.
    let mut last_general: Option<usize> = None;
    let raise = |t: Tier, tier: &mut Option<Tier>| *tier = Some(tier.map_or(t, |old| old.max(t)));
    for (i, word) in words.iter().enumerate() {
        let w = word.as_str();
        if conditional(i) {
            continue;
        }
        // "finner att utskottet bifaller förslaget": the motion, not the
        // application.
        let procedure = is(
            i + 1,
            &["förslaget", "yrkandet", "ordförandens", "förvaltningens"],
        ) || (matches!(w, "bifaller" | "bifalla" | "bifalls" | "avslår" | "avslå")
            && words[i + 1..]
                .iter()
                .take(4)
                .any(|n| n.starts_with("yrkande") || n.starts_with("förslag")));
        // "bestämde jag att ditt larm skulle upphöra": the modal of a
        // decision told afterwards.
        let told = i >= 1
            && is(i - 1, &["skulle"])
            && words[..i - 1]
                .iter()
                .any(|w| w.starts_with("bestäm") || w.starts_with("beslut"));
        let general = weighed
            || (i >= 1 && is(i - 1, MODALS) && !negated(i) && !told)
            // "kan endast beviljas personer som …": the law in general.
            || (i >= 2
                && is(i - 2, MODALS)
                && is(i - 1, &["endast", "bara", "enbart", "också", "även"])
                && !negated(i))
            || (INFINITIVES.contains(&w) && !governed(i) && !told)
            || procedure
            // "Därefter upphör insatsen om du inte ansöker på nytt."
            || (END.contains(&w) && condition)
            || (i >= 2 && is(i - 1, &["eller", "och"]) && last_general == Some(i - 2));
        let away = |i: usize| is(i + 1, &["bort"]) || (is(i + 1, BETWEEN) && is(i + 2, &["bort"]));
        let verb = [GRANT, REFUSE, END, REDUCE]
            .iter()
            .any(|set| set.contains(&w));
        let (kind, t) = if verb && general {
            last_general = Some(i);
            continue;
        } else if GRANT.contains(&w) {
            ('g', Tier::Present)
        } else if GRANT_PAST.contains(&w) {
            ('g', Tier::Past)
        } else if REFUSE.contains(&w) {
            ('r', Tier::Present)
        } else if REFUSE_PAST.contains(&w) {
            ('r', Tier::Past)
        } else if END.contains(&w) {
            if negated(i) {
                continue;
            }
            ('e', Tier::Present)
        } else if END_PAST.contains(&w) && (w != "drogs" || is(i + 1, &["in"])) {
            ('e', Tier::Past)
        } else if w == "slutar"
            && !negated(i)
            && !words[i.saturating_sub(4)..i]
                .iter()
                .enumerate()
                .any(|(k, w)| {
                    let at = i.saturating_sub(4) + k;
                    // "vi har bestämt att ditt beslut om kontaktperson slutar":
                    // the clause is what was decided.
                    let decided = w == "att"
                        && at >= 1
                        && (is(at - 1, &["bestämt", "beslutat", "bestämmer", "beslutar"]));
                    // ("om du …" is a condition, read above; "beslut om
                    // kontaktperson" is no condition.)
                    matches!(
                        w.as_str(),
                        "när" | "tills" | "innan" | "då" | "efter" | "förrän" | "att"
                    ) && !decided
                })
            && (i == 0 || !is(i - 1, NOT_ENDING_HELP))
        {
            // "Din dagliga verksamhet slutar den 31 januari", not "tills du
            // slutar skolan" or "från att skolan slutar till klockan 17".
            ('e', Tier::Weak)
        } else if w == "tills"
            && is(i + 1, &["vidare"])
            && i >= 1
            && (is(i - 1, &["tidigare"])
                || (i >= 2 && is(i - 1, &["för"]) && is(i - 2, &["stället"])))
        {
            // "Giltighet: t.o.m. 30 juni (tidigare tills vidare)": newly
            // limited in time.
            ('d', Tier::Weak)
        } else if w == "tills"
            && is(i + 1, &["vidare"])
            && words.iter().any(|w| w == "tidigare" || w == "hittills")
            && words
                .iter()
                .any(|w| matches!(w.as_str(), "gällde" | "gällt" | "var"))
        {
            // "Det tidigare beslutet gällde tills vidare" beside a new end
            // date: newly limited in time.
            ('d', Tier::Weak)
        } else if (w == "erhålla" && governed(i)) || w == "erhåller" {
            // "beslutar att NN ska erhålla personlig assistans".
            ('g', Tier::Weak)
        } else if w == "blir" && refused_as_none(&words[i + 1..]) {
            // "För vecka 25 och 26 blir det ingen utökning."
            ('r', Tier::Weak)
        } else if w == "dras" && is(i + 1, &["in", "tillbaka"]) {
            ('e', Tier::Present)
        } else if w == "dra" && is(i + 1, &["in", "tillbaka"]) && governed(i) {
            // "Utskottet beslutar att dra in ledsagarservicen."
            ('e', Tier::Present)
        } else if REDUCE.contains(&w) && w != "dras" {
            // "Vi minskar din hemtjänst" decides; "Mauds insats minskar
            // därmed", "oron minskar" tell what happens.
            let active = matches!(w, "minskar" | "sänker" | "tidsbegränsar");
            let agent = words[i.saturating_sub(3)..(i + 2).min(words.len())]
                .iter()
                .any(|w| {
                    matches!(w.as_str(), "vi" | "jag" | "kommunen")
                        || w.ends_with("nämnden")
                        || w.ends_with("utskottet")
                });
            if active && !agent {
                continue;
            }
            ('d', Tier::Present)
        } else if REDUCE_PAST.contains(&w) {
            ('d', Tier::Past)
        } else if w == "utan"
            && is(i + 1, &["bifall"])
            && i >= 1
            && is(i - 1, &["lämnades", "lämnats", "lämnade"])
        {
            // "… vilken ansökan lämnades utan bifall 2026-04-10": told.
            ('r', Tier::Past)
        } else if (w == "nej" && answered(i)) || (w == "utan" && is(i + 1, &["bifall"])) {
            // "Vi säger nej till …", "lämnas utan bifall".
            ('r', Tier::Present)
        } else if w == "ja" && answered(i) {
            // "Vi säger ja till trygghetslarm."
            ('g', Tier::Present)
        } else if w == "utgår" && removed(&words[i + 1..]) {
            // "Kvällsbesöken utgår", "Dusch utgår fr.o.m. 1 juli": ended (a
            // part of what goes on: reduced); not "bedömningen utgår från …"
            // or "bistånd utgår med 3 000 kr".
            ('e', Tier::Present)
        } else if matches!(w, "tas" | "tar") && away(i) {
            // "Hjälpen med matlagning tas bort."
            ('d', Tier::Present)
        } else if w == "togs" && away(i) {
            ('d', Tier::Past)
        } else if w == "får" && is(i + 2, NEGATIONS) && !is(i + 1, BETWEEN) {
            // "Den andra helgen får Leo inte."
            ('n', Tier::Weak)
        } else if w == "kvarstår"
            && words[i + 1..]
                .first()
                .is_some_and(|n| n.starts_with("oförändr"))
            && words[..i].iter().any(|w| w.starts_with("beslut"))
        {
            // "Beslutas att tidigare beviljad dagverksamhet … kvarstår
            // oförändrad": decided to go on; not "Befintliga insatser
            // kvarstår oförändrade" beside a refusal, which tells.
            ('g', Tier::Present)
        } else if matches!(w, "står" | "kvarstår")
            && (w == "kvarstår" || is(i + 1, &["fast"]))
            && words.iter().any(|w| w.starts_with("beslut"))
        {
            // "Beslutet står fast", "beslutet kvarstår": upheld.
            ('r', Tier::Present)
        } else if matches!(w, "gäller" | "gälla")
            && ((words[i + 1..]
                .iter()
                .take(3)
                .any(|n| matches!(n.as_str(), "endast" | "bara" | "numera"))
                && words[i + 1..].iter().any(|n| n == "till"))
                // "Det gäller nu till och med 30 september."
                || (is(i + 1, &["nu"])
                    && is(i + 2, &["till"])
                    && is(i + 3, &["och"])
                    && is(i + 4, &["med"]))
                || (words.iter().any(|w| w == "längre")
                    && words
                        .windows(2)
                        .any(|p| p[0] == "tills" && p[1] == "vidare")
                    && words.iter().any(|w| NEGATIONS.contains(&w.as_str()))))
        {
            // "gäller nu endast till och med 30 juni", "beslutet gäller inte
            // längre tills vidare": newly limited in time; not "beslutet
            // gäller bara kontaktperson". The negation is part of it.
            ('D', Tier::Weak)
        } else if w == "har"
            && is(i + 1, NEGATIONS)
            && words.iter().any(|w| w == "längre")
            && words.iter().any(|w| w == "från")
            && i >= 1
            && is(i - 1, &["du", "ni", "hon", "han", "hen"])
        {
            // "Du har inte kontaktperson längre från 1 juni."
            ('e', Tier::Weak)
        } else if matches!(w, "aktuellt" | "aktuell") && negated(i) {
            // "Boendestöd är inte aktuellt": the negation is the refusal.
            ('n', Tier::Weak)
        } else if w == "få"
            && i >= 2
            && words[i.saturating_sub(3)..i]
                .iter()
                .any(|w| matches!(w.as_str(), "kan" | "kunna"))
            && negated_near(words, i)
        {
            // "Du kan därför inte få en plats på särskilt boende nu."
            ('g', Tier::Weak)
        } else if (w == "får"
            // Not in a clause of its own ("att du får huvudvärk"), unless
            // the clause is what was decided ("vi har beslutat att du får",
            // "bestämt att Leo får").
            && !(i >= 2
                && is(i - 2, &["att", "om", "när", "eftersom", "som", "då", "så", "innan"])
                && !governed(i))
            // "Vilka insatser du får … framgår av bilagan": an indirect
            // question tells nothing.
            && (governed(i)
                || !words[i.saturating_sub(4)..i]
                    .iter()
                    .any(|w| matches!(w.as_str(), "vilka" | "vilken" | "vilket" | "vad" | "hur")))
            && ((i >= 1 && is(i - 1, &["du", "ni", "hon", "han", "hen"]))
                // "beslutat att du inte får dagverksamhet", "Du inte får
                // …"; not "berättat att ni inte får sova".
                || (i >= 2
                    && is(i - 1, NEGATIONS)
                    && is(i - 2, &["du", "ni", "hon", "han", "hen"])
                    && !(i >= 3
                        && is(i - 3, &["att"])
                        && words[..i - 3].iter().any(|w| {
                            w.starts_with("berätta")
                                || w.starts_with("beskriv")
                                || w.starts_with("uppge")
                                || w.starts_with("framför")
                                || matches!(
                                    w.as_str(),
                                    "säger" | "sagt" | "sa" | "menar" | "tycker" | "anser" | "upplever"
                                )
                        })))
                || i == 1
                // "Vi har bestämt: Wilma får …".
                || (i >= 2 && is(i - 2, &["bestämt", "beslutat", "bestämmer", "beslutar"]))
                || is(i + 1, &["du", "ni"])
                || (i >= 2 && is(i - 2, &["att"]) && governed(i))))
            || (w == "få" && i >= 2 && is(i - 1, &["att"]) && is(i - 2, &["kommer"]))
            // "vi ger dig", "nämnden kan inte ge dig"; not "personalen ska
            // ge honom stöd".
            || (matches!(w, "ge" | "ger")
                && is(i + 1, &["dig", "er", "honom", "henne"])
                // "det kan vi ge dig på andra sätt": a possibility.
                && (negated(i)
                    || !words[i.saturating_sub(2)..i]
                        .iter()
                        .any(|w| MODALS.contains(&w.as_str())))
                && words[i.saturating_sub(4)..=i + 1]
                    .iter()
                    .any(|w| matches!(w.as_str(), "vi" | "jag" | "nämnden" | "kommunen")))
            || (w == "blir" && amounts.given.is_some())
        {
            // "Du får …", inverted "Från 1 mars får du …", "du kommer att
            // få", "vi kan inte ge dig", "ditt stöd blir två gånger i veckan";
            // not "du får gärna ringa".
            let mut rest = words[i + 1..]
                .iter()
                .filter(|n| !matches!(n.as_str(), "du" | "ni" | "inte" | "ej" | "också" | "även"));
            let mut next = rest.next();
            // "du får tyvärr avslag", "du får nu bifall".
            if next.is_some_and(|n| matches!(n.as_str(), "tyvärr" | "nu" | "alltså" | "därför"))
            {
                next = rest.next();
            }
            let refused = next.is_some_and(|n| n == "avslag");
            // "Du får i dag …", "I dag får du …": what the person has.
            let today = (next.is_some_and(|n| n == "i") && rest.next().is_some_and(|n| n == "dag"))
                || words[..i].windows(2).any(|p| p[0] == "i" && p[1] == "dag")
                || words[..i].iter().any(|w| w == "idag");
            // "Här får du nämndens beslut om …": the letter, not a grant.
            let the_letter = words[i + 1..].iter().take(4).any(|n| {
                matches!(
                    n.as_str(),
                    "beslut" | "beslutet" | "besked" | "brev" | "brevet"
                )
            });
            if today
                || the_letter
                || next.is_some_and(|n| NOT_GRANTED_AFTER_FAR.contains(&n.as_str()))
            {
                // "Du får redan / i dag det stöd du behöver": what is, not
                // what is decided.
                continue;
            }
            if refused {
                ('n', Tier::Weak)
            } else {
                ('g', Tier::Weak)
            }
        } else if w == "ingår"
            && negated(i)
            // "Skolskjutsen ordnas av skolan och ingår inte i beslutet":
            // someone else provides it, so nothing is refused.
            && !words.windows(2).any(|p| {
                matches!(p[0].as_str(), "ordnas" | "sköts" | "betalas" | "ordnar" | "står")
                    && matches!(p[1].as_str(), "av" | "för")
            })
            // "… ingår inte i ansökan", "… inte ingår i kostnadsförslaget":
            // not applied for, so nothing is refused.
            && !words[i..]
                .iter()
                .take(5)
                .any(|n| n.starts_with("ansökan") || n.starts_with("kostnadsförslag"))
            // "Måltiderna ingår ej i biståndsbeslutet utan debiteras enligt
            // taxa": paid for otherwise, so nothing is refused.
            && !words[i..].windows(2).any(|p| {
                p[0] == "utan"
                    && (p[1].starts_with("debiter")
                        || p[1].starts_with("betal")
                        || p[1].starts_with("ordna")
                        || p[1].starts_with("bekost"))
            })
        {
            // "Inköp ingår inte i beslutet": part of a grant, not of a
            // refusal ("din hemtjänst ingår inte i det här beslutet").
            ('p', Tier::Weak)
        } else if w.starts_with("ändra") || matches!(w, "justeras" | "justera" | "justerar") {
            // "Beslutet ändras så att …": what it changes to says which way;
            // "Vi ändrar inte beslutet" refuses the request to change it.
            ('c', Tier::Present)
        } else {
            continue;
        };
        // "Din ansökan i våras avslogs": an earlier decision, told.
        if t == Tier::Past && about_earlier {
            continue;
        }
        // "Försäkringskassan har avslagit …", "Frivården har beslutat att din
        // övervakning upphör": another authority's decision.
        if matches!(kind, 'g' | 'r' | 'e')
            && words[i.saturating_sub(6)..i]
                .iter()
                .any(|w| another_authority(w))
        {
            continue;
        }
        // "ditt andrahandskontrakt upphör", "anställningen avslutas",
        // inverted "… avslutas LVM-utredningen": what ends is no help.
        if kind == 'e'
            && words[i.saturating_sub(3)..(i + 3).min(words.len())]
                .iter()
                .any(|w| ENDS_NO_HELP.iter().any(|thing| w.starts_with(thing)))
        {
            continue;
        }
        raise(t, &mut tier);
        match kind {
            // "får du inte längre tillsyn på natten": what the person had
            // ends; with something left ("hjälpen på dagen är kvar") it is
            // reduced.
            'g' if negated(i) && words.iter().any(|w| w == "längre") => {
                if words
                    .iter()
                    .any(|w| matches!(w.as_str(), "kvar" | "fortsätter" | "finns"))
                {
                    acts.reduce = true;
                } else {
                    acts.end = true;
                }
            }
            'g' if negated(i) || (matches!(w, "ge" | "ger") && negated_near(words, i)) => {
                // "kan vi inte fortsätta ge dig boendestöd".
                acts.refuse = true;
            }
            'g' => acts.grant = true,
            // "avslås inte": not read as anything.
            'r' if negated(i) => {}
            'r' => acts.refuse = true,
            // "Hemtjänsten avslutas den dag du flyttar in på boendet": the
            // end of what a move makes unneeded.
            // "upphör … när du flyttar", "som en följd av beslutet upphör
            // hemtjänsten": what the grant makes unneeded.
            // "… upphör när LSS-insatsen har börjat", "… när ditt nya larm
            // är installerat": replaced by what is granted.
            // "… upphör att gälla, eftersom det ersätts av detta beslut",
            // "… avslutas när du skrivs in på behandlingshemmet".
            // Not a move away from the municipality ("eftersom du inte
            // längre bor i kommunen upphör dina insatser här"): that ends.
            'e' if !moves_away(words)
                && (words.iter().any(|w| {
                    w.contains("flytt") || w.starts_with("följd") || w.starts_with("ersätt")
                }) || words.windows(2).any(|p| {
                    p[0] == "när"
                        && words.iter().any(|w| {
                            matches!(
                                w.as_str(),
                                "börjar"
                                    | "börjat"
                                    | "startar"
                                    | "startat"
                                    | "igång"
                                    | "nya"
                                    | "skrivs"
                                    | "skrivits"
                            ) || w.starts_with("installer")
                                || w.starts_with("påbörja")
                        })
                })) =>
            {
                acts.end_on_move = true;
            }
            'e' => acts.end = true,
            // "Din hemtjänst minskas inte."
            'd' if negated(i) || negated_near(words, i) => {}
            'd' if w.starts_with("tidsbegräns") => acts.limit = true,
            // "Ledsagningen i hemtjänsten tas bort när ledsagarservicen har
            // verkställts, eftersom ledsagarservicen ersätter den": what the
            // grant replaces.
            'd' if matches!(w, "tas" | "bort" | "stryks" | "utgår")
                && words.iter().any(|w| w.starts_with("ersätt")) =>
            {
                acts.end_on_move = true
            }
            'd' | 'D' => acts.reduce = true,
            'p' => acts.part = true,
            // "Vi ändrar inte beslutet": the request to change it is refused
            // ("din avgift ändras inte" is no decision).
            'n' => acts.refuse = true,
            // "Skriv varför du tycker att beslutet ska ändras": how to
            // appeal, not what is decided.
            'c' if words.iter().any(|w| w.starts_with("överklag")) => {}
            // "finner inte skäl att ändra beslutet".
            'c' if (negated(i)
                || words[i.saturating_sub(4)..i]
                    .iter()
                    .any(|w| NEGATIONS.contains(&w.as_str())))
                && words.iter().any(|w| w.starts_with("beslut")) =>
            {
                acts.refuse = true;
            }
            'c' if negated(i) => {}
            'c' => acts.change = true,
            _ => {}
        }
    }
    settle(words, amounts, applied, earlier, tier, acts)
}
