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

use std::sync::LazyLock;

use crate::criteria::word_regex::CapturingRegex;

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
const REFUSE_PAST: &[&str] = &["avslogs", "avslog", "avslagits", "avslagit"];
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

/// "från 40 till 30 timmar": a reduction written as numbers (with a unit, so
/// that "från 15 mars till 1 april" is not one).
static FROM_TO: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?i)\bfrån\s+(\d+(?:[,.]\d+)?)\s+(?:\w+\s+)?till\s+(\d+(?:[,.]\d+)?)\s+(?:timmar|timme|tim|h|dygn|dagar|gånger|besök|tillfällen)\b",
    )
});

/// The amount the person has had until now: "har i dag 14 timmar",
/// "tidigare beviljade 14 timmar", "i stället för 14 timmar".
static EARLIER: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?i)\b(?:tidigare|hittills|nuvarande|i\s+dag|idag|har\s+haft|haft|i\s+stället\s+för|mot\s+tidigare)\b[^.!?\d]{0,40}?(\d+(?:[,.]\d+)?)\s+(?:timmar|tim|h)\b",
    )
});

/// Amounts applied for and granted in hours: "ansökt om 40 timmar".
static APPLIED: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(r"(?i)\bans[öo]k\w*\s+om\s+(\d+(?:[,.]\d+)?)\s+(?:timmar|tim|h)\b")
});
static HOURS: LazyLock<CapturingRegex> =
    LazyLock::new(|| CapturingRegex::new(r"(?i)\b(\d+(?:[,.]\d+)?)\s+(?:timmar|tim|h)\b"));

fn number(text: &str) -> Option<f64> {
    text.replace(',', ".").parse().ok()
}

/// Adverbs that may stand between a verb and its negation: "beviljas
/// därför inte", "kan heller inte".
const BETWEEN: &[&str] = &["därför", "heller", "tyvärr", "dock", "alltså", "längre"];

/// What `words` (one sentence, lower case) decide, and how strongly; `applied`
/// is the number of hours applied for, when the decision says it.
fn acts(
    words: &[String],
    text: &str,
    applied: Option<f64>,
    earlier: Option<f64>,
) -> Option<(Tier, Acts)> {
    let is = |i: usize, set: &[&str]| words.get(i).is_some_and(|w| set.contains(&w.as_str()));
    let negated = |i: usize| {
        // "beviljas inte", "beviljas därför inte", "inte beviljas", "kan inte
        // bevilja", "får inte".
        is(i + 1, NEGATIONS)
            || (is(i + 1, BETWEEN) && is(i + 2, NEGATIONS))
            || (i >= 1 && is(i - 1, NEGATIONS))
            || (i >= 2 && is(i - 2, NEGATIONS) && is(i - 1, BETWEEN))
    };
    let mut acts = Acts::default();
    let mut tier: Option<Tier> = None;
    let raise = |t: Tier, tier: &mut Option<Tier>| *tier = Some(tier.map_or(t, |old| old.max(t)));
    for (i, word) in words.iter().enumerate() {
        let w = word.as_str();
        let (kind, t) = if GRANT.contains(&w) {
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
        } else if w == "får" && i >= 1 && (is(i - 1, &["du", "ni", "hon", "han", "hen"]) || i == 1)
        {
            ('g', Tier::Weak)
        } else if w == "ingår" && negated(i) {
            // "Inköp ingår inte i beslutet."
            ('p', Tier::Present)
        } else if w.starts_with("ändra") {
            // "Beslutet ändras så att …": what it changes to says which way.
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
                .any(|p| p[0] == "utom" || (p[0] == "med" && p[1] == "undantag")));
    if acts.grant {
        let granted = granted_hours(text);
        if let (Some(applied), Some(granted)) = (applied, granted) {
            acts.part |= granted < applied;
        }
        // "beviljas fortsatt 8 timmar" where the person has had 14: less
        // than before is a change to the person's disadvantage.
        if let (Some(before), Some(granted)) = (earlier, granted) {
            if granted < before {
                acts.reduce = true;
                acts.grant = false;
            }
        }
    }
    if FROM_TO.captures_iter(text).any(|(_, c)| {
        let (Some(from), Some(to)) = (c.get(1), c.get(2)) else {
            return false;
        };
        matches!((number(from.as_str()), number(to.as_str())), (Some(a), Some(b)) if b < a)
    }) {
        acts.reduce = true;
        acts.grant = false;
    }
    acts.any().then_some((tier, acts))
}

fn applied_hours(text: &str) -> Option<f64> {
    APPLIED
        .captures_iter(text)
        .find_map(|(_, c)| c.get(1).and_then(|m| number(m.as_str())))
}

/// The first number of hours in `text` that is not the amount applied for.
fn granted_hours(text: &str) -> Option<f64> {
    let whole = |(at, c): (usize, regex::Captures)| {
        let m = c.get(0).map_or(0..0, |m| m.range());
        (
            at + m.start..at + m.end,
            c.get(1).and_then(|n| number(n.as_str())),
        )
    };
    let applied: Vec<_> = APPLIED
        .captures_iter(text)
        .map(whole)
        .map(|(r, _)| r)
        .collect();
    HOURS
        .captures_iter(text)
        .map(whole)
        .filter(|(r, _)| !applied.iter().any(|a| a.start <= r.start && r.end <= a.end))
        .find_map(|(_, n)| n)
}

/// The outcome of a decision of `sentences` (each its lower-case words and
/// its text). The strongest tier decides: sentences with a present-tense
/// decision verb, else the past tense of a quoted decision, else "du får".
pub fn read(sentences: &[(Vec<String>, &str)]) -> Outcome {
    let applied = sentences.iter().find_map(|(_, text)| applied_hours(text));
    let earlier = sentences.iter().find_map(|(_, text)| {
        EARLIER
            .captures_iter(text)
            .find_map(|(_, c)| c.get(1).and_then(|m| number(m.as_str())))
    });
    let mut best: Option<(Tier, Acts)> = None;
    for (words, text) in sentences {
        let Some((tier, acts)) = acts(words, text, applied, earlier) else {
            continue;
        };
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
            // Reductions and time limits.
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
