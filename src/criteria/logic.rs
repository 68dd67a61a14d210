//! `och`, `eller`, `inte` and parentheses over any kind of test: metadata
//! conditions and text requirements share this one shape, in the syntax tree
//! and in the checked template alike.

use std::ops::Range;

use super::{Context, Pattern, Scope, section};

/// A boolean combination of atoms.
#[derive(Debug, Clone, PartialEq)]
pub enum Logic<A> {
    Atom(A),
    And(Vec<Logic<A>>),
    Or(Vec<Logic<A>>),
    Not(Box<Logic<A>>),
}

impl<A> Logic<A> {
    /// `And` of `parts`, or the one part alone.
    pub fn and(mut parts: Vec<Logic<A>>) -> Self {
        if parts.len() == 1 {
            parts.remove(0)
        } else {
            Logic::And(parts)
        }
    }

    /// `Or` of `parts`, or the one part alone.
    pub fn or(mut parts: Vec<Logic<A>>) -> Self {
        if parts.len() == 1 {
            parts.remove(0)
        } else {
            Logic::Or(parts)
        }
    }

    /// Whether the combination holds, given what each atom says.
    pub fn eval(&self, atom: &mut impl FnMut(&A) -> bool) -> bool {
        match self {
            Logic::Atom(a) => atom(a),
            Logic::And(parts) => parts.iter().all(|p| p.eval(atom)),
            Logic::Or(parts) => parts.iter().any(|p| p.eval(atom)),
            Logic::Not(inner) => !inner.eval(atom),
        }
    }

    /// The atoms, left to right.
    pub fn atoms(&self) -> Vec<&A> {
        let mut out = Vec::new();
        self.collect_atoms(&mut out);
        out
    }

    fn collect_atoms<'a>(&'a self, out: &mut Vec<&'a A>) {
        match self {
            Logic::Atom(a) => out.push(a),
            Logic::And(parts) | Logic::Or(parts) => parts.iter().for_each(|p| p.collect_atoms(out)),
            Logic::Not(inner) => inner.collect_atoms(out),
        }
    }

    /// The same combination with every atom converted; `None` if any atom
    /// fails, after every atom has been tried (so every error is reported).
    pub fn try_map<B>(&self, f: &mut dyn FnMut(&A) -> Option<B>) -> Option<Logic<B>> {
        Some(match self {
            Logic::Atom(a) => Logic::Atom(f(a)?),
            Logic::And(parts) => Logic::And(Self::try_map_all(parts, f)?),
            Logic::Or(parts) => Logic::Or(Self::try_map_all(parts, f)?),
            Logic::Not(inner) => Logic::Not(Box::new(inner.try_map(f)?)),
        })
    }

    fn try_map_all<B>(
        parts: &[Logic<A>],
        f: &mut dyn FnMut(&A) -> Option<B>,
    ) -> Option<Vec<Logic<B>>> {
        let mapped: Vec<Option<Logic<B>>> = parts.iter().map(|p| p.try_map(f)).collect();
        mapped.into_iter().collect()
    }
}

/// What a criterion requires of a document's text.
pub type Requirement = Logic<Need>;

/// One thing a requirement asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// A section from a set of synonyms, with at least `min_words` words.
    Section { set: usize, min_words: usize },
    /// A pattern that occurs (within a scope).
    Pattern(Pattern, Option<Scope>),
}

impl Need {
    fn holds(&self, ctx: &Context) -> bool {
        match self {
            Need::Section { set, min_words } => section::has_section(ctx, *set, *min_words),
            Need::Pattern(pattern, scope) => pattern.occurs(ctx, scope.as_ref()),
        }
    }

    fn section_set(&self) -> Option<usize> {
        match self {
            Need::Section { set, .. } | Need::Pattern(_, Some(Scope::Section(set))) => Some(*set),
            Need::Pattern(..) => None,
        }
    }
}

impl Requirement {
    /// Whether the document meets the requirement.
    pub fn holds(&self, ctx: &Context) -> bool {
        self.eval(&mut |need| need.holds(ctx))
    }

    /// Where a finding about an unmet requirement belongs: the heading of the
    /// first section the requirement names that the document has.
    pub fn place(&self, ctx: &Context) -> Option<Range<usize>> {
        self.atoms()
            .into_iter()
            .filter_map(Need::section_set)
            .find_map(|set| {
                section::sections_of(ctx, set)
                    .next()
                    .map(|s| s.heading.clone())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluates_and_maps_combinations() {
        let logic = Logic::and(vec![
            Logic::Atom(1),
            Logic::or(vec![Logic::Atom(2), Logic::Not(Box::new(Logic::Atom(3)))]),
        ]);
        assert!(logic.eval(&mut |&a| a != 3));
        assert!(!logic.eval(&mut |&a| a == 1 || a == 3));
        assert_eq!(logic.atoms(), [&1, &2, &3]);
        let mut seen = Vec::new();
        let mapped = logic.try_map(&mut |&a| {
            seen.push(a);
            (a != 2).then_some(a * 10)
        });
        assert_eq!(mapped, None);
        assert_eq!(seen, [1, 2, 3], "every atom is tried");
        assert_eq!(Logic::or(vec![Logic::Atom(7)]), Logic::Atom(7));
    }
}
