//! The closed vocabularies of case metadata besides `typ` ([`super::Kind`])
//! and `utfall` ([`super::outcome::Outcome`]): which act a case is under
//! (`lag`), which socialtjänstlag was in force (`socialtjanstlag`) and
//! whether a child is concerned (`barn`). Metadata keeps the words; these
//! enums are where the words are made and checked, so that a template that
//! writes `lag är sfb` is told the words there are.

/// The act a case is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lag {
    Sol,
    Lss,
}

impl Lag {
    pub const ALL: [Lag; 2] = [Lag::Sol, Lag::Lss];
    /// The words a template compares with (folded: lower case).
    pub const NAMES: [&'static str; 2] = ["sol", "lss"];

    /// The word as metadata shows it.
    pub fn shown(self) -> &'static str {
        match self {
            Lag::Sol => "SoL",
            Lag::Lss => "LSS",
        }
    }

    /// Parses a value as written ("SoL", "lss"), folded.
    pub fn parse(folded: &str) -> Option<Lag> {
        Lag::ALL
            .into_iter()
            .zip(Lag::NAMES)
            .find_map(|(lag, name)| (name == folded).then_some(lag))
    }
}

/// Which socialtjänstlag was in force on the document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Socialtjanstlag {
    /// SoL (2025:400), from 1 July 2025.
    Ny,
    /// SoL (2001:453), before.
    Gammal,
}

impl Socialtjanstlag {
    pub const NAMES: [&'static str; 2] =
        [Socialtjanstlag::Ny.name(), Socialtjanstlag::Gammal.name()];

    pub const fn name(self) -> &'static str {
        match self {
            Socialtjanstlag::Ny => "ny",
            Socialtjanstlag::Gammal => "gammal",
        }
    }
}

/// The words of a yes-or-no field such as `barn`.
pub const YES_NO: [&str; 2] = ["ja", "nej"];

/// `ja` or `nej`.
pub fn yes_no(yes: bool) -> &'static str {
    if yes { YES_NO[0] } else { YES_NO[1] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values_agree() {
        for lag in Lag::ALL {
            assert_eq!(Lag::parse(&lag.shown().to_lowercase()), Some(lag));
        }
        assert_eq!(Lag::parse("sfb"), None);
        for act in [Socialtjanstlag::Ny, Socialtjanstlag::Gammal] {
            assert!(Socialtjanstlag::NAMES.contains(&act.name()));
        }
        assert_eq!((yes_no(true), yes_no(false)), ("ja", "nej"));
        // The kinds' names, as templates are checked against them.
        assert_eq!(
            super::super::Kind::ALL.map(|k| k.name()),
            super::super::Kind::NAMES
        );
    }
}
