//! clap's definitions for `stickprov` and the report formats.

use super::*;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub(crate) struct SampleCommand {
    #[command(subcommand)]
    pub(crate) size: Option<SampleSize>,
    #[command(flatten)]
    pub(crate) args: SampleArgs,
}

#[derive(Subcommand)]
pub(crate) enum SampleSize {
    /// Räkna ut hur stort stickprovet behöver vara.
    #[command(visible_alias = "size", help_template = HELP_TEMPLATE)]
    Storlek {
        /// Antal dokument att dra stickprovet ur.
        #[arg(long, value_name = "N", help_heading = "Flaggor")]
        population: usize,
        /// Önskad felmarginal, som andel (0,10 = ±10 procentenheter).
        #[arg(long = "marginal", value_name = "ANDEL", default_value_t = 0.10, value_parser = share, help_heading = "Flaggor")]
        margin: f64,
        /// Konfidensnivå, som andel.
        #[arg(long = "konfidens", value_name = "ANDEL", default_value_t = 0.95, value_parser = share, help_heading = "Flaggor")]
        confidence: f64,
        /// Förväntad andel uppfyllda (0,5 om okänd; ger störst stickprov).
        #[arg(long = "förväntad", visible_alias = "forvantad", value_name = "ANDEL", default_value_t = 0.5, value_parser = share, help_heading = "Flaggor")]
        expected: f64,
    },
}

/// A share between 0 and 1 (exclusive), written with a point or a comma.
pub(crate) fn share(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("”{text}” är inte ett tal; skriv t.ex. 0,10"))?;
    if value > 0.0 && value < 1.0 {
        Ok(value)
    } else {
        Err(format!(
            "{text} ska vara en andel mellan 0 och 1, t.ex. 0,10"
        ))
    }
}

#[derive(Args)]
pub(crate) struct SampleArgs {
    #[command(flatten)]
    pub(crate) inputs: InputArgs,
    #[command(flatten)]
    pub(crate) draw: DrawArgs,
    /// Skikta efter en metadatanyckel (t.ex. enhet): proportionellt, minst ett
    /// dokument ur varje skikt.
    #[arg(
        long = "skikta",
        visible_alias = "strata",
        value_name = "NYCKEL",
        help_heading = "Flaggor"
    )]
    pub(crate) strata: Option<String>,
    /// Dra ärenden i stället för dokument: varje draget ärende tar med alla
    /// sina dokument (ärendet läses ur nyckeln arende, t.ex. fältet Ärende: eller
    /// Dnr:; ett dokument utan ärende är ett eget ärende).
    #[arg(
        long = "per-ärende",
        visible_aliases = ["per-arende", "per-case"],
        help_heading = "Flaggor"
    )]
    pub(crate) per_case: bool,
    /// Ta bara med dokument där NYCKEL har VÄRDE; kan anges flera gånger.
    #[arg(long = "filter", value_name = "NYCKEL=VÄRDE", help_heading = "Flaggor")]
    pub(crate) filters: Vec<String>,
    /// Granska stickprovet direkt med mallen.
    #[arg(
        long = "kontrollera",
        visible_alias = "check",
        help_heading = "Flaggor"
    )]
    pub(crate) check: bool,
    /// Skriv resultatet till en fil: granskningen med --kontrollera, annars
    /// stickprovslistan (CSV).
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    pub(crate) out: Option<PathBuf>,
    /// Skriv stickprovslistan (CSV) till en fil, också med --kontrollera.
    #[arg(
        long = "lista",
        visible_alias = "list",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    pub(crate) list: Option<PathBuf>,
    /// Ersatt av --ut (resultatet) och --lista (stickprovslistan).
    #[arg(long = "rapport", value_name = "FIL", hide = true)]
    pub(crate) old_report: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// Läsbar text för skärmen.
    Text,
    /// JSON för program (stabilt format, se README).
    Json,
    /// Fynden som CSV (semikolon, UTF-8 med BOM) för Excel.
    Csv,
    /// SARIF 2.1.0 för andra analysverktyg.
    Sarif,
    /// Excel-arbetsbok: Sammanfattning, Kriterier, Dokument, Fynd.
    Xlsx,
    /// En fristående HTML-rapport med diagram och markerade dokument.
    Html,
}

/// Formats of commands that write only text or JSON.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum TextOrJson {
    /// Läsbar text för skärmen.
    Text,
    /// JSON för program.
    Json,
}

impl From<Format> for writer::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => writer::Format::Text,
            Format::Json => writer::Format::Json,
            Format::Csv => writer::Format::Csv,
            Format::Sarif => writer::Format::Sarif,
            Format::Xlsx => writer::Format::Xlsx,
            Format::Html => writer::Format::Html,
        }
    }
}
