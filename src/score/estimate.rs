//! One share as reported: its interval and its verdict against the target,
//! as the way the units were chosen allows (see [`super::design`]).

use serde::Serialize;

use super::design::{self, StratumCount};
use super::stats::{self, Interval, Verdict};

/// Groups with fewer documents than this are too small to judge.
pub const MIN_GROUP: usize = 5;

/// What is known of how a share's units were chosen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Basis {
    /// A sample from a population of unknown size: the binomial Wilson
    /// interval.
    #[default]
    Plain,
    /// Every unit of the population: the share is no estimate.
    Census,
    /// A simple (one stratum) or stratified random sample with the strata's
    /// sizes: the weighted share and its interval.
    Strata(Vec<StratumCount>),
}

/// A share's interval and verdict, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// The share weighted by the strata's sizes, when the sample was
    /// stratified: what the interval and the verdict are about (`share` is
    /// the unweighted tally).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weighted_share: Option<f64>,
    pub target: Option<f64>,
    pub verdict: Option<Verdict>,
    /// Why, in Swedish; none without a target and cases.
    pub verdict_reason: Option<String>,
}

impl Estimate {
    /// The interval as whole percentages ("70–92 %"), or "–".
    pub fn interval_text(&self) -> String {
        match (self.ci_low, self.ci_high) {
            (Some(low), Some(high)) if low == high => "ingen".to_string(),
            (Some(low), Some(high)) => stats::percent_range(Interval { low, high }),
            _ => "–".to_string(),
        }
    }

    /// Judges `met` of `n` against `target` as a sample from a large
    /// population; no verdict when `judge` is false (a group too small to
    /// judge). Returns the share too.
    pub fn new(met: usize, n: usize, target: Option<f64>, judge: bool) -> (Option<f64>, Estimate) {
        Estimate::of(met, n, target, judge, &Basis::Plain)
    }

    /// Judges `met` of `n` against `target` as `basis` allows. Returns the
    /// unweighted share too.
    pub fn of(
        met: usize,
        n: usize,
        target: Option<f64>,
        judge: bool,
        basis: &Basis,
    ) -> (Option<f64>, Estimate) {
        let z = stats::z_for(stats::CONFIDENCE);
        let share = (n > 0 && met <= n).then(|| met as f64 / n as f64);
        let (interval, weighted) = match basis {
            Basis::Plain => (stats::wilson(met, n, z), None),
            Basis::Census => (share.map(|p| Interval { low: p, high: p }), None),
            Basis::Strata(strata) => match design::stratified_ratio(strata) {
                Some(w) => {
                    let (drawn, population) = strata
                        .iter()
                        .fold((0, 0), |(d, p), s| (d + s.drawn, p + s.population));
                    let unsampled = 1.0 - drawn as f64 / population.max(1) as f64;
                    let fallback = if unsampled > 0.0 {
                        n as f64 / unsampled
                    } else {
                        f64::INFINITY
                    };
                    let weighted = (strata.len() > 1).then_some(w.share);
                    (Some(design::interval(w, fallback, z)), weighted)
                }
                None => (None, None),
            },
        };
        let point = weighted.or(share);
        let verdict = match (interval, target, point) {
            (Some(iv), Some(t), Some(p)) if judge => Some((Verdict::of(iv, t), iv, t, p)),
            _ => None,
        };
        let reason = match (verdict, target) {
            (Some((v, iv, t, p)), _) if iv.low == iv.high => Some(v.census_reason(p, t)),
            (Some((v, iv, t, _)), _) => Some(v.reason(iv, t)),
            (None, Some(_)) if !judge => Some(too_small_reason(n)),
            (None, Some(_)) if n == 0 => Some("Inget dokument att bedöma.".to_string()),
            _ => None,
        };
        let estimate = Estimate {
            ci_low: interval.map(|iv| round(iv.low)),
            ci_high: interval.map(|iv| round(iv.high)),
            weighted_share: weighted.map(round),
            target,
            verdict: verdict.map(|(v, ..)| v),
            verdict_reason: reason,
        };
        (share.map(round), estimate)
    }
}

fn too_small_reason(documents: usize) -> String {
    format!("För litet underlag: {documents} dokument, minst {MIN_GROUP} behövs för en bedömning.")
}

/// A share to four decimals, as reported.
pub(crate) fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
