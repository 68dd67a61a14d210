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

mod names;
mod others;
mod sentence;
mod words;

use names::*;
use others::*;
use sentence::*;
use words::*;

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

#[cfg(test)]
mod tests;
