//! A case- and space-folded copy of a text for lexicon and phrase matching,
//! with a map back to byte offsets in the original.

/// Lower-cased text with every run of white space folded to one space.
#[derive(Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text` (and one past the end), the byte offset in the
    /// original text it came from.
    map: Vec<u32>,
}

impl Folded {
    /// Folds `original[from..]`.
    pub fn new(original: &str, from: usize) -> Self {
        let mut text = String::with_capacity(original.len() - from);
        let mut map = Vec::with_capacity(original.len() - from + 1);
        let mut in_space = false;
        let bytes = original.as_bytes();
        for (i, c) in original[from..].char_indices() {
            let at = (from + i) as u32;
            // ASCII, the most common case: one byte in, one byte out.
            if c.is_ascii() && !c.is_ascii_whitespace() {
                in_space = false;
                text.push(bytes[from + i].to_ascii_lowercase() as char);
                map.push(at);
                continue;
            }
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
                text.push(lower);
                map.extend(std::iter::repeat_n(at, text.len() - before));
            }
        }
        map.push(original.len() as u32);
        Folded { text, map }
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
        self.map[start] as usize..self.map[end] as usize
    }

    /// The position in the folded text of byte `offset` of the original (the
    /// first folded byte that comes from at or after it).
    pub fn position_of(&self, offset: usize) -> usize {
        let at = self.map[..self.map.len() - 1].partition_point(|&o| (o as usize) < offset);
        // Never split a folded char.
        (at..=self.text.len())
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
