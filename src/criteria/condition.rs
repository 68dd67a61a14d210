//! Conditions on metadata: `utfall är avslag eller delvis_bifall och inte barn är ja`.

use super::logic::Logic;
use super::{Context, Pattern};
use crate::ingest::Metadata;

/// A condition on a document's metadata or text.
pub type Condition = Logic<ConditionAtom>;

/// One test of a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum ConditionAtom {
    /// A metadata value.
    Metadata(MetadataTest),
    /// The text has a pattern.
    Pattern(Pattern),
}

/// The value of `key` is one of `values` (folded: lower case, no å/ä/ö).
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataTest {
    pub key: String,
    pub values: Vec<String>,
}

impl MetadataTest {
    fn holds(&self, metadata: &Metadata) -> bool {
        metadata
            .get(&self.key)
            .is_some_and(|v| self.values.contains(&crate::ingest::fold_key(v)))
    }
}

impl Condition {
    /// Whether the condition holds for a document. A missing metadata key
    /// never equals anything.
    pub fn holds(&self, ctx: &Context) -> bool {
        self.eval(&mut |atom| match atom {
            ConditionAtom::Metadata(test) => test.holds(&ctx.doc.metadata),
            ConditionAtom::Pattern(p) => p.occurs(ctx, None),
        })
    }

    /// Whether the condition holds for `metadata`, taking every text test as
    /// true.
    pub fn holds_for_metadata(&self, metadata: &Metadata) -> bool {
        self.eval(&mut |atom| match atom {
            ConditionAtom::Metadata(test) => test.holds(metadata),
            ConditionAtom::Pattern(_) => true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(key: &str, values: &[&str]) -> Condition {
        Logic::Atom(ConditionAtom::Metadata(MetadataTest {
            key: key.into(),
            values: values.iter().map(|s| s.to_string()).collect(),
        }))
    }

    #[test]
    fn evaluates_nested_conditions() {
        let mut m = Metadata::default();
        m.insert("utfall", "Delvis bifall");
        m.insert("lag", "SoL");
        assert!(is("utfall", &["avslag", "delvis_bifall"]).holds_for_metadata(&m));
        assert!(is("lag", &["sol"]).holds_for_metadata(&m));
        assert!(!is("barn", &["ja"]).holds_for_metadata(&m));
        assert!(Logic::Not(Box::new(is("barn", &["ja"]))).holds_for_metadata(&m));
        assert!(
            !Logic::And(vec![is("lag", &["lss"]), is("utfall", &["delvis_bifall"])])
                .holds_for_metadata(&m)
        );
        assert!(
            Logic::Or(vec![is("lag", &["lss"]), is("utfall", &["delvis_bifall"])])
                .holds_for_metadata(&m)
        );
    }
}
