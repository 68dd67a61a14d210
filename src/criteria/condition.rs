//! Conditions on metadata: `utfall är avslag eller delvis_bifall och inte barn är ja`.

use super::logic::Logic;
use crate::ingest::Metadata;

/// A condition on a document's metadata.
pub type Condition = Logic<MetadataTest>;

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
    /// Whether the condition holds for `metadata`. A missing key never equals
    /// anything.
    pub fn holds(&self, metadata: &Metadata) -> bool {
        self.eval(&mut |test| test.holds(metadata))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(key: &str, values: &[&str]) -> Condition {
        Logic::Atom(MetadataTest {
            key: key.into(),
            values: values.iter().map(|s| s.to_string()).collect(),
        })
    }

    #[test]
    fn evaluates_nested_conditions() {
        let mut m = Metadata::default();
        m.insert("utfall", "Delvis bifall");
        m.insert("lag", "SoL");
        assert!(is("utfall", &["avslag", "delvis_bifall"]).holds(&m));
        assert!(is("lag", &["sol"]).holds(&m));
        assert!(!is("barn", &["ja"]).holds(&m));
        assert!(Logic::Not(Box::new(is("barn", &["ja"]))).holds(&m));
        assert!(!Logic::And(vec![is("lag", &["lss"]), is("utfall", &["delvis_bifall"])]).holds(&m));
        assert!(Logic::Or(vec![is("lag", &["lss"]), is("utfall", &["delvis_bifall"])]).holds(&m));
    }
}
