//! What a criterion needs to know about the whole batch: which passages recur
//! in the documents of other cases (RS-INDIVIDUELL). Built in a first pass
//! over the batch when the template asks for it.
//!
//! Memory stays flat however large the batch: the first pass writes one
//! fingerprint–case pair per passage to temporary files, spread by the
//! fingerprint's top bits, once more than [`MEMORY_RECORDS`] have gathered.
//! Each file is then sorted on its own, and only the fingerprints found in
//! more than one case are kept, with the number of cases that share them.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::ingest::{Document, IngestError, Input, units};
use crate::language::shingles::CaseFingerprints;
use crate::language::{segment, shingles};

/// Pairs kept in memory before they go to temporary files (4 MB).
pub const MEMORY_RECORDS: usize = 1 << 18;

/// Temporary files the pairs are spread over: each holds about 1/64 of them.
const PARTS: usize = 64;

/// Bytes of one pair on disk: the fingerprint and the case number.
const RECORD: usize = 12;

/// Fingerprints shared by more than one case of a batch.
#[derive(Debug, Default)]
pub struct BatchIndex {
    cases: usize,
    /// The fingerprints that more than one case has, sorted, …
    shared: Vec<u64>,
    /// … and how many cases have each.
    counts: Vec<u32>,
    /// Whole files that could not be read in the first pass, and why: the
    /// second pass reports them without trying again (a file that ran out of
    /// time would take its time twice).
    unreadable: HashMap<PathBuf, IngestError>,
}

/// The fingerprints of the documents of one unit of reading, with their cases.
type CasePrints = Vec<(String, Vec<u64>)>;

/// The key that tells cases apart: the case number (`arende`) when the
/// metadata has one, so an utredning and its beslut are one case; otherwise the
/// document's id.
pub fn case_key(doc: &Document) -> &str {
    doc.metadata.get("arende").unwrap_or(&doc.id)
}

/// The fingerprints of a document, sorted and each once.
fn document_prints(doc: &Document) -> Vec<u64> {
    let (words, _) = segment(&doc.text, doc.paragraphs.iter().cloned());
    let mut prints: Vec<u64> = shingles::fingerprints(&doc.text, &words)
        .into_iter()
        .map(|f| f.hash)
        .collect();
    prints.sort_unstable();
    prints.dedup();
    prints
}

/// Where the pairs go once they no longer fit in memory.
#[derive(Debug, Default)]
enum Spill {
    #[default]
    NotYet,
    Files(Vec<BufWriter<File>>),
    /// The temporary files could not be created: the pairs stay in memory.
    Unavailable,
}

/// Collects the fingerprints of a batch, document by document.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    cases: HashMap<String, u32>,
    memory: Vec<(u64, u32)>,
    spill: Spill,
}

impl IndexBuilder {
    /// Adds one document's fingerprints under its case, in memory.
    fn push(&mut self, case: &str, fingerprints: impl IntoIterator<Item = u64>) {
        let case = match self.cases.get(case) {
            Some(&n) => n,
            None => {
                let next = self.cases.len() as u32;
                self.cases.insert(case.to_string(), next);
                next
            }
        };
        self.memory
            .extend(fingerprints.into_iter().map(|hash| (hash, case)));
    }

    /// Adds one document's fingerprints under its case; fails when the pairs
    /// cannot be written to the temporary files.
    pub fn add(
        &mut self,
        case: &str,
        fingerprints: impl IntoIterator<Item = u64>,
    ) -> io::Result<()> {
        self.push(case, fingerprints);
        if self.memory.len() >= MEMORY_RECORDS {
            self.spill()?;
        }
        Ok(())
    }

    /// Moves the pairs in memory to the temporary files, creating them the
    /// first time. Without temporary files, the pairs stay in memory.
    fn spill(&mut self) -> io::Result<()> {
        if matches!(self.spill, Spill::NotYet) {
            self.spill = match (0..PARTS)
                .map(|_| tempfile::tempfile().map(BufWriter::new))
                .collect::<io::Result<Vec<_>>>()
            {
                Ok(files) => Spill::Files(files),
                Err(_) => Spill::Unavailable,
            };
        }
        let Spill::Files(files) = &mut self.spill else {
            return Ok(());
        };
        for (hash, case) in self.memory.drain(..) {
            let file = &mut files[part_of(hash)];
            file.write_all(&hash.to_le_bytes())?;
            file.write_all(&case.to_le_bytes())?;
        }
        Ok(())
    }

    /// Sorts the pairs and keeps the fingerprints of more than one case.
    pub fn finish(mut self) -> io::Result<BatchIndex> {
        if !matches!(self.spill, Spill::Files(_)) {
            return Ok(self.finish_in_memory());
        }
        self.spill()?;
        let mut index = BatchIndex {
            cases: self.cases.len(),
            shared: Vec::new(),
            counts: Vec::new(),
            unreadable: HashMap::new(),
        };
        let Spill::Files(files) = self.spill else {
            return Ok(index);
        };
        for file in files {
            let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
            file.rewind()?;
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            let pairs = bytes
                .chunks_exact(RECORD)
                .map(|record| {
                    let (hash, case) = record.split_at(8);
                    let mut h = [0; 8];
                    let mut c = [0; 4];
                    h.copy_from_slice(hash);
                    c.copy_from_slice(case);
                    (u64::from_le_bytes(h), u32::from_le_bytes(c))
                })
                .collect();
            drop(bytes);
            index.keep_shared(pairs);
        }
        index.shared.shrink_to_fit();
        index.counts.shrink_to_fit();
        Ok(index)
    }

    /// The index of the pairs in memory.
    fn finish_in_memory(self) -> BatchIndex {
        let mut index = BatchIndex {
            cases: self.cases.len(),
            shared: Vec::new(),
            counts: Vec::new(),
            unreadable: HashMap::new(),
        };
        index.keep_shared(self.memory);
        index
    }
}

/// The temporary file of a fingerprint: its top six bits.
fn part_of(hash: u64) -> usize {
    (hash >> (64 - PARTS.trailing_zeros())) as usize
}

impl BatchIndex {
    /// Counts the cases of each fingerprint in `pairs` and keeps those of
    /// more than one. Called with the temporary files in order of the
    /// fingerprints' top bits, so the kept fingerprints stay sorted.
    fn keep_shared(&mut self, mut pairs: Vec<(u64, u32)>) {
        pairs.sort_unstable();
        pairs.dedup();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            if group.len() > 1 {
                debug_assert!(self.shared.last().is_none_or(|&last| last < group[0].0));
                self.shared.push(group[0].0);
                self.counts.push(group.len() as u32);
            }
        }
    }

    /// Reads every input on `pool` and indexes it. Unreadable files are left
    /// out here; the main pass reports them. Fails only when a temporary file
    /// cannot be written or read back.
    pub fn build(
        inputs: &[Input],
        pool: &rayon::ThreadPool,
        chunk: usize,
    ) -> io::Result<BatchIndex> {
        let mut builder = IndexBuilder::default();
        let mut unreadable = HashMap::new();
        for work in units(inputs).chunks(chunk) {
            let read: Vec<(CasePrints, Option<(PathBuf, IngestError)>)> = pool.install(|| {
                work.into_par_iter()
                    .map(|unit| {
                        let path = unit.whole_file().then(|| unit.input.path.clone());
                        let mut failed = None;
                        let mut prints = Vec::new();
                        for doc in unit.read_laid_out() {
                            match doc {
                                Ok(doc) => {
                                    prints.push((case_key(&doc).to_string(), document_prints(&doc)))
                                }
                                Err(e) => failed = path.clone().map(|p| (p, e)),
                            }
                        }
                        (prints, failed)
                    })
                    .collect()
            });
            for (prints, failed) in read {
                for (case, hashes) in prints {
                    builder.add(&case, hashes)?;
                }
                unreadable.extend(failed);
            }
        }
        let mut index = builder.finish()?;
        index.unreadable = unreadable;
        Ok(index)
    }

    /// Why `path` could not be read in the first pass, if it could not.
    pub fn unreadable(&self, path: &Path) -> Option<&IngestError> {
        self.unreadable.get(path)
    }

    /// The index of a few documents, built in memory.
    pub fn of_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> BatchIndex {
        let mut builder = IndexBuilder::default();
        for doc in docs {
            builder.push(case_key(doc), document_prints(doc));
        }
        builder.finish_in_memory()
    }
}

impl CaseFingerprints for BatchIndex {
    fn case_count(&self) -> usize {
        self.cases
    }

    /// The asking document must be in the batch: its case is one of those
    /// that have the fingerprint.
    fn other_cases(&self, hash: u64) -> usize {
        self.shared
            .binary_search(&hash)
            .map_or(0, |at| self.counts[at] as usize - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of `docs`, with every document's pairs written to the
    /// temporary files when `spill`.
    fn index<'a>(spill: bool, docs: impl IntoIterator<Item = (&'a str, &'a [u64])>) -> BatchIndex {
        let mut builder = IndexBuilder::default();
        for (case, prints) in docs {
            builder.add(case, prints.iter().copied()).unwrap();
            if spill {
                builder.spill().unwrap();
            }
        }
        builder.finish().unwrap()
    }

    #[test]
    fn counts_the_other_cases_of_a_fingerprint() {
        // Fingerprints in different temporary files (by their top bits).
        let (one, two, three) = (1u64, 2u64 << 60 | 7, u64::MAX);
        for spill in [false, true] {
            let docs: [(&str, &[u64]); 4] = [
                ("A", &[one, two]),
                ("A", &[two]),
                ("B", &[two, three]),
                ("C", &[two]),
            ];
            let index = index(spill, docs);
            assert_eq!(index.case_count(), 3);
            assert_eq!(index.other_cases(one), 0, "one case only");
            assert_eq!(index.other_cases(two), 2, "A, B and C; spill {spill}");
            assert_eq!(index.other_cases(three), 0);
            assert_eq!(index.other_cases(12345), 0, "not in the batch");
        }
    }

    #[test]
    fn spilling_gives_the_same_index_as_memory() {
        let docs: Vec<(String, Vec<u64>)> = (0..200u64)
            .map(|n| {
                let prints = (0..50u64)
                    .map(|i| (n % 7 + i).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                    .collect();
                (format!("ärende {}", n % 40), prints)
            })
            .collect();
        let docs = || docs.iter().map(|(c, p)| (c.as_str(), p.as_slice()));
        let (memory, disk) = (index(false, docs()), index(true, docs()));
        assert!(memory.shared.len() > 10);
        assert_eq!(memory.shared, disk.shared);
        assert_eq!(memory.counts, disk.counts);
        assert_eq!(memory.case_count(), disk.case_count());
    }
}
