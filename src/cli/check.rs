//! `kontrollera`: loading the template, the output file, the progress bar
//! and the review run mapped to exit codes.

use super::*;
use granska::report::provenance::{Provenance, Selection};
use granska::score::design::{Design, Unit};

/// Runs with more documents than this show a progress bar (on a terminal).
pub(crate) const PROGRESS_FROM: usize = 200;

/// A progress bar on stderr for long runs, when stderr is a terminal.
pub(crate) fn progress_bar(documents: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
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

/// The template in `file`, or the standard one; errors are printed and mean
/// exit code 2.
pub(crate) fn load(file: Option<&Path>) -> Result<Template, ExitCode> {
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
pub(crate) fn load_for_review(file: Option<&Path>) -> Result<Template, ExitCode> {
    let template = load(file)?;
    if file.is_some() {
        refuse_oversized(&template)?;
    }
    Ok(template)
}

/// Exit code 2, with every reason, when a pattern of `template` is too large
/// to compile.
pub(crate) fn refuse_oversized(template: &Template) -> Result<(), ExitCode> {
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

pub(crate) fn print_template_errors(errors: &TemplateErrors) {
    print_diagnostics(&errors.errors);
    say!("{errors}. Rätta felen och försök igen.");
}

/// Template diagnostics on stderr, with their source excerpts.
pub(crate) fn print_diagnostics(diagnostics: &[granska::template::Diagnostic]) {
    let handler = text::handler(use_color(&io::stderr()));
    let mut out = String::new();
    for d in diagnostics {
        text::render_report(&handler, &mut out, d);
        out.push('\n');
    }
    // Colours stay; identity numbers in file names and lines do not.
    eprint!("{}", granska::report::privacy::mask(&out));
}

pub(crate) fn use_color(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub(crate) fn check(mut args: CheckArgs) -> Result<ExitCode, ExitCode> {
    args.report.per_case = args.per_case;
    refuse_overwrite(&args.inputs.paths, args.out.as_deref())?;
    args.report.output_format(args.out.as_deref())?;
    let template = load_for_review(args.report.template.file.as_deref())?;
    let (inputs, errors) = args.inputs.collect();
    let selection = Selection {
        unit: if args.per_case {
            Unit::Case
        } else {
            Unit::Document
        },
        design: match args.population {
            None => Design::Unknown,
            Some(Population::All) => Design::Census,
            Some(Population::Of(population)) => Design::Simple { population },
        },
        inputs: given(&args.inputs.paths),
        ..Selection::default()
    };
    run_report(
        &template,
        &inputs,
        None,
        errors,
        &args.report,
        args.out.as_deref(),
        selection,
    )
}

/// The files and folders as the user gave them.
pub(crate) fn given(paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| ingest::display_path(p)).collect()
}

/// Today, as the reports date a run.
fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// Judges `inputs` and writes the report to `out` (or the screen): the
/// documents, the summary, and the files that could not be read (`errors`).
/// RS-INDIVIDUELL compares with `compare_with` when given.
pub(crate) fn run_report(
    template: &Template,
    inputs: &[ingest::Input],
    compare_with: Option<&[ingest::Input]>,
    errors: Vec<ingest::IngestError>,
    args: &ReportArgs,
    out_path: Option<&Path>,
    selection: Selection,
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
        provenance: Some(Provenance {
            title: args.title.clone(),
            reviewer: args.reviewer.clone(),
            selection,
            ..Provenance::new(template, today())
        }),
        summary_only: args.summary_only,
        without_text: args.without_text,
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
pub(crate) fn open_output(
    path: Option<&Path>,
) -> Result<(Box<dyn Write>, Option<OutputFile>), ExitCode> {
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
pub(crate) fn create_output(path: &Path) -> Result<(File, OutputFile), ExitCode> {
    OutputFile::create(path).map_err(|e| {
        say!(
            "granska: kunde inte skapa {}: {}",
            path.display(),
            ingest::create_message(&e)
        );
        ExitCode::from(2)
    })
}

/// Refuses an output file that would overwrite an input or be read as one
/// (exit code 2).
pub(crate) fn refuse_overwrite(inputs: &[PathBuf], out: Option<&Path>) -> Result<(), ExitCode> {
    match out.and_then(|out| ingest::output_conflict(inputs, out)) {
        Some(reason) => {
            say!("granska: {reason}.");
            Err(ExitCode::from(2))
        }
        None => Ok(()),
    }
}

pub(crate) fn write_error(e: io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    say!(
        "granska: kunde inte skriva resultatet: {}",
        ingest::io_message(&e)
    );
    ExitCode::from(2)
}
