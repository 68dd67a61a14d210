//! Fingerprints of passages for finding text that recurs across cases: every
//! run of [`SHINGLE`] words is hashed (lower case), and winnowing keeps the
//! smallest hash of each [`WINDOW`] consecutive runs. Two texts that share a
//! passage of `SHINGLE + WINDOW - 1` words or more always share a fingerprint;
//! a shared fingerprint always means `SHINGLE` identical words in a row.

use super::Word;

/// Words per shingle: the shortest passage that counts as recurring.
pub const SHINGLE: usize = 30;

/// Shingles per winnowing window.
pub const WINDOW: usize = 8;

/// A kept fingerprint: the hash and the index of the shingle's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub hash: u64,
    pub first_word: usize,
}

/// What a batch of cases knows of its fingerprints, for a criterion that
/// compares a document with every other case (RS-INDIVIDUELL).
pub trait CaseFingerprints: Sync {
    /// How many cases the batch has.
    fn case_count(&self) -> usize;
    /// How many cases other than the asking document's own share `hash`.
    fn other_cases(&self, hash: u64) -> usize;
}

/// FNV-1a over the lower-cased word, without allocating.
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| add(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut add);
        }
    }
    // Spread the bits: FNV alone is weak in the low bits that winnowing compares.
    hash ^= hash >> 29;
    hash = hash.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash ^ (hash >> 32)
}

/// The winnowed fingerprints of a word sequence, in order, each once.
pub fn fingerprints(text: &str, words: &[Word]) -> Vec<Fingerprint> {
    if words.len() < SHINGLE {
        return Vec::new();
    }
    let word_hashes: Vec<u64> = words
        .iter()
        .map(|w| word_hash(&text[w.range.clone()]))
        .collect();
    // Rolling polynomial hash over SHINGLE words (wrapping arithmetic).
    const BASE: u64 = 0x100_0000_01b3;
    let top = (1..SHINGLE).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut shingles = Vec::with_capacity(words.len() - SHINGLE + 1);
    let mut hash = word_hashes[..SHINGLE]
        .iter()
        .fold(0u64, |h, w| h.wrapping_mul(BASE).wrapping_add(*w));
    shingles.push(hash);
    for i in SHINGLE..word_hashes.len() {
        hash = hash
            .wrapping_sub(word_hashes[i - SHINGLE].wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(word_hashes[i]);
        shingles.push(hash);
    }
    let mut kept: Vec<Fingerprint> = Vec::new();
    let window = WINDOW.min(shingles.len());
    for start in 0..=shingles.len() - window {
        // The rightmost minimum of the window.
        let (offset, &hash) = shingles[start..start + window]
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|&(_, h)| *h)
            .expect("the window is not empty");
        let first_word = start + offset;
        if kept.last().is_none_or(|k| k.first_word != first_word) {
            kept.push(Fingerprint { hash, first_word });
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::*;

    fn prints(text: &str) -> Vec<u64> {
        let (words, _) = segment(text, std::iter::once(0..text.len()));
        fingerprints(text, &words)
            .into_iter()
            .map(|f| f.hash)
            .collect()
    }

    fn words(n: usize, seed: &str) -> String {
        (0..n)
            .map(|i| format!("{seed}{}", char::from(b'a' + (i % 26) as u8)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_long_shared_passage_always_shares_a_fingerprint() {
        let shared = words(SHINGLE + WINDOW - 1, "delad");
        let a = format!("{} {shared} {}", words(40, "först"), words(25, "slut"));
        let b = format!("{} {shared}", words(13, "annan"));
        let (pa, pb) = (prints(&a), prints(&b));
        assert!(pa.iter().any(|h| pb.contains(h)));
    }

    #[test]
    fn different_texts_share_nothing_and_short_texts_have_no_prints() {
        assert!(
            prints(&words(80, "x"))
                .iter()
                .all(|h| !prints(&words(80, "y")).contains(h))
        );
        assert!(prints(&words(SHINGLE - 1, "z")).is_empty());
    }

    #[test]
    fn case_does_not_matter() {
        let text = words(50, "Ord");
        assert_eq!(prints(&text), prints(&text.to_lowercase()));
    }
}
