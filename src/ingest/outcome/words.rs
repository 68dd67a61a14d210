//! The words a decision is read by: decision verbs by tense, negations, and
//! the words around them that make a verb something other than a decision.

/// Words that negate a decision verb next to them.
pub(super) const NEGATIONS: &[&str] = &["inte", "ej", "icke", "aldrig", "ingen", "inget", "inga"];

/// Granting verbs, present (and infinitive, as in "beslutar att bevilja").
pub(super) const GRANT: &[&str] = &[
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
    "tillmötesgås",
    "tillmötesgå",
];
pub(super) const GRANT_PAST: &[&str] = &[
    "beviljades",
    "beviljade",
    "beviljat",
    "beviljats",
    "bifölls",
    "biföll",
];
/// Refusing verbs.
pub(super) const REFUSE: &[&str] = &["avslås", "avslår", "avslå", "avstyrks"];
pub(super) const REFUSE_PAST: &[&str] = &[
    "avslogs",
    "avslog",
    "avslagits",
    "avslagit",
    "avslagen",
    "avslaget",
    "avslagna",
];
/// Ending an insats.
pub(super) const END: &[&str] = &[
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
pub(super) const END_PAST: &[&str] =
    &["upphörde", "avslutades", "återkallades", "indrogs", "drogs"];
/// Reducing it, or limiting it in time.
pub(super) const REDUCE: &[&str] = &[
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
pub(super) const REDUCE_PAST: &[&str] = &[
    "minskades",
    "sänktes",
    "reducerades",
    "tidsbegränsades",
    "begränsades",
];

/// Adverbs that may stand between a verb and its negation: "beviljas
/// därför inte", "kan heller inte".
/// Adverbs and, in inverted order, subjects: "beviljar vi därför inte".
pub(super) const BETWEEN: &[&str] = &[
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
pub(super) const MODALS: &[&str] = &["kan", "kunna", "kunde", "skulle", "bör"];

/// Words that may stand between a listed "att" and its verb: "att i övrigt
/// avslå", "att därmed bevilja".
pub(super) const ADVERBIALS: &[&str] = &[
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
pub(super) const INFINITIVES: &[&str] = &[
    "bevilja",
    "tillmötesgå",
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
pub(super) const NOT_ENDING_HELP: &[&str] = &[
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
pub(super) const NOT_GRANTED_AFTER_FAR: &[&str] = &[
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

/// The stems of the insatser a decision may be about, to tell one insats
/// from another ("hemtjänst 30 timmar" is no earlier amount of
/// "ledsagarservice 8 timmar").
pub(super) const INSATSER: &[&str] = &[
    "hemtjänst",
    "ledsag",
    "kontaktperson",
    "kontaktfamilj",
    "stödfamilj",
    "korttid",
    "avlös",
    "daglig",
    "dagverksamhet",
    "boendestöd",
    "assistans",
    "assistent",
    "trygghetslarm",
    "larm",
    "matdistribution",
    "matlåd",
    "försörjningsstöd",
    "bostad",
    "boende",
    "behandling",
    "öppenvård",
    "växelvård",
    "dagvård",
];

/// The insatser a sentence names.
pub(super) fn insatser(words: &[String]) -> Vec<&'static str> {
    INSATSER
        .iter()
        .filter(|stem| words.iter().any(|w| w.starts_with(*stem)))
        .copied()
        .collect()
}
