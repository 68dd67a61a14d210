//! What a criterion needs to know about the whole batch: which passages recur
//! in the documents of other cases (RS-INDIVIDUELL). Built in a first pass
//! over the batch when the template asks for it.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::ingest::{Document, Input, read_input_laid_out};
use crate::language::{segment, shingles};

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedU64(u64);

impl std::hash::Hasher for PrehashedU64 {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Prehashed = std::hash::BuildHasherDefault<PrehashedU64>;

/// Fingerprints of every case in a batch.
#[derive(Debug, Default)]
pub struct BatchIndex {
    /// Case number of each case key.
    cases: HashMap<String, u32>,
    /// The first case of each fingerprint seen once.
    first: HashMap<u64, u32, Prehashed>,
    /// The cases (sorted) of each fingerprint seen in more than one case.
    shared: HashMap<u64, Vec<u32>, Prehashed>,
}

/// The key that tells cases apart: the case number (`arende`) when the
/// metadata has one, so an utredning and its beslut are one case; otherwise the
/// document's id.
pub fn case_key(doc: &Document) -> &str {
    doc.metadata.get("arende").unwrap_or(&doc.id)
}

impl BatchIndex {
    /// Adds one document's fingerprints under its case.
    pub fn add(&mut self, case: &str, fingerprints: impl IntoIterator<Item = u64>) {
        let next = self.cases.len() as u32;
        let case = *self.cases.entry(case.to_string()).or_insert(next);
        for hash in fingerprints {
            if let Some(cases) = self.shared.get_mut(&hash) {
                if let Err(at) = cases.binary_search(&case) {
                    cases.insert(at, case);
                }
                continue;
            }
            match self.first.get(&hash) {
                None => {
                    self.first.insert(hash, case);
                }
                Some(&other) if other != case => {
                    self.first.remove(&hash);
                    let mut cases = vec![other, case];
                    cases.sort_unstable();
                    self.shared.insert(hash, cases);
                }
                Some(_) => {}
            }
        }
    }

    /// Adds a document.
    pub fn add_document(&mut self, doc: &Document) {
        let (words, _) = segment(&doc.text, doc.paragraphs.iter().cloned());
        self.add(
            case_key(doc),
            shingles::fingerprints(&doc.text, &words)
                .into_iter()
                .map(|f| f.hash),
        );
    }

    /// How many cases the batch has.
    pub fn case_count(&self) -> usize {
        self.cases.len()
    }

    /// How many cases other than `case` have fingerprint `hash`.
    pub fn other_cases(&self, hash: u64, case: &str) -> usize {
        let Some(cases) = self.shared.get(&hash) else {
            return 0;
        };
        let me = self.cases.get(case);
        cases.iter().filter(|c| Some(*c) != me).count()
    }

    /// Reads every input on `pool` and indexes it. Unreadable files are left
    /// out here; the main pass reports them.
    pub fn build(inputs: &[Input], pool: &rayon::ThreadPool, chunk: usize) -> BatchIndex {
        let mut index = BatchIndex::default();
        for inputs in inputs.chunks(chunk) {
            let prints: Vec<Option<(String, Vec<u64>)>> = pool.install(|| {
                inputs
                    .par_iter()
                    .map(|input| {
                        let doc = read_input_laid_out(input).ok()?;
                        let (words, _) = segment(&doc.text, doc.paragraphs.iter().cloned());
                        let prints = shingles::fingerprints(&doc.text, &words);
                        Some((
                            case_key(&doc).to_string(),
                            prints.into_iter().map(|f| f.hash).collect(),
                        ))
                    })
                    .collect()
            });
            for (case, hashes) in prints.into_iter().flatten() {
                index.add(&case, hashes);
            }
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_other_cases_only() {
        let mut index = BatchIndex::default();
        index.add("A", [1, 2]);
        index.add("A", [2]);
        index.add("B", [2, 3]);
        index.add("C", [2]);
        assert_eq!(index.other_cases(1, "A"), 0);
        assert_eq!(index.other_cases(2, "A"), 2);
        assert_eq!(index.other_cases(2, "D"), 3);
        assert_eq!(index.other_cases(3, "B"), 0);
    }
}
