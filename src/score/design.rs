//! How the reviewed units were chosen, and what that means for the
//! estimates: a census has no sampling uncertainty; a simple random sample
//! from a known population has a finite population correction; a stratified
//! sample is weighted by the strata's sizes.
//!
//! A criterion's share is a ratio (documents that meet it / documents where
//! it applies), estimated as R̂ = Σₕ wₕ·metₕ / Σₕ wₕ·applicableₕ with the
//! design weights wₕ = Nₕ/nₕ, and its variance by linearisation:
//!
//! V(R̂) = Σₕ (1 − fₕ)·Nₕ²/(nₕ(nₕ − 1))·Σᵢ(uᵢ − ūₕ)² / X̂², uᵢ = yᵢ − R̂·xᵢ,
//!
//! the estimator of R's `survey::svyratio` for a stratified design with a
//! finite population correction. A stratum with one unit drawn from more
//! than one contributes (1 − fₕ)·(Nₕ·uᵢ/X̂)², its deviation from the overall
//! mean (`options(survey.lonely.psu = "adjust")`). The interval is Wilson's
//! with the effective number of units R̂(1 − R̂)/V(R̂).

use serde::Serialize;

use super::stats::{self, Interval};

/// What a sample draws: documents, or cases with all their documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[default]
    #[serde(rename = "dokument")]
    Document,
    #[serde(rename = "arende")]
    Case,
}

/// How the reviewed units were chosen from their population.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "typ", rename_all = "snake_case")]
pub enum Design {
    /// The population is not known: the units are treated as a sample from
    /// a large population (the binomial Wilson interval).
    #[default]
    #[serde(rename = "okand_population")]
    Unknown,
    /// Every unit of the population was reviewed.
    #[serde(rename = "totalundersokning")]
    Census,
    /// A simple random sample from a population of this many units.
    #[serde(rename = "slumpmassigt")]
    Simple { population: usize },
    /// A stratified sample: each stratum's name and population.
    #[serde(rename = "skiktat")]
    Stratified {
        key: String,
        strata: Vec<(String, usize)>,
    },
}

/// One stratum's counts for one share: its population and units drawn, and
/// of those, where the criterion applied and where it was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StratumCount {
    pub population: usize,
    pub drawn: usize,
    pub applicable: usize,
    pub met: usize,
}

/// A weighted share and the variance of its estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted {
    pub share: f64,
    pub variance: f64,
}

/// The weighted ratio met/applicable over strata, with its linearised
/// variance; none when the criterion applied nowhere (or the counts are
/// inconsistent).
pub fn stratified_ratio(strata: &[StratumCount]) -> Option<Weighted> {
    let weight = |s: &StratumCount| s.population as f64 / s.drawn as f64;
    let valid = |s: &&StratumCount| s.drawn > 0 && s.met <= s.applicable && s.applicable <= s.drawn;
    if strata.iter().any(|s| s.drawn > 0 && !valid(&s)) {
        return None;
    }
    let strata: Vec<&StratumCount> = strata.iter().filter(valid).collect();
    let total: f64 = strata.iter().map(|s| weight(s) * s.applicable as f64).sum();
    if total <= 0.0 {
        return None;
    }
    let met: f64 = strata.iter().map(|s| weight(s) * s.met as f64).sum();
    let r = met / total;
    let mut variance = 0.0;
    for s in strata {
        let (n, big_n) = (s.drawn as f64, s.population as f64);
        let fpc = (1.0 - n / big_n).max(0.0);
        let (met, applicable) = (s.met as f64, s.applicable as f64);
        // uᵢ is 1 − R̂ where met, −R̂ where applicable but not met, 0 elsewhere.
        let sum = met - r * applicable;
        let squares = met * (1.0 - r).powi(2) + (applicable - met) * r * r;
        variance += if s.drawn > 1 {
            fpc * big_n * big_n / (n * (n - 1.0)) * (squares - sum * sum / n)
        } else {
            fpc * (big_n * sum).powi(2)
        };
    }
    Some(Weighted {
        share: r,
        variance: (variance / (total * total)).max(0.0),
    })
}

/// The Wilson interval of a share estimated with `variance`: with the
/// effective number of units p(1 − p)/V. A share of 0 or 1 has no variance
/// to go by; then `fallback` units are used (the units where the criterion
/// applied, divided by the unsampled fraction). No sampling uncertainty
/// (a census) gives the share itself.
pub fn interval(w: Weighted, fallback: f64, z: f64) -> Interval {
    let p = w.share.clamp(0.0, 1.0);
    let n = if w.variance > 0.0 && p > 0.0 && p < 1.0 {
        p * (1.0 - p) / w.variance
    } else {
        fallback
    };
    if !n.is_finite() {
        return Interval { low: p, high: p };
    }
    stats::wilson_share(p, n, z).unwrap_or(Interval { low: p, high: p })
}

#[cfg(test)]
mod tests;
