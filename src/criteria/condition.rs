//! Conditions on metadata: `utfall är avslag eller delvis_bifall och inte barn är ja`.

use crate::ingest::Metadata;

/// A condition on a document's metadata.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// The value of `key` is one of `values` (folded, compared case-insensitively).
    Is {
        key: String,
        values: Vec<String>,
    },
    And(Vec<Condition>),
    Or(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Whether the condition holds for `metadata`. A missing key never equals
    /// anything.
    pub fn holds(&self, metadata: &Metadata) -> bool {
        match self {
            Condition::Is { key, values } => metadata.get(key).is_some_and(|v| {
                let v = crate::ingest::fold_key(v);
                values.contains(&v)
            }),
            Condition::And(parts) => parts.iter().all(|c| c.holds(metadata)),
            Condition::Or(parts) => parts.iter().any(|c| c.holds(metadata)),
            Condition::Not(inner) => !inner.holds(metadata),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluates_nested_conditions() {
        let mut m = Metadata::default();
        m.insert("utfall", "Delvis bifall");
        m.insert("lag", "SoL");
        let is = |k: &str, v: &[&str]| Condition::Is {
            key: k.into(),
            values: v.iter().map(|s| s.to_string()).collect(),
        };
        assert!(is("utfall", &["avslag", "delvis_bifall"]).holds(&m));
        assert!(is("lag", &["sol"]).holds(&m));
        assert!(!is("barn", &["ja"]).holds(&m));
        assert!(Condition::Not(Box::new(is("barn", &["ja"]))).holds(&m));
        assert!(
            !Condition::And(vec![is("lag", &["lss"]), is("utfall", &["delvis_bifall"])]).holds(&m)
        );
        assert!(
            Condition::Or(vec![is("lag", &["lss"]), is("utfall", &["delvis_bifall"])]).holds(&m)
        );
    }
}
