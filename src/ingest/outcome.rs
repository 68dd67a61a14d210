//! A decision's outcome (`utfall`) read from its text, when no metadata
//! gives it.
//!
//! Decisions are written as letters ("Du får …", "Vi säger nej till …"), as
//! delegation decisions ("Ansökan avslås", "beviljas ej"), as a nämnd's
//! minutes ("Nämnden beslutar att avslå …") and quoted in later documents
//! ("nämnden avslog ansökan i beslut den …"). Each sentence that decides is
//! read for what it does — grant, refuse, grant in part, reduce, end — with
//! its negation ("beviljas inte", "kan inte bevilja"): a "inte" elsewhere in
//! the letter ("du behöver inte betala") changes nothing.
//!
//! What cannot be read is [`Outcome::Okant`], which every criterion scoped to
//! decisions that go against the person treats as one of them: the appeal
//! information a refusal needs is asked for rather than silently skipped.

use super::amount::{self, Amount, Amounts};

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Bifall,
    DelvisBifall,
    Avslag,
    /// Changed to the person's disadvantage: less, or newly time-limited.
    Andring,
    /// Ended or withdrawn.
    Upphorande,
    /// Could not be read.
    Okant,
}

impl Outcome {
    /// The value of metadata `utfall`.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Bifall => "bifall",
            Outcome::DelvisBifall => "delvis_bifall",
            Outcome::Avslag => "avslag",
            Outcome::Andring => "andring",
            Outcome::Upphorande => "upphorande",
            Outcome::Okant => "okant",
        }
    }
}

/// Every value of `utfall`.
pub const NAMES: [&str; 6] = [
    "bifall",
    "delvis_bifall",
    "avslag",
    "andring",
    "upphorande",
    "okant",
];

/// What one sentence does, as far as the decision goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Acts {
    grant: bool,
    refuse: bool,
    part: bool,
    reduce: bool,
    end: bool,
    /// Changes an earlier decision, which way said elsewhere: "Vi ändrar
    /// beslutet."
    change: bool,
    /// Ends an insats because of a move, which a grant of the new one makes
    /// part of a grant.
    end_on_move: bool,
    /// Limits in time ("tidsbegränsas"): a change to the person's
    /// disadvantage when it limits what the person has, part of the grant
    /// when it limits what is granted now.
    limit: bool,
    /// Says the support goes on ("fortsatt", "alltjämt"): a limit then
    /// limits what the person has.
    continues: bool,
}

impl Acts {
    fn any(self) -> bool {
        self.grant
            || self.refuse
            || self.part
            || self.reduce
            || self.end
            || self.end_on_move
            || self.limit
    }

    fn add(&mut self, other: Acts) {
        self.grant |= other.grant;
        self.refuse |= other.refuse;
        self.part |= other.part;
        self.reduce |= other.reduce;
        self.end |= other.end;
        self.end_on_move |= other.end_on_move;
        self.limit |= other.limit;
        self.continues |= other.continues;
    }

    fn outcome(mut self) -> Outcome {
        // "Beslutet tidsbegränsas till ett år" beside a new grant limits the
        // grant; on its own, or with support that goes on, it limits what
        // the person has.
        // An earlier decision changed to end at a date ("Beslutet ändras på
        // så sätt att insatsen tidsbegränsas") is a change too.
        self.reduce |= self.limit
            && (!(self.grant || self.refuse || self.part) || self.continues || self.change);
        // "beviljas fortsatt …; morgonbesöken upphör": part of what goes on
        // ends.
        self.reduce |= self.end && self.grant && self.continues;
        // Part ended and the rest reduced ("minskas från sju till fem dagar;
        // leverans på helger upphör") is a reduction.
        if (self.end && !self.reduce) || (self.end_on_move && !self.grant && !self.reduce) {
            Outcome::Upphorande
        } else if self.reduce {
            Outcome::Andring
        } else if self.part || (self.grant && self.refuse) {
            Outcome::DelvisBifall
        } else if self.refuse {
            Outcome::Avslag
        } else if self.grant {
            Outcome::Bifall
        } else {
            Outcome::Okant
        }
    }
}

/// How strongly a sentence decides: a present-tense decision verb, the same
/// verb in the past (a decision quoted later), or only "du får".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Weak,
    Past,
    Present,
}

/// Words that negate a decision verb next to them.
const NEGATIONS: &[&str] = &["inte", "ej", "icke", "aldrig", "ingen", "inget", "inga"];

/// Granting verbs, present (and infinitive, as in "beslutar att bevilja").
const GRANT: &[&str] = &[
    "beviljas",
    "beviljar",
    "bevilja",
    "bifalls",
    "bifalles",
    "bifaller",
    "bifalla",
    "tillstyrks",
    "medges",
    "medgives",
    "utökas",
];
const GRANT_PAST: &[&str] = &[
    "beviljades",
    "beviljade",
    "beviljat",
    "beviljats",
    "bifölls",
    "biföll",
];
/// Refusing verbs.
const REFUSE: &[&str] = &["avslås", "avslår", "avslå", "avstyrks"];
const REFUSE_PAST: &[&str] = &[
    "avslogs",
    "avslog",
    "avslagits",
    "avslagit",
    "avslagen",
    "avslaget",
    "avslagna",
];
/// Ending an insats.
const END: &[&str] = &[
    "upphör",
    "upphöra",
    "upphävs",
    "avslutas",
    "avsluta",
    "avslutar",
    "återkallas",
    "återkalla",
    "indras",
];
const END_PAST: &[&str] = &["upphörde", "avslutades", "återkallades", "indrogs", "drogs"];
/// Reducing it, or limiting it in time.
const REDUCE: &[&str] = &[
    "minskas",
    "minska",
    "minskar",
    "sänks",
    "sänka",
    "sänker",
    "reduceras",
    "reducera",
    "tidsbegränsas",
    "tidsbegränsa",
    "tidsbegränsar",
    "begränsas",
];
const REDUCE_PAST: &[&str] = &[
    "minskades",
    "sänktes",
    "reducerades",
    "tidsbegränsades",
    "begränsades",
];

/// Adverbs that may stand between a verb and its negation: "beviljas
/// därför inte", "kan heller inte".
/// Adverbs and, in inverted order, subjects: "beviljar vi därför inte".
const BETWEEN: &[&str] = &[
    "därför",
    "heller",
    "tyvärr",
    "dock",
    "däremot",
    "emellertid",
    "alltså",
    "längre",
    "vi",
    "du",
    "ni",
    "hon",
    "han",
    "hen",
    "nämnden",
];

/// Modal verbs that make a decision verb general, not a decision: "Personlig
/// assistans kan beviljas den som …".
const MODALS: &[&str] = &["kan", "kunna", "kunde", "skulle", "bör"];

/// Words that may stand between a listed "att" and its verb: "att i övrigt
/// avslå", "att därmed bevilja".
const ADVERBIALS: &[&str] = &[
    "i",
    "övrigt",
    "därmed",
    "därutöver",
    "även",
    "också",
    "dock",
    "vidare",
    "slutligen",
];

/// Infinitives, which decide only when governed by a decision ("beslutar att
/// bevilja", "BESLUT: att avslå", "ska upphöra", "kan inte bevilja"): "hjälp
/// att avsluta måltiden" and "förutsättningar för att bevilja" decide nothing.
const INFINITIVES: &[&str] = &[
    "bevilja",
    "bifalla",
    "avslå",
    "avsluta",
    "upphöra",
    "återkalla",
    "minska",
    "sänka",
    "reducera",
    "tidsbegränsa",
];

/// Who or what "slutar" that is not the help: "du slutar skolan", "skolan
/// slutar klockan tre".
const NOT_ENDING_HELP: &[&str] = &[
    "du",
    "han",
    "hon",
    "hen",
    "ni",
    "jag",
    "skolan",
    "skoldagen",
    "dagen",
    "terminen",
    "arbetet",
    "jobbet",
];

/// Words after "du får" that make it something other than a grant: "du får
/// gärna ringa", "du får veta", "du får betala".
const NOT_GRANTED_AFTER_FAR: &[&str] = &[
    "gärna",
    "ringa",
    "kontakta",
    "höra",
    "ta",
    "veta",
    "besked",
    "svar",
    "information",
    "tillbaka",
    "själv",
    "betala",
    "skicka",
    "lämna",
    "överklaga",
    "söka",
    "ansöka",
    "vända",
    "del",
    "läsa",
    "redan",
];

/// What `words` (one sentence, lower case) with its `amounts` decide, and
/// how strongly; `applied` and `earlier` are the amounts applied for and had until now,
/// when the decision says them.
fn acts(
    words: &[String],
    amounts: &Amounts,
    applied: Option<Amount>,
    earlier: Option<Amount>,
) -> Option<(Tier, Acts)> {
    let is = |i: usize, set: &[&str]| words.get(i).is_some_and(|w| set.contains(&w.as_str()));
    // "Vi säger ja/nej till …" decides; "ett nattbesök, som han har sagt ja
    // till" and "du har sagt nej till hemtjänst" are the person's answer.
    let answered = |i: usize| {
        let said = i >= 1 && is(i - 1, &["säger", "sa", "sagt"]);
        let before = &words[i.saturating_sub(5)..i.saturating_sub(1)];
        let has = |set: &[&str]| before.iter().any(|w| set.contains(&w.as_str()));
        // "Försäkringskassan sa nej i januari": someone else's answer, told;
        // in the past only the authority's own ("vi sa nej") counts.
        let present = i >= 1 && is(i - 1, &["säger"]);
        said && (has(&["vi", "jag"])
            || before.iter().any(|w| w.ends_with("nämnden"))
            || (present && !has(&["du", "han", "hon", "hen", "ni", "de", "som"])))
    };
    // "Ingen del av ansökan avslås", "Inga insatser beviljas": the subject
    // negates.
    let none_of = is(0, &["ingen", "inget", "inga"]);
    let negated = |i: usize| {
        // "beviljas inte", "beviljas därför inte", "inte beviljas", "kan inte
        // bevilja", "får inte".
        (none_of
            && i <= 6
            && !words[1..i]
                .iter()
                .any(|w| w == "att" || w == "som" || MODALS.contains(&w.as_str())))
            || is(i + 1, NEGATIONS)
            || (is(i + 1, BETWEEN) && is(i + 2, NEGATIONS))
            || (is(i + 1, BETWEEN) && is(i + 2, BETWEEN) && is(i + 3, NEGATIONS))
            || (i >= 1 && is(i - 1, NEGATIONS))
            || (i >= 2 && is(i - 2, NEGATIONS) && is(i - 1, BETWEEN))
            // "Ledsagarservice kommer inte att beviljas."
            || (i >= 3 && is(i - 1, &["att"]) && is(i - 2, NEGATIONS) && is(i - 3, &["kommer"]))
    };
    // "Om behovet minskar kan du ansöka igen": a condition decides nothing;
    // "Anna Ek yrkar att ansökan bifalls": a motion decides nothing.
    if is(0, &["om", "ifall"])
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "yrkar" | "yrkade" | "yrkat"))
    {
        return None;
    }
    // "beslutar att bevilja", "BESLUT: att avslå" (a sentence of its own),
    // "ska upphöra", "kommer att upphöra", "kan inte bevilja".
    let governed = |i: usize| {
        let deciding = |w: &String| {
            w.starts_with("beslut") || w.starts_with("bestäm") || w.starts_with("föreslå")
        };
        (i == 1 && is(0, &["att"]))
            || (i >= 1
                && is(i - 1, &["att"])
                && words[i.saturating_sub(5)..i - 1].iter().any(deciding))
            || (i >= 2
                && is(i - 2, &["att"])
                && words[i.saturating_sub(6)..i - 2].iter().any(deciding))
            // "beslutar att bevilja …, att avslå …": a list of decisions, also
            // "att i övrigt avslå ansökan".
            || {
                let mut j = i;
                while j > 0 && i - j < 3 && is(j - 1, ADVERBIALS) {
                    j -= 1;
                }
                j >= 1
                    && is(j - 1, &["att"])
                    && (j == 1
                        || words[..j - 1]
                            .windows(2)
                            .any(|p| deciding(&p[0]) && p[1] == "att"))
            }
            || (i >= 1 && is(i - 1, &["ska", "skall"]))
            || (i >= 2 && is(i - 1, &["att"]) && is(i - 2, &["kommer"]))
            || negated(i)
    };
    // "har övervägt om korttidsvistelse ska beviljas": a question weighed.
    let weighed = words.windows(2).any(|p| {
        p[1] == "om"
            && matches!(
                p[0].as_str(),
                "övervägt" | "överväga" | "överväger" | "prövat" | "undersökt" | "utrett"
            )
    });
    let opens_condition = |j: usize| {
        is(j, &["ifall"]) || (is(j, &["om"]) && is(j + 1, &["du", "ni", "hon", "han", "hen"]))
    };
    let condition = (0..words.len()).any(opens_condition);
    let about_earlier = words.windows(2).any(|p| {
        p[0] == "i"
            && matches!(
                p[1].as_str(),
                "våras" | "höstas" | "vintras" | "somras" | "fjol"
            )
    }) || words
        .iter()
        .any(|w| matches!(w.as_str(), "förra" | "tidigare"));
    // "… har du rätt till hjälp om du inte kan få den på annat sätt": a verb
    // a few words into a condition decides nothing.
    let conditional = |i: usize| (i.saturating_sub(5)..i).any(opens_condition);
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
            && !words[i.saturating_sub(4)..i].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "när" | "tills" | "innan" | "då" | "om" | "efter" | "förrän" | "att"
                )
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
        } else if matches!(w, "står" | "kvarstår")
            && (w == "kvarstår" || is(i + 1, &["fast"]))
            && words.iter().any(|w| w.starts_with("beslut"))
        {
            // "Beslutet står fast", "beslutet kvarstår": upheld.
            ('r', Tier::Present)
        } else if w == "gäller"
            && ((words[i + 1..]
                .iter()
                .take(3)
                .any(|n| matches!(n.as_str(), "endast" | "bara" | "numera"))
                && words[i + 1..].iter().any(|n| n == "till"))
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
                // "beslutat att du inte får dagverksamhet".
                || (i >= 2
                    && is(i - 1, NEGATIONS)
                    && is(i - 2, &["du", "ni", "hon", "han", "hen"])
                    && governed(i))
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
            // "… upphör när LSS-insatsen har börjat": replaced by what is
            // granted.
            'e' if words
                .iter()
                .any(|w| w.contains("flytt") || w.starts_with("följd"))
                || words.windows(2).any(|p| {
                    p[0] == "när"
                        && words.iter().any(|w| {
                            matches!(w.as_str(), "börjar" | "börjat" | "startar" | "startat")
                        })
                }) =>
            {
                acts.end_on_move = true;
            }
            'e' => acts.end = true,
            // "Din hemtjänst minskas inte."
            'd' if negated(i) || negated_near(words, i) => {}
            'd' if w.starts_with("tidsbegräns") => acts.limit = true,
            'd' | 'D' => acts.reduce = true,
            'p' => acts.part = true,
            // "Vi ändrar inte beslutet": the request to change it is refused
            // ("din avgift ändras inte" is no decision).
            'n' => acts.refuse = true,
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
            // "Skriv varför du tycker att beslutet ska ändras": how to
            // appeal, not what is decided.
            'c' if words.iter().any(|w| w.starts_with("överklag")) => {}
            'c' => acts.change = true,
            _ => {}
        }
    }
    // "Ditt stöd blir sex dygn i stället för tio": a reduction told in
    // amounts decides, if weakly, without a decision verb.
    // "Fortsätter, men i mindre omfattning."
    // "i mindre omfattning än du ansökt om" grants part.
    let mut than_applied = false;
    let smaller = words.windows(2).enumerate().any(|(k, p)| {
        let less = (matches!(p[0].as_str(), "mindre" | "minskad" | "lägre" | "begränsad")
            && p[1] == "omfattning")
            // "men med tre timmar mindre i veckan".
            || (matches!(
                p[0].as_str(),
                "timmar" | "timme" | "dagar" | "dag" | "dygn" | "besök" | "gånger" | "gång"
            ) && p[1] == "mindre");
        if less && is(k + 2, &["än"]) {
            than_applied = true;
        }
        less && !is(k + 2, &["än"])
    });
    let tier = match tier {
        Some(tier) => tier,
        None if amounts.reduction || smaller => Tier::Weak,
        None => return None,
    };
    acts.reduce |= smaller;
    acts.part |= than_applied;
    acts.continues = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "fortsatt" | "fortsätter" | "alltjämt" | "fortfarande" | "fortsättningsvis"
        )
    });
    // "Nämnden beslutar att assistansen fortsätter men med 52 timmar i
    // stället för 68": the authority's own decision verb makes it firm.
    // Not "som vi beslutade om i februari": an earlier decision.
    let decides = words.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "beslutar" | "beslutade" | "beslöt" | "beslutat")
            && !words[k.saturating_sub(2)..k].iter().any(|w| w == "som")
    });
    let tier = if decides {
        tier.max(Tier::Present)
    } else {
        tier
    };
    // Part of what was applied for: "men inte", "dock inte", "ingår inte",
    // "delvis", or fewer hours than applied for.
    let pairs = words.windows(2);
    // "Ansökan avslås i övrigt", "vi säger nej till resten": the rest is
    // refused, so something was granted.
    let the_rest = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "övrigt" | "resten" | "därutöver" | "överstigande"
        )
    });
    acts.part |= (acts.refuse && the_rest)
        || words.iter().any(|w| w == "delvis")
        || pairs
            .clone()
            .any(|p| matches!(p[0].as_str(), "men" | "dock") && NEGATIONS.contains(&p[1].as_str()))
        || (acts.grant
            && pairs
                .clone()
                .any(|p| p[0] == "utom" || (p[0] == "med" && p[1] == "undantag")))
        // "alla dagar förutom helger" leaves something out; "förutom
        // hemtjänst beviljas du även larm" adds.
        || (acts.grant
            && words.iter().any(|w| w == "förutom")
            && !words.iter().any(|w| w == "även" || w == "också"));
    // "Nämnden har beslutat att ändra beslutet så att Ni får tillsyn en gång
    // per natt i stället för tre gånger": a change to less; "Omfattningen
    // justeras till 26 timmar" where the person had 20: a grant of more.
    if acts.change && !acts.any() {
        if let (Some(before), Some(given)) = (amounts.earlier.or(earlier), amounts.given) {
            acts.reduce |= given.less_than(&before);
            acts.grant |= before.less_than(&given);
        }
    }
    if acts.grant {
        if let (Some(applied), Some(given)) = (amounts.applied.or(applied), amounts.given) {
            acts.part |= given.less_than(&applied);
        }
        // "beviljas fortsatt 8 timmar" where the person has had 14: less
        // than before is a change to the person's disadvantage.
        if let (Some(before), Some(given)) = (amounts.earlier.or(earlier), amounts.given) {
            if given.less_than(&before) {
                acts.reduce = true;
                acts.grant = false;
            }
        }
    }
    // "Därför får du boendestöd färre timmar", "med kortare tid vid varje
    // besök".
    let fewer = pairs.clone().any(|p| {
        matches!(p[0].as_str(), "färre" | "kortare")
            && matches!(
                p[1].as_str(),
                "tid" | "timmar" | "besök" | "dagar" | "dygn" | "gånger" | "tillfällen" | "nätter"
            )
    });
    if amounts.reduction || (acts.grant && fewer) {
        acts.reduce = true;
        acts.grant = false;
    }
    (acts.any() || acts.change).then_some((tier, acts))
}

/// Whether the words after "utgår" make it a removal: the end of the
/// sentence or a date from which, not a basis ("från") or a payment ("med").
fn removed(after: &[String]) -> bool {
    match after.first().map(String::as_str) {
        None => true,
        Some("från") => after.get(1).is_some_and(|w| w == "och"),
        Some(w) => matches!(
            w,
            "helt" | "ur" | "fr.o.m" | "fr" | "fom" | "den" | "per" | "därmed"
        ),
    }
}

/// Whether a negation stands among the three words before `i`: "kan därför
/// inte få".
fn negated_near(words: &[String], i: usize) -> bool {
    words[i.saturating_sub(3)..i]
        .iter()
        .any(|w| NEGATIONS.contains(&w.as_str()))
}

/// Whether a sentence says the matter is not decided yet: "Omprövningen är
/// inte avgjord", "Ärendet bordläggs", "återremitteras".
fn postponed(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "bordläggs"
                | "bordlägga"
                | "bordlägger"
                | "bordlades"
                | "bordlagt"
                | "bordlagd"
                | "återremitteras"
                | "återremitterades"
        ) || (matches!(w.as_str(), "avgjord" | "avgjort" | "avgjorts") && negated_near(words, i))
    })
}

/// The outcome of a decision of `sentences` (each its lower-case words and
/// its text). The strongest tier decides: sentences with a present-tense
/// decision verb, else the past tense of a quoted decision, else "du får".
///
/// Fail safe: a full grant beside a granting word that stands negated in a
/// way the reader did not take ("… kommer inte att beviljas") is `okant`.
pub fn read(sentences: &[(Vec<String>, &str)]) -> Outcome {
    let outcome = read_as_given(sentences);
    if outcome == Outcome::Bifall && sentences.iter().any(|(words, _)| negated_grant(words)) {
        Outcome::Okant
    } else {
        outcome
    }
}

/// Whether a sentence has a granting word with a negation at most four
/// words before or three after it, outside a condition ("om du inte …"): a
/// refusal, or a part refused, whatever else the reader made of it.
fn negated_grant(words: &[String]) -> bool {
    const GRANTING: &[&str] = &[
        "beviljas",
        "beviljat",
        "beviljad",
        "beviljade",
        "bevilja",
        "beviljar",
        "bifalls",
        "bifalles",
        "bifaller",
        "medges",
    ];
    if words.first().is_some_and(|w| w == "om")
        || words.windows(2).any(|p| p[0] == "om" && p[1] == "du")
    {
        return false;
    }
    words.iter().enumerate().any(|(i, w)| {
        GRANTING.contains(&w.as_str())
            && words[i.saturating_sub(4)..(i + 4).min(words.len())]
                .iter()
                .any(|n| matches!(n.as_str(), "inte" | "ej" | "icke"))
    })
}

/// [`read`] without the fail-safe check.
fn read_as_given(sentences: &[(Vec<String>, &str)]) -> Outcome {
    let read: Vec<_> = sentences
        .iter()
        .map(|(_, text)| amount::read(text))
        .collect();
    let applied = read.iter().find_map(|a| a.applied);
    let earlier = read.iter().find_map(|a| a.earlier);
    let first = decide(sentences, &read, applied, earlier);
    if earlier.is_some() {
        return first.outcome;
    }
    // "Du har korttidsvistelse tio dygn i månaden." A sentence that decides
    // nothing and tells what the person has or had gives the amount before.
    let had = sentences.iter().zip(&read).zip(&first.deciding).find_map(
        |(((words, _), amounts), deciding)| {
            // "Beslutet ersätter tidigare beslut om hemtjänst med 60 timmar
            // per månad."
            let replaces = words
                .iter()
                .any(|w| matches!(w.as_str(), "ersätter" | "ersatte"))
                && words
                    .iter()
                    .any(|w| w == "tidigare" || w.starts_with("beslutet"));
            let tells = (replaces
                || words
                    .iter()
                    .any(|w| matches!(w.as_str(), "har" | "hade" | "haft" | "fick" | "omfattar" | "omfattade")))
                // "Du har behov av hjälp, 18 tim/mån": a need, not what
                // the person had.
                && !words
                    .iter()
                    .any(|w| w.starts_with("ansök") || w.starts_with("behov") || w.starts_with("behöv"));
            // "Du har fallit två gånger": events, not an amount of help.
            (!deciding && tells && amounts.applied.is_none())
                .then_some(amounts.given)
                .flatten()
                .filter(|a| !a.is_events())
        },
    );
    match had {
        Some(had) => decide(sentences, &read, applied, Some(had)).outcome,
        None => first.outcome,
    }
}

/// Whether the words after "blir" say that nothing is given: "(det) ingen
/// utökning", "inte någon korttidsvistelse"; not "ingen avgift".
fn refused_as_none(after: &[String]) -> bool {
    let mut rest = after.iter().map(String::as_str).skip_while(|w| *w == "det");
    let none = match rest.next() {
        Some("ingen" | "inget" | "inga") => true,
        Some("inte") => rest
            .next()
            .is_some_and(|w| matches!(w, "någon" | "något" | "några")),
        _ => false,
    };
    none && rest.next().is_some_and(|thing| {
        !(thing.starts_with("avgift")
            || thing.starts_with("kostnad")
            || thing.contains("skillnad")
            || thing.contains("ändring")
            || thing.starts_with("väntetid"))
    })
}

/// What the sentences of a decision decide, and which of them decide.
struct Decided {
    outcome: Outcome,
    deciding: Vec<bool>,
}

fn decide(
    sentences: &[(Vec<String>, &str)],
    read: &[Amounts],
    applied: Option<Amount>,
    earlier: Option<Amount>,
) -> Decided {
    let mut best: Option<(Tier, Acts)> = None;
    let mut deciding = Vec::with_capacity(sentences.len());
    // "Vi ändrar beslutet. Du får trygghetslarm …": the sentence after a
    // change says what it changes to, with the change's strength.
    let mut changed = false;
    // The tier of the last sentence that decided: "att bevilja hemtjänst, /
    // att … / dock inte dubbelbemanning" continues it.
    let mut previous: Option<Tier> = None;
    let mut weak_grant = false;
    // "Hemtjänsten upphör dagen för inflyttning. Matdistribution upphör samma
    // dag.": ends listed after an end on moving are ends on moving.
    let mut moving = false;
    let mut undecided = false;
    // "Utskottet beslutar att bordlägga ärendet": nothing else is decided.
    let mut decided_to_wait = false;
    // What weaker sentences grant only in part or reduce.
    let mut weak_limits = Acts::default();
    for ((words, _), amounts) in sentences.iter().zip(read) {
        if postponed(words) {
            undecided = true;
            decided_to_wait |= words.iter().any(|w| w.starts_with("beslut"));
        }
        let found = acts(words, amounts, applied, earlier).or_else(|| {
            let continues = matches!(words.first().map(String::as_str), Some("dock" | "men"))
                && words
                    .get(1)
                    .is_some_and(|w| NEGATIONS.contains(&w.as_str()))
                || matches!(words.first().map(String::as_str), Some("utom" | "förutom"))
                || (words.first().is_some_and(|w| w == "med")
                    && words.get(1).is_some_and(|w| w == "undantag"));
            let part = Acts {
                part: true,
                ..Acts::default()
            };
            previous.filter(|_| continues).map(|tier| (tier, part))
        });
        deciding.push(found.is_some_and(|(_, acts)| acts.any()));
        let Some((mut tier, mut acts)) = found else {
            changed = false;
            continue;
        };
        if std::mem::replace(&mut changed, acts.change && !acts.any()) {
            tier = tier.max(Tier::Present);
        }
        if !acts.any() {
            continue;
        }
        let only_end = acts.end && !(acts.grant || acts.refuse || acts.part || acts.reduce);
        if moving && only_end {
            acts.end = false;
            acts.end_on_move = true;
        }
        moving = acts.end_on_move && !acts.end;
        previous = Some(tier);
        weak_grant |= tier == Tier::Weak && acts.grant;
        if tier == Tier::Weak {
            // "Ledsagare på resan får du däremot inte."
            let contrast = words
                .iter()
                .any(|w| matches!(w.as_str(), "däremot" | "dock" | "heller" | "men"));
            weak_limits.part |= acts.part || (acts.refuse && contrast);
            weak_limits.reduce |= acts.reduce;
        }
        match &mut best {
            Some((t, all)) if *t == tier => all.add(acts),
            Some((t, _)) if *t > tier => {}
            _ => best = Some((tier, acts)),
        }
    }
    // "Du får städning varannan vecka. Vi säger nej till fönsterputs." A
    // refusal beside a letter's grants refuses part.
    // "Vi säger ja till larm. Du får tillsyn två gånger, men inte fyra": a
    // grant limited in a letter's words is limited.
    if let Some((Tier::Present, acts)) = &mut best {
        acts.part |= acts.refuse && !acts.grant && weak_grant;
        // "Du får plats i särskilt boende. När du flyttar in upphör din
        // hemtjänst."
        acts.grant |= acts.end_on_move && weak_grant && !acts.end;
        // A reduction told in a letter's words beside a grant of part of an
        // application explains the part ("28 timmar i stället för 40").
        if acts.grant && !(acts.part || acts.refuse) {
            acts.add(weak_limits);
        } else if acts.grant {
            acts.part |= weak_limits.part;
        }
    }
    // "Omprövningen är inte avgjord. Till dess gäller beslutet från den 10
    // mars": what was decided before is not this decision.
    if decided_to_wait || (undecided && !matches!(best, Some((Tier::Present, _)))) {
        best = None;
    }
    Decided {
        outcome: best.map_or(Outcome::Okant, |(_, acts)| acts.outcome()),
        deciding,
    }
}

#[cfg(test)]
mod tests {
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
            // Reductions and time limits.
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
            // Adjusted to less than the person had.
            (
                "Du har hemtjänst. Den omfattar 52 timmar per månad. Omfattningen justeras till 36 timmar per månad.",
                "andring",
            ),
            (
                "Du har hemtjänst. Den omfattar 20 timmar per månad. Omfattningen justeras till 26 timmar per månad.",
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
        ];
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
        assert!(cases.len() >= 40);
    }
}
