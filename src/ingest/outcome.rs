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

mod acts;
mod clues;
mod sentence;
mod settle;
mod words;

use crate::language::dates::MONTHS;
use acts::acts;
use clues::{another_authority, decided_in_attachment, postponed};
use sentence::Sentence;
use words::NEGATIONS;

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
    pub const fn name(self) -> &'static str {
        match self {
            Outcome::Bifall => "bifall",
            Outcome::DelvisBifall => "delvis_bifall",
            Outcome::Avslag => "avslag",
            Outcome::Andring => "andring",
            Outcome::Upphorande => "upphorande",
            Outcome::Okant => "okant",
        }
    }

    /// Every outcome, in the order of [`NAMES`].
    pub const ALL: [Outcome; 6] = [
        Outcome::Bifall,
        Outcome::DelvisBifall,
        Outcome::Avslag,
        Outcome::Andring,
        Outcome::Upphorande,
        Outcome::Okant,
    ];

    /// The outcome as a reader sees it in a report: "delvis bifall",
    /// "ändring", "okänt utfall".
    pub fn shown(self) -> &'static str {
        match self {
            Outcome::Bifall => "bifall",
            Outcome::DelvisBifall => "delvis bifall",
            Outcome::Avslag => "avslag",
            Outcome::Andring => "ändring",
            Outcome::Upphorande => "upphörande",
            Outcome::Okant => "okänt utfall",
        }
    }

    /// The outcome a metadata word names ("delvis_bifall"), if any.
    pub fn parse(word: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == word)
    }
}

/// How a report shows the metadata word `utfall`: as [`Outcome::shown`] when
/// it is one of the outcomes, else as written.
pub fn shown(word: &str) -> &str {
    Outcome::parse(word).map_or(word, |o| o.shown())
}

/// Every value of `utfall`.
pub const NAMES: [&str; 6] = [
    Outcome::Bifall.name(),
    Outcome::DelvisBifall.name(),
    Outcome::Avslag.name(),
    Outcome::Andring.name(),
    Outcome::Upphorande.name(),
    Outcome::Okant.name(),
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

/// The outcome of a decision of `sentences` (each its lower-case words and
/// its text). The strongest tier decides: sentences with a present-tense
/// decision verb, else the past tense of a quoted decision, else "du får".
///
/// Fail safe: a full grant beside a granting word that stands negated in a
/// way the reader did not take ("… kommer inte att beviljas") is `okant`.
pub fn read(sentences: &[(Vec<String>, &str)]) -> Outcome {
    let outcome = read_as_given(sentences);
    if outcome == Outcome::Bifall
        && sentences.iter().any(|(words, _)| {
            negated_grant(words) || told_refusal(words) || decided_in_attachment(words)
        })
    {
        Outcome::Okant
    } else {
        outcome
    }
}

/// Whether a sentence tells, in the perfect, that the application was
/// refused ("Din ansökan har avslagits"), with no sign that it is an earlier
/// decision or another authority's: beside a full grant, a contradiction.
fn told_refusal(words: &[String]) -> bool {
    // The perfect ("har avslagits") sums up this decision; the simple past
    // ("avslogs") and the pluperfect tell what happened before.
    let refused = words
        .windows(2)
        .any(|p| p[0] == "har" && matches!(p[1].as_str(), "avslagits" | "avslagit"));
    let elsewhere = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "tidigare"
                | "förra"
                | "förut"
                | "då"
                | "fjol"
                | "våras"
                | "höstas"
                | "vintras"
                | "somras"
        ) || another_authority(w)
            || is_year(w)
            || MONTHS.contains(&w.as_str())
    });
    let condition = Sentence::new(words).condition || words.first().is_some_and(|w| w == "om");
    refused && !elsewhere && !condition
}

/// Whether a word is a year of this century ("2026"): a date makes a
/// refusal, or a grant told, an earlier one.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit())
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
        "tillmötesgå",
        "tillmötesgås",
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
    // What the decision is about: the insatser its deciding sentences name.
    // An amount the person had of another insats ("Sven har hemtjänst 30
    // timmar per månad" beside a grant of ledsagarservice) is no amount
    // before.
    let probe = decide(sentences, &read, applied, None);
    let decided: Vec<&str> = sentences
        .iter()
        .zip(&probe.deciding)
        .filter(|(_, deciding)| **deciding)
        .flat_map(|((words, _), _)| words::insatser(words))
        .collect();
    let same_insats = |words: &[String]| {
        let named = words::insatser(words);
        named.is_empty() || decided.is_empty() || named.iter().any(|i| decided.contains(i))
    };
    let earlier = sentences
        .iter()
        .zip(&read)
        .filter(|((words, _), _)| same_insats(words))
        .find_map(|(_, a)| a.earlier);
    // Without an amount before, the probe is the decision.
    let first = match earlier {
        Some(_) => decide(sentences, &read, applied, earlier),
        None => probe,
    };
    if earlier.is_some() {
        return first.outcome;
    }
    // "Du har korttidsvistelse tio dygn i månaden." A sentence that decides
    // nothing and tells what the person has or had gives the amount before.
    let had = sentences
        .iter()
        .zip(&read)
        .zip(first.deciding.iter().zip(&first.told))
        .find_map(|(((words, _), amounts), (deciding, told))| {
            if !same_insats(words) {
                return None;
            }
            // "Beslutet ersätter tidigare beslut om hemtjänst med 60 timmar
            // per månad."
            let replaces = words
                .iter()
                .any(|w| matches!(w.as_str(), "ersätter" | "ersatte"))
                && words
                    .iter()
                    .any(|w| w == "tidigare" || w.starts_with("beslutet"));
            // "I dag får du vara där 10 dygn varje månad": what is.
            let today = words.windows(2).any(|p| p[0] == "i" && p[1] == "dag")
                || words.iter().any(|w| w == "idag" || w == "nuvarande");
            let tells = (replaces
                || today
                || words
                    .iter()
                    .any(|w| matches!(w.as_str(), "har" | "hade" | "haft" | "fick" | "omfattade")))
                // "Du har behov av hjälp, 18 tim/mån": a need, not what
                // the person had.
                && !words
                    .iter()
                    .any(|w| w.starts_with("ansök") || w.starts_with("behov") || w.starts_with("behöv"));
            // "Du har fallit två gånger": events, not an amount of help.
            ((!deciding && tells || *told) && amounts.applied.is_none())
                .then_some(amounts.given)
                .flatten()
                .filter(|a| !a.is_events())
        });
    match had {
        Some(had) => decide(sentences, &read, applied, Some(had)).outcome,
        None => first.outcome,
    }
}

/// What the sentences of a decision decide, and which of them decide.
struct Decided {
    outcome: Outcome,
    deciding: Vec<bool>,
    /// Sentences that tell an earlier grant by its decision ("Du beviljades
    /// i beslut 2026-03-27 …") beside a decision made now: what the person
    /// had.
    told: Vec<bool>,
}

fn decide(
    sentences: &[(Vec<String>, &str)],
    read: &[Amounts],
    applied: Option<Amount>,
    earlier: Option<Amount>,
) -> Decided {
    let mut best: Option<(Tier, Acts)> = None;
    let mut deciding = Vec::with_capacity(sentences.len());
    let mut told = Vec::with_capacity(sentences.len());
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
    for (at, ((words, _), amounts)) in sentences.iter().zip(read).enumerate() {
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
        told.push(found.is_some_and(|(tier, acts)| {
            tier == Tier::Past
                && acts.grant
                && !(acts.refuse || acts.part || acts.reduce || acts.end)
                && words.iter().any(|w| w.starts_with("beslut") || is_year(w))
        }));
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
        // "Avlösningen avslutas den 8 mars. … Den tiden ingår nu i
        // hemtjänsten": an end whose help goes on in what is granted.
        let goes_on = sentences[at + 1..].iter().take(2).any(|(next, _)| {
            (next.iter().any(|w| w == "ingår") && next.iter().any(|w| w == "nu"))
                || next.iter().any(|w| w.starts_with("ersätts"))
        });
        // An end on moving makes the ends listed after it ends on moving;
        // an end that goes on in the grant is one on its own.
        moving = if only_end && (moving || goes_on) {
            acts.end = false;
            acts.end_on_move = true;
            moving
        } else {
            acts.end_on_move && !acts.end
        };
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
    let now = matches!(best, Some((Tier::Present, _)));
    told.iter_mut().for_each(|t| *t &= now);
    Decided {
        outcome: best.map_or(Outcome::Okant, |(_, acts)| acts.outcome()),
        deciding,
        told,
    }
}

#[cfg(test)]
mod tests;
