//! `egen_uppfattning`: statements attributed to the person themself.
//!
//! A sentence counts when a verb of saying, wanting, thinking or feeling
//! (berättar, säger, önskar, vill, anser, upplever …) has the person as its
//! speaker. The speaker is the subject of the verb: before it ("Karin
//! berättar", "Du har sagt", "Hon uttrycker själv"), right after it when
//! something else opens the sentence ("Vid besöket berättar Karin",
//! "”Jag vill klara mig själv”, säger Karin"), or the subject of the clause
//! before "och" ("Hon ringde och sa att …"). "Enligt Karin (själv) …",
//! "hennes egen uppfattning" and "med egna ord" also attribute to the person.
//!
//! Who the person is:
//! - a name, unless the text introduces it as someone else's ("dottern Lena",
//!   "Distriktssköterskan Anna Berg", "Lena, Karins dotter,") or as the one
//!   who applied for someone else ("Emma ansökte … för sin son Noah": Emma
//!   is someone else, Noah the person); the name the text uses most is kept
//!   as the person's, unless such an application names the person;
//! - "du", "jag"/"vi" inside quotation marks (outside them they are the
//!   writer), and nouns such as "den enskilde", "sökanden", "barnet";
//! - "hon", "han", "hen" unless a third party is the subject earlier in the
//!   same sentence, or — when the pronoun opens the sentence — of the sentence
//!   before it in the paragraph, and could be referred to by that pronoun
//!   ("Maken hjälper henne. Hon vill …": "hon" is not "maken").
//!
//! Someone else is a relative, staff, a representative or an agency
//! ("Gruppchefen menar …", "Dottern anser …", "Hemtjänstpersonalen …", also
//! as compounds). Once someone else speaks ("Dottern berättar att hon vill
//! …", "Enligt hemtjänstpersonalen vill hon …"), or the source is unclear
//! ("Det framkommer att …", "Det är oklart vad han vill"), the rest of the
//! clause chain is their report, up to "men", "medan" or a semicolon.
//!
//! A negated verb of saying does not count ("har inte framfört några
//! synpunkter"); a negated wish does ("Hon vill inte flytta" is a view),
//! unless the negation is about being unable to say or not knowing ("har
//! inte kunnat uttrycka vad hon vill", "vet inte vad han vill"). Nor does a
//! view in an indirect question or a condition ("berätta vad du vill
//! ändra", "Därest sökanden önskar …"), or a liking ("tycker om att baka").

use std::collections::HashSet;
use std::ops::Range;

use super::clauses::{NEGATIONS, Words, clause, clause_word};
use crate::criteria::{Context, Hit};

/// Verbs of saying.
const SAYING: &[&str] = &[
    "berättar",
    "berättade",
    "berättat",
    "säger",
    "sa",
    "sade",
    "sagt",
    "uppger",
    "uppgav",
    "uppgett",
    "uppgivit",
    "framför",
    "framförde",
    "framfört",
    "uttrycker",
    "uttryckte",
    "uttryckt",
    "beskriver",
    "beskrev",
    "beskrivit",
    "förklarar",
    "förklarade",
    "förklarat",
    "svarar",
    "svarade",
    "svarat",
    "framhåller",
    "framhöll",
    "framhållit",
    "betonar",
    "betonade",
    "betonat",
    "poängterar",
    "poängterade",
    "poängterat",
];

/// Verbs and predicates of wanting, thinking, judging and feeling.
const VIEWS: &[&str] = &[
    "önskar",
    "önskade",
    "önskat",
    "önskemål",
    "vill",
    "ville",
    "velat",
    "tycker",
    "tyckte",
    "tyckt",
    "upplever",
    "upplevde",
    "upplevt",
    "anser",
    "ansåg",
    "ansett",
    "menar",
    "menade",
    "menat",
    "tror",
    "trodde",
    "trott",
    "hoppas",
    "hoppades",
    "trivs",
    "trivdes",
    "längtar",
    "längtade",
    "föredrar",
    "föredrog",
    "uppfattar",
    "uppfattade",
    "ber",
    "bad",
    "efterfrågar",
    "efterfrågade",
    "instämmer",
    "instämde",
    "samtycker",
    "samtyckte",
    "avböjer",
    "avböjde",
    "avböjt",
    "accepterar",
    "accepterade",
    "accepterat",
    "godtar",
    "godtog",
    "motsätter",
    "motsatte",
    "bedömer",
    "bedömde",
    "bedömt",
    "oroar",
    "oroade",
];

/// Predicates of a view after a copula ("Karin är positiv till …").
const VIEW_ADJECTIVES: &[&str] = &[
    "nöjd",
    "nöjda",
    "missnöjd",
    "missnöjda",
    "positiv",
    "positiva",
    "negativ",
    "negativa",
    "tveksam",
    "tveksamma",
];

/// Nouns of a view with a possessor ("hennes egen uppfattning").
const VIEW_NOUNS: &[&str] = &[
    "uppfattning",
    "önskemål",
    "önskan",
    "inställning",
    "vilja",
    "åsikt",
    "åsikter",
    "synpunkter",
    "synpunkt",
    "upplevelse",
];

/// Words that make the source of what follows unclear.
const UNCLEAR: &[&str] = &[
    "framkommer",
    "framkom",
    "framgår",
    "framgick",
    "uppges",
    "uppgavs",
    "uppgetts",
    "sägs",
    "sades",
    "påstås",
    "anges",
    "angavs",
    "rapporteras",
    "rapporterades",
    "oklart",
    "okänt",
    "osäkert",
];

/// Words that may stand between a subject and its verb ("Du har sagt",
/// "Hon uttrycker själv", "Karin är inte nöjd").
const BETWEEN: &[&str] = &[
    "har",
    "hade",
    "kan",
    "kunde",
    "ska",
    "skulle",
    "brukar",
    "själv",
    "själva",
    "också",
    "även",
    "tydligt",
    "gärna",
    "helst",
    "alltid",
    "ofta",
    "numera",
    "fortfarande",
    "dock",
    "ändå",
    "nu",
    "inte",
    "aldrig",
    "heller",
    "redan",
    "verkligen",
    "bestämt",
    "klart",
    "är",
    "var",
    "blev",
    "varit",
    "blivit",
    "mycket",
];

/// Words that may stand between an inverted verb and its subject
/// ("berättar också Karin").
const AFTER_VERB: &[&str] = &[
    "själv", "också", "även", "gärna", "helst", "tydligt", "nu", "då",
];

/// Words between a negation and a verb of wanting that make the negation
/// about being unable to say or not knowing.
const INABILITY: &[&str] = &[
    "kunnat",
    "kan",
    "kunde",
    "förmått",
    "förmår",
    "orkat",
    "uttrycka",
    "uttryckt",
    "säga",
    "sagt",
    "berätta",
    "berättat",
    "framföra",
    "framfört",
    "veta",
    "vet",
    "visste",
    "vad",
    "vilken",
    "vilket",
    "vilka",
    "hur",
    "om",
    "huruvida",
    "var",
];

/// Words that open an indirect question or a condition: what follows asks
/// or supposes, it states no view.
const NOT_STATED: &[&str] = &[
    "vad", "vilken", "vilket", "vilka", "hur", "om", "huruvida", "varför", "var", "ifall",
    "därest", "såvida", "såframt",
];

/// Nouns that name the person.
const PERSON_NOUNS: &[&str] = &[
    "personen",
    "barnet",
    "flickan",
    "pojken",
    "sökanden",
    "sökande",
    "enskilde",
    "enskilda",
    "brukaren",
    "kunden",
    "klienten",
    "patienten",
    "ungdomen",
    "tonåringen",
    "unge",
];

/// Who a noun or pronoun can be referred to by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
    /// One person of either gender.
    Unknown,
    /// Several people, or an agency: not "han", "hon" or "hen".
    Plural,
}

use Gender::{Female as F, Male as M, Plural as P, Unknown as U};

/// Someone other than the person: relatives, staff, representatives and
/// agencies, in the forms used as subjects.
const OTHERS: &[(&str, Gender)] = &[
    ("dottern", F),
    ("dotter", F),
    ("makan", F),
    ("maka", F),
    ("hustrun", F),
    ("hustru", F),
    ("frun", F),
    ("fru", F),
    ("systern", F),
    ("syster", F),
    ("mamman", F),
    ("mamma", F),
    ("modern", F),
    ("mor", F),
    ("mormor", F),
    ("farmor", F),
    ("moster", F),
    ("faster", F),
    ("väninnan", F),
    ("flickvännen", F),
    ("svärmor", F),
    ("sonen", M),
    ("son", M),
    ("maken", M),
    ("make", M),
    ("mannen", M),
    ("brodern", M),
    ("bror", M),
    ("brorsan", M),
    ("pappan", M),
    ("pappa", M),
    ("fadern", M),
    ("far", M),
    ("morfar", M),
    ("farfar", M),
    ("morbror", M),
    ("farbror", M),
    ("pojkvännen", M),
    ("svärfar", M),
    ("svärsonen", M),
    ("sambon", U),
    ("sambo", U),
    ("partnern", U),
    ("grannen", U),
    ("granne", U),
    ("vännen", U),
    ("kompisen", U),
    ("anhörig", U),
    ("anhörige", U),
    ("förälder", U),
    ("föräldern", U),
    ("vårdnadshavaren", U),
    ("vårdnadshavare", U),
    ("barnbarnet", U),
    ("handläggare", U),
    ("gruppchef", U),
    ("enhetschef", U),
    ("sjuksköterska", U),
    ("arbetsterapeut", U),
    ("fysioterapeut", U),
    ("sjukgymnasten", U),
    ("läkare", U),
    ("doktorn", U),
    ("kurator", U),
    ("lärare", U),
    ("mentorn", U),
    ("rektorn", U),
    ("kontaktpersonen", U),
    ("kontaktmannen", U),
    ("kontaktman", U),
    ("förvaltaren", U),
    ("förvaltare", U),
    ("företrädaren", U),
    ("företrädare", U),
    ("ombudet", U),
    ("ombud", U),
    ("tolken", U),
    ("logopeden", U),
    ("dietisten", U),
    ("utföraren", U),
    ("närstående", P),
    ("anhöriga", P),
    ("personal", P),
    ("föräldrarna", P),
    ("föräldrar", P),
    ("barn", P),
    ("barnen", P),
    ("barnbarnen", P),
    ("döttrarna", P),
    ("sönerna", P),
    ("syskonen", P),
    ("familjen", P),
    ("släkten", P),
    ("grannarna", P),
    ("vännerna", P),
    ("vårdnadshavarna", P),
    ("assistenterna", P),
    ("kommunen", P),
    ("nämnden", P),
    ("regionen", P),
    ("polisen", P),
    ("teamet", P),
    ("sjukhuset", P),
    ("avdelningen", P),
    ("ni", P),
    ("de", P),
];

/// Words, and last parts of compounds, that name someone else
/// ("personalen", "hemtjänstpersonalen", "biståndshandläggaren").
const OTHER_ENDINGS: &[(&str, Gender)] = &[
    ("dottern", F),
    ("systern", F),
    ("mamman", F),
    ("modern", F),
    ("fadern", M),
    ("pappan", M),
    ("brodern", M),
    ("handläggaren", U),
    ("chefen", U),
    ("sköterskan", U),
    ("terapeuten", U),
    ("läkaren", U),
    ("läraren", U),
    ("assistenten", U),
    ("pedagogen", U),
    ("kuratorn", U),
    ("psykologen", U),
    ("stödjaren", U),
    ("sekreteraren", U),
    ("samordnaren", U),
    ("ledaren", U),
    ("bedömaren", U),
    ("personalen", P),
    ("personal", P),
    ("tjänsten", P),
    ("vården", P),
    ("skolan", P),
    ("boendet", P),
    ("bostaden", P),
    ("centralen", P),
    ("kassan", P),
    ("förmedlingen", P),
    ("psykiatrin", P),
    ("habiliteringen", P),
    ("verksamheten", P),
    ("enheten", P),
    ("kommunen", P),
    ("mottagningen", P),
];

/// Capitalised words that open sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "vid",
    "enligt",
    "det",
    "då",
    "när",
    "under",
    "efter",
    "i",
    "på",
    "som",
    "men",
    "och",
    "vi",
    "de",
    "den",
    "detta",
    "dessa",
    "denna",
    "därför",
    "nu",
    "idag",
    "även",
    "också",
    "om",
    "hennes",
    "hans",
    "hens",
    "sedan",
    "inför",
    "med",
    "till",
    "från",
    "av",
    "utan",
    "trots",
    "eftersom",
    "här",
    "där",
    "dessutom",
    "tidigare",
    "numera",
    "ibland",
    "ofta",
    "alla",
    "ingen",
    "inget",
    "inga",
    "hemma",
    "varje",
    "mycket",
    "allt",
    "ett",
    "en",
    "min",
    "mitt",
    "mina",
    "din",
    "ditt",
    "dina",
    "sin",
    "sitt",
    "sina",
    "vad",
    "hur",
    "varför",
    "vilken",
    "vilket",
    "ja",
    "nej",
    "samtidigt",
    "därefter",
    "senare",
    "innan",
    "mellan",
    "båda",
    "flera",
    "många",
    "några",
    "något",
    "någon",
    "man",
    "kanske",
    "utifrån",
    "mot",
    "genom",
    "inom",
    "både",
    "så",
    "vidare",
    "slutligen",
    "först",
    "dagligen",
    "nattetid",
    "dagtid",
    "vår",
    "vårt",
    "våra",
    "er",
    "ert",
    "era",
    "deras",
    "dess",
    "hela",
    "annars",
    "alltså",
    "fortfarande",
    "redan",
    "bara",
    "endast",
    "alltid",
    "aldrig",
    "gärna",
    "helst",
    "särskilt",
    "förutom",
    "angående",
    "avseende",
    "gällande",
    "hon",
    "han",
    "hen",
    "du",
    "jag",
];

/// Prepositions: a noun after one is not a subject.
const PREPOSITIONS: &[&str] = &[
    "med", "till", "av", "hos", "från", "för", "om", "åt", "mot", "på", "i", "vid", "efter",
    "utan", "under", "genom", "bland", "mellan", "inför", "kring", "runt", "bredvid", "via",
    "enligt", "än",
];

/// Words between a preposition and its noun ("med sin dotter").
const DETERMINERS: &[&str] = &[
    "sin", "sitt", "sina", "hennes", "hans", "hens", "din", "ditt", "dina", "min", "mitt", "mina",
    "den", "det", "de", "en", "ett", "hela", "båda", "egen", "egna", "gode", "god", "äldsta",
    "yngsta", "vuxna",
];

/// Who a word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Person,
    Other(Gender),
    /// The writer of the text ("jag", "vi" outside quotation marks).
    Writer,
    /// "han", "hon" or "hen".
    Pronoun(Gender),
    /// "jag" or "vi" inside quotation marks: whoever is quoted.
    Quoted,
}

/// Whose words a stretch of text reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Person,
    Other(Gender),
    Writer,
    Unclear,
}

/// The sentences that record the person's own view.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let words = Words::new(ctx);
    let names = Names::collect(&words, ctx);
    let mut hits = Vec::new();
    let mut referent = Source::Person;
    for sentence in &ctx.analysis.sentences {
        let s = sentence.words.clone();
        if s.is_empty() {
            continue;
        }
        if words.paragraph_start[s.start] {
            referent = Source::Person;
        }
        let judge = Sentence::new(&words, &names, s, referent);
        if judge.own_view() {
            hits.push(Hit::at(sentence.range.clone()));
        }
        referent = judge.referent_after();
    }
    hits
}

/// Whether a word names someone other than the person ("dottern",
/// "kontaktmannen", "hemtjänstpersonalen").
pub(super) fn names_someone_else(word: &str) -> bool {
    other_gender(word).is_some()
}

/// The gender of a word that names someone else, if it does.
fn other_gender(word: &str) -> Option<Gender> {
    if let Some(&(_, g)) = OTHERS.iter().find(|(w, _)| *w == word) {
        return Some(g);
    }
    OTHER_ENDINGS
        .iter()
        .find(|(e, _)| word.ends_with(e))
        .map(|&(_, g)| g)
}

/// How many subjects back a pronoun looks for whom it refers to.
const LOOK_BACK: usize = 8;

/// The subjects before word `i` (the list is in text order).
fn before(subjects: &[(usize, Source)], i: usize) -> &[(usize, Source)] {
    &subjects[..subjects.partition_point(|(j, _)| *j < i)]
}

/// Whether a pronoun of gender `pronoun` can refer to someone of `gender`.
fn compatible(pronoun: Gender, gender: Gender) -> bool {
    match gender {
        Gender::Plural => false,
        Gender::Unknown => true,
        g => pronoun == Gender::Unknown || pronoun == g,
    }
}

/// Names the text gives to someone else, and names it gives to the person.
struct Names<'a> {
    others: HashSet<&'a str>,
    person: HashSet<&'a str>,
}

impl<'a> Names<'a> {
    /// Reads appositions ("dottern Lena", "Lena, Karins dotter,") and
    /// applications for someone else ("Emma ansökte … för sin son Noah").
    fn collect(w: &Words<'a>, ctx: &Context) -> Names<'a> {
        let mut names = Names {
            others: HashSet::new(),
            person: HashSet::new(),
        };
        for sentence in &ctx.analysis.sentences {
            let s = sentence.words.clone();
            let applies = s
                .clone()
                .any(|i| w.lower[i].starts_with("ansök") || w.lower[i] == "söker");
            for i in s.clone() {
                if other_gender(w.lower[i]).is_some() {
                    let after = name_group(w, &s, i + 1);
                    let for_own = applies
                        && i >= s.start + 2
                        && matches!(w.lower[i - 1], "sin" | "sitt" | "sina")
                        && matches!(w.lower[i - 2], "för" | "åt");
                    if for_own {
                        names.person.extend(after.iter().map(|&j| w.lower[j]));
                        // The applicants: the first names of the sentence.
                        if let Some(first) = (s.start..i - 2).find(|&j| name_like(w, j)) {
                            let applicants = name_group(w, &s, first);
                            names.others.extend(applicants.iter().map(|&j| w.lower[j]));
                        }
                    } else {
                        names.others.extend(after.iter().map(|&j| w.lower[j]));
                    }
                }
                // "Lena, Karins dotter, …"
                if name_like(w, i) && i + 1 < s.end && w.stop[i + 1] {
                    let mut k = i + 1;
                    if k + 1 < s.end && w.lower[k].ends_with('s') && w.capitalised(k) {
                        k += 1;
                    }
                    if other_gender(w.lower[k]).is_some_and(|g| g != Gender::Plural) {
                        names.others.insert(w.lower[i]);
                    }
                }
            }
        }
        // Unless an application for someone else says who the person is, the
        // name the text uses most is the person's, whatever else it says.
        if names.person.is_empty() {
            if let Some(top) = most_used_name(w) {
                names.others.remove(top);
            }
        }
        names
    }

    /// Who the name at word `i` is.
    fn who(&self, word: &str) -> Who {
        if self.person.contains(word) || !self.others.contains(word) {
            Who::Person
        } else {
            Who::Other(Gender::Unknown)
        }
    }
}

/// Whether word `i` looks like a name.
fn name_like(w: &Words, i: usize) -> bool {
    w.capitalised(i)
        && !NOT_NAMES.contains(&w.lower[i])
        && !PERSON_NOUNS.contains(&w.lower[i])
        && other_gender(w.lower[i]).is_none()
}

/// The name used most often in the text, if one is used more than any
/// other (a genitive "Karins" counts for "Karin").
fn most_used_name<'a>(w: &Words<'a>) -> Option<&'a str> {
    let mut counts: std::collections::HashMap<&'a str, usize> = std::collections::HashMap::new();
    for i in 0..w.lower.len() {
        if name_like(w, i) {
            *counts.entry(w.lower[i]).or_default() += 1;
        }
    }
    let genitives: Vec<(&'a str, usize)> = counts
        .iter()
        .filter_map(|(name, &n)| {
            let stem = name.strip_suffix('s')?;
            counts.contains_key(stem).then_some((stem, n))
        })
        .filter_map(|(stem, n)| counts.get_key_value(stem).map(|(k, _)| (*k, n)))
        .collect();
    for (stem, n) in genitives {
        *counts.entry(stem).or_default() += n;
    }
    let mut top: Option<(&'a str, usize)> = None;
    let mut tie = false;
    for (name, n) in counts {
        match top {
            Some((_, m)) if n < m => {}
            Some((_, m)) if n == m => tie = true,
            _ => {
                top = Some((name, n));
                tie = false;
            }
        }
    }
    top.filter(|_| !tie).map(|(name, _)| name)
}

/// Names joined by "och" from word `from`, also past a short aside ("Sofia
/// och Mattias Karlsson", "Elsa, 12 år, och Vilgot").
fn name_group(w: &Words, s: &Range<usize>, from: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut start = from;
    for _ in 0..4 {
        let run = name_run(w, s, start);
        if run.is_empty() {
            break;
        }
        found.extend(run.clone());
        let next = (run.end..(run.end + 3).min(s.end)).find(|&q| {
            w.lower[q] == "och"
                && q + 1 < s.end
                && name_like(w, q + 1)
                && (run.end..q).all(|r| !name_like(w, r))
        });
        match next {
            Some(q) => start = q + 1,
            None => break,
        }
    }
    found
}

/// The names that follow one another from word `from` ("Anna Berg").
fn name_run(w: &Words, s: &Range<usize>, from: usize) -> Range<usize> {
    let mut to = from;
    while to < s.end && to < from + 3 && (to == from || !w.stop[to]) && name_like(w, to) {
        to += 1;
    }
    if to > from && w.stop[from] && from > s.start {
        // A name after a comma is not in apposition.
        return from..from;
    }
    from..to
}

/// One sentence being judged.
struct Sentence<'w, 'a> {
    w: &'w Words<'a>,
    names: &'w Names<'a>,
    s: Range<usize>,
    /// Who "han", "hon" or "hen" refer to when they open the sentence.
    referent: Source,
    /// The subject of each clause, in order, with its source.
    subjects: Vec<(usize, Source)>,
    /// Who is quoted in the sentence.
    quoted: Source,
}

impl<'w, 'a> Sentence<'w, 'a> {
    fn new(
        w: &'w Words<'a>,
        names: &'w Names<'a>,
        s: Range<usize>,
        referent: Source,
    ) -> Sentence<'w, 'a> {
        let mut sentence = Sentence {
            w,
            names,
            s,
            referent,
            subjects: Vec::new(),
            quoted: Source::Person,
        };
        sentence.quoted = sentence.quote_source();
        sentence.subjects = sentence.find_subjects();
        sentence
    }

    /// Who the words at `i` name, if they name anyone.
    fn who(&self, i: usize) -> Option<Who> {
        let w = self.w;
        let word = w.lower[i];
        match word {
            "hon" => return Some(Who::Pronoun(Gender::Female)),
            "han" => return Some(Who::Pronoun(Gender::Male)),
            "hen" => return Some(Who::Pronoun(Gender::Unknown)),
            "du" => return Some(Who::Person),
            "jag" | "vi" => {
                return Some(if w.quoted[i] {
                    Who::Quoted
                } else {
                    Who::Writer
                });
            }
            _ => {}
        }
        if PERSON_NOUNS.contains(&word) {
            return Some(Who::Person);
        }
        if matches!(word, "man" | "mannen")
            && i > self.s.start
            && matches!(w.lower[i - 1], "god" | "gode")
        {
            return Some(Who::Other(Gender::Unknown));
        }
        if let Some(g) = other_gender(word) {
            return Some(Who::Other(g));
        }
        if name_like(w, i) && !self.genitive(i) {
            return Some(self.names.who(word));
        }
        None
    }

    /// Whether the word at `i` is a genitive in front of a noun ("Karins
    /// dotter", "Karins egen uppfattning").
    fn genitive(&self, i: usize) -> bool {
        let w = self.w;
        i + 1 < self.s.end
            && w.lower[i].ends_with('s')
            && !w.stop[i + 1]
            && (other_gender(w.lower[i + 1]).is_some()
                || PERSON_NOUNS.contains(&w.lower[i + 1])
                || VIEW_NOUNS.contains(&w.lower[i + 1])
                || matches!(w.lower[i + 1], "egen" | "egna"))
    }

    /// Whether the noun at `i` follows a preposition ("med sin dotter",
    /// "med maken och dottern").
    fn governed(&self, i: usize) -> bool {
        let w = self.w;
        let mut j = i;
        let mut steps = 0;
        while j > self.s.start && steps < 4 {
            let before = w.lower[j - 1];
            if PREPOSITIONS.contains(&before) {
                return true;
            }
            let skip = DETERMINERS.contains(&before)
                || (w.capitalised(j - 1) && before.ends_with('s'))
                || (matches!(before, "och" | "eller") && j - 1 > self.s.start);
            if !skip || w.stop[j] {
                return false;
            }
            j -= 1;
            steps += 1;
        }
        false
    }

    /// Who the quoted words of the sentence belong to: the speaker of a verb
    /// outside the quotation ("…”, säger dottern"), or the person.
    fn quote_source(&self) -> Source {
        let w = self.w;
        if !self.s.clone().any(|i| w.quoted[i]) {
            return Source::Person;
        }
        for k in self.s.clone() {
            if w.quoted[k] || !self.is_view(k) {
                continue;
            }
            let speaker = self.straight(k).or_else(|| self.inverted(k));
            match speaker.map(|(_, who)| who) {
                Some(Who::Person) => return Source::Person,
                Some(Who::Other(g)) => return Source::Other(g),
                Some(Who::Pronoun(g)) => {
                    return match self.referent {
                        Source::Other(r) if compatible(g, r) => Source::Other(r),
                        _ => Source::Person,
                    };
                }
                _ => {}
            }
        }
        Source::Person
    }

    /// The first naming word of each clause that is not after a
    /// preposition, with whom it names.
    fn find_subjects(&self) -> Vec<(usize, Source)> {
        let w = self.w;
        let mut subjects: Vec<(usize, Source)> = Vec::new();
        let mut open = true;
        for i in self.s.clone() {
            if i == self.s.start || w.stop[i] || clause_word(w, &self.s, i) {
                open = true;
            }
            if !open {
                continue;
            }
            let Some(who) = self.who(i) else { continue };
            if self.governed(i) {
                continue;
            }
            let source = self.resolve(who, i, &subjects);
            subjects.push((i, source));
            open = false;
        }
        subjects
    }

    /// Whom `who` at word `i` stands for, given the subjects before it.
    fn resolve(&self, who: Who, i: usize, subjects: &[(usize, Source)]) -> Source {
        match who {
            Who::Person => Source::Person,
            Who::Other(g) => Source::Other(g),
            Who::Writer => Source::Writer,
            Who::Quoted => self.quoted,
            Who::Pronoun(g) => {
                let earlier = before(subjects, i);
                for &(_, source) in earlier.iter().rev().take(LOOK_BACK) {
                    match source {
                        Source::Person => return Source::Person,
                        Source::Other(r) if compatible(g, r) => return Source::Other(r),
                        _ => {}
                    }
                }
                match self.referent {
                    Source::Other(r) if earlier.is_empty() && compatible(g, r) => Source::Other(r),
                    _ => Source::Person,
                }
            }
        }
    }

    /// Whether word `k` is a verb or predicate of a view.
    fn is_view(&self, k: usize) -> bool {
        let w = self.w;
        let word = w.lower[k];
        let next = |d: usize| (k + d < self.s.end).then(|| w.lower[k + d]);
        if matches!(word, "tycker" | "tyckte" | "tyckt") && next(1) == Some("om") {
            // "tycker om att baka" describes a liking, not a stated view.
            return false;
        }
        if SAYING.contains(&word) || VIEWS.contains(&word) {
            return true;
        }
        match word {
            "känner" | "kände" | "känt" => (1..=3).any(|d| next(d) == Some("sig")),
            "håller" | "höll" | "hållit" => (1..=3).any(|d| next(d) == Some("med")),
            "tackar" | "tackade" | "tackat" => matches!(next(1), Some("nej" | "ja")),
            _ => {
                VIEW_ADJECTIVES.contains(&word)
                    && k > self.s.start
                    && matches!(
                        w.lower[k - 1],
                        "är" | "var" | "blev" | "varit" | "blivit" | "inte" | "mycket" | "helt"
                    )
            }
        }
    }

    /// The subject before verb `k`, with auxiliaries and adverbs between;
    /// past a prepositional phrase ("Personalen på boendet upplever").
    fn straight(&self, k: usize) -> Option<(usize, Who)> {
        let w = self.w;
        let mut j = k;
        let mut skipped = 0;
        while j > self.s.start && skipped < 4 && BETWEEN.contains(&w.lower[j - 1]) {
            j -= 1;
            skipped += 1;
        }
        if j > self.s.start && w.stop[j] {
            // "Lena, Karins dotter, berättar": the subject before an
            // apposition between commas.
            let mut p = j - 1;
            while p > self.s.start && !w.stop[p] && j - p < 6 {
                p -= 1;
            }
            if p == self.s.start || !w.stop[p] {
                return None;
            }
            j = p;
        }
        let mut jumps = 0;
        while j > self.s.start && jumps < 2 {
            let c = j - 1;
            let who = self.who(c)?;
            if !self.governed(c) {
                return Some((c, who));
            }
            // Past the prepositional phrase: "Personalen på boendet upplever".
            let mut p = c;
            while p > self.s.start && c - p < 5 && !PREPOSITIONS.contains(&w.lower[p - 1]) {
                p -= 1;
            }
            if p <= self.s.start + 1 || w.stop[p - 1] {
                return None;
            }
            j = p - 1;
            jumps += 1;
        }
        None
    }

    /// The subject right after verb `k` (inverted order), when something
    /// else opens the clause.
    fn inverted(&self, k: usize) -> Option<(usize, Who)> {
        let w = self.w;
        if k == self.s.start {
            return None;
        }
        let mut m = k + 1;
        while m < self.s.end && m < k + 3 && AFTER_VERB.contains(&w.lower[m]) {
            m += 1;
        }
        if m >= self.s.end || w.stop[m] {
            return None;
        }
        self.who(m).map(|who| (m, who))
    }

    /// The speaker of verb `k`, with the subjects of the sentence.
    fn speaker(&self, k: usize) -> Option<Source> {
        let w = self.w;
        let straight = self.straight(k);
        let inverted = self.inverted(k);
        let chosen = match (straight, inverted) {
            // "Ibland vill dottern …": an unknown capitalised opener is not a
            // name when a clear subject follows the verb.
            (Some((j, Who::Person)), Some((m, who)))
                if j == self.s.start
                    && w.lower[j] != "du"
                    && !PERSON_NOUNS.contains(&w.lower[j])
                    && !matches!(who, Who::Person) =>
            {
                Some((m, who))
            }
            (Some(s), _) => Some(s),
            (None, inverted) => {
                let mut j = k;
                while j > self.s.start && BETWEEN.contains(&w.lower[j - 1]) {
                    j -= 1;
                }
                let coordinated =
                    j > self.s.start && matches!(w.lower[j - 1], "och" | "men" | "samt" | "eller");
                if coordinated {
                    // "Hon ringde och sa att …": the subject of the clause before.
                    return before(&self.subjects, k)
                        .last()
                        .map(|&(_, s)| s)
                        .or(inverted.map(|(m, who)| self.resolve(who, m, &self.subjects)));
                }
                inverted
            }
        };
        chosen.map(|(i, who)| self.resolve(who, i, &self.subjects))
    }

    /// Who is speaking at word `i` when no verb says so: the nearest subject
    /// before it, or whom an opening pronoun refers to.
    fn current_source(&self, i: usize) -> Source {
        before(&self.subjects, i)
            .last()
            .map_or(self.referent, |&(_, s)| s)
    }

    /// Whether verb `k` is negated so that it records no view.
    fn cancelled(&self, k: usize) -> bool {
        let w = self.w;
        let c = clause(w, self.s.clone(), k, k + 1);
        let negation = |p: usize| {
            NEGATIONS.contains(&w.lower[p])
                && !(p + 1 < self.s.end
                    && matches!(w.lower[p + 1], "bara" | "endast" | "enbart" | "minst"))
        };
        if SAYING.contains(&w.lower[k]) {
            // "har inte framfört", "berättar inget".
            (c.start..k).any(negation) || (k + 1..(k + 3).min(c.end)).any(negation)
        } else {
            // "har inte kunnat uttrycka vad hon vill", "vet inte vad han vill".
            (c.start..k).any(|p| negation(p) && (p + 1..k).any(|q| INABILITY.contains(&w.lower[q])))
        }
    }

    /// Whether verb `k` is in an indirect question or a condition ("berätta
    /// vad du vill ändra", "Därest sökanden önskar …").
    fn not_stated(&self, k: usize) -> bool {
        let w = self.w;
        let Some((j, _)) = self.straight(k) else {
            return false;
        };
        j > self.s.start && NOT_STATED.contains(&w.lower[j - 1])
    }

    /// Whether the sentence records the person's own view.
    fn own_view(&self) -> bool {
        let w = self.w;
        let mut report: Option<Source> = None;
        for i in self.s.clone() {
            let word = w.lower[i];
            if matches!(word, "men" | "medan") || w.semicolon[i] {
                report = None;
            }
            if report.is_some() {
                continue;
            }
            if word == "enligt" {
                match self.according_to(i) {
                    Source::Person => return true,
                    other => report = Some(other),
                }
                continue;
            }
            if UNCLEAR.contains(&word) {
                report = Some(Source::Unclear);
                continue;
            }
            if word == "egna" && i + 1 < self.s.end && w.lower[i + 1] == "ord" {
                if self.current_source(i) == Source::Person {
                    return true;
                }
                continue;
            }
            if VIEW_NOUNS.contains(&word) {
                match self.possessor(i) {
                    Some(Source::Person) => return true,
                    Some(other) => {
                        report = Some(other);
                        continue;
                    }
                    // "Karin har önskemål om …" is also a verb-like use.
                    None if word == "önskemål" => {}
                    None => continue,
                }
            }
            if !self.is_view(i) {
                continue;
            }
            match self.speaker(i) {
                Some(Source::Person) if !self.cancelled(i) && !self.not_stated(i) => return true,
                Some(Source::Person) | None => {}
                Some(other) => report = Some(other),
            }
        }
        false
    }

    /// Whose words "enligt" at `i` attributes to.
    fn according_to(&self, i: usize) -> Source {
        let w = self.w;
        let mut j = i + 1;
        while j < self.s.end && j < i + 3 && (DETERMINERS.contains(&w.lower[j]) || self.genitive(j))
        {
            j += 1;
        }
        if j >= self.s.end {
            return Source::Unclear;
        }
        let who = match w.lower[j] {
            "henne" => Who::Pronoun(Gender::Female),
            "honom" => Who::Pronoun(Gender::Male),
            "hen" => Who::Pronoun(Gender::Unknown),
            "dig" => Who::Person,
            "mig" | "oss" => {
                if w.quoted[j] {
                    Who::Quoted
                } else {
                    Who::Writer
                }
            }
            _ => match self.who(j) {
                Some(who) => who,
                None => return Source::Unclear,
            },
        };
        self.resolve(who, i, &self.subjects)
    }

    /// Whose is the view noun at `i` ("hennes egen uppfattning", "Karins
    /// önskemål", "dotterns uppfattning").
    fn possessor(&self, i: usize) -> Option<Source> {
        let w = self.w;
        let mut j = i;
        if j > self.s.start && matches!(w.lower[j - 1], "egen" | "egna") {
            j -= 1;
        }
        if j == self.s.start {
            return None;
        }
        let p = j - 1;
        let word = w.lower[p];
        let who = match word {
            "hennes" => Who::Pronoun(Gender::Female),
            "hans" => Who::Pronoun(Gender::Male),
            "hens" => Who::Pronoun(Gender::Unknown),
            "din" | "ditt" | "dina" => Who::Person,
            _ => {
                let stem = word.strip_suffix('s')?;
                if let Some(g) = other_gender(stem) {
                    Who::Other(g)
                } else if PERSON_NOUNS.contains(&stem) {
                    Who::Person
                } else if w.capitalised(p) && !NOT_NAMES.contains(&word) {
                    self.names.who(stem)
                } else {
                    return None;
                }
            }
        };
        Some(self.resolve(who, p, &self.subjects))
    }

    /// Whom "han", "hon" or "hen" refer to at the start of the next
    /// sentence: the first subject of this one, or as before.
    fn referent_after(&self) -> Source {
        match self.subjects.first() {
            Some(&(_, s @ (Source::Person | Source::Other(_)))) => s,
            _ => self.referent,
        }
    }
}

#[cfg(test)]
mod tests {
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
}
