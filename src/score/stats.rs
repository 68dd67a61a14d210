//! The statistics of a stickprov: Wilson score intervals for a share,
//! Newcombe's hybrid score interval for the change between two rounds, the
//! verdict against a target, and the sample size for a wanted precision.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

/// The confidence level of every interval granska reports.
pub const CONFIDENCE: f64 = 0.95;

/// The two-sided normal quantile of a confidence level (0.95 → 1.95996…).
pub fn z_for(confidence: f64) -> f64 {
    let normal = Normal::new(0.0, 1.0).expect("the standard normal distribution exists");
    normal.inverse_cdf(1.0 - (1.0 - confidence) / 2.0)
}

/// A confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// The Wilson score interval of `k` successes in `n` trials; none when
/// `n == 0`. Exact at the edges: 0 of n starts at 0, n of n ends at 1.
pub fn wilson(k: usize, n: usize, z: f64) -> Option<Interval> {
    if k > n {
        return None;
    }
    wilson_share(k as f64 / n as f64, n as f64, z)
}

/// The Wilson score interval of a share `p` observed over `n` units (`n`
/// need not be whole: an effective number of units); none unless `n > 0`.
/// Exact at the edges: a share of 0 starts at 0, a share of 1 ends at 1.
pub fn wilson_share(p: f64, n: f64, z: f64) -> Option<Interval> {
    if n.is_nan() || n <= 0.0 || !(0.0..=1.0).contains(&p) {
        return None;
    }
    let z2 = z * z;
    let centre = p + z2 / (2.0 * n);
    let margin = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let denominator = 1.0 + z2 / n;
    Some(Interval {
        low: if p == 0.0 {
            0.0
        } else {
            ((centre - margin) / denominator).max(0.0)
        },
        high: if p == 1.0 {
            1.0
        } else {
            ((centre + margin) / denominator).min(1.0)
        },
    })
}

/// The change from one share to another, with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// Later share minus earlier share.
    pub estimate: f64,
    pub interval: Interval,
}

/// The difference `k2/n2 − k1/n1` with Newcombe's hybrid score interval
/// (method 10 of Newcombe 1998), built from the two Wilson intervals; none
/// when either round has no cases.
pub fn newcombe(k1: usize, n1: usize, k2: usize, n2: usize, z: f64) -> Option<Difference> {
    let (w1, w2) = (wilson(k1, n1, z)?, wilson(k2, n2, z)?);
    let (p1, p2) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let estimate = p2 - p1;
    Some(Difference {
        estimate,
        interval: Interval {
            low: estimate - ((p2 - w2.low).powi(2) + (w1.high - p1).powi(2)).sqrt(),
            high: estimate + ((w2.high - p2).powi(2) + (p1 - w1.low).powi(2)).sqrt(),
        },
    })
}

/// Where a share stands against its target, judged by its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    /// The whole interval is at or above the target.
    #[serde(rename = "uppnått")]
    Achieved,
    /// The whole interval is below the target.
    #[serde(rename = "ej uppnått")]
    NotAchieved,
    /// The interval straddles the target: the sample cannot tell.
    #[serde(rename = "osäkert")]
    Uncertain,
}

impl Verdict {
    /// Judges an interval against a target.
    pub fn of(interval: Interval, target: f64) -> Verdict {
        if interval.low >= target {
            Verdict::Achieved
        } else if interval.high < target {
            Verdict::NotAchieved
        } else {
            Verdict::Uncertain
        }
    }

    /// The verdict in Swedish, as in the reports.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Achieved => "uppnått",
            Verdict::NotAchieved => "ej uppnått",
            Verdict::Uncertain => "osäkert",
        }
    }

    /// Why, in one Swedish sentence.
    pub fn reason(self, interval: Interval, target: f64) -> String {
        let range = percent_range(interval);
        let target = percent(target);
        match self {
            Verdict::Achieved => {
                format!("Hela intervallet {range} ligger på eller över målet {target}.")
            }
            Verdict::NotAchieved => {
                format!("Hela intervallet {range} ligger under målet {target}.")
            }
            Verdict::Uncertain => format!(
                "Intervallet {range} omfattar målet {target}: stickprovet räcker inte för att avgöra."
            ),
        }
    }

    /// Why, in one Swedish sentence, when every unit was reviewed and the
    /// share is no estimate.
    pub fn census_reason(self, share: f64, target: f64) -> String {
        let (share, target) = (percent(share), percent(target));
        match self {
            Verdict::NotAchieved => format!(
                "Alla granskades, så andelen {share} är ingen skattning: den ligger under målet {target}."
            ),
            _ => format!(
                "Alla granskades, så andelen {share} är ingen skattning: den ligger på eller över målet {target}."
            ),
        }
    }
}

/// Where a change between two rounds stands, judged by its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Change {
    /// The whole interval of the difference is above zero.
    #[serde(rename = "tydlig förbättring")]
    Improvement,
    /// The whole interval is below zero.
    #[serde(rename = "tydlig försämring")]
    Decline,
    /// The interval contains zero.
    #[serde(rename = "inom slumpens variation")]
    WithinNoise,
}

impl Change {
    /// Judges the interval of a difference.
    pub fn of(interval: Interval) -> Change {
        if interval.low > 0.0 {
            Change::Improvement
        } else if interval.high < 0.0 {
            Change::Decline
        } else {
            Change::WithinNoise
        }
    }

    /// The judgement in Swedish, as in the reports.
    pub fn name(self) -> &'static str {
        match self {
            Change::Improvement => "tydlig förbättring",
            Change::Decline => "tydlig försämring",
            Change::WithinNoise => "inom slumpens variation",
        }
    }
}

/// A share as a whole percentage in Swedish style ("84 %").
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// An interval as whole percentages ("70–92 %").
pub fn percent_range(interval: Interval) -> String {
    format!("{:.0}–{:.0} %", interval.low * 100.0, interval.high * 100.0)
}

/// How many cases to sample from a population of `population` so that a
/// share is estimated within ± `margin` at `confidence`, when the share is
/// expected to be about `expected` (0.5 when unknown gives the largest
/// sample): `n₀ = z²·p(1−p)/e²`, corrected for the finite population as
/// `n = n₀ / (1 + (n₀ − 1)/N)`, rounded up and never more than the population.
pub fn sample_size(population: usize, margin: f64, confidence: f64, expected: f64) -> usize {
    if population == 0 {
        return 0;
    }
    let z = z_for(confidence);
    let n0 = z * z * expected * (1.0 - expected) / (margin * margin);
    // A precision no sample gives (a margin near 0, a confidence near 1):
    // only the whole population will do.
    if !n0.is_finite() || n0 >= population as f64 * 1e6 {
        return population;
    }
    let n = n0 / (1.0 + (n0 - 1.0) / population as f64);
    // Rounding noise (277.0000001) must not add a case.
    let n = (n - 1e-9).ceil().max(1.0) as usize;
    n.min(population)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z() -> f64 {
        z_for(CONFIDENCE)
    }

    #[test]
    fn an_absurd_precision_asks_for_the_whole_population() {
        assert_eq!(sample_size(300, 1e-200, 0.95, 0.5), 300);
        assert_eq!(sample_size(300, 0.10, 0.999_999_999_999_999_9, 0.5), 300);
        assert_eq!(sample_size(300, 1e-9, 0.95, 0.5), 300);
        assert_eq!(sample_size(300, 0.10, 0.95, 0.5), 73);
    }

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} is not {expected} ± {tolerance}"
        );
    }

    #[test]
    fn the_normal_quantile_of_95_percent() {
        // Tables of the standard normal distribution: 1.959964, 2.575829.
        close(z(), 1.959_964, 1e-6);
        close(z_for(0.99), 2.575_829, 1e-6);
    }

    #[test]
    fn wilson_intervals_match_newcombe_1998() {
        // Newcombe (1998), "Two-sided confidence intervals for the single
        // proportion", Statistics in Medicine 17:857–872, table II, method 3
        // (score interval without continuity correction), given to 4 decimals.
        for (k, n, low, high) in [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ] {
            let w = wilson(k, n, z()).unwrap();
            close(w.low, low, 5e-5);
            close(w.high, high, 5e-5);
        }
    }

    #[test]
    fn wilson_edges() {
        assert_eq!(wilson(0, 0, z()), None, "no cases, no interval");
        assert_eq!(wilson(3, 2, z()), None);
        let none = wilson(0, 10, z()).unwrap();
        assert_eq!(none.low, 0.0);
        // Upper bound of 0 of n is z²/(n + z²): 3.8415/13.8415.
        close(none.high, 0.277_53, 5e-5);
        let all = wilson(10, 10, z()).unwrap();
        assert_eq!(all.high, 1.0);
        close(all.low, 1.0 - 0.277_53, 5e-5);
    }

    #[test]
    fn newcombe_differences_match_newcombe_1998() {
        // Newcombe (1998), "Interval estimation for the difference between
        // independent proportions", Statistics in Medicine 17:873–890,
        // table II, method 10. The paper gives p1 − p2; here the earlier
        // round is the second pair, so the difference is the same.
        for ((k1, n1), (k2, n2), low, high) in [
            ((48, 80), (56, 70), 0.0524, 0.3339),
            ((3, 10), (9, 10), 0.1705, 0.8090),
            ((0, 29), (5, 56), -0.0381, 0.1926),
            ((0, 20), (0, 10), -0.1611, 0.2775),
            ((0, 20), (10, 10), 0.6791, 1.0),
        ] {
            let d = newcombe(k1, n1, k2, n2, z()).unwrap();
            close(d.interval.low, low, 5e-5);
            close(d.interval.high, high, 5e-5);
        }
        assert_eq!(newcombe(0, 0, 5, 10, z()), None);
    }

    #[test]
    fn verdicts_against_a_target() {
        let iv = |low, high| Interval { low, high };
        assert_eq!(Verdict::of(iv(0.91, 0.99), 0.9), Verdict::Achieved);
        assert_eq!(Verdict::of(iv(0.90, 0.99), 0.9), Verdict::Achieved);
        assert_eq!(Verdict::of(iv(0.70, 0.89), 0.9), Verdict::NotAchieved);
        assert_eq!(Verdict::of(iv(0.70, 0.92), 0.9), Verdict::Uncertain);
        assert_eq!(
            Verdict::Uncertain.reason(iv(0.70, 0.92), 0.9),
            "Intervallet 70–92 % omfattar målet 90 %: stickprovet räcker inte för att avgöra."
        );
        assert_eq!(Change::of(iv(0.01, 0.3)), Change::Improvement);
        assert_eq!(Change::of(iv(-0.3, -0.01)), Change::Decline);
        assert_eq!(Change::of(iv(-0.1, 0.2)), Change::WithinNoise);
    }

    #[test]
    fn sample_sizes_match_published_calculators() {
        // Raosoft's sample size calculator (and the formula by hand):
        // N = 500, ±10 %, 95 %, 50 % → 81; N = 1000, ±5 % → 278;
        // N = 20 000, ±5 % → 377.
        assert_eq!(sample_size(500, 0.10, 0.95, 0.5), 81);
        assert_eq!(sample_size(1000, 0.05, 0.95, 0.5), 278);
        assert_eq!(sample_size(20_000, 0.05, 0.95, 0.5), 377);
        // Expecting 90 % met needs fewer: 1.96²·0.09/0.01 = 34.6 → N = 500: 33.
        assert_eq!(sample_size(500, 0.10, 0.95, 0.9), 33);
        assert_eq!(sample_size(10, 0.05, 0.95, 0.5), 10, "never above N");
        assert_eq!(sample_size(0, 0.05, 0.95, 0.5), 0);
    }
}
