//! The `granska` command: parses arguments, calls the library, renders, and
//! maps the result to an exit code.
//!
//! Exit codes: 0 the run completed; 1 `--strikt` and some criterion not met (or
//! a template example failed); 2 bad invocation or template errors; 3 the run
//! completed but some inputs could not be read.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use granska::granskning;
use granska::ingest;
use granska::report::privacy::shown;
use granska::report::{self, explain};

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

mod cli;

use cli::*;

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
    // "granska hjälp [KOMMANDO …]" is "granska [KOMMANDO …] --hjälp".
    let mut words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if words
        .get(1)
        .is_some_and(|w| matches!(w.to_str(), Some("hjälp" | "hjalp" | "help")))
    {
        words.remove(1);
        words.push("--hjälp".into());
    }
    let cli = match Cli::try_parse_from(words) {
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
            out,
            show_pnr,
        } => compare_rounds(&rounds, format, out.as_deref(), show_pnr),
        Command::Mall(TemplateCommand::Kontrollera { file }) => load(Some(&file)).map(|t| {
            print_diagnostics(&t.warnings);
            if let Err(code) = refuse_oversized(&t) {
                return code;
            }
            println!("{}", report::prose::template_checked(&t));
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

/// Argument errors told in Swedish (exit 2); help and version, with clap's
/// own words in Swedish, exit 0.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::MissingSubcommand => {
            let text = cli::swedish::swedish(&e.render().to_string());
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                print!("{text}");
                ExitCode::SUCCESS
            } else {
                say!("granska: ange ett kommando.\n\n{}", text.trim_end());
                ExitCode::from(2)
            }
        }
        _ => {
            say!("{}", cli::swedish::error_text(&e).trim_end());
            ExitCode::from(2)
        }
    }
}
