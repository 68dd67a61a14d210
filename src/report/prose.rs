//! Sentences for the terminal that are not reports: what a stickprov drew,
//! the sample size to draw, and what `mall kontrollera` and `mall testa`
//! found. Identity numbers in values from the documents are masked here.

use std::fmt::Write as _;
use std::path::Path;

use super::privacy::shown;
use crate::criteria::{Check, Status};
use crate::engine::{ExampleFailure, ExampleProblem};
use crate::sample::{Population, Sample, Unit};
use crate::score::stats;
use crate::template::Template;

/// How a sample was asked for, to say what came of it.
#[derive(Debug, Clone, Copy)]
pub struct SampleRequest<'a> {
    /// The size asked for.
    pub asked: usize,
    /// Whether the user gave the seed (else it was drawn from the clock).
    pub seed_given: bool,
    /// The filters, as typed (`enhet=Norr`).
    pub filters: &'a [String],
    /// The strata key, if stratified.
    pub strata: Option<&'a str>,
    /// Where the list was written, if it was.
    pub list: Option<&'a Path>,
    pub show_pnr: bool,
}

/// What was drawn from what, line by line.
pub fn describe_sample(drawn: &Sample, population: &Population, asked: SampleRequest) -> String {
    let (unit, units) = match drawn.unit {
        Unit::Document => ("dokument", "dokument"),
        Unit::Case => ("ärende", "ärenden"),
    };
    let mut out = match drawn.unit {
        Unit::Document => format!(
            "Stickprov: {} av {} dokument, frö {}",
            drawn.drawn, drawn.population, drawn.seed
        ),
        Unit::Case => format!(
            "Stickprov: {} av {} ärenden ({} dokument), frö {}",
            drawn.drawn,
            drawn.population,
            drawn.chosen.len(),
            drawn.seed
        ),
    };
    if !asked.seed_given {
        let _ = write!(
            out,
            " (slumpat; ange --frö {} för att dra samma stickprov igen)",
            drawn.seed
        );
    }
    out += ".\n";
    if drawn.population == 0 {
        let _ = write!(out, "Det fanns inga {units} att dra stickprovet ur");
        out += if population.filtered_out > 0 {
            ": inget dokument passade filtret.\n"
        } else {
            ".\n"
        };
    }
    if population.filtered_out > 0 {
        let _ = writeln!(
            out,
            "{} dokument föll bort genom filtret ({}).",
            population.filtered_out,
            asked.filters.join(", ")
        );
    }
    if let Some(key) = asked.strata {
        let _ = writeln!(out, "Skiktat efter {key}:");
        for s in &drawn.strata {
            let name = shown(&s.name, asked.show_pnr);
            let _ = writeln!(out, "  {name}: {} av {}", s.drawn, s.population);
        }
    }
    if drawn.drawn > asked.asked {
        let _ = writeln!(
            out,
            "Stickprovet blev större än {}: minst ett {unit} dras ur varje skikt.",
            asked.asked
        );
    } else if drawn.drawn < asked.asked {
        let _ = writeln!(out, "Alla {units} kom med: det fanns inte fler.");
    }
    if let Some(path) = asked.list {
        let _ = writeln!(out, "Listan skrevs till {}.", path.display());
    }
    out
}

/// The sample size to draw from `population` for a share within `margin`
/// at `confidence`, when the share is expected near `expected`.
pub fn sample_size(population: usize, margin: f64, confidence: f64, expected: f64) -> String {
    let n = stats::sample_size(population, margin, confidence, expected);
    format!(
        "Dra {n} av {population} dokument för att med {} säkerhet skatta en andel inom \
         ±{} procentenheter, om andelen väntas vara omkring {}.",
        stats::percent(confidence),
        format!("{:.1}", margin * 100.0)
            .trim_end_matches(".0")
            .replace('.', ","),
        stats::percent(expected)
    )
}

/// `mall kontrollera`: the template is correct, and what it holds.
pub fn template_checked(template: &Template) -> String {
    let questions = template
        .criteria
        .iter()
        .filter(|c| matches!(c.check, Check::Question))
        .count();
    format!(
        "Mallen ”{}” är korrekt: {} perspektiv, {} kriterier, {} frågor.",
        template.name,
        template.perspectives.len(),
        template.criteria.len() - questions,
        questions
    )
}

/// `mall testa`: each example that failed, then the verdict.
pub fn examples_tested(template: &Template, count: usize, failures: &[ExampleFailure]) -> String {
    let mut out = String::new();
    for f in failures {
        let what = match &f.problem {
            ExampleProblem::Status {
                expected_met,
                actual,
            } => format!(
                "väntat {}, blev {}",
                if *expected_met {
                    Status::Met.word()
                } else {
                    Status::NotMet.word()
                },
                actual.word()
            ),
            ExampleProblem::Place { expected, found } if found.is_empty() => {
                format!("väntat ett fynd vid ”{expected}”, men det blev inga fynd")
            }
            ExampleProblem::Place { expected, found } => format!(
                "väntat ett fynd vid ”{expected}”, men fynden gällde {}",
                found
                    .iter()
                    .map(|f| format!("”{f}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ExampleProblem::Advice {
                place,
                expected,
                found,
            } => format!(
                "fyndet vid ”{place}” borde föreslå ”{expected}”, men föreslog {}",
                found
                    .as_deref()
                    .map_or("inget".to_string(), |s| format!("”{s}”"))
            ),
        };
        let _ = writeln!(
            out,
            "✗ {} (exemplet på rad {} i {}): {what}",
            f.criterion, f.line, f.file
        );
    }
    if failures.is_empty() {
        let _ = writeln!(
            out,
            "Alla {count} exempel i ”{}” ger väntat resultat.",
            template.name
        );
    } else {
        let examples: std::collections::BTreeSet<(&str, usize)> =
            failures.iter().map(|f| (f.file.as_str(), f.line)).collect();
        let _ = writeln!(
            out,
            "{} av {count} exempel gav inte väntat resultat.",
            examples.len()
        );
    }
    out
}
