//! clap's definitions of the commands and their flags (Swedish, with
//! English aliases): what the user may type, nothing that runs.

use super::*;

pub(crate) const HELP_TEMPLATE: &str = "\
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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    #[arg(short = 'h', long = "hjälp", visible_alias = "help", action = clap::ArgAction::Help, global = true, help = "Visa hjälp")]
    pub(crate) help: Option<bool>,
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, help = "Visa version")]
    pub(crate) version: Option<bool>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        /// Utdataformat (standard: efter filändelsen i --ut, annars text).
        #[arg(long, value_enum, help_heading = "Flaggor")]
        format: Option<CompareFormat>,
        /// Skriv jämförelsen till en fil: .html (med diagram), .xlsx (Excel),
        /// .json eller text.
        #[arg(
            long = "ut",
            visible_alias = "out",
            value_name = "FIL",
            help_heading = "Flaggor"
        )]
        out: Option<PathBuf>,
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
pub(crate) enum ReviewCommand {
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
pub(crate) enum RoundFormatArg {
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
pub(crate) struct PrepareArgs {
    #[command(flatten)]
    pub(crate) inputs: InputArgs,
    /// Granskarna: en CSV-fil med kolumnen namn (och gärna enhet).
    #[arg(
        long = "granskare",
        visible_alias = "reviewers",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    pub(crate) reviewers: PathBuf,
    /// Mappen där omgångens plan och protokoll skrivs; den får inte finnas
    /// eller ska vara tom.
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "MAPP",
        help_heading = "Flaggor"
    )]
    pub(crate) out: PathBuf,
    #[command(flatten)]
    pub(crate) draw: DrawArgs,
    /// Granska ärendena i en stickprovslista (CSV från granska stickprov): varje
    /// ärende som har ett dokument i listan, med alla sina dokument.
    #[arg(
        long = "stickprov",
        visible_alias = "sample",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    pub(crate) sample: Option<PathBuf>,
    /// Andel ärenden som granskas av två, för att se hur lika granskarna
    /// bedömer (t.ex. 20 eller 20 %).
    #[arg(long = "dubbelgranska", visible_alias = "double", value_name = "PROCENT", default_value = "0", value_parser = parse_share, help_heading = "Flaggor")]
    pub(crate) double: f64,
    /// Omgångens namn på protokollen (standard: Kollegiegranskning och datum).
    #[arg(long = "omgång", visible_aliases = ["omgang", "round"], value_name = "NAMN", help_heading = "Flaggor")]
    pub(crate) name: Option<String>,
    #[command(flatten)]
    pub(crate) run: RunArgs,
}

/// How many to draw and with which seed.
#[derive(Args)]
pub(crate) struct DrawArgs {
    /// Hur många som dras: dokument, eller ärenden med alla sina dokument (med
    /// --per-ärende, och alltid i granskning förbered, där alla ärenden tas
    /// med utan -n).
    #[arg(
        short = 'n',
        long = "antal",
        value_name = "N",
        help_heading = "Flaggor"
    )]
    pub(crate) n: Option<usize>,
    /// Frö för slumpen: samma frö och samma dokument ger samma urval.
    #[arg(long = "frö", visible_aliases = ["fro", "seed"], value_name = "TAL", help_heading = "Flaggor")]
    pub(crate) seed: Option<u64>,
}

/// The template, the threads and the masking of a command that judges
/// documents.
#[derive(Args)]
pub(crate) struct RunArgs {
    #[command(flatten)]
    pub(crate) template: TemplateArg,
    /// Antal trådar (0 = en per processorkärna).
    #[arg(
        long = "jobb",
        visible_alias = "jobs",
        value_name = "N",
        default_value_t = 0,
        help_heading = "Flaggor"
    )]
    pub(crate) jobs: usize,
    /// Visa personnummer omaskerade (undvik!).
    #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
    pub(crate) show_pnr: bool,
}

/// A share in percent: "20", "20 %", "20%" or "12,5".
pub(crate) fn parse_share(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim().replace(',', ".");
    match number.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p / 100.0),
        _ => Err(format!(
            "”{text}” är ingen andel: skriv procent mellan 0 och 100, t.ex. 20"
        )),
    }
}

#[derive(Subcommand)]
pub(crate) enum TemplateCommand {
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
pub(crate) struct TemplateArg {
    /// Granskningsmall att använda (standard: den inbyggda standardmallen).
    #[arg(long = "mall", value_name = "FIL", help_heading = "Flaggor")]
    pub(crate) file: Option<PathBuf>,
}

/// The documents to read.
#[derive(Args)]
pub(crate) struct InputArgs {
    /// Filer och mappar med dokument; mappar läses rekursivt.
    #[arg(value_name = "SÖKVÄG", default_value = ".", help_heading = "Argument")]
    pub(crate) paths: Vec<PathBuf>,
    /// Manifest (CSV) med metadata för filerna.
    #[arg(long, value_name = "FIL", help_heading = "Flaggor")]
    pub(crate) manifest: Option<PathBuf>,
    /// Största fil som läses, i MB; större filer listas som fel.
    #[arg(
        long = "max-storlek",
        visible_alias = "max-size",
        value_name = "MB",
        default_value_t = 50,
        help_heading = "Flaggor"
    )]
    pub(crate) max_mb: u64,
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
    pub(crate) time_limit: u64,
    /// Mest minne som läsningen av en fil (PDF, Word, HTML) får använda, i MB.
    #[arg(
        long = "minnesgräns",
        visible_aliases = ["minnesgrans", "memory-limit"],
        value_name = "MB",
        default_value_t = 512,
        value_parser = clap::value_parser!(u64).range(64..=1_048_576),
        help_heading = "Flaggor"
    )]
    pub(crate) memory_mb: u64,
}

impl InputArgs {
    pub(crate) fn collect(&self) -> (Vec<ingest::Input>, Vec<ingest::IngestError>) {
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
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) inputs: InputArgs,
    /// Skriv resultatet till en fil i stället för till skärmen.
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    pub(crate) out: Option<PathBuf>,
    /// Räkna sammanfattningen också per ärende: ett ärende uppfyller ett
    /// kriterium när alla dess dokument där kriteriet gäller uppfyller det.
    #[arg(long = "per-ärende", visible_aliases = ["per-arende", "per-case"], help_heading = "Flaggor")]
    pub(crate) per_case: bool,
    /// Hur många dokument (ärenden med --per-ärende) det finns i hela
    /// populationen som dokumenten är ett slumpmässigt urval ur, eller
    /// "alla" om de är hela populationen; ger rätt osäkerhet i intervallen.
    #[arg(long = "population", value_name = "N|alla", value_parser = parse_population, help_heading = "Flaggor")]
    pub(crate) population: Option<Population>,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
}

/// How a run is judged and reported.
#[derive(Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) template: TemplateArg,
    /// Count the summary per case too (set by `kontrollera --per-ärende` and
    /// by `stickprov --per-ärende`).
    #[arg(skip)]
    pub(crate) per_case: bool,
    /// Utdataformat (standard: efter filändelsen i --ut, annars text).
    #[arg(long, value_enum, help_heading = "Flaggor")]
    pub(crate) format: Option<Format>,
    /// Rapportens rubrik (standard: "Granskning med mallen …").
    #[arg(
        long = "rubrik",
        visible_alias = "title",
        value_name = "TEXT",
        help_heading = "Flaggor"
    )]
    pub(crate) title: Option<String>,
    /// Bara sammanfattningen: inga dokumentsidor (html) eller dokument
    /// (text), t.ex. till nämnden.
    #[arg(
        long = "bara-sammanfattning",
        visible_alias = "summary-only",
        help_heading = "Flaggor"
    )]
    pub(crate) summary_only: bool,
    /// Lämna dokumentens texter utanför html-rapporten; fynden visas med
    /// korta, maskerade utdrag (för en rapport som sprids bredare).
    #[arg(
        long = "utan-text",
        visible_alias = "without-text",
        help_heading = "Flaggor"
    )]
    pub(crate) without_text: bool,
    /// Vem som gjorde granskningen, för rapportens "Om granskningen".
    #[arg(
        long = "granskare",
        visible_alias = "reviewer",
        value_name = "NAMN",
        help_heading = "Flaggor"
    )]
    pub(crate) reviewer: Option<String>,
    /// Sammanfatta också per grupp: enhet, handlaggare, insats, lag, typ eller
    /// någon annan metadatanyckel.
    #[arg(
        long = "gruppera",
        visible_alias = "group-by",
        value_name = "NYCKEL",
        help_heading = "Flaggor"
    )]
    pub(crate) group: Option<String>,
    /// Antal trådar (0 = en per processorkärna).
    #[arg(
        long = "jobb",
        visible_alias = "jobs",
        value_name = "N",
        default_value_t = 0,
        help_heading = "Flaggor"
    )]
    pub(crate) jobs: usize,
    /// Avsluta med kod 1 om något kriterium inte är uppfyllt.
    #[arg(long = "strikt", visible_alias = "strict", help_heading = "Flaggor")]
    pub(crate) strict: bool,
    /// Visa efter körningen hur lång tid varje steg och varje kriterium tog.
    #[arg(long = "profil", visible_alias = "profile", help_heading = "Flaggor")]
    pub(crate) profile: bool,
    /// Visa personnummer omaskerade i resultatet (undvik!).
    #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
    pub(crate) show_pnr: bool,
    /// Visa ingen förloppsindikator.
    #[arg(long = "tyst", visible_alias = "quiet", help_heading = "Flaggor")]
    pub(crate) quiet: bool,
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
    pub(crate) severity: SeverityArg,
}

/// The least serious findings shown.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum SeverityArg {
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
    pub(crate) fn output_format(&self, out: Option<&Path>) -> Result<writer::Format, ExitCode> {
        let terminal = io::stdout().is_terminal();
        writer::Format::for_output(self.format.map(Into::into), out, terminal).map_err(|e| {
            say!("granska: {e}.");
            ExitCode::from(2)
        })
    }
}
