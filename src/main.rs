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
use granska::ingest;
use granska::report::{explain, json, text};
use granska::score::Tally;
use granska::template::{Template, TemplateErrors};

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

#[derive(Args)]
struct CheckArgs {
    /// Filer och mappar att granska; mappar läses rekursivt.
    #[arg(value_name = "SÖKVÄG", default_value = ".", help_heading = "Argument")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    template: TemplateArg,
    /// Utdataformat.
    #[arg(long, value_enum, default_value = "text", help_heading = "Flaggor")]
    format: Format,
    /// Skriv resultatet till en fil i stället för till skärmen.
    #[arg(
        long = "ut",
        visible_alias = "out",
        value_name = "FIL",
        help_heading = "Flaggor"
    )]
    out: Option<PathBuf>,
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
    /// Manifest (CSV) med metadata för filerna.
    #[arg(long, value_name = "FIL", help_heading = "Flaggor")]
    manifest: Option<PathBuf>,
    /// Visa efter körningen hur lång tid varje steg och varje kriterium tog.
    #[arg(long = "profil", visible_alias = "profile", help_heading = "Flaggor")]
    profile: bool,
    /// Visa personnummer omaskerade i resultatet (undvik!).
    #[arg(long = "visa-personnummer", help_heading = "Flaggor")]
    show_pnr: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
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

fn main() -> ExitCode {
    fix_mmap_threshold();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let result = match cli.command {
        Command::Kontrollera(args) => check(args),
        Command::Mall(TemplateCommand::Kontrollera { file }) => load(Some(&file)).map(|t| {
            print_diagnostics(&t.warnings);
            let oversized = t.oversized_patterns();
            for reason in &oversized {
                eprintln!("granska: ett reguljärt uttryck är för stort och kommer aldrig att matcha: {reason}");
            }
            if !oversized.is_empty() {
                return ExitCode::from(2);
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
        Command::Forklara { id, template } => {
            load(template.file.as_deref()).map(|t| explain_criterion(&t, &id))
        }
    };
    result.unwrap_or_else(|code| code)
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
    eprintln!("granska: {reason}. Skriv `granska --hjälp` för hjälp.\n");
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

fn print_template_errors(errors: &TemplateErrors) {
    print_diagnostics(&errors.errors);
    eprintln!("{errors}. Rätta felen och försök igen.");
}

/// Template diagnostics on stderr, with their source excerpts.
fn print_diagnostics(diagnostics: &[granska::template::Diagnostic]) {
    let handler = text::handler(use_color(&io::stderr()));
    let mut out = String::new();
    for d in diagnostics {
        let _ = handler.render_report(&mut out, d);
        out.push('\n');
    }
    eprint!("{out}");
}

fn use_color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn check(args: CheckArgs) -> Result<ExitCode, ExitCode> {
    let template = load(args.template.file.as_deref())?;
    let (inputs, mut errors) = ingest::collect_inputs(&args.paths, args.manifest.as_deref());
    if args.show_pnr {
        eprintln!("granska: varning: personnummer visas omaskerade. Sprid inte resultatet.");
    }
    let out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(io::BufWriter::new(create_private(path).map_err(|e| {
            eprintln!("granska: kunde inte skapa {}: {e}", path.display());
            ExitCode::from(2)
        })?)),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let color = args.out.is_none() && use_color(&io::stdout());
    let show = args.show_pnr;
    let mut tally = Tally::new(&template);
    let format = args.format;
    let render = |d: &ingest::Document, o: &engine::Outcome| match format {
        Format::Json => json::render_document(&template, d, o, show),
        Format::Text => text::render_document(&template, d, o, show, color),
    };
    // JSON streams each document as it comes; text shows the summary first, so
    // its document blocks wait until the run is done.
    enum Sink {
        Json(json::JsonWriter<Box<dyn Write>>, io::Result<()>),
        Text(Box<dyn Write>, Vec<String>),
    }
    let mut sink = match format {
        Format::Json => Sink::Json(
            json::JsonWriter::start(out, &template).map_err(write_error)?,
            Ok(()),
        ),
        Format::Text => Sink::Text(out, Vec::new()),
    };
    let mut profile = args.profile.then(engine::Profile::default);
    let ran = engine::run(
        &template,
        &inputs,
        args.jobs,
        render,
        |result| match result {
            Ok((outcome, rendered)) => {
                tally.add(&outcome.statuses, &outcome.score);
                match &mut sink {
                    Sink::Json(writer, written @ Ok(())) => *written = writer.document(&rendered),
                    Sink::Json(..) => {}
                    Sink::Text(_, blocks) => blocks.push(rendered),
                }
            }
            Err(e) => errors.push(e),
        },
        profile.as_mut(),
    );
    ran.map_err(|e| {
        eprintln!("granska: {e}");
        ExitCode::from(2)
    })?;
    let written = match sink {
        Sink::Json(writer, written) => {
            written.and_then(|()| writer.finish(&errors, show).map(|_| ()))
        }
        Sink::Text(mut out, blocks) => {
            let summary = text::render_summary(&template, &tally, &errors, show);
            (|| {
                writeln!(out, "{summary}")?;
                for block in blocks {
                    writeln!(out, "{block}")?;
                }
                out.flush()
            })()
        }
    };
    written.map_err(write_error)?;
    if let Some(profile) = &profile {
        eprint!("{}", text::render_profile(&template, profile));
    }
    if !errors.is_empty() {
        if matches!(args.format, Format::Json) || args.out.is_some() {
            eprintln!(
                "granska: {} filer kunde inte läsas; se listan i resultatet.",
                errors.len()
            );
        }
        return Ok(ExitCode::from(3));
    }
    if args.strict && tally.any_not_met() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_error(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("granska: kunde inte skriva resultatet: {e}");
    ExitCode::from(2)
}

/// Creates an output file readable by its owner only.
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
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
            eprintln!("granska: mallen har inget kriterium {id}.{hint}");
            ExitCode::from(2)
        }
    }
}
