//! Agreement between two raters (granska and a reviewer, or two reviewers):
//! accuracy and Cohen's kappa over nominal labels.

use std::collections::BTreeMap;

/// Agreement over pairs of labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Number of pairs.
    pub n: usize,
    /// Share of pairs where the labels are equal.
    pub accuracy: f64,
    /// Cohen's kappa; `None` when chance agreement is 1 (both raters used one
    /// and the same label throughout), where kappa is undefined.
    pub kappa: Option<f64>,
}

/// Accuracy and Cohen's kappa of `pairs` (rater A's label, rater B's label).
pub fn agreement<L: Ord>(pairs: &[(L, L)]) -> Option<Agreement> {
    let n = pairs.len();
    if n == 0 {
        return None;
    }
    let mut a: BTreeMap<&L, usize> = BTreeMap::new();
    let mut b: BTreeMap<&L, usize> = BTreeMap::new();
    let mut equal = 0;
    for (x, y) in pairs {
        *a.entry(x).or_default() += 1;
        *b.entry(y).or_default() += 1;
        equal += usize::from(x == y);
    }
    let observed = equal as f64 / n as f64;
    let chance: f64 = a
        .iter()
        .map(|(label, count)| {
            *count as f64 / n as f64 * b.get(label).copied().unwrap_or(0) as f64 / n as f64
        })
        .sum();
    let kappa = ((1.0 - chance).abs() > f64::EPSILON).then(|| (observed - chance) / (1.0 - chance));
    Some(Agreement {
        n,
        accuracy: observed,
        kappa,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(
        counts: &[((&'static str, &'static str), usize)],
    ) -> Vec<(&'static str, &'static str)> {
        counts
            .iter()
            .flat_map(|&(pair, n)| std::iter::repeat_n(pair, n))
            .collect()
    }

    #[test]
    fn matches_the_textbook_example() {
        // The worked example of Cohen's kappa on Wikipedia: 50 applications,
        // both yes 20, A yes B no 5, A no B yes 10, both no 15 — po = 0.7,
        // pe = 0.5, κ = 0.4.
        let p = pairs(&[
            (("ja", "ja"), 20),
            (("ja", "nej"), 5),
            (("nej", "ja"), 10),
            (("nej", "nej"), 15),
        ]);
        let a = agreement(&p).unwrap();
        assert_eq!(a.n, 50);
        assert!((a.accuracy - 0.7).abs() < 1e-12);
        assert!((a.kappa.unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn perfect_and_degenerate_cases() {
        let p = pairs(&[(("a", "a"), 3), (("b", "b"), 2)]);
        assert_eq!(agreement(&p).unwrap().kappa, Some(1.0));
        // One label throughout: chance agreement is 1, kappa undefined.
        let p = pairs(&[(("a", "a"), 4)]);
        let a = agreement(&p).unwrap();
        assert_eq!((a.accuracy, a.kappa), (1.0, None));
        assert_eq!(agreement::<&str>(&[]), None);
    }
}
