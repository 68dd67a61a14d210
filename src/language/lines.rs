//! Lines and columns of byte offsets, for every place granska points at: in
//! documents, in templates and in lexicons.

/// Maps byte offsets of a text to 1-based lines and columns (columns count
/// characters). Sparse: one checkpoint per [`BLOCK`] bytes of text (the lines
/// before it and where its line starts), so a text of many short or empty
/// lines costs no more than any other.
#[derive(Debug, Clone)]
pub struct LineIndex {
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes of text between two checkpoints of a [`LineIndex`].
const BLOCK: usize = 4096;

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let (mut lines, mut line_start) = (0, 0);
        for (k, block) in bytes.chunks(BLOCK).enumerate() {
            checkpoints.push((lines, line_start));
            for i in memchr::memchr_iter(b'\n', block) {
                lines += 1;
                line_start = k * BLOCK + i + 1;
            }
        }
        checkpoints.push((lines, line_start));
        LineIndex { checkpoints }
    }

    /// (line, column), both from 1, of byte `offset` of `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let k = (offset / BLOCK).min(self.checkpoints.len() - 1);
        let (mut line, mut start) = self.checkpoints[k];
        let from = (k * BLOCK).min(offset);
        for i in memchr::memchr_iter(b'\n', &text.as_bytes()[from..offset]) {
            line += 1;
            start = from + i + 1;
        }
        let column = text[start..offset].chars().count() + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters() {
        let text = "åäö\nxyz å";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, text.find('y').unwrap()), (2, 2));
        assert_eq!(index.position(text, text.rfind('å').unwrap()), (2, 5));
        assert_eq!(index.position(text, 2), (1, 2));
    }
}
