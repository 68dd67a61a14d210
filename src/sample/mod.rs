//! Stickprov: a reproducible random sample of documents or of cases
//! (ärenden), simple or stratified with proportional allocation, and the list
//! a team leader files.
//!
//! Drawn by case, every document of a drawn case comes with it. A document
//! belongs to the case its `arende` key names (metadata, manifest or a header
//! field `Ärende:`/`Dnr:`), or is a case of its own.
//!
//! The same seed and the same documents always give the same sample, on any
//! machine and whatever the order the folders were named in: the population
//! is sorted by path, strata by name, and the random numbers come from
//! ChaCha8 seeded with the seed.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::ingest::{Catalogue, Document, IngestError, Input, fold_key, units};

/// The name of the stratum of documents that lack the strata key.
pub use crate::score::summary::MISSING;

/// `KEY=VÄRDE`: keep only documents whose metadata `KEY` is `VÄRDE` (case
/// and å/ä/ö-folding ignored, so `lag=sol` matches `SoL`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub key: String,
    pub value: String,
}

impl Filter {
    /// Parses `KEY=VÄRDE`.
    pub fn parse(text: &str) -> Result<Filter, String> {
        match text.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() && !value.trim().is_empty() => {
                Ok(Filter {
                    key: key.trim().to_string(),
                    value: value.trim().to_string(),
                })
            }
            _ => Err(format!(
                "filtret ”{text}” ska skrivas NYCKEL=VÄRDE, t.ex. enhet=Norr eller typ=beslut"
            )),
        }
    }

    /// Whether `doc` passes.
    pub fn matches(&self, doc: &Document) -> bool {
        doc.value(&self.key)
            .is_some_and(|v| fold_key(v) == fold_key(&self.value))
    }
}

/// How many files or records are read at a time.
const CHUNK: usize = 256;

/// What reading one document gives the population: a candidate, nothing
/// (filtered out), or why it could not be read.
type Drawable = Result<Option<Candidate>, IngestError>;

/// A document that can be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Index into the inputs the population was read from.
    pub input: usize,
    /// The line or row in a file of many documents.
    pub record: Option<usize>,
    pub id: String,
    pub path: String,
    /// The case (ärende) the document belongs to: its `arende` key, or the
    /// document's own id.
    pub case: String,
    /// The handläggare the document names, if any.
    pub handlaggare: Option<String>,
    /// The unit (enhet) and insats the document names, if any.
    pub enhet: Option<String>,
    pub insats: Option<String>,
    /// The value of the strata key ([`MISSING`] without one), when stratified.
    pub stratum: Option<String>,
}

impl Candidate {
    /// The case as compared: case and spacing do not matter ("LSS 2025-0142"
    /// and "lss  2025-0142" are one case).
    pub fn case_key(&self) -> String {
        fold_case(&self.case)
    }
}

/// A case number as compared: case and spacing do not matter.
fn fold_case(case: &str) -> String {
    case.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The case `doc` belongs to, as compared: its `arende` key, or the
/// document itself.
pub fn case_of(doc: &Document) -> String {
    fold_case(
        doc.value("arende")
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .unwrap_or(&doc.id),
    )
}

/// The documents a sample is drawn from, and the files that could not be
/// read.
#[derive(Debug, Default)]
pub struct Population {
    pub candidates: Vec<Candidate>,
    pub errors: Vec<IngestError>,
    /// Readable documents left out by the filters.
    pub filtered_out: usize,
    /// The metadata keys and values of every readable document, filtered
    /// out or not.
    pub catalogue: Catalogue,
}

impl Population {
    /// Notes on the keys given to `--skikta` and `--filter` that no document
    /// has, and on filter values no document has, in Swedish.
    pub fn key_notes(&self, filters: &[Filter], strata: Option<&str>) -> Vec<String> {
        let c = &self.catalogue;
        let mut notes: Vec<String> = strata
            .and_then(|key| c.missing_key(key, "--skikta"))
            .into_iter()
            .collect();
        for f in filters {
            notes.extend(
                c.missing_key(&f.key, "--filter")
                    .or_else(|| c.missing_value(&f.key, &f.value)),
            );
        }
        notes
    }
}

impl Population {
    /// Reads `inputs` (in parallel) and keeps those that pass every filter,
    /// sorted by path.
    pub fn read(inputs: &[Input], filters: &[Filter], strata: Option<&str>) -> Population {
        let mut population = Population::default();
        for work in units(inputs).chunks(CHUNK) {
            let read: Vec<(Vec<Drawable>, Catalogue)> = work
                .into_par_iter()
                .map(|unit| {
                    let i = unit.index;
                    let mut catalogue = Catalogue::default();
                    let results = unit
                        .read()
                        .into_iter()
                        .map(|doc| {
                            let doc = doc?;
                            catalogue.add(&doc);
                            if !filters.iter().all(|f| f.matches(&doc)) {
                                return Ok(None);
                            }
                            let stratum = strata.map(|key| {
                                doc.value(key)
                                    .map(str::trim)
                                    .filter(|v| !v.is_empty())
                                    .unwrap_or(MISSING)
                                    .to_string()
                            });
                            let case = doc
                                .value("arende")
                                .map(str::trim)
                                .filter(|v| !v.is_empty())
                                .unwrap_or(&doc.id)
                                .to_string();
                            let named = |key: &str| {
                                doc.value(key)
                                    .map(str::trim)
                                    .filter(|v| !v.is_empty())
                                    .map(str::to_string)
                            };
                            Ok(Some(Candidate {
                                input: i,
                                record: doc.record,
                                case,
                                handlaggare: named("handlaggare"),
                                enhet: named("enhet"),
                                insats: named("insats"),
                                id: doc.id,
                                path: doc.path,
                                stratum,
                            }))
                        })
                        .collect();
                    (results, catalogue)
                })
                .collect();
            for (results, catalogue) in read {
                population.catalogue.merge(catalogue);
                for result in results {
                    match result {
                        Ok(Some(candidate)) => population.candidates.push(candidate),
                        Ok(None) => population.filtered_out += 1,
                        Err(e) => population.errors.push(e),
                    }
                }
            }
        }
        population
            .candidates
            .sort_by(|a, b| a.path.cmp(&b.path).then(a.id.cmp(&b.id)));
        population
    }
}

pub use crate::score::design::Unit;

/// A stratum: its size in the population and how many were drawn, counted in
/// the sample's units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stratum {
    pub name: String,
    pub population: usize,
    pub drawn: usize,
}

/// A drawn sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    pub seed: u64,
    pub unit: Unit,
    /// How many units (documents or cases) the sample was drawn from.
    pub population: usize,
    /// How many units were drawn.
    pub drawn: usize,
    /// The strata in name order (one, unnamed, for a simple sample).
    pub strata: Vec<Stratum>,
    /// The drawn documents, in population order within each stratum; drawn
    /// by case, every document of every drawn case.
    pub chosen: Vec<Candidate>,
}

/// Splits a sample of `n` over strata of the given sizes in proportion to
/// their sizes (largest remainders), at least one from every stratum that
/// has documents and never more than a stratum has. The total is `n` unless
/// there are more strata than `n` (then one each) or fewer documents.
pub fn allocate(sizes: &[usize], n: usize) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    let n = n.min(total);
    if n == 0 {
        return vec![0; sizes.len()];
    }
    let quota = |i: usize| n as f64 * sizes[i] as f64 / total as f64;
    let mut alloc: Vec<usize> = (0..sizes.len())
        .map(|i| (quota(i).floor() as usize).max(1).min(sizes[i]))
        .collect();
    // Fill up by the largest remaining quota (ties: the earlier stratum)…
    while alloc.iter().sum::<usize>() < n {
        let Some(i) = (0..sizes.len())
            .filter(|&i| alloc[i] < sizes[i])
            .max_by(|&a, &b| {
                let (ra, rb) = (quota(a) - alloc[a] as f64, quota(b) - alloc[b] as f64);
                ra.total_cmp(&rb).then(b.cmp(&a))
            })
        else {
            break;
        };
        alloc[i] += 1;
    }
    // …or give back from the most over-served stratum that has more than one.
    while alloc.iter().sum::<usize>() > n {
        let Some(i) = (0..sizes.len()).filter(|&i| alloc[i] > 1).max_by(|&a, &b| {
            let (oa, ob) = (alloc[a] as f64 - quota(a), alloc[b] as f64 - quota(b));
            oa.total_cmp(&ob).then(b.cmp(&a))
        }) else {
            break;
        };
        alloc[i] -= 1;
    }
    alloc
}

/// Draws `n` documents from `population` with `seed`: simple random
/// sampling, or stratified by the candidates' strata when they have them.
pub fn draw(population: &[Candidate], n: usize, seed: u64) -> Sample {
    let units = population.iter().map(|c| vec![c]).collect();
    draw_units(units, n, seed, Unit::Document)
}

/// Draws `n` cases from `population` with `seed` and brings every document
/// of each drawn case. A case is in the stratum of its first document (in
/// population order); cases are in the order of their first documents.
pub fn draw_cases(population: &[Candidate], n: usize, seed: u64) -> Sample {
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut cases: Vec<Vec<&Candidate>> = Vec::new();
    for c in population {
        let at = *index.entry(c.case_key()).or_insert_with(|| {
            cases.push(Vec::new());
            cases.len() - 1
        });
        cases[at].push(c);
    }
    draw_units(cases, n, seed, Unit::Case)
}

/// Draws `n` of `units` (each one or more documents, never empty).
fn draw_units(units: Vec<Vec<&Candidate>>, n: usize, seed: u64, unit: Unit) -> Sample {
    let mut strata: BTreeMap<Option<&str>, Vec<&[&Candidate]>> = BTreeMap::new();
    for u in &units {
        strata.entry(u[0].stratum.as_deref()).or_default().push(u);
    }
    let sizes: Vec<usize> = strata.values().map(Vec::len).collect();
    let alloc = allocate(&sizes, n);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut sample = Sample {
        seed,
        unit,
        population: units.len(),
        drawn: alloc.iter().sum(),
        strata: Vec::new(),
        chosen: Vec::new(),
    };
    for ((name, members), &k) in strata.iter().zip(&alloc) {
        let mut picked = rand::seq::index::sample(&mut rng, members.len(), k).into_vec();
        picked.sort_unstable();
        sample.chosen.extend(
            picked
                .into_iter()
                .flat_map(|i| members[i].iter().map(|&c| c.clone())),
        );
        sample.strata.push(Stratum {
            name: name.unwrap_or_default().to_string(),
            population: members.len(),
            drawn: k,
        });
    }
    sample
}

#[cfg(test)]
mod tests;
