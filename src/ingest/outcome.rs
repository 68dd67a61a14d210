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
}

impl Acts {
    fn any(self) -> bool {
        self.grant || self.refuse || self.part || self.reduce || self.end
    }

    fn add(&mut self, other: Acts) {
        self.grant |= other.grant;
        self.refuse |= other.refuse;
        self.part |= other.part;
        self.reduce |= other.reduce;
        self.end |= other.end;
    }

    fn outcome(self) -> Outcome {
        if self.end {
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
    "bifaller",
    "bifalla",
    "tillstyrks",
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
    "därför", "heller", "tyvärr", "dock", "alltså", "längre", "vi", "du", "ni", "hon", "han",
    "hen", "nämnden",
];

/// Modal verbs that make a decision verb general, not a decision: "Personlig
/// assistans kan beviljas den som …".
const MODALS: &[&str] = &["kan", "kunna", "kunde", "skulle", "bör"];

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
    let negated = |i: usize| {
        // "beviljas inte", "beviljas därför inte", "inte beviljas", "kan inte
        // bevilja", "får inte".
        is(i + 1, NEGATIONS)
            || (is(i + 1, BETWEEN) && is(i + 2, NEGATIONS))
            || (is(i + 1, BETWEEN) && is(i + 2, BETWEEN) && is(i + 3, NEGATIONS))
            || (i >= 1 && is(i - 1, NEGATIONS))
            || (i >= 2 && is(i - 2, NEGATIONS) && is(i - 1, BETWEEN))
    };
    // "Om behovet minskar kan du ansöka igen": a condition decides nothing.
    if is(0, &["om", "ifall"]) {
        return None;
    }
    let mut acts = Acts::default();
    let mut tier: Option<Tier> = None;
    let raise = |t: Tier, tier: &mut Option<Tier>| *tier = Some(tier.map_or(t, |old| old.max(t)));
    for (i, word) in words.iter().enumerate() {
        let w = word.as_str();
        let general = i >= 1 && is(i - 1, MODALS) && !negated(i);
        let away = |i: usize| is(i + 1, &["bort"]) || (is(i + 1, BETWEEN) && is(i + 2, &["bort"]));
        let (kind, t) = if (GRANT.contains(&w) || REFUSE.contains(&w)) && general {
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
        } else if w == "dras" && is(i + 1, &["in", "tillbaka"]) {
            ('e', Tier::Present)
        } else if REDUCE.contains(&w) && w != "dras" {
            ('d', Tier::Present)
        } else if REDUCE_PAST.contains(&w) {
            ('d', Tier::Past)
        } else if (w == "nej" && i >= 1 && is(i - 1, &["säger", "sa", "sagt"]))
            || (w == "utan" && is(i + 1, &["bifall"]))
        {
            // "Vi säger nej till …", "lämnas utan bifall".
            ('r', Tier::Present)
        } else if matches!(w, "tas" | "tar") && away(i) {
            // "Hjälpen med matlagning tas bort."
            ('d', Tier::Present)
        } else if w == "togs" && away(i) {
            ('d', Tier::Past)
        } else if w == "får"
            && ((i >= 1 && is(i - 1, &["du", "ni", "hon", "han", "hen"]))
                || i == 1
                || is(i + 1, &["du", "ni"]))
        {
            // "Du får …", and inverted "Från 1 mars får du …".
            ('g', Tier::Weak)
        } else if w == "ingår" && negated(i) {
            // "Inköp ingår inte i beslutet."
            ('p', Tier::Present)
        } else if w.starts_with("ändra") {
            // "Beslutet ändras så att …": what it changes to says which way;
            // "Vi ändrar inte beslutet" refuses the request to change it.
            ('c', Tier::Present)
        } else {
            continue;
        };
        raise(t, &mut tier);
        match kind {
            'g' if negated(i) => acts.refuse = true,
            'g' => acts.grant = true,
            // "avslås inte": not read as anything.
            'r' if negated(i) => {}
            'r' => acts.refuse = true,
            'e' => acts.end = true,
            'd' => acts.reduce = true,
            'p' => acts.part = true,
            'c' if negated(i) => acts.refuse = true,
            'c' => acts.change = true,
            _ => {}
        }
    }
    let tier = tier?;
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
    if amounts.reduction {
        acts.reduce = true;
        acts.grant = false;
    }
    (acts.any() || acts.change).then_some((tier, acts))
}

/// The outcome of a decision of `sentences` (each its lower-case words and
/// its text). The strongest tier decides: sentences with a present-tense
/// decision verb, else the past tense of a quoted decision, else "du får".
pub fn read(sentences: &[(Vec<String>, &str)]) -> Outcome {
    let read: Vec<_> = sentences
        .iter()
        .map(|(_, text)| amount::read(text))
        .collect();
    let applied = read.iter().find_map(|a| a.applied);
    let earlier = read.iter().find_map(|a| a.earlier);
    let mut best: Option<(Tier, Acts)> = None;
    // "Vi ändrar beslutet. Du får trygghetslarm …": the sentence after a
    // change says what it changes to, with the change's strength.
    let mut changed = false;
    for ((words, _), amounts) in sentences.iter().zip(&read) {
        let Some((mut tier, acts)) = acts(words, amounts, applied, earlier) else {
            changed = false;
            continue;
        };
        if std::mem::replace(&mut changed, acts.change && !acts.any()) {
            tier = tier.max(Tier::Present);
        }
        if !acts.any() {
            continue;
        }
        match &mut best {
            Some((t, all)) if *t == tier => all.add(acts),
            Some((t, _)) if *t > tier => {}
            _ => best = Some((tier, acts)),
        }
    }
    best.map_or(Outcome::Okant, |(_, acts)| acts.outcome())
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
            // Endings.
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
