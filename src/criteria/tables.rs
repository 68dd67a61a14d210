//! The compiled tables a template's criteria read: word lists, section
//! sets, detectors as the criteria use them, and the matchers built from
//! them. The template compiles them; [`Context`] reads them. A detector is
//! seen here only through [`Detect`], so that this layer does not know the
//! detectors and they can read [`Context`].

use super::pattern::{Context, Hit, Lexicon, Matcher};
use super::section::SectionSet;

/// A built-in detector as a template uses it (with its lexicon and what it
/// prepared from it).
pub trait Detect: std::fmt::Debug + Send + Sync {
    /// Where the detector finds what it looks for in a document.
    fn detect(&self, ctx: &Context) -> Vec<Hit>;
    /// Whether it needs the whole batch (a first pass over it).
    fn needs_batch(&self) -> bool;
}

/// What a template's criteria are evaluated with.
#[derive(Debug, Default)]
pub struct Tables {
    /// Word lists: the named lexicons first, then one list per phrase.
    pub lists: Vec<Lexicon>,
    /// Named section synonym sets.
    pub section_sets: Vec<SectionSet>,
    /// Built-in detectors as the criteria use them.
    pub detectors: Vec<Box<dyn Detect>>,
    pub(crate) matcher: Matcher,
}
