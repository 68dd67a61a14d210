//! # granska
//!
//! Checks Swedish social-services case documentation (utredningar and beslut
//! under SoL and LSS) against a review template (granskningsmall) and reports
//! scores and findings.
//!
//! ## The pipeline
//!
//! ```text
//! files ──► ingest ──► language ──► engine ◄── template ◄── rules/*.gm + lexicons
//!            │                        │
//!        Document               Outcome per criterion + findings
//!                                     │
//!                                   score ──► sample / compare ──► report (text, json)
//! ```
//!
//! - [`template`]: the granskningsmall language — syntax (nom), checking with
//!   miette diagnostics, compilation of lexicons and patterns.
//! - [`ingest`]: reading files into [`ingest::Document`]s: metadata, sections,
//!   running text.
//! - [`language`]: Swedish text analysis once per document: words, sentences,
//!   LIX, folded text for matching.
//! - [`criteria`] and [`detectors`]: what each requirement kind means and how it
//!   is judged.
//! - [`engine`]: every criterion on every document, in parallel, streaming.
//! - [`score`]: document and perspective scores, tallies and summaries over a
//!   run with Wilson intervals and verdicts against targets, comparing rounds.
//! - [`sample`]: stickprov — seeded simple and stratified samples.
//! - [`report`]: output formats; personal identity numbers are masked here.
//!
//! ## Glossary
//!
//! | Swedish | here |
//! |---|---|
//! | granskningsmall | [`template::Template`] |
//! | kriterium | [`criteria::Criterion`] |
//! | perspektiv | [`criteria::Perspective`] |
//! | fynd | [`finding::Finding`] |
//! | utredning, beslut | [`ingest::Kind`] |
//! | utfall (bifall, delvis bifall, avslag, ändring, upphörande, okänt) | metadata key `utfall`, see [`ingest::outcome`] |
//! | stickprov | a sample of cases |
//!
//! The library never prints; the binary renders and sets exit codes.

// The library owns behaviour and never prints: the binary (and any other
// front end) decides what reaches the terminal.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod criteria;
pub mod detectors;
pub mod engine;
pub mod finding;
pub mod granskning;
pub mod ingest;
pub mod language;
pub mod report;
pub mod sample;
pub mod score;
pub mod template;
#[doc(hidden)]
pub mod testkit;
