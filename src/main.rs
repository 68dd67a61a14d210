//! The `granska` command: parses arguments, calls the library, renders, and
//! maps the result to an exit code.
//!
//! Exit codes: 0 the run completed; 1 `--strikt` and some criterion not met (or
//! a template example failed); 2 bad invocation or template errors; 3 the run
//! completed but some inputs could not be read.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use granska::engine;
use granska::finding::Severity;
use granska::granskning;
use granska::ingest;
use granska::report::output::OutputFile;
use granska::report::privacy::shown;
use granska::report::{self, explain, text, writer};
use granska::sample;
use granska::score::{compare, evaluation, stats};
use granska::template::{Template, TemplateErrors};

/// A line on stderr with identity numbers masked and control characters made
/// harmless, whatever the flags: paths typed on the command line and file
/// names end up in messages, and messages are not results to be shown in full.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", shown(&format!($($arg)*), false))
    };
}

/// [`say!`] without the line end.
macro_rules! say_part {
    ($($arg:tt)*) => {
        eprint!("{}", shown(&format!($($arg)*), false))
    };
}

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
{usage-heading} {usage}

{all-args}{after-help}";

#[derive(Parser)]
#[command(
    name = "granska",
    version,
    about = "Granskar utredningar och beslut i socialtjänsten mot en granskningsmall.",
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Kommandon",
    next_help_heading = "Flaggor"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(short = 'h', long = "hjälp", visible_alias = "help", action = clap::ArgAction::Help, global = true, help = "Visa hjälp")]
    help: Option<bool>,
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, help = "Visa version")]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    /// Granska dokument mot mallen och visa poäng och fynd.
    #[command(visible_alias = "check", help_template = HELP_TEMPLATE)]
    Kontrollera(CheckArgs),
    /// Kontrollera, testa eller visa en granskningsmall.
    #[command(subcommand, visible_alias = "template", help_template = HELP_TEMPLATE, subcommand_help_heading = "Kommandon")]
    Mall(TemplateCommand),
    /// Dra ett stickprov av dokument (slumpvis eller skiktat) och granska det.
    #[command(visible_alias = "sample", help_template = HELP_TEMPLATE, subcommand_help_heading = "Kommandon")]
    Stickprov(SampleCommand),
    /// Jämför granskningsomgångar (JSON-rapporter eller sammanställda
    /// kollegiegranskningar från granska): två, eller fler i tidsordning.
    #[command(name = "jämför", visible_aliases = ["jamfor", "compare"], help_template = HELP_TEMPLATE)]
    Jamfor {
        /// Omgångarnas rapporter i tidsordning, t.ex. vår.json höst.json; med
        /// fler än två visas utvecklingen över alla.
        #[arg(value_name = "OMGÅNG", num_args = 2.., required = true, help_heading = "Argument")]
        rounds: Vec<PathBuf>,
        /// Utdataformat.
        #[arg(long, value_enum, default_value = "text", help_heading = "Flaggor")]
        format: TextOrJson,
        /// Visa personnummer omaskerade (undvik!).
        #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
        show_pnr: bool,
    },
    /// Visa vilka metadatanycklar och värden dokumenten har, och hur många
    /// dokument som har vart och ett (till --skikta, --gruppera och --filter).
    #[command(help_template = HELP_TEMPLATE)]
    Metadata {
        #[command(flatten)]
        inputs: InputArgs,
        /// Visa högst så många värden per nyckel.
        #[arg(long = "värden", visible_aliases = ["varden", "values"], value_name = "N", default_value_t = 20, help_heading = "Flaggor")]
        shown: usize,
    },
    /// Jämför granskas bedömningar med ett facit som en granskare har skrivit:
    /// överensstämmelse (κ) per kriterium och fyndens precision och täckning.
    #[command(name = "utvärdera", visible_aliases = ["utvardera", "evaluate"], help_template = HELP_TEMPLATE)]
    Utvardera {
        /// Facit (JSON): status per kriterium och förväntade fynd per dokument.
        #[arg(value_name = "FACIT", help_heading = "Argument")]
        facit: PathBuf,
        /// Dokumenten (standard: mappen där facit ligger).
        #[command(flatten)]
        inputs: InputArgs,
        /// Utdataformat.
        #[arg(long, value_enum, default_value = "text", help_heading = "Flaggor")]
        format: TextOrJson,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Kollegiegranskning: fördela ärenden på granskare och skriv protokoll.
    #[command(subcommand, visible_alias = "review", help_template = HELP_TEMPLATE, subcommand_help_heading = "Kommandon")]
    Granskning(ReviewCommand),
    /// Förklara ett kriterium: perspektiv, källa, meddelande, råd och exempel.
    #[command(name = "förklara", visible_aliases = ["forklara", "explain"], help_template = HELP_TEMPLATE)]
    Forklara {
        /// Kriteriets id, t.ex. RS-OVERKLAGANDE.
        #[arg(value_name = "ID", help_heading = "Argument")]
        id: String,
        #[command(flatten)]
        template: TemplateArg,
    },
}

#[derive(Subcommand)]
enum ReviewCommand {
    /// Förbered en omgång: fördela ärendena på granskarna (aldrig egna
    /// ärenden) och skriv en plan och ett protokoll (xlsx) per granskare.
    #[command(name = "förbered", visible_aliases = ["forbered", "prepare"], help_template = HELP_TEMPLATE)]
    Forbered(PrepareArgs),
    /// Sammanställ en omgång: läs de ifyllda protokollen, kontrollera dem och
    /// räkna ut frågornas resultat, samstämmigheten och ändrade bedömningar.
    #[command(name = "sammanställ", visible_aliases = ["sammanstall", "compile"], help_template = HELP_TEMPLATE)]
    Sammanstall {
        /// Omgångens mapp (där granskningsplan.csv och protokollen ligger).
        #[arg(value_name = "MAPP", help_heading = "Argument")]
        folder: PathBuf,
        /// Utdataformat på skärmen (med --ut avgör filens ändelse).
        #[arg(long, value_enum, default_value = "text", help_heading = "Flaggor")]
        format: RoundFormatArg,
        /// Skriv sammanställningen till en fil: .xlsx (Excel), .html, .json, .csv, .sarif eller text.
        #[arg(
            long = "ut",
            visible_alias = "out",
            value_name = "FIL",
            help_heading = "Flaggor"
        )]
        out: Option<PathBuf>,
        /// Skriv återkoppling till en ny mapp: en egen rapport per handläggare
        /// (bara hens ärenden) och en sammanfattning för enheten utan namn.
        #[arg(long = "återkoppling", visible_aliases = ["aterkoppling", "feedback"], value_name = "MAPP", help_heading = "Flaggor")]
        feedback: Option<PathBuf>,
        /// Visa handläggarnas namn i tabellen per handläggare (annars
        /// "Handläggare 1", "Handläggare 2" …).
        #[arg(
            long = "visa-namn",
            visible_alias = "show-names",
            help_heading = "Flaggor"
        )]
        show_names: bool,
        #[command(flatten)]
        template: TemplateArg,
        /// Visa personnummer omaskerade (undvik!).
        #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
        show_pnr: bool,
    },
}

/// Formats of a compiled round on the terminal.
#[derive(Clone, Copy, ValueEnum)]
enum RoundFormatArg {
    /// Läsbar text för skärmen.
    Text,
    /// JSON för program.
    Json,
    /// Semikolonseparerad CSV, ett svar eller en bedömning per rad.
    Csv,
    /// SARIF 2.1.0 för verktyg som samlar granskningsresultat.
    Sarif,
}

#[derive(Args)]
struct PrepareArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Granskarna: en CSV-fil med kolumnen namn (och gärna enhet).
    #[arg(
        long = "granskare",
        visible_alias = "reviewers",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    reviewers: PathBuf,
    /// Mappen där omgångens plan och protokoll skrivs; den får inte finnas
    /// eller ska vara tom.
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "MAPP",
        help_heading = "Flaggor"
    )]
    out: PathBuf,
    #[command(flatten)]
    draw: DrawArgs,
    /// Granska ärendena i en stickprovslista (CSV från granska stickprov): varje
    /// ärende som har ett dokument i listan, med alla sina dokument.
    #[arg(
        long = "stickprov",
        visible_alias = "sample",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    sample: Option<PathBuf>,
    /// Andel ärenden som granskas av två, för att se hur lika granskarna
    /// bedömer (t.ex. 20 eller 20 %).
    #[arg(long = "dubbelgranska", visible_alias = "double", value_name = "PROCENT", default_value = "0", value_parser = parse_share, help_heading = "Flaggor")]
    double: f64,
    /// Omgångens namn på protokollen (standard: Kollegiegranskning och datum).
    #[arg(long = "omgång", visible_aliases = ["omgang", "round"], value_name = "NAMN", help_heading = "Flaggor")]
    name: Option<String>,
    #[command(flatten)]
    run: RunArgs,
}

/// How many to draw and with which seed.
#[derive(Args)]
struct DrawArgs {
    /// Hur många som dras: dokument, eller ärenden med alla sina dokument (med
    /// --per-ärende, och alltid i granskning förbered, där alla ärenden tas
    /// med utan -n).
    #[arg(
        short = 'n',
        long = "antal",
        value_name = "N",
        help_heading = "Flaggor"
    )]
    n: Option<usize>,
    /// Frö för slumpen: samma frö och samma dokument ger samma urval.
    #[arg(long = "frö", visible_aliases = ["fro", "seed"], value_name = "TAL", help_heading = "Flaggor")]
    seed: Option<u64>,
}

/// The template, the threads and the masking of a command that judges
/// documents.
#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    template: TemplateArg,
    /// Antal trådar (0 = en per processorkärna).
    #[arg(
        long = "jobb",
        visible_alias = "jobs",
        value_name = "N",
        default_value_t = 0,
        help_heading = "Flaggor"
    )]
    jobs: usize,
    /// Visa personnummer omaskerade (undvik!).
    #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
    show_pnr: bool,
}

/// A share in percent: "20", "20 %", "20%" or "12,5".
fn parse_share(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim().replace(',', ".");
    match number.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p / 100.0),
        _ => Err(format!(
            "”{text}” är ingen andel: skriv procent mellan 0 och 100, t.ex. 20"
        )),
    }
}

#[derive(Subcommand)]
enum TemplateCommand {
    /// Kontrollera att en mall är korrekt skriven.
    #[command(visible_alias = "check", help_template = HELP_TEMPLATE)]
    Kontrollera {
        /// Mallfilen.
        #[arg(value_name = "FIL", help_heading = "Argument")]
        file: PathBuf,
    },
    /// Kör alla exempel i mallen och visa vilka som inte ger väntat resultat.
    #[command(visible_alias = "test", help_template = HELP_TEMPLATE)]
    Testa {
        /// Mallfilen (standardmallen om ingen anges).
        #[arg(value_name = "FIL", help_heading = "Argument")]
        file: Option<PathBuf>,
    },
    /// Lista mallens perspektiv och kriterier.
    #[command(visible_alias = "show", help_template = HELP_TEMPLATE)]
    Visa {
        /// Mallfilen (standardmallen om ingen anges).
        #[arg(value_name = "FIL", help_heading = "Argument")]
        file: Option<PathBuf>,
    },
}

#[derive(Args)]
struct TemplateArg {
    /// Granskningsmall att använda (standard: den inbyggda standardmallen).
    #[arg(long = "mall", value_name = "FIL", help_heading = "Flaggor")]
    file: Option<PathBuf>,
}

/// The documents to read.
#[derive(Args)]
struct InputArgs {
    /// Filer och mappar med dokument; mappar läses rekursivt.
    #[arg(value_name = "SÖKVÄG", default_value = ".", help_heading = "Argument")]
    paths: Vec<PathBuf>,
    /// Manifest (CSV) med metadata för filerna.
    #[arg(long, value_name = "FIL", help_heading = "Flaggor")]
    manifest: Option<PathBuf>,
    /// Största fil som läses, i MB; större filer listas som fel.
    #[arg(
        long = "max-storlek",
        visible_alias = "max-size",
        value_name = "MB",
        default_value_t = 50,
        help_heading = "Flaggor"
    )]
    max_mb: u64,
    /// Längsta tid en fil (PDF, Word, HTML) får ta att läsa, i sekunder;
    /// filer som tar längre listas som fel.
    #[arg(
        long = "tidsgräns",
        visible_aliases = ["tidsgrans", "time-limit"],
        value_name = "SEKUNDER",
        default_value_t = 30,
        value_parser = clap::value_parser!(u64).range(1..=86_400),
        help_heading = "Flaggor"
    )]
    time_limit: u64,
    /// Mest minne som läsningen av en fil (PDF, Word, HTML) får använda, i MB.
    #[arg(
        long = "minnesgräns",
        visible_aliases = ["minnesgrans", "memory-limit"],
        value_name = "MB",
        default_value_t = 512,
        value_parser = clap::value_parser!(u64).range(64..=1_048_576),
        help_heading = "Flaggor"
    )]
    memory_mb: u64,
}

impl InputArgs {
    fn collect(&self) -> (Vec<ingest::Input>, Vec<ingest::IngestError>) {
        let limits = ingest::Limits {
            max_bytes: self.max_mb.saturating_mul(1_000_000),
            time: std::time::Duration::from_secs(self.time_limit),
            memory: self.memory_mb.saturating_mul(1024 * 1024),
        };
        let reader = match std::env::current_exe() {
            Ok(exe) => ingest::Reader::isolated(limits, exe),
            Err(e) => {
                say!(
                    "granska: varning: kunde inte hitta programfilen ({e}); PDF, Word och HTML \
                     läses utan tids- och minnesgräns."
                );
                ingest::Reader::in_process(limits)
            }
        };
        ingest::collect_inputs(
            &self.paths,
            self.manifest.as_deref(),
            std::sync::Arc::new(reader),
        )
    }
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Skriv resultatet till en fil i stället för till skärmen.
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    out: Option<PathBuf>,
    /// Räkna sammanfattningen också per ärende: ett ärende uppfyller ett
    /// kriterium när alla dess dokument där kriteriet gäller uppfyller det.
    #[arg(long = "per-ärende", visible_aliases = ["per-arende", "per-case"], help_heading = "Flaggor")]
    per_case: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// How a run is judged and reported.
#[derive(Args)]
struct ReportArgs {
    #[command(flatten)]
    template: TemplateArg,
    /// Count the summary per case too (set by `kontrollera --per-ärende` and
    /// by `stickprov --per-ärende`).
    #[arg(skip)]
    per_case: bool,
    /// Utdataformat (standard: efter filändelsen i --ut, annars text).
    #[arg(long, value_enum, help_heading = "Flaggor")]
    format: Option<Format>,
    /// Sammanfatta också per grupp: enhet, handlaggare, insats, lag, typ eller
    /// någon annan metadatanyckel.
    #[arg(
        long = "gruppera",
        visible_alias = "group-by",
        value_name = "NYCKEL",
        help_heading = "Flaggor"
    )]
    group: Option<String>,
    /// Antal trådar (0 = en per processorkärna).
    #[arg(
        long = "jobb",
        visible_alias = "jobs",
        value_name = "N",
        default_value_t = 0,
        help_heading = "Flaggor"
    )]
    jobs: usize,
    /// Avsluta med kod 1 om något kriterium inte är uppfyllt.
    #[arg(long = "strikt", visible_alias = "strict", help_heading = "Flaggor")]
    strict: bool,
    /// Visa efter körningen hur lång tid varje steg och varje kriterium tog.
    #[arg(long = "profil", visible_alias = "profile", help_heading = "Flaggor")]
    profile: bool,
    /// Visa personnummer omaskerade i resultatet (undvik!).
    #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
    show_pnr: bool,
    /// Visa ingen förloppsindikator.
    #[arg(long = "tyst", visible_alias = "quiet", help_heading = "Flaggor")]
    quiet: bool,
    /// Visa bara fynd med minst den här allvarsgraden (status och poäng
    /// ändras inte).
    #[arg(
        long = "allvar",
        visible_alias = "severity",
        value_enum,
        value_name = "NIVÅ",
        default_value = "info",
        help_heading = "Flaggor"
    )]
    severity: SeverityArg,
}

/// The least serious findings shown.
#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    /// Bara fel.
    Fel,
    /// Fel och varningar.
    Varning,
    /// Alla fynd.
    Info,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Fel => Severity::Error,
            SeverityArg::Varning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

impl ReportArgs {
    /// The format of the report written to `out` (the screen when none): a
    /// `--format` that does not fit the file's ending, or an Excel workbook
    /// to a terminal, is a usage error.
    fn output_format(&self, out: Option<&Path>) -> Result<writer::Format, ExitCode> {
        let terminal = io::stdout().is_terminal();
        writer::Format::for_output(self.format.map(Into::into), out, terminal).map_err(|e| {
            say!("granska: {e}.");
            ExitCode::from(2)
        })
    }
}

/// Runs with more documents than this show a progress bar (on a terminal).
const PROGRESS_FROM: usize = 200;

/// A progress bar on stderr for long runs, when stderr is a terminal.
fn progress_bar(documents: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || documents <= PROGRESS_FROM || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(documents as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{msg:>16} [{bar:30}] {pos}/{len} dokument, {fart}, {eta} kvar",
    )
    .map(|s| {
        s.progress_chars("=> ").with_key(
            "fart",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} dok/s", state.per_sec());
            },
        )
    })
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message("Jämför ärenden …");
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(bar)
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct SampleCommand {
    #[command(subcommand)]
    size: Option<SampleSize>,
    #[command(flatten)]
    args: SampleArgs,
}

#[derive(Subcommand)]
enum SampleSize {
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
fn share(text: &str) -> Result<f64, String> {
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
struct SampleArgs {
    #[command(flatten)]
    inputs: InputArgs,
    #[command(flatten)]
    draw: DrawArgs,
    /// Skikta efter en metadatanyckel (t.ex. enhet): proportionellt, minst ett
    /// dokument ur varje skikt.
    #[arg(
        long = "skikta",
        visible_alias = "strata",
        value_name = "NYCKEL",
        help_heading = "Flaggor"
    )]
    strata: Option<String>,
    /// Dra ärenden i stället för dokument: varje draget ärende tar med alla
    /// sina dokument (ärendet läses ur nyckeln arende, t.ex. fältet Ärende: eller
    /// Dnr:; ett dokument utan ärende är ett eget ärende).
    #[arg(
        long = "per-ärende",
        visible_aliases = ["per-arende", "per-case"],
        help_heading = "Flaggor"
    )]
    per_case: bool,
    /// Ta bara med dokument där NYCKEL har VÄRDE; kan anges flera gånger.
    #[arg(long = "filter", value_name = "NYCKEL=VÄRDE", help_heading = "Flaggor")]
    filters: Vec<String>,
    /// Granska stickprovet direkt med mallen.
    #[arg(
        long = "kontrollera",
        visible_alias = "check",
        help_heading = "Flaggor"
    )]
    check: bool,
    /// Skriv resultatet till en fil: granskningen med --kontrollera, annars
    /// stickprovslistan (CSV).
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    out: Option<PathBuf>,
    /// Skriv stickprovslistan (CSV) till en fil, också med --kontrollera.
    #[arg(
        long = "lista",
        visible_alias = "list",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    list: Option<PathBuf>,
    /// Ersatt av --ut (resultatet) och --lista (stickprovslistan).
    #[arg(long = "rapport", value_name = "FIL", hide = true)]
    old_report: Option<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
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
enum TextOrJson {
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

/// Keeps glibc from raising its mmap threshold when a large block is freed.
/// Left dynamic, the threshold rose when the RS-INDIVIDUELL index's buffers
/// were freed, and the second pass then kept its memory in the heap: peak
/// memory grew with the batch (50 000 documents: 81 MB against 62 MB without
/// the index; see BENCHMARKS.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    // SAFETY: mallopt only sets a tuning parameter of the allocator; it is
    // called once, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

/// Panics inside the PDF libraries are caught and reported as broken files
/// (see `ingest::formats`); their messages are noise to a user.
fn quiet_pdf_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_pdf_library = info.location().is_some_and(|l| {
            let file = l.file();
            file.contains("pdf-extract") || file.contains("lopdf") || file.contains("cff-parser")
        });
        if !in_pdf_library {
            default(info);
        }
    }));
}

fn main() -> ExitCode {
    fix_mmap_threshold();
    quiet_pdf_panics();
    let mut args = std::env::args_os();
    if args
        .nth(1)
        .is_some_and(|a| a == ingest::isolate::WORKER_ARGUMENT)
    {
        return reader_process(args.next());
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let result = match cli.command {
        Command::Kontrollera(args) => check(args),
        Command::Stickprov(command) => stickprov(command),
        Command::Granskning(ReviewCommand::Forbered(args)) => prepare_round(args),
        Command::Granskning(ReviewCommand::Sammanstall {
            folder,
            format,
            out,
            feedback,
            show_names,
            template,
            show_pnr,
        }) => load(template.file.as_deref()).and_then(|t| {
            let to = RoundOutputs {
                format,
                file: out.as_deref(),
                feedback: feedback.as_deref(),
            };
            let shown_as = granskning::resultat::Shown {
                personnummer: show_pnr,
                names: show_names,
            };
            compile_round(&t, &folder, to, shown_as)
        }),
        Command::Metadata { inputs, shown } => list_metadata(&inputs, shown),
        Command::Jamfor {
            rounds,
            format,
            show_pnr,
        } => compare_rounds(&rounds, format, show_pnr),
        Command::Mall(TemplateCommand::Kontrollera { file }) => load(Some(&file)).map(|t| {
            print_diagnostics(&t.warnings);
            if let Err(code) = refuse_oversized(&t) {
                return code;
            }
            let questions = t
                .criteria
                .iter()
                .filter(|c| matches!(c.check, granska::criteria::Check::Question))
                .count();
            println!(
                "Mallen ”{}” är korrekt: {} perspektiv, {} kriterier, {} frågor.",
                t.name,
                t.perspectives.len(),
                t.criteria.len() - questions,
                questions
            );
            ExitCode::SUCCESS
        }),
        Command::Mall(TemplateCommand::Testa { file }) => {
            load(file.as_deref()).map(|t| test_template(&t))
        }
        Command::Mall(TemplateCommand::Visa { file }) => load(file.as_deref()).map(|t| {
            print!("{}", explain::list(&t));
            ExitCode::SUCCESS
        }),
        Command::Utvardera {
            facit,
            mut inputs,
            format,
            run:
                RunArgs {
                    template,
                    jobs,
                    show_pnr,
                },
        } => {
            // Without a folder, the documents lie beside the key.
            if inputs.paths == [PathBuf::from(".")] {
                if let Some(folder) = facit.parent().filter(|p| !p.as_os_str().is_empty()) {
                    inputs.paths = vec![folder.to_path_buf()];
                }
            }
            load(template.file.as_deref())
                .and_then(|t| evaluate_against_key(&t, &facit, &inputs, format, jobs, show_pnr))
        }
        Command::Forklara { id, template } => {
            load(template.file.as_deref()).map(|t| explain_criterion(&t, &id))
        }
    };
    result.unwrap_or_else(|code| code)
}

/// `granska __läsare MINNE`: a reader process (see `ingest::isolate`), started
/// by granska itself, never by a user.
fn reader_process(memory: Option<std::ffi::OsString>) -> ExitCode {
    let memory = memory
        .and_then(|m| m.to_str().and_then(|m| m.parse().ok()))
        .unwrap_or(ingest::isolate::DEFAULT_MEMORY);
    match ingest::isolate::serve(memory) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// Clap's own errors, with a Swedish line first; help and version exit 0.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let reason = match e.kind() {
        ErrorKind::InvalidValue => "ogiltigt värde",
        ErrorKind::UnknownArgument => "okänd flagga eller argument",
        ErrorKind::InvalidSubcommand => "okänt kommando",
        ErrorKind::MissingRequiredArgument => "argument saknas",
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "ange ett kommando"
        }
        ErrorKind::ValueValidation => "ogiltigt värde",
        _ => "felaktigt kommando",
    };
    say!("granska: {reason}. Skriv `granska --hjälp` för hjälp.\n");
    let _ = e.print();
    ExitCode::from(2)
}

/// The template in `file`, or the standard one; errors are printed and mean
/// exit code 2.
fn load(file: Option<&Path>) -> Result<Template, ExitCode> {
    let loaded = match file {
        Some(path) => Template::from_file(path),
        None => Template::standard(),
    };
    loaded.map_err(|errors| {
        print_template_errors(&errors);
        ExitCode::from(2)
    })
}

/// A template of the user's own, for judging documents: one whose patterns
/// cannot all be compiled is refused (exit 2), since such a pattern would
/// silently never match.
fn load_for_review(file: Option<&Path>) -> Result<Template, ExitCode> {
    let template = load(file)?;
    if file.is_some() {
        refuse_oversized(&template)?;
    }
    Ok(template)
}

/// Exit code 2, with every reason, when a pattern of `template` is too large
/// to compile.
fn refuse_oversized(template: &Template) -> Result<(), ExitCode> {
    let oversized = template.oversized_patterns();
    for reason in &oversized {
        say!("granska: ett reguljärt uttryck är för stort och kommer aldrig att matcha: {reason}");
    }
    if oversized.is_empty() {
        Ok(())
    } else {
        Err(ExitCode::from(2))
    }
}

fn print_template_errors(errors: &TemplateErrors) {
    print_diagnostics(&errors.errors);
    say!("{errors}. Rätta felen och försök igen.");
}

/// Template diagnostics on stderr, with their source excerpts.
fn print_diagnostics(diagnostics: &[granska::template::Diagnostic]) {
    let handler = text::handler(use_color(&io::stderr()));
    let mut out = String::new();
    for d in diagnostics {
        let _ = handler.render_report(&mut out, d);
        out.push('\n');
    }
    // Colours stay; identity numbers in file names and lines do not.
    eprint!("{}", granska::report::privacy::mask(&out));
}

fn use_color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn check(mut args: CheckArgs) -> Result<ExitCode, ExitCode> {
    args.report.per_case = args.per_case;
    refuse_overwrite(&args.inputs.paths, args.out.as_deref())?;
    args.report.output_format(args.out.as_deref())?;
    let template = load_for_review(args.report.template.file.as_deref())?;
    let (inputs, errors) = args.inputs.collect();
    run_report(
        &template,
        &inputs,
        None,
        errors,
        &args.report,
        args.out.as_deref(),
    )
}

/// Judges `inputs` and writes the report to `out` (or the screen): the
/// documents, the summary, and the files that could not be read (`errors`).
/// RS-INDIVIDUELL compares with `compare_with` when given.
fn run_report(
    template: &Template,
    inputs: &[ingest::Input],
    compare_with: Option<&[ingest::Input]>,
    errors: Vec<ingest::IngestError>,
    args: &ReportArgs,
    out_path: Option<&Path>,
) -> Result<ExitCode, ExitCode> {
    if args.show_pnr {
        say!("granska: varning: personnummer visas omaskerade. Sprid inte resultatet.");
    }
    let format = args.output_format(out_path)?;
    let (out, pending) = open_output(out_path)?;
    let options = report::run::Options {
        format,
        severity: Severity::from(args.severity),
        show_pnr: args.show_pnr,
        color: out_path.is_none() && use_color(&io::stdout()),
        per_case: args.per_case,
        group: args.group.clone(),
        jobs: args.jobs,
        profile: args.profile,
    };
    let progress = progress_bar(inputs.len(), args.quiet);
    let step = || {
        if let Some(bar) = &progress {
            if bar.position() == 0 {
                bar.set_message("Granskar");
            }
            // Files of many documents make more than one each.
            if bar.position() >= bar.length().unwrap_or(0) {
                bar.inc_length(1);
            }
            bar.inc(1);
        }
    };
    let ran = report::run::review(template, inputs, compare_with, errors, &options, out, step);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let reviewed = ran.map_err(|e| {
        say!("granska: {e}");
        match e {
            report::run::RunError::Engine(_) => ExitCode::from(2),
            report::run::RunError::Write(e) => write_error(e),
        }
    })?;
    pending
        .map_or(Ok(()), OutputFile::commit)
        .map_err(write_error)?;
    for note in &reviewed.notes {
        say!("granska: {note}");
    }
    if let Some(profile) = &reviewed.profile {
        say_part!("{profile}");
    }
    if !reviewed.errors.is_empty() {
        if format != writer::Format::Text || out_path.is_some() {
            say!(
                "granska: {} filer kunde inte läsas; se listan i resultatet.",
                reviewed.errors.len()
            );
        }
        return Ok(ExitCode::from(3));
    }
    if reviewed.summary.figures.documents == 0 {
        // Nothing was reviewed: never a silent success.
        say!(
            "granska: hittade inga dokument att granska (tomma mappar, eller allt undantaget \
             i .granskaignore){}.",
            if args.strict {
                "; --strikt ger kod 1"
            } else {
                ""
            }
        );
        if args.strict {
            return Ok(ExitCode::from(1));
        }
    }
    if args.strict && reviewed.any_not_met {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The output: a file readable by its owner only, put in place by
/// [`OutputFile::commit`] when complete, or the screen.
fn open_output(path: Option<&Path>) -> Result<(Box<dyn Write>, Option<OutputFile>), ExitCode> {
    Ok(match path {
        Some(path) => {
            let (file, pending) = create_output(path)?;
            (Box::new(io::BufWriter::new(file)), Some(pending))
        }
        None => (Box::new(io::BufWriter::new(io::stdout().lock())), None),
    })
}

/// An output file readable by its owner only, written under a temporary
/// name; a failure is printed and means exit code 2.
fn create_output(path: &Path) -> Result<(File, OutputFile), ExitCode> {
    OutputFile::create(path).map_err(|e| {
        say!("granska: kunde inte skapa {}: {e}", path.display());
        ExitCode::from(2)
    })
}

/// Refuses an output file that would overwrite an input or be read as one
/// (exit code 2).
fn refuse_overwrite(inputs: &[PathBuf], out: Option<&Path>) -> Result<(), ExitCode> {
    match out.and_then(|out| ingest::output_conflict(inputs, out)) {
        Some(reason) => {
            say!("granska: {reason}.");
            Err(ExitCode::from(2))
        }
        None => Ok(()),
    }
}

/// `granska stickprov`: the sample size, or a sample drawn, listed and, with
/// `--kontrollera`, judged.
fn stickprov(command: SampleCommand) -> Result<ExitCode, ExitCode> {
    if let Some(SampleSize::Storlek {
        population,
        margin,
        confidence,
        expected,
    }) = command.size
    {
        let n = stats::sample_size(population, margin, confidence, expected);
        println!(
            "Dra {n} av {population} dokument för att med {} säkerhet skatta en andel inom \
             ±{} procentenheter, om andelen väntas vara omkring {}.",
            stats::percent(confidence),
            format!("{:.1}", margin * 100.0)
                .trim_end_matches(".0")
                .replace('.', ","),
            stats::percent(expected)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut args = command.args;
    // Drawn by case, the review is summed up by case too.
    args.report.per_case = args.per_case;
    let Some(n) = args.draw.n else {
        say!(
            "granska: ange stickprovets storlek med -n, t.ex. `granska stickprov -n 20 MAPP`. \
             `granska stickprov storlek --population N` räknar ut hur stort det behöver vara."
        );
        return Err(ExitCode::from(2));
    };
    let filters = args
        .filters
        .iter()
        .map(|f| sample::Filter::parse(f))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            say!("granska: {e}");
            ExitCode::from(2)
        })?;
    let sample::Outputs {
        list: list_out,
        report: report_out,
    } = sample_outputs(&args)?;
    refuse_overwrite(&args.inputs.paths, list_out)?;
    refuse_overwrite(&args.inputs.paths, report_out)?;
    let template = match args.check {
        true => Some(load_for_review(args.report.template.file.as_deref())?),
        false => None,
    };
    let (inputs, mut errors) = args.inputs.collect();
    let mut population = sample::Population::read(&inputs, &filters, args.strata.as_deref());
    errors.append(&mut population.errors);
    for note in population.key_notes(&filters, args.strata.as_deref()) {
        say!("granska: varning: {note}.");
    }
    let (seed, chosen_seed) = match args.draw.seed {
        Some(seed) => (seed, true),
        None => (random_seed(), false),
    };
    let drawn = match args.per_case {
        true => sample::draw_cases(&population.candidates, n, seed),
        false => sample::draw(&population.candidates, n, seed),
    };
    let show = args.report.show_pnr;
    if let Some(path) = list_out {
        let (file, pending) = create_output(path)?;
        sample::write_csv(&drawn, io::BufWriter::new(file), show)
            .and_then(|()| pending.commit())
            .map_err(write_error)?;
    } else if !args.check {
        sample::write_csv(&drawn, io::stdout().lock(), show).map_err(write_error)?;
    }
    say_part!(
        "{}",
        describe_sample(&drawn, &population, n, chosen_seed, &args, list_out)
    );
    match template {
        Some(template) => {
            let chosen: Vec<ingest::Input> = drawn
                .chosen
                .iter()
                .map(|c| ingest::Input {
                    record: c.record,
                    ..inputs[c.input].clone()
                })
                .collect();
            // The sample's documents are compared with every document of the
            // population for passages that recur across cases.
            run_report(
                &template,
                &chosen,
                Some(&inputs),
                errors,
                &args.report,
                report_out,
            )
        }
        None if !errors.is_empty() => {
            for e in &errors {
                say!(
                    "granska: kunde inte läsa {}: {}",
                    shown(&e.path, show),
                    shown(&e.message, show)
                );
            }
            Ok(ExitCode::from(3))
        }
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Where `stickprov` writes the list and the review (see
/// [`sample::Asked::outputs`]); a combination that makes no sense, or a
/// review format that does not fit the file, is a usage error.
fn sample_outputs(args: &SampleArgs) -> Result<sample::Outputs<'_>, ExitCode> {
    let report = &args.report;
    let review_only = [
        ("--format", report.format.is_some()),
        ("--mall", report.template.file.is_some()),
        ("--gruppera", report.group.is_some()),
        ("--strikt", report.strict),
        ("--profil", report.profile),
    ];
    let asked = sample::Asked {
        check: args.check,
        out: args.out.as_deref(),
        list: args.list.as_deref(),
        old_report: args.old_report.is_some(),
        review_flag: review_only
            .iter()
            .find(|(_, given)| *given)
            .map(|(flag, _)| *flag),
    };
    let outputs = asked.outputs().map_err(|e| {
        say!("granska: {e}.");
        ExitCode::from(2)
    })?;
    if outputs.report.is_some() {
        report.output_format(outputs.report)?;
    }
    Ok(outputs)
}

/// `granska metadata`: the keys and values of the documents, with counts.
fn list_metadata(args: &InputArgs, values: usize) -> Result<ExitCode, ExitCode> {
    let (inputs, mut errors) = args.collect();
    let mut population = sample::Population::read(&inputs, &[], None);
    errors.append(&mut population.errors);
    print!("{}", shown(&population.catalogue.render(values), false));
    for e in &errors {
        say!("granska: kunde inte läsa {}: {}", e.path, e.message);
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// `granskning förbered`: a review round's plan and protocols.
fn prepare_round(args: PrepareArgs) -> Result<ExitCode, ExitCode> {
    let text = std::fs::read(&args.reviewers).map_err(|e| {
        say!(
            "granska: kunde inte läsa granskarlistan {}: {}",
            args.reviewers.display(),
            ingest::io_message(&e)
        );
        ExitCode::from(2)
    })?;
    let reviewers =
        granskning::read_reviewers(&String::from_utf8_lossy(&text)).map_err(|problems| {
            for p in problems {
                say!("granska: {p}");
            }
            ExitCode::from(2)
        })?;
    let listed = match &args.sample {
        Some(path) => {
            let text = std::fs::read(path).map_err(|e| {
                say!(
                    "granska: kunde inte läsa stickprovslistan {}: {}",
                    path.display(),
                    ingest::io_message(&e)
                );
                ExitCode::from(2)
            })?;
            let files =
                granskning::read_sample_list(&String::from_utf8_lossy(&text)).map_err(|e| {
                    say!("granska: {e}");
                    ExitCode::from(2)
                })?;
            Some(files)
        }
        None => None,
    };
    let template = load_for_review(args.run.template.file.as_deref())?;
    let (inputs, mut errors) = args.inputs.collect();
    let seed = args.draw.seed.unwrap_or_else(random_seed);
    let date = report::today_iso();
    let prepared = granskning::prepare(granskning::Preparation {
        template: &template,
        inputs: &inputs,
        reviewers,
        cases: args.draw.n,
        listed,
        seed,
        double: args.double,
        folder: &args.out,
        name: args
            .name
            .unwrap_or_else(|| format!("Kollegiegranskning {date}")),
        date,
        jobs: args.run.jobs,
        show_pnr: args.run.show_pnr,
    })
    .map_err(|e| {
        say!("granska: {e}");
        ExitCode::from(2)
    })?;
    let show_pnr = args.run.show_pnr;
    say_part!("{}", prepared.describe(&args.out, show_pnr));
    if args.draw.seed.is_none() {
        say!("Fröet slumpades; ange --frö {seed} för att göra samma omgång igen.");
    }
    errors.extend(prepared.errors);
    for e in &errors {
        say!(
            "granska: kunde inte läsa {}: {}",
            shown(&e.path, show_pnr),
            shown(&e.message, show_pnr)
        );
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Where `granskning sammanställ` writes.
struct RoundOutputs<'a> {
    format: RoundFormatArg,
    file: Option<&'a Path>,
    feedback: Option<&'a Path>,
}

/// `granskning sammanställ`: the returned protocols compiled; exit code 3 when
/// something in them could not be counted.
fn compile_round(
    template: &Template,
    folder: &Path,
    to: RoundOutputs,
    shown_as: granskning::resultat::Shown,
) -> Result<ExitCode, ExitCode> {
    let RoundOutputs {
        format,
        file,
        feedback,
    } = to;
    let compiled = granskning::sammanstall::compile(folder).map_err(|e| {
        say!("granska: {e}");
        ExitCode::from(2)
    })?;
    if let Some(to) = feedback {
        let files = granskning::aterkoppling::write(to, template, &compiled).map_err(|e| {
            say!("granska: {e}");
            ExitCode::from(2)
        })?;
        say!(
            "Återkopplingen skrevs till {}: {} rapporter till handläggare och en sammanfattning för enheten.",
            to.display(),
            files.len().saturating_sub(1)
        );
    }
    use granskning::resultat::{RoundFormat, write_round};
    let asked = match format {
        RoundFormatArg::Text => RoundFormat::Text,
        RoundFormatArg::Json => RoundFormat::Json,
        RoundFormatArg::Csv => RoundFormat::Csv,
        RoundFormatArg::Sarif => RoundFormat::Sarif,
    };
    let format = RoundFormat::of(file, asked);
    let title = folder.display().to_string();
    match file {
        None => {
            let mut out = io::Cursor::new(Vec::new());
            write_round(&mut out, format, template, &title, &compiled, shown_as)
                .and_then(|()| io::stdout().lock().write_all(out.get_ref()))
                .map_err(write_error)?;
        }
        Some(path) => {
            let (out, pending) = create_output(path)?;
            let mut w = io::BufWriter::new(out);
            write_round(&mut w, format, template, &title, &compiled, shown_as)
                .and_then(|()| w.flush())
                .and_then(|()| pending.commit())
                .map_err(write_error)?;
            say!("Sammanställningen skrevs till {}.", path.display());
        }
    }
    if format != RoundFormat::Text || file.is_some() {
        for p in &compiled.problems {
            say!("granska: {p}");
        }
    }
    Ok(if compiled.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// A seed short enough to write down, from the clock.
fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    u64::from(nanos % 1_000_000)
}

/// What was drawn from what, for stderr.
fn describe_sample(
    drawn: &sample::Sample,
    population: &sample::Population,
    asked: usize,
    chosen_seed: bool,
    args: &SampleArgs,
    list: Option<&Path>,
) -> String {
    let (unit, units) = match drawn.unit {
        sample::Unit::Document => ("dokument", "dokument"),
        sample::Unit::Case => ("ärende", "ärenden"),
    };
    let mut out = match drawn.unit {
        sample::Unit::Document => format!(
            "Stickprov: {} av {} dokument, frö {}",
            drawn.drawn, drawn.population, drawn.seed
        ),
        sample::Unit::Case => format!(
            "Stickprov: {} av {} ärenden ({} dokument), frö {}",
            drawn.drawn,
            drawn.population,
            drawn.chosen.len(),
            drawn.seed
        ),
    };
    if !chosen_seed {
        out += &format!(
            " (slumpat; ange --frö {} för att dra samma stickprov igen)",
            drawn.seed
        );
    }
    out += ".\n";
    if drawn.population == 0 {
        out += &format!("Det fanns inga {units} att dra stickprovet ur");
        out += if population.filtered_out > 0 {
            ": inget dokument passade filtret.\n"
        } else {
            ".\n"
        };
    }
    if population.filtered_out > 0 {
        out += &format!(
            "{} dokument föll bort genom filtret ({}).\n",
            population.filtered_out,
            args.filters.join(", ")
        );
    }
    if let Some(key) = &args.strata {
        out += &format!("Skiktat efter {key}:\n");
        for s in &drawn.strata {
            let name = shown(&s.name, args.report.show_pnr);
            out += &format!("  {name}: {} av {}\n", s.drawn, s.population);
        }
    }
    if drawn.drawn > asked {
        out +=
            &format!("Stickprovet blev större än {asked}: minst ett {unit} dras ur varje skikt.\n");
    } else if drawn.drawn < asked {
        out += &format!("Alla {units} kom med: det fanns inte fler.\n");
    }
    if let Some(path) = list {
        out += &format!("Listan skrevs till {}.\n", path.display());
    }
    out
}

/// `granska jämför`: two rounds' JSON reports compared.
fn compare_rounds(
    rounds: &[PathBuf],
    format: TextOrJson,
    show_pnr: bool,
) -> Result<ExitCode, ExitCode> {
    let read = |path: &Path| {
        File::open(path)
            .map_err(|e| e.to_string())
            .and_then(compare::Round::read)
            .map_err(|e| {
                say!("granska: kunde inte läsa {}: {e}", path.display());
                ExitCode::from(2)
            })
    };
    let read: Vec<(String, compare::Round)> = rounds
        .iter()
        .map(|path| read(path).map(|r| (ingest::display_path(path), r)))
        .collect::<Result<_, _>>()?;
    let (text, json) = if let [(first, a), (second, b)] = read.as_slice() {
        let comparison = compare::compare(a, b, (first, second));
        (
            report::summary::render_comparison(&comparison, show_pnr),
            serde_json::to_string_pretty(&comparison),
        )
    } else {
        let trend = compare::trend(&read);
        (
            report::summary::render_trend(&trend, show_pnr),
            serde_json::to_string_pretty(&trend),
        )
    };
    let rendered = match format {
        TextOrJson::Text => text,
        TextOrJson::Json => {
            let mut json = json.map_err(|e| {
                say!("granska: {e}");
                ExitCode::from(2)
            })?;
            json.push('\n');
            shown(&json, show_pnr).into_owned()
        }
    };
    let mut out = io::stdout().lock();
    out.write_all(rendered.as_bytes()).map_err(write_error)?;
    Ok(ExitCode::SUCCESS)
}

/// `granska utvärdera`: judges the documents of the key and prints the
/// comparison. Files the key names that could not be read are listed (exit
/// code 3), like any run.
fn evaluate_against_key(
    template: &Template,
    facit: &Path,
    inputs: &InputArgs,
    format: TextOrJson,
    jobs: usize,
    show_pnr: bool,
) -> Result<ExitCode, ExitCode> {
    let key = std::fs::read_to_string(facit)
        .map_err(|e| e.to_string())
        .and_then(|text| evaluation::AnswerKey::parse(&text))
        .map_err(|e| {
            say!("granska: kunde inte läsa facit {}: {e}", facit.display());
            ExitCode::from(2)
        })?;
    let (found, _) = inputs.collect();
    let (jobs, note) = engine::threads(jobs);
    if let Some(note) = note {
        say!("granska: {note}");
    }
    let (result, errors) = evaluation::run(template, &key, found, jobs).map_err(|e| {
        say!("granska: {e}");
        ExitCode::from(2)
    })?;
    let rendered = match format {
        TextOrJson::Text => report::evaluation::render_text(&result, show_pnr),
        TextOrJson::Json => {
            let mut json = serde_json::to_string_pretty(&result).map_err(|e| {
                say!("granska: {e}");
                ExitCode::from(2)
            })?;
            json.push('\n');
            shown(&json, show_pnr).into_owned()
        }
    };
    io::stdout()
        .lock()
        .write_all(rendered.as_bytes())
        .map_err(write_error)?;
    for e in &errors {
        say!("granska: {}: {}", e.path, e.message);
    }
    Ok(if errors.is_empty() && result.not_judged.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

fn write_error(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    say!("granska: kunde inte skriva resultatet: {e}");
    ExitCode::from(2)
}

fn test_template(template: &Template) -> ExitCode {
    let (count, failures) = engine::test_examples(template);
    for f in &failures {
        let expected = if f.expected_met {
            "uppfyllt"
        } else {
            "ej uppfyllt"
        };
        println!(
            "✗ {} (exemplet på rad {} i {}): väntat {expected}, blev {}",
            f.criterion,
            f.line,
            f.file,
            f.actual.word()
        );
    }
    if failures.is_empty() {
        println!(
            "Alla {count} exempel i ”{}” ger väntat resultat.",
            template.name
        );
        ExitCode::SUCCESS
    } else {
        println!(
            "{} av {count} exempel gav inte väntat resultat.",
            failures.len()
        );
        ExitCode::from(1)
    }
}

fn explain_criterion(template: &Template, id: &str) -> ExitCode {
    match template.criterion(id) {
        Some(c) => {
            print!("{}", explain::explain(template, c));
            ExitCode::SUCCESS
        }
        None => {
            let ids = template.criteria.iter().map(|c| c.id.as_str());
            let hint = match granska::template::did_you_mean(id, ids) {
                Some(s) => format!(" Menade du {s}?"),
                None => " Skriv `granska mall visa` för att se alla kriterier.".to_string(),
            };
            say!("granska: mallen har inget kriterium {id}.{hint}");
            ExitCode::from(2)
        }
    }
}
