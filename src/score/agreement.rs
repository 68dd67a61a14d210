//! Agreement between raters over nominal labels: accuracy and Cohen's kappa
//! for two (granska and a reviewer, or two reviewers), Krippendorff's alpha
//! for any number, with missing values.

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

/// Krippendorff's alpha for nominal labels: `units` holds, per unit (a case),
/// the labels the raters gave it. Units with fewer than two labels cannot be
/// paired and are left out. `None` when there is nothing to pair or the
/// labels vary not at all (expected disagreement 0), where alpha is
/// undefined.
///
/// From the coincidence matrix: each unit with `m` labels adds `1 / (m − 1)`
/// for every ordered pair of its labels; alpha = 1 − (n − 1) · Σ o(c,k≠c) /
/// Σ n(c) · n(k≠c) (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability").
pub fn krippendorff_alpha<L: Ord>(units: &[Vec<L>]) -> Option<f64> {
    let mut coincidences: BTreeMap<(&L, &L), f64> = BTreeMap::new();
    for labels in units.iter().filter(|u| u.len() >= 2) {
        let weight = 1.0 / (labels.len() - 1) as f64;
        for (i, a) in labels.iter().enumerate() {
            for (j, b) in labels.iter().enumerate() {
                if i != j {
                    *coincidences.entry((a, b)).or_default() += weight;
                }
            }
        }
    }
    let mut totals: BTreeMap<&L, f64> = BTreeMap::new();
    for (&(a, _), &o) in &coincidences {
        *totals.entry(a).or_default() += o;
    }
    let n: f64 = totals.values().sum();
    if n <= 1.0 {
        return None;
    }
    let observed: f64 = coincidences
        .iter()
        .filter(|((a, b), _)| a != b)
        .map(|(_, o)| o)
        .sum();
    let expected: f64 = totals
        .iter()
        .flat_map(|(a, na)| {
            totals
                .iter()
                .filter(move |(b, _)| a != *b)
                .map(move |(_, nb)| na * nb)
        })
        .sum();
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of coders, columns of units, 0 for a missing value, as units.
    fn by_unit(coders: &[&[u8]]) -> Vec<Vec<u8>> {
        (0..coders[0].len())
            .map(|u| coders.iter().map(|c| c[u]).filter(|&v| v != 0).collect())
            .collect()
    }

    #[test]
    fn alpha_matches_the_published_examples() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
        // four observers and twelve units, nominal: α = 0.743 (the same data
        // is the doctest of the Python package `krippendorff`).
        let units = by_unit(&[
            &[1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            &[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            &[0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            &[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ]);
        let alpha = krippendorff_alpha(&units).unwrap();
        assert!((alpha - 0.743).abs() < 0.0005, "{alpha}");
        // Wikipedia's computational example, three coders and fifteen units,
        // nominal: α = 0.691.
        let units = by_unit(&[
            &[0, 0, 0, 0, 0, 3, 4, 1, 2, 1, 1, 3, 3, 0, 3],
            &[1, 0, 2, 1, 3, 3, 4, 3, 0, 0, 0, 0, 0, 0, 0],
            &[0, 0, 2, 1, 3, 4, 4, 0, 2, 1, 1, 3, 3, 0, 4],
        ]);
        let alpha = krippendorff_alpha(&units).unwrap();
        assert!((alpha - 0.691).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn alpha_by_hand_and_when_undefined() {
        // Two raters, four cases: ja/ja, ja/nej, nej/nej, nej/nej. Coincidences:
        // ja-ja 2, nej-nej 4, ja-nej 1, nej-ja 1; n = 8, n(ja) = 3, n(nej) = 5;
        // α = 1 − 7 · 2 / (3·5 + 5·3) = 1 − 14/30 = 8/15.
        let units = vec![
            vec!["ja", "ja"],
            vec!["ja", "nej"],
            vec!["nej", "nej"],
            vec!["nej", "nej"],
        ];
        let alpha = krippendorff_alpha(&units).unwrap();
        assert!((alpha - 8.0 / 15.0).abs() < 1e-12, "{alpha}");
        assert_eq!(krippendorff_alpha(&[vec!["ja", "ja"], vec!["ja"]]), None);
        assert_eq!(krippendorff_alpha::<&str>(&[vec!["ja"]]), None);
    }

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
