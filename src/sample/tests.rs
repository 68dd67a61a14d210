//! Tests of the parent module.

use super::*;

fn population(strata: &[(&str, usize)]) -> Vec<Candidate> {
    let mut all = Vec::new();
    for (name, size) in strata {
        for i in 0..*size {
            all.push(Candidate {
                input: all.len(),
                record: None,
                id: format!("{name}-{i:03}"),
                path: format!("{name}/{i:03}.txt"),
                case: format!("{name}-{i:03}"),
                handlaggare: None,
                enhet: None,
                insats: None,
                stratum: Some(name.to_string()),
            });
        }
    }
    all
}

#[test]
fn allocation_is_proportional_with_at_least_one_per_stratum() {
    // 20 from 100/60/30/10: exact quotas 10, 6, 3, 1.
    assert_eq!(allocate(&[100, 60, 30, 10], 20), vec![10, 6, 3, 1]);
    // 10 from 50/45/5: quotas 5, 4.5, 0.5 → the small stratum still
    // gets one.
    assert_eq!(allocate(&[50, 45, 5], 10), vec![5, 4, 1]);
    // 10 from 90/5/5: quotas 9, 0.5, 0.5 → one each for the small
    // strata, given back by the large one.
    assert_eq!(allocate(&[90, 5, 5], 10), vec![8, 1, 1]);
    // Largest remainders: 7 from 3/3/3 gives 3, 2, 2 (ties to the first).
    assert_eq!(allocate(&[3, 3, 3], 7), vec![3, 2, 2]);
    // More strata than n: one from each.
    assert_eq!(allocate(&[10, 10, 10], 2), vec![1, 1, 1]);
    // Never more than there are.
    assert_eq!(allocate(&[2, 1], 10), vec![2, 1]);
    assert_eq!(allocate(&[], 5), Vec::<usize>::new());
    assert_eq!(allocate(&[0, 4], 2), vec![0, 2]);
}

proptest::proptest! {
    #[test]
    fn allocation_keeps_its_promises(
        sizes in proptest::collection::vec(0usize..200, 0..12),
        n in 0usize..400,
    ) {
        let alloc = allocate(&sizes, n);
        let total: usize = sizes.iter().sum();
        let nonempty = sizes.iter().filter(|&&s| s > 0).count();
        proptest::prop_assert_eq!(alloc.len(), sizes.len());
        for (a, s) in alloc.iter().zip(&sizes) {
            proptest::prop_assert!(a <= s, "never more than a stratum has");
            if *s > 0 && n > 0 {
                proptest::prop_assert!(*a >= 1, "at least one from every stratum");
            }
        }
        let sum: usize = alloc.iter().sum();
        let wanted = if n == 0 { 0 } else { n.min(total).max(nonempty.min(total)) };
        proptest::prop_assert_eq!(sum, wanted);
    }
}

#[test]
fn the_same_seed_draws_the_same_sample() {
    let all = population(&[("a", 40)]);
    let first = draw(&all, 8, 42);
    assert_eq!(first, draw(&all, 8, 42));
    assert_ne!(first.chosen, draw(&all, 8, 43).chosen);
    assert_eq!(first.chosen.len(), 8);
    let mut paths: Vec<_> = first.chosen.iter().map(|c| &c.path).collect();
    paths.dedup();
    assert_eq!(paths.len(), 8, "no document twice");
}

#[test]
fn stratified_samples_follow_the_strata_sizes() {
    let all = population(&[("Norr", 60), ("Söder", 30), ("Väster", 10)]);
    let sample = draw(&all, 20, 7);
    let drawn: Vec<(&str, usize, usize)> = sample
        .strata
        .iter()
        .map(|s| (s.name.as_str(), s.population, s.drawn))
        .collect();
    assert_eq!(
        drawn,
        vec![("Norr", 60, 12), ("Söder", 30, 6), ("Väster", 10, 2)]
    );
    for s in &sample.strata {
        let chosen = sample
            .chosen
            .iter()
            .filter(|c| c.stratum.as_deref() == Some(s.name.as_str()))
            .count();
        assert_eq!(chosen, s.drawn);
    }
}

#[test]
fn a_sample_larger_than_the_population_takes_everyone() {
    let all = population(&[("a", 3)]);
    assert_eq!(draw(&all, 10, 1).chosen, all);
    assert!(draw(&[], 10, 1).chosen.is_empty());
}

#[test]
fn filters_are_parsed_with_a_swedish_error() {
    assert_eq!(
        Filter::parse("enhet = Norr"),
        Ok(Filter {
            key: "enhet".into(),
            value: "Norr".into()
        })
    );
    assert!(Filter::parse("enhet").unwrap_err().contains("NYCKEL=VÄRDE"));
    assert!(Filter::parse("=x").is_err());
}

#[test]
fn cases_are_drawn_whole_and_never_split() {
    // 12 documents in 4 cases of three documents each.
    let mut all = population(&[("Norr", 8), ("Söder", 4)]);
    for (i, c) in all.iter_mut().enumerate() {
        c.case = format!("Dnr {}", i / 3);
    }
    // Spacing and case do not split a case.
    all[1].case = "dnr  0".into();
    let sample = draw_cases(&all, 2, 9);
    assert_eq!(sample.unit, Unit::Case);
    assert_eq!((sample.population, sample.drawn), (4, 2));
    let mut drawn: Vec<String> = sample.chosen.iter().map(Candidate::case_key).collect();
    drawn.dedup();
    assert_eq!(drawn.len(), 2, "two cases: {drawn:?}");
    for case in &drawn {
        let whole = all.iter().filter(|c| &c.case_key() == case).count();
        let chosen = sample
            .chosen
            .iter()
            .filter(|c| &c.case_key() == case)
            .count();
        assert_eq!(chosen, whole, "every document of {case}");
    }
    // A case is in the stratum of its first document: case 2 (documents
    // 6–8) is Norr's although document 8 is Söder's.
    let four = draw_cases(&all, 4, 1);
    let strata: Vec<(&str, usize)> = four
        .strata
        .iter()
        .map(|s| (s.name.as_str(), s.population))
        .collect();
    assert_eq!(strata, [("Norr", 3), ("Söder", 1)]);
    assert_eq!(
        draw_cases(&all, 2, 9),
        sample,
        "the same seed, the same cases"
    );
}
