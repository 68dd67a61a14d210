use super::*;

fn count(population: usize, drawn: usize, applicable: usize, met: usize) -> StratumCount {
    StratumCount {
        population,
        drawn,
        applicable,
        met,
    }
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

/// The standard error beside the share, as R's `survey` prints it.
fn se(w: Weighted) -> f64 {
    w.variance.sqrt()
}

#[test]
fn weighted_shares_and_their_errors_match_r_survey() {
    // R 4.2, survey 4.1.1 (Lumley), `svyratio(~met, ~app, design)` with
    // `svydesign(ids = ~1, strata = ~stratum, fpc = ~N)` and
    // `options(survey.lonely.psu = "adjust")`: scripts/skiktad-skattning.R.
    let four = [
        count(120, 8, 7, 5),
        count(60, 5, 5, 4),
        count(20, 1, 1, 1),
        count(3, 3, 2, 1),
    ];
    let w = stratified_ratio(&four).unwrap();
    close(w.share, 0.770_053_475_9);
    close(se(w), 0.119_048_880_4);
    let w = stratified_ratio(&[four[0], four[1], four[3]]).unwrap();
    close(w.share, 0.742_514_970_1);
    close(se(w), 0.130_509_320_6);
    let w = stratified_ratio(&[count(200, 20, 12, 9)]).unwrap();
    close(w.share, 0.75);
    close(se(w), 0.121_666_065_8);
}

#[test]
fn one_stratum_is_the_textbook_share_with_its_finite_population_correction() {
    // Cochran, Sampling Techniques (3rd ed., 1977), eq. 3.11:
    // v(p) = (1 − f)·p·q/(n − 1); 17 of 20 from 200: 0.9·0.85·0.15/19.
    // R's survey gives the same: SE 0.0777140508.
    let w = stratified_ratio(&[count(200, 20, 20, 17)]).unwrap();
    close(w.share, 0.85);
    close(w.variance, 0.9 * 0.85 * 0.15 / 19.0);
    close(se(w), 0.077_714_050_8);
}

#[test]
fn a_census_has_no_sampling_uncertainty() {
    let w = stratified_ratio(&[count(30, 30, 30, 27), count(5, 5, 4, 4)]).unwrap();
    close(w.share, 31.0 / 34.0);
    close(w.variance, 0.0);
    let iv = interval(w, f64::INFINITY, stats::z_for(stats::CONFIDENCE));
    assert_eq!((iv.low, iv.high), (w.share, w.share));
}

#[test]
fn the_interval_is_wilsons_with_the_effective_number_of_units() {
    let z = stats::z_for(stats::CONFIDENCE);
    let w = stratified_ratio(&[count(200, 20, 20, 17)]).unwrap();
    let n = 0.85 * 0.15 / w.variance;
    assert_eq!(
        interval(w, 20.0, z),
        stats::wilson_share(0.85, n, z).unwrap()
    );
    // All met: no variance to go by, so the fallback number of units.
    let all = stratified_ratio(&[count(200, 20, 20, 20)]).unwrap();
    assert_eq!(interval(all, 20.0, z), stats::wilson(20, 20, z).unwrap());
}

#[test]
fn strata_where_nothing_applied_or_nothing_was_drawn_are_left_out() {
    assert_eq!(stratified_ratio(&[count(10, 0, 0, 0)]), None);
    assert_eq!(stratified_ratio(&[count(10, 4, 0, 0)]), None);
    assert_eq!(
        stratified_ratio(&[count(10, 4, 3, 4)]),
        None,
        "more met than applied"
    );
    let w = stratified_ratio(&[count(10, 0, 0, 0), count(20, 20, 10, 5)]).unwrap();
    close(w.share, 0.5);
}
