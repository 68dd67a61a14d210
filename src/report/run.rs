//! A review run as a library call: the template judges every input document
//! in parallel, each document is written to the report as soon as it is
//! judged, and the summary comes last. The caller (the binary, a benchmark, a
//! test or another front end) chooses the output and shows progress; what
//! the user should be told comes back as sentences, never printed here.

use std::fmt;
use std::io::{self, Write};

use super::provenance::Provenance;
use super::text;
use super::writer::{self, Format, ReportWriter};
use crate::engine::{self, Outcome, Profile};
use crate::finding::Severity;
use crate::ingest::{Catalogue, Document, IngestError, Input, Kind};
use crate::sample;
use crate::score::design::{Design, Unit};
use crate::score::{Facts, Frame, Groups, Summary, Tally};
use crate::template::Template;

/// How a run judges and reports.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    /// The least serious findings shown (statuses and scores are unchanged).
    pub severity: Severity,
    /// Personal identity numbers unmasked.
    pub show_pnr: bool,
    /// Colours in text for a terminal.
    pub color: bool,
    /// Count the summary per case too.
    pub per_case: bool,
    /// Summarise per value of this metadata key too.
    pub group: Option<String>,
    /// Threads (0: one per core).
    pub jobs: usize,
    /// Time every step and criterion.
    pub profile: bool,
    /// How the documents were chosen, by whom and when; the estimates
    /// follow its design. None: a sample from a population of unknown size,
    /// of unknown date.
    pub provenance: Option<Provenance>,
    /// The summary only: no document pages (HTML) or blocks (text).
    pub summary_only: bool,
    /// Document pages without the documents' texts (HTML): the findings
    /// with short, masked excerpts.
    pub without_text: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Json,
            severity: Severity::Info,
            show_pnr: false,
            color: false,
            per_case: false,
            group: None,
            jobs: 0,
            profile: false,
            provenance: None,
            summary_only: false,
            without_text: false,
        }
    }
}

/// What a completed run found, for the caller to report and map to an exit
/// code.
#[derive(Debug)]
pub struct Reviewed {
    pub summary: Summary,
    /// Files (or records) that could not be read, in the order met.
    pub errors: Vec<IngestError>,
    /// Sentences for the user (Swedish), e.g. about threads or a group key
    /// no document has.
    pub notes: Vec<String>,
    /// The time per step and criterion, as text, when profiled.
    pub profile: Option<String>,
    /// Whether some criterion was not met in some document.
    pub any_not_met: bool,
}

/// Why a run did not complete.
#[derive(Debug)]
pub enum RunError {
    /// The engine could not start (threads).
    Engine(String),
    /// The report could not be written.
    Write(io::Error),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Engine(e) => write!(f, "{e}"),
            RunError::Write(e) => write!(f, "resultatet kunde inte skrivas: {e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// A document's rendering, with what the summary needs to know of it.
struct Rendered {
    body: writer::Body,
    kind: Option<&'static str>,
    outcome: Option<String>,
    group: Option<String>,
    /// The document's case, when counting per case.
    case: Option<String>,
    /// The value of the strata key, for a stratified sample.
    stratum: Option<String>,
    /// The document's keys and values, when grouping (to say which keys
    /// there are if none has the one asked for).
    keys: Option<Catalogue>,
}

/// Judges `inputs` with `template` and writes the report to `out`: the
/// documents as they are judged, then the summary and the files that could
/// not be read (`errors`, and those met on the way). RS-INDIVIDUELL also
/// compares with `compare_with` when given. `progress` is called once per
/// judged document.
pub fn review<W: Write>(
    template: &Template,
    inputs: &[Input],
    compare_with: Option<&[Input]>,
    mut errors: Vec<IngestError>,
    options: &Options,
    out: W,
    mut progress: impl FnMut(),
) -> Result<Reviewed, RunError> {
    let mut notes = Vec::new();
    let mut tally = Tally::new(template);
    if options.per_case {
        tally = tally.per_case();
    }
    let group = options.group.as_deref();
    let mut groups = group.map(Groups::new);
    let mut catalogue = Catalogue::default();
    let provenance = options
        .provenance
        .clone()
        .unwrap_or_else(|| Provenance::new(template, ""));
    let unit = provenance.selection.unit;
    let strata_key = match &provenance.selection.design {
        Design::Stratified { key, .. } => Some(key.as_str()),
        _ => None,
    };
    let mut strata = strata_key.map(|key| match unit {
        Unit::Case => Groups::new(key).per_case(),
        Unit::Document => Groups::new(key),
    });
    let render = |d: &Document, o: &Outcome| Rendered {
        body: writer::render(
            options.format,
            template,
            d,
            &o.shown_at(options.severity),
            writer::Style {
                show_pnr: options.show_pnr,
                color: options.color,
                with_text: !options.without_text,
            },
        ),
        kind: d.kind.map(Kind::name),
        outcome: d.metadata.get("utfall").map(str::to_string),
        case: options.per_case.then(|| sample::case_of(d)),
        group: group.and_then(|key| d.value(key)).map(str::to_string),
        stratum: strata_key.and_then(|key| d.value(key)).map(str::to_string),
        keys: group.map(|_| {
            let mut keys = Catalogue::default();
            keys.add(d);
            keys
        }),
    };
    let mut report = ReportWriter::start(options.format, out, template).map_err(RunError::Write)?;
    // The first write error stops the writing, not the run.
    let mut written: io::Result<()> = Ok(());
    let mut profile = options.profile.then(Profile::default);
    let (jobs, note) = engine::threads(options.jobs);
    notes.extend(note);
    engine::run(
        template,
        inputs,
        compare_with,
        jobs,
        render,
        |result| {
            progress();
            match result {
                Ok((outcome, rendered)) => {
                    let facts = Facts {
                        kind: rendered.kind,
                        outcome: rendered.outcome.as_deref(),
                        case: rendered.case.as_deref(),
                    };
                    tally.add(&outcome.statuses, &outcome.score, facts);
                    if let Some(keys) = rendered.keys {
                        catalogue.merge(keys);
                    }
                    if let Some(groups) = groups.as_mut() {
                        let value = rendered.group.as_deref();
                        groups.add(template, value, &outcome.statuses, &outcome.score, facts);
                    }
                    if let Some(strata) = strata.as_mut() {
                        let value = rendered.stratum.as_deref();
                        strata.add(template, value, &outcome.statuses, &outcome.score, facts);
                    }
                    if written.is_ok() && !options.summary_only {
                        written = report.document(template, rendered.body);
                    }
                }
                Err(e) => errors.push(e),
            }
        },
        profile.as_mut(),
    )
    .map_err(|e| RunError::Engine(e.to_string()))?;
    if let Some(note) = group.and_then(|key| catalogue.missing_key(key, "--gruppera")) {
        notes.push(format!("varning: {note}."));
    }
    if let Design::Simple { population } = provenance.selection.design {
        let reviewed = tally.units(unit);
        if population < reviewed {
            notes.push(format!(
                "varning: populationen ({population}) är mindre än de {reviewed} som granskades; \
                 resultatet räknas som en totalundersökning."
            ));
        }
    }
    let frame = Frame {
        design: &provenance.selection.design,
        unit,
        strata: strata.as_ref(),
    };
    let summary = Summary::new(template, &tally, groups.as_ref(), &frame);
    let end = writer::End {
        summary: &summary,
        errors: &errors,
        provenance: &provenance,
        show_pnr: options.show_pnr,
        summary_only: options.summary_only,
        without_text: options.without_text,
    };
    written
        .and_then(|()| report.finish(template, &end))
        .map_err(RunError::Write)?;
    Ok(Reviewed {
        summary,
        errors,
        notes,
        profile: profile.map(|p| text::render_profile(template, &p)),
        any_not_met: tally.any_not_met(),
    })
}
