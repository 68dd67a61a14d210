//! The values some flags take: the population of a `kontrollera` run and
//! the formats of `jämför`.

use super::*;

/// The population a `kontrollera` run's documents come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Population {
    /// The documents are the whole population.
    All,
    /// A simple random sample from this many.
    Of(usize),
}

/// "alla", or a whole number of at least one.
pub(crate) fn parse_population(text: &str) -> Result<Population, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("alla") || text.eq_ignore_ascii_case("all") {
        return Ok(Population::All);
    }
    match text.replace([' ', '\u{a0}'], "").parse::<usize>() {
        Ok(n) if n > 0 => Ok(Population::Of(n)),
        _ => Err(format!(
            "”{text}” är varken ett antal (t.ex. 240) eller ”alla”"
        )),
    }
}

/// Formats of a comparison of rounds.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CompareFormat {
    /// Läsbar text för skärmen.
    Text,
    /// JSON för program.
    Json,
    /// En fristående HTML-sida med diagram, att lämna till nämnden.
    Html,
    /// Excel-arbetsbok: Omgångar, Perspektiv, Kriterier.
    Xlsx,
}
