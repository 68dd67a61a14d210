//! A round's answers per group of cases — per unit (enhet), per insats and per
//! handläggare — so a team leader sees where the perspectives hold and where
//! they do not. Handläggare are shown as pseudonyms ("Handläggare 3") unless
//! names are asked for: the management report is about the work, not about
//! people; each handläggare's own results are in their private feedback.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::{person_key, same_person};
use super::sammanstall::Compiled;
use crate::criteria::Check;
use crate::template::Template;

/// What a case without the value is grouped as.
pub const MISSING: &str = "(uppgift saknas)";

/// "ja" in `of` cases (or answers) for a perspective or a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Share {
    pub id: String,
    pub ja: usize,
    pub of: usize,
}

/// One group's cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRow {
    pub value: String,
    pub cases: usize,
    /// Per perspective: cases where every answered question got ja, of the
    /// cases where one was answered.
    pub perspectives: Vec<Share>,
    /// Per question: ja of ja, delvis and nej.
    pub questions: Vec<Share>,
}

/// The cases grouped by one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grouping {
    /// `enhet`, `insats` or `handlaggare`.
    pub key: String,
    /// "Per enhet" …
    pub title: String,
    pub rows: Vec<GroupRow>,
}

/// The first reviewer's answer per case and question (the case's answer).
pub type CaseAnswers = BTreeMap<String, BTreeMap<String, String>>;

/// The groupings of the round's cases that have something to group by:
/// unit, insats, and handläggare (pseudonyms unless `names`).
pub fn groupings(
    template: &Template,
    compiled: &Compiled,
    answers: &CaseAnswers,
    names: bool,
) -> Vec<Grouping> {
    let pseudonyms = (!names).then(|| pseudonyms(compiled));
    let handlaggare: BTreeMap<String, Vec<String>> = compiled
        .handlaggare
        .iter()
        .map(|(case, people)| {
            let shown = people
                .iter()
                .map(|p| match &pseudonyms {
                    Some(map) => map
                        .iter()
                        .find(|(name, _)| same_person(name, p))
                        .map_or_else(|| MISSING.to_string(), |(_, alias)| alias.clone()),
                    None => p.clone(),
                })
                .collect();
            (case.clone(), shown)
        })
        .collect();
    [
        ("enhet", "Per enhet", &compiled.enhet),
        ("insats", "Per insats", &compiled.insats),
        ("handlaggare", "Per handläggare", &handlaggare),
    ]
    .into_iter()
    .filter(|(_, _, values)| values.values().any(|v| !v.is_empty()))
    .map(|(key, title, values)| Grouping {
        key: key.to_string(),
        title: title.to_string(),
        rows: rows(template, answers, values),
    })
    .collect()
}

/// One row per value; a case with two values counts in both.
fn rows(
    template: &Template,
    answers: &CaseAnswers,
    values: &BTreeMap<String, Vec<String>>,
) -> Vec<GroupRow> {
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for case in answers.keys() {
        match values.get(case).filter(|v| !v.is_empty()) {
            Some(vs) => {
                for v in vs {
                    groups.entry(v.as_str()).or_default().push(case);
                }
            }
            None => groups.entry(MISSING).or_default().push(case),
        }
    }
    let questions: Vec<_> = template
        .criteria
        .iter()
        .filter(|c| matches!(c.check, Check::Question))
        .collect();
    groups
        .into_iter()
        .map(|(value, cases)| {
            let answer =
                |case: &str, q: &str| answers.get(case).and_then(|a| a.get(q)).map(String::as_str);
            let perspectives = template
                .perspectives
                .iter()
                .enumerate()
                .filter(|(p, _)| questions.iter().any(|q| q.perspective == *p))
                .map(|(p, perspective)| {
                    let (mut ja, mut of) = (0, 0);
                    for case in &cases {
                        let given: Vec<&str> = questions
                            .iter()
                            .filter(|q| q.perspective == p)
                            .filter_map(|q| answer(case, &q.id))
                            .filter(|a| *a != "ej aktuellt")
                            .collect();
                        if !given.is_empty() {
                            of += 1;
                            ja += usize::from(given.iter().all(|a| *a == "ja"));
                        }
                    }
                    Share {
                        id: perspective.id.clone(),
                        ja,
                        of,
                    }
                })
                .collect();
            let questions = questions
                .iter()
                .map(|q| {
                    let given: Vec<&str> = cases
                        .iter()
                        .filter_map(|case| answer(case, &q.id))
                        .filter(|a| *a != "ej aktuellt")
                        .collect();
                    Share {
                        id: q.id.clone(),
                        ja: given.iter().filter(|a| **a == "ja").count(),
                        of: given.len(),
                    }
                })
                .collect();
            GroupRow {
                value: value.to_string(),
                cases: cases.len(),
                perspectives,
                questions,
            }
        })
        .collect()
}

/// "Handläggare 1", "Handläggare 2" … for every handläggare of the round,
/// numbered in an order that follows neither the names nor the cases.
fn pseudonyms(compiled: &Compiled) -> Vec<(String, String)> {
    let mut people: Vec<&String> = Vec::new();
    for p in compiled.handlaggare.values().flatten() {
        if !people.iter().any(|known| same_person(known, p)) {
            people.push(p);
        }
    }
    people.sort_by_cached_key(|p| {
        let key = person_key(p);
        (fnv1a(&key), key)
    });
    people
        .into_iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), format!("Handläggare {}", i + 1)))
        .collect()
}

/// FNV-1a, 64 bits: a stable order that is not the alphabet's.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(people: &[(&str, &[&str])]) -> Compiled {
        let mut c = Compiled::default();
        for (case, names) in people {
            c.handlaggare.insert(
                case.to_string(),
                names.iter().map(|n| n.to_string()).collect(),
            );
        }
        c
    }

    #[test]
    fn pseudonyms_are_one_per_person_and_do_not_follow_the_alphabet() {
        let c = compiled(&[
            ("1", &["Anna Berg"]),
            ("2", &["anna  berg, biståndshandläggare", "Bo Ek"]),
            ("3", &["Cecilia Dahl"]),
            ("4", &["David Ström"]),
            ("5", &["Eva Lind", "Fredrik Nyberg"]),
            ("6", &["Gun Ahl"]),
        ]);
        let p = pseudonyms(&c);
        assert_eq!(p.len(), 7, "{p:?}");
        let aliases: Vec<String> = p.iter().map(|(_, a)| a.clone()).collect();
        let numbered: Vec<String> = (1..=7).map(|i| format!("Handläggare {i}")).collect();
        assert_eq!(aliases, numbered);
        assert_eq!(
            p,
            pseudonyms(&c),
            "the same round gives the same pseudonyms"
        );
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_ne!(names, sorted, "numbered in the alphabet's order: {names:?}");
    }
}
