//! Who reviews which case: the reviewer list, the cases of a sample and a
//! seeded, balanced assignment that never gives a reviewer a case they
//! handled themselves.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::sample::Candidate;

/// A colleague who reviews cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    pub name: String,
    pub unit: Option<String>,
}

/// Reads the reviewer list: a CSV file (semicolon or comma) with a header row
/// and the columns `namn` (or `granskare`) and optionally `enhet`. Every
/// problem is returned, in Swedish, with its row.
pub fn read_reviewers(text: &str) -> Result<Vec<Reviewer>, Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(crate::ingest::fold_key).collect(),
        Err(e) => return Err(vec![format!("granskarlistan kunde inte läsas: {e}")]),
    };
    let Some(name_at) = columns.iter().position(|c| c == "namn" || c == "granskare") else {
        return Err(vec![
            "granskarlistan saknar kolumnen namn: första raden ska vara rubriker, t.ex. namn;enhet"
                .to_string(),
        ]);
    };
    let unit_at = columns.iter().position(|c| c == "enhet");
    let mut reviewers: Vec<Reviewer> = Vec::new();
    let mut problems = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("granskarlistan, rad {row}: {e}"));
                continue;
            }
        };
        let name = record.get(name_at).unwrap_or("").to_string();
        if name.is_empty() {
            if record.iter().any(|f| !f.is_empty()) {
                problems.push(format!("granskarlistan, rad {row}: namnet saknas"));
            }
            continue;
        }
        if reviewers.iter().any(|r| same_person(&r.name, &name)) {
            problems.push(format!(
                "granskarlistan, rad {row}: ”{name}” står redan i listan"
            ));
            continue;
        }
        let unit = unit_at
            .and_then(|at| record.get(at))
            .filter(|u| !u.is_empty())
            .map(str::to_string);
        reviewers.push(Reviewer { name, unit });
    }
    if reviewers.is_empty() && problems.is_empty() {
        problems.push("granskarlistan har inga granskare".to_string());
    }
    if problems.is_empty() {
        Ok(reviewers)
    } else {
        Err(problems)
    }
}

/// Whether two ways of writing a name are the same person: case, spacing and
/// a title after a comma ("Maria Öhman, LSS-handläggare") do not matter.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (person_key(a), person_key(b));
    !a.is_empty() && a == b
}

/// A name as [`same_person`] compares it.
pub fn person_key(name: &str) -> String {
    name.split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A case to review: its documents and the handläggare, units and insatser
/// they name (each value once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCase {
    pub case: String,
    pub documents: Vec<Candidate>,
    pub handlaggare: Vec<String>,
    pub enhet: Vec<String>,
    pub insats: Vec<String>,
}

/// The cases of `documents`, in the order of their first documents.
pub fn cases_of(documents: &[Candidate]) -> Vec<ReviewCase> {
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut cases: Vec<ReviewCase> = Vec::new();
    for d in documents {
        let at = *index.entry(d.case_key()).or_insert_with(|| {
            cases.push(ReviewCase {
                case: d.case.clone(),
                documents: Vec::new(),
                handlaggare: Vec::new(),
                enhet: Vec::new(),
                insats: Vec::new(),
            });
            cases.len() - 1
        });
        let case = &mut cases[at];
        case.documents.push(d.clone());
        push_distinct(&mut case.handlaggare, &d.handlaggare, same_person);
        push_distinct(&mut case.enhet, &d.enhet, same_value);
        push_distinct(&mut case.insats, &d.insats, same_value);
    }
    cases
}

/// Adds `value` to `values` unless `same` finds it there.
fn push_distinct(values: &mut Vec<String>, value: &Option<String>, same: fn(&str, &str) -> bool) {
    if let Some(v) = value {
        if !values.iter().any(|known| same(known, v)) {
            values.push(v.clone());
        }
    }
}

/// Whether two values are the same when case and spacing do not matter.
fn same_value(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

/// One case's reviewers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Index into the cases.
    pub case: usize,
    /// Indexes into the reviewers.
    pub reviewers: Vec<usize>,
    /// Whether the case was chosen for review by two (calibration).
    pub double: bool,
}

/// A round's plan: every case with its reviewers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub seed: u64,
    /// In case order.
    pub assignments: Vec<Assignment>,
}

impl Plan {
    /// The cases that got fewer reviewers than planned (none at all when
    /// every reviewer handled the case).
    pub fn short(&self) -> impl Iterator<Item = &Assignment> {
        self.assignments
            .iter()
            .filter(|a| a.reviewers.len() < if a.double { 2 } else { 1 })
    }

    /// How many cases each reviewer got.
    pub fn load(&self, reviewers: usize) -> Vec<usize> {
        let mut load = vec![0; reviewers];
        for a in &self.assignments {
            for &r in &a.reviewers {
                load[r] += 1;
            }
        }
        load
    }
}

/// Assigns reviewers to `cases` with `seed`: a share `double` (0–1) of the
/// cases, drawn among those two reviewers may take, gets two reviewers, the
/// rest one. A reviewer never gets a case whose documents name them as
/// handläggare. The most constrained cases are placed first, each with the
/// least loaded of the reviewers who may take it (ties by lot), so loads
/// differ by at most one wherever the constraints allow.
pub fn assign(cases: &[ReviewCase], reviewers: &[Reviewer], double: f64, seed: u64) -> Plan {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let eligible: Vec<Vec<usize>> = cases
        .iter()
        .map(|c| {
            (0..reviewers.len())
                .filter(|&r| {
                    !c.handlaggare
                        .iter()
                        .any(|h| same_person(h, &reviewers[r].name))
                })
                .collect()
        })
        .collect();
    // The cases reviewed twice, drawn among those that can be.
    let can_double: Vec<usize> = (0..cases.len())
        .filter(|&c| eligible[c].len() >= 2)
        .collect();
    let wanted =
        ((double.clamp(0.0, 1.0) * cases.len() as f64).round() as usize).min(can_double.len());
    let mut doubled = vec![false; cases.len()];
    for i in rand::seq::index::sample(&mut rng, can_double.len(), wanted) {
        doubled[can_double[i]] = true;
    }
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.shuffle(&mut rng);
    order.sort_by_key(|&c| eligible[c].len());
    let mut load = vec![0usize; reviewers.len()];
    let mut chosen: Vec<Vec<usize>> = vec![Vec::new(); cases.len()];
    for c in order {
        let mut candidates = eligible[c].clone();
        candidates.shuffle(&mut rng);
        candidates.sort_by_key(|&r| load[r]);
        let n = if doubled[c] { 2 } else { 1 };
        for &r in candidates.iter().take(n) {
            load[r] += 1;
            chosen[c].push(r);
        }
        chosen[c].sort_unstable();
    }
    Plan {
        seed,
        assignments: chosen
            .into_iter()
            .enumerate()
            .map(|(case, reviewers)| Assignment {
                case,
                reviewers,
                double: doubled[case],
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, handlaggare: &[&str]) -> ReviewCase {
        ReviewCase {
            case: name.into(),
            documents: Vec::new(),
            handlaggare: handlaggare.iter().map(|h| h.to_string()).collect(),
            enhet: Vec::new(),
            insats: Vec::new(),
        }
    }

    fn reviewers(names: &[&str]) -> Vec<Reviewer> {
        names
            .iter()
            .map(|n| Reviewer {
                name: n.to_string(),
                unit: None,
            })
            .collect()
    }

    #[test]
    fn reviewers_are_read_with_swedish_errors() {
        let list = read_reviewers("\u{feff}Namn;Enhet\nEva Lund;Norr\nPer Ek;\n").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].unit.as_deref(), Some("Norr"));
        assert_eq!(list[1].unit, None);
        let problems = read_reviewers("namn,enhet\nEva,Norr\n,Söder\neva ,Väster\n").unwrap_err();
        assert_eq!(
            problems,
            [
                "granskarlistan, rad 3: namnet saknas",
                "granskarlistan, rad 4: ”eva” står redan i listan"
            ]
        );
        assert!(read_reviewers("enhet\nNorr\n").unwrap_err()[0].contains("saknar kolumnen namn"));
    }

    #[test]
    fn nobody_reviews_their_own_case_and_loads_are_even() {
        let names = ["Anna", "Bo", "Cia", "Dan", "Eva"];
        let cases: Vec<ReviewCase> = (0..23)
            .map(|i| case(&format!("Dnr {i}"), &[names[i % 5], "Okänd"]))
            .collect();
        let people = reviewers(&names);
        let plan = assign(&cases, &people, 0.2, 7);
        for a in &plan.assignments {
            for &r in &a.reviewers {
                assert!(
                    !cases[a.case]
                        .handlaggare
                        .iter()
                        .any(|h| same_person(h, &people[r].name)),
                    "{} got own case {}",
                    people[r].name,
                    cases[a.case].case
                );
            }
            assert_eq!(a.reviewers.len(), if a.double { 2 } else { 1 });
        }
        // 20 % of 23 cases is 5 cases reviewed twice: 28 reviews over five.
        assert_eq!(plan.assignments.iter().filter(|a| a.double).count(), 5);
        let load = plan.load(5);
        assert_eq!(load.iter().sum::<usize>(), 28);
        assert!(
            load.iter().max().unwrap() - load.iter().min().unwrap() <= 1,
            "{load:?}"
        );
        assert_eq!(
            plan,
            assign(&cases, &people, 0.2, 7),
            "the same seed, the same plan"
        );
        assert_ne!(plan, assign(&cases, &people, 0.2, 8));
        assert_eq!(plan.short().count(), 0);
    }

    #[test]
    fn a_case_only_its_own_handlaggare_could_review_is_left_short() {
        let people = reviewers(&["Anna", "Bo"]);
        let cases = vec![
            case("1", &["Anna", "bo , socialsekreterare"]),
            case("2", &["Anna"]),
        ];
        let plan = assign(&cases, &people, 1.0, 1);
        let short: Vec<usize> = plan.short().map(|a| a.case).collect();
        assert_eq!(short, [0], "case 1 has no one left; case 2 gets Bo only");
        assert_eq!(plan.assignments[1].reviewers, [1]);
        assert!(!plan.assignments[1].double, "one reviewer cannot be two");
    }
}
