//! A case- and space-folded copy of a text for lexicon and phrase matching,
//! with a map back to byte offsets in the original.

/// Lower-cased text with every run of white space folded to one space.
#[derive(Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Where the folded text comes from, as runs: from folded byte `.0` on,
    /// folded and original bytes go in step from original byte `.1`, until
    /// the next run. A run starts wherever folding changed a length (spaces
    /// run together, a letter whose lower case is longer or shorter), so
    /// ordinary text needs few; the last run is the end of both texts.
    runs: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `original[from..]`.
    pub fn new(original: &str, from: usize) -> Self {
        let mut text = String::with_capacity(original.len() - from);
        let mut runs: Vec<(u32, u32)> = Vec::new();
        // The folded offset minus the original offset in the current run.
        let mut step: Option<i64> = None;
        // Starts a run at (folded, at) unless the current one goes on there.
        let mark =
            |runs: &mut Vec<(u32, u32)>, step: &mut Option<i64>, folded: usize, at: usize| {
                let delta = folded as i64 - at as i64;
                if *step != Some(delta) {
                    runs.push((folded as u32, at as u32));
                    *step = Some(delta);
                }
            };
        let mut in_space = false;
        let bytes = original.as_bytes();
        for (i, c) in original[from..].char_indices() {
            let at = from + i;
            // ASCII, the most common case: one byte in, one byte out.
            if c.is_ascii() && !c.is_ascii_whitespace() {
                in_space = false;
                mark(&mut runs, &mut step, text.len(), at);
                text.push(bytes[at].to_ascii_lowercase() as char);
                continue;
            }
            if c.is_whitespace() {
                if !in_space {
                    mark(&mut runs, &mut step, text.len(), at);
                    text.push(' ');
                    if c.len_utf8() != 1 {
                        // The next char starts a run of its own.
                        step = None;
                    }
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(one), None) if one.len_utf8() == c.len_utf8() => {
                    mark(&mut runs, &mut step, text.len(), at);
                    text.push(one);
                }
                _ => {
                    // Every char of a lower case of another length comes
                    // from the start of `c`.
                    for one in c.to_lowercase() {
                        runs.push((text.len() as u32, at as u32));
                        text.push(one);
                    }
                    step = None;
                }
            }
        }
        runs.push((text.len() as u32, original.len() as u32));
        Folded { text, runs }
    }

    /// The original offset of folded byte `at` (a char boundary, or the
    /// end).
    fn map(&self, at: usize) -> usize {
        let r = self.runs.partition_point(|&(f, _)| f as usize <= at) - 1;
        let (f, o) = self.runs[r];
        o as usize + (at - f as usize)
    }

    /// Folds a search term the same way, trimmed.
    pub fn term(term: &str) -> String {
        Folded::new(term.trim(), 0).text
    }

    /// The original byte range for the folded range `start..end` (both on
    /// char boundaries of the folded text).
    pub fn original(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        // Folded byte `end` starts the char after the match, which in the
        // original begins right where the matched text ends.
        self.map(start)..self.map(end)
    }

    /// The position in the folded text of byte `offset` of the original (the
    /// first folded byte that comes from at or after it).
    pub fn position_of(&self, offset: usize) -> usize {
        // The first run that starts at or after `offset` in the original:
        // the answer when it starts there; else the run before goes on.
        let q = self.runs.partition_point(|&(_, o)| (o as usize) < offset);
        let at = match self.runs.get(q) {
            Some(&(f, o)) if o as usize == offset || q == 0 => f as usize,
            _ => {
                let (f, o) = self.runs[q - 1];
                let end = self
                    .runs
                    .get(q)
                    .map_or(self.text.len(), |&(f, _)| f as usize);
                (f as usize + (offset - o as usize)).min(end)
            }
        };
        // Never split a folded char.
        (at.min(self.text.len())..=self.text.len())
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(self.text.len())
    }

    /// Whether the folded range `start..end` starts and ends on a word
    /// boundary: no letter or digit right before it, and none right after it.
    pub fn boundaries(&self, start: usize, end: usize) -> (bool, bool) {
        let before = self.text[..start].chars().next_back();
        let after = self.text[end..].chars().next();
        (
            !before.is_some_and(char::is_alphanumeric),
            !after.is_some_and(char::is_alphanumeric),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The folded text's origin byte by byte, as first written: the
    /// definition the runs must agree with.
    fn byte_map(original: &str, from: usize) -> Vec<usize> {
        let mut text = String::new();
        let mut map = Vec::new();
        let mut in_space = false;
        for (i, c) in original[from..].char_indices() {
            let at = from + i;
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    map.push(at);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            for lower in c.to_lowercase() {
                let before = text.len();
                text.push(if c.is_ascii() {
                    c.to_ascii_lowercase()
                } else {
                    lower
                });
                map.extend(std::iter::repeat_n(at, text.len() - before));
            }
        }
        map.push(original.len());
        map
    }

    proptest! {
        #[test]
        fn runs_map_as_the_bytes_did(
            original in "([a-zA-ZåäöÅÄÖİẞ  \u{a0}\n\t.,]|\u{2028}){0,60}",
            cut in 0usize..8,
        ) {
            let from = (0..=cut.min(original.len())).rev().find(|&i| original.is_char_boundary(i)).unwrap_or(0);
            let folded = Folded::new(&original, from);
            let map = byte_map(&original, from);
            let boundaries: Vec<usize> = (0..=folded.text.len()).filter(|&i| folded.text.is_char_boundary(i)).collect();
            for &a in &boundaries {
                for &b in boundaries.iter().filter(|&&b| b >= a) {
                    prop_assert_eq!(folded.original(a, b), map[a]..map[b]);
                }
            }
            for offset in from..=original.len() {
                let at = map[..map.len() - 1].partition_point(|&o| o < offset);
                let expected = (at..=folded.text.len()).find(|&i| folded.text.is_char_boundary(i)).unwrap();
                prop_assert_eq!(folded.position_of(offset), expected, "offset {}", offset);
            }
        }
    }

    #[test]
    fn folds_case_and_space_and_maps_back() {
        let original = "x: I  ENLIGHET\nmed Beslutet";
        let folded = Folded::new(original, 3);
        assert_eq!(folded.text, "i enlighet med beslutet");
        let start = folded.text.find("enlighet med").unwrap();
        let range = folded.original(start, start + "enlighet med".len());
        assert_eq!(&original[range], "ENLIGHET\nmed");
    }

    #[test]
    fn maps_multibyte_letters() {
        let original = "Hon ERHÖLL stöd";
        let folded = Folded::new(original, 0);
        let start = folded.text.find("erhöll").unwrap();
        let range = folded.original(start, start + "erhöll".len());
        assert_eq!(&original[range], "ERHÖLL");
    }

    #[test]
    fn positions_map_back_from_the_original() {
        let original = "x: Å  Ärende";
        let folded = Folded::new(original, 3);
        assert_eq!(folded.text, "å ärende");
        assert_eq!(
            &folded.text[..folded.position_of(original.find("Ärende").unwrap())],
            "å "
        );
        assert_eq!(folded.position_of(original.len()), folded.text.len());
        assert_eq!(folded.position_of(0), 0);
    }

    #[test]
    fn word_boundaries() {
        let folded = Folded::new("glider lider", 0);
        assert_eq!(folded.boundaries(2, 6), (false, true));
        assert_eq!(folded.boundaries(7, 12), (true, true));
        assert_eq!(folded.boundaries(7, 10), (true, false));
    }
}
