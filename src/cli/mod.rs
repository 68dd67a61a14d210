//! The command line, apart from `main`: clap's definitions and one module
//! per family of commands. Each command calls the library, prints what it
//! returns (masked) and maps the outcome to an exit code; the library itself
//! never prints.

mod args;
mod check;
mod choices;
mod round;
mod sample_args;
mod sampling;
pub(crate) mod swedish;
mod template;

pub(crate) use std::fs::File;
pub(crate) use std::io::{self, IsTerminal, Write};
pub(crate) use std::path::{Path, PathBuf};
pub(crate) use std::process::ExitCode;

pub(crate) use clap::{Args, Parser, Subcommand, ValueEnum};

pub(crate) use granska::engine;
pub(crate) use granska::engine::evaluation;
pub(crate) use granska::finding::Severity;
pub(crate) use granska::granskning;
pub(crate) use granska::ingest;
pub(crate) use granska::report::output::OutputFile;
pub(crate) use granska::report::privacy::shown;
pub(crate) use granska::report::{self, explain, text, writer};
pub(crate) use granska::sample;
pub(crate) use granska::score::compare;
pub(crate) use granska::template::{Template, TemplateErrors};

pub(crate) use args::*;
pub(crate) use check::*;
pub(crate) use choices::*;
pub(crate) use round::*;
pub(crate) use sample_args::*;
pub(crate) use sampling::*;
pub(crate) use template::*;
