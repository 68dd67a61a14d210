//! Requirements and their combinations with och / eller / inte.

use std::ops::Range;

use super::{Context, Pattern, Scope, section};

/// What a criterion requires of a document's text.
#[derive(Debug, Clone)]
pub enum Requirement {
    /// A section from a set of synonyms, with at least `min_words` words.
    Section {
        set: usize,
        min_words: usize,
    },
    /// A pattern that occurs (within a scope).
    Pattern(Pattern, Option<Scope>),
    And(Vec<Requirement>),
    Or(Vec<Requirement>),
    Not(Box<Requirement>),
}

impl Requirement {
    /// Whether the document meets the requirement.
    pub fn holds(&self, ctx: &Context) -> bool {
        match self {
            Requirement::Section { set, min_words } => section::has_section(ctx, *set, *min_words),
            Requirement::Pattern(pattern, scope) => pattern.occurs(ctx, scope.as_ref()),
            Requirement::And(parts) => parts.iter().all(|r| r.holds(ctx)),
            Requirement::Or(parts) => parts.iter().any(|r| r.holds(ctx)),
            Requirement::Not(inner) => !inner.holds(ctx),
        }
    }

    /// Where a finding about an unmet requirement belongs: the heading of the
    /// first section the requirement names that the document has.
    pub fn place(&self, ctx: &Context) -> Option<Range<usize>> {
        match self {
            Requirement::Section { set, .. }
            | Requirement::Pattern(_, Some(Scope::Section(set))) => section::sections_of(ctx, *set)
                .next()
                .map(|s| s.heading.clone()),
            Requirement::Pattern(..) => None,
            Requirement::And(parts) | Requirement::Or(parts) => {
                parts.iter().find_map(|r| r.place(ctx))
            }
            Requirement::Not(inner) => inner.place(ctx),
        }
    }
}
