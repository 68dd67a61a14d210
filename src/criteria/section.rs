//! Sections by name: a set of heading synonyms, matched case-insensitively.

use super::Context;
use crate::ingest::Section;

/// A named set of heading synonyms (`avsnitt motivering = "Motivering", …`).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionSet {
    pub name: String,
    /// The synonyms as written.
    pub synonyms: Vec<String>,
    /// The synonyms folded for comparison.
    folded: Vec<String>,
}

impl SectionSet {
    /// A set named `name` with `synonyms`.
    pub fn new(name: String, synonyms: Vec<String>) -> Self {
        let folded = synonyms.iter().map(|s| fold_heading(s)).collect();
        SectionSet {
            name,
            synonyms,
            folded,
        }
    }

    /// Whether a heading belongs to the set: it equals a synonym, or starts with
    /// one followed by more words ("Motivering till beslutet").
    pub fn matches(&self, title: &str) -> bool {
        let title = fold_heading(title);
        self.folded.iter().any(|s| {
            title == *s
                || title
                    .strip_prefix(s.as_str())
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        })
    }
}

/// Lower case, single spaces, no trailing punctuation or numbering.
fn fold_heading(title: &str) -> String {
    let title = title
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')
        .trim_end_matches([':', '.', ' ']);
    crate::language::Folded::term(title)
}

/// The document's sections that belong to set `set`.
pub fn sections_of<'a>(ctx: &'a Context, set: usize) -> impl Iterator<Item = &'a Section> + 'a {
    let set = &ctx.tables.section_sets[set];
    ctx.doc
        .sections
        .iter()
        .filter(move |s| set.matches(&s.title))
}

/// Whether the document has a section of `set` with at least `min_words` words
/// of running text.
pub fn has_section(ctx: &Context, set: usize, min_words: usize) -> bool {
    sections_of(ctx, set).any(|s| ctx.analysis.words_in(s.body.clone()) >= min_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_synonyms_and_longer_headings() {
        let set = SectionSet::new(
            "motivering".into(),
            vec!["Motivering".into(), "Skäl för beslutet".into()],
        );
        assert!(set.matches("MOTIVERING"));
        assert!(set.matches("Motivering till beslutet"));
        assert!(set.matches("3. Skäl för beslutet:"));
        assert!(!set.matches("Motiveringar"));
        assert!(!set.matches("Beslut"));
    }
}
