//! Preparing a round: read the documents, draw cases if asked, assign the
//! reviewers, judge the documents and write the plan and one protocol per
//! reviewer into a folder of its own.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::plan::{Plan, ReviewCase, Reviewer, assign, cases_of};
use super::protokoll::{ProtocolCase, Round, write_protocol};
use crate::engine::{self, RunError};
use crate::ingest::{IngestError, Input};
use crate::report::findings_csv::inert;
use crate::report::model::DocumentReport;
use crate::report::privacy::shown;
use crate::sample::{self, Population};
use crate::template::Template;

/// What a round is prepared from.
pub struct Preparation<'a> {
    pub template: &'a Template,
    pub inputs: &'a [Input],
    pub reviewers: Vec<Reviewer>,
    /// Draw this many cases; all cases when `None`.
    pub cases: Option<usize>,
    /// Only the cases of these documents (paths, as in a stickprov list).
    pub listed: Option<Vec<String>>,
    pub seed: u64,
    /// The share of cases reviewed by two, 0–1.
    pub double: f64,
    /// The round's folder; it must not exist or be empty.
    pub folder: &'a Path,
    pub name: String,
    /// The date written on the protocols (YYYY-MM-DD).
    pub date: String,
    pub jobs: usize,
    pub show_pnr: bool,
}

/// A prepared round.
#[derive(Debug)]
pub struct Prepared {
    pub reviewers: Vec<Reviewer>,
    /// How many cases there were to draw from.
    pub population: usize,
    pub cases: Vec<ReviewCase>,
    pub plan: Plan,
    /// Files that could not be read (listed, the round goes on).
    pub errors: Vec<IngestError>,
    /// The plan and the protocols written.
    pub files: Vec<PathBuf>,
}

/// Why a round could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error("mappen {0} finns redan och är inte tom; välj en ny mapp för omgången")]
    FolderNotEmpty(PathBuf),
    #[error("kunde inte skriva {0}: {1}")]
    Write(PathBuf, String),
    #[error("det fanns inga ärenden att granska")]
    NoCases,
    #[error("{} dokument i stickprovslistan finns inte bland dokumenten (t.ex. {}); ange samma mappar som när stickprovet drogs", .0.len(), .0[0])]
    NotListed(Vec<String>),
    #[error(transparent)]
    Run(#[from] RunError),
}

/// The plan's file name in the round's folder.
pub const PLAN_FILE: &str = "granskningsplan.csv";

/// The plan's columns, written and read back by these names.
pub const PLAN_COLUMNS: [&str; 9] = [
    "ärende",
    "granskare",
    "granskarens enhet",
    "dubbelgranskas",
    "dokument",
    "protokoll",
    "handläggare",
    "ärendets enhet",
    "insats",
];

/// Prepares a round (see the module).
pub fn prepare(p: Preparation) -> Result<Prepared, PrepareError> {
    if fs::read_dir(p.folder).is_ok_and(|mut d| d.next().is_some()) {
        return Err(PrepareError::FolderNotEmpty(p.folder.to_path_buf()));
    }
    let mut population = Population::read(p.inputs, &[], None);
    if let Some(listed) = &p.listed {
        let missing: Vec<String> = listed
            .iter()
            .filter(|path| !population.candidates.iter().any(|c| &c.path == *path))
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(PrepareError::NotListed(missing));
        }
        // Every document of a case that has a listed document.
        let keep: std::collections::BTreeSet<String> = population
            .candidates
            .iter()
            .filter(|c| listed.contains(&c.path))
            .map(sample::Candidate::case_key)
            .collect();
        population
            .candidates
            .retain(|c| keep.contains(&c.case_key()));
    }
    let all_cases = cases_of(&population.candidates).len();
    let chosen = match p.cases {
        Some(n) => sample::draw_cases(&population.candidates, n, p.seed).chosen,
        None => population.candidates.clone(),
    };
    let cases = cases_of(&chosen);
    if cases.is_empty() {
        return Err(PrepareError::NoCases);
    }
    let plan = assign(&cases, &p.reviewers, p.double, p.seed);
    // Judge the drawn documents, compared with the whole population for
    // passages that recur across cases.
    let documents: Vec<Input> = chosen
        .iter()
        .map(|c| Input {
            record: c.record,
            ..p.inputs[c.input].clone()
        })
        .collect();
    let mut reports: Vec<Option<DocumentReport>> = Vec::with_capacity(documents.len());
    let mut errors = population.errors;
    engine::run(
        p.template,
        &documents,
        Some(p.inputs),
        p.jobs,
        |d, o| DocumentReport::new(p.template, d, o, p.show_pnr),
        |judged| match judged {
            Ok((_, report)) => reports.push(Some(report)),
            Err(e) => {
                reports.push(None);
                errors.push(e);
            }
        },
        None,
    )?;
    let write = |path: &Path, e: &dyn std::fmt::Display| {
        PrepareError::Write(path.to_path_buf(), e.to_string())
    };
    fs::create_dir_all(p.folder).map_err(|e| write(p.folder, &e))?;
    let mut files = Vec::new();
    // Which report belongs to which case: the documents were judged in the
    // order they were chosen.
    let order: std::collections::HashMap<(usize, Option<usize>), usize> = chosen
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.input, c.record), i))
        .collect();
    let report_of = |candidate: &sample::Candidate| {
        order
            .get(&(candidate.input, candidate.record))
            .and_then(|&i| reports.get(i).and_then(Option::as_ref))
    };
    let protocol_names: Vec<String> = p
        .reviewers
        .iter()
        .enumerate()
        .map(|(i, r)| protocol_name(&r.name, i))
        .collect();
    let plan_path = p.folder.join(PLAN_FILE);
    write_plan(
        &plan_path,
        &plan,
        &cases,
        &p.reviewers,
        &protocol_names,
        p.show_pnr,
    )
    .map_err(|e| write(&plan_path, &e))?;
    files.push(plan_path);
    let round = Round {
        name: &p.name,
        seed: p.seed,
        date: &p.date,
    };
    for (r, reviewer) in p.reviewers.iter().enumerate() {
        let mine: Vec<ProtocolCase> = plan
            .assignments
            .iter()
            .filter(|a| a.reviewers.contains(&r))
            .map(|a| ProtocolCase {
                case: &cases[a.case].case,
                documents: cases[a.case]
                    .documents
                    .iter()
                    .filter_map(report_of)
                    .collect(),
                double: a.double,
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let path = p.folder.join(&protocol_names[r]);
        let file = fs::File::create(&path).map_err(|e| write(&path, &e))?;
        write_protocol(
            io::BufWriter::new(file),
            p.template,
            reviewer,
            &round,
            &mine,
            p.show_pnr,
        )
        .map_err(|e| write(&path, &e))?;
        files.push(path);
    }
    Ok(Prepared {
        reviewers: p.reviewers,
        population: all_cases,
        cases,
        plan,
        errors,
        files,
    })
}

/// `protokoll-eva-lund.xlsx`: the reviewer's name in lower case letters and
/// digits (å, ä, ö kept), with the reviewer's number when nothing is left.
fn protocol_name(name: &str, index: usize) -> String {
    match slug(name) {
        Some(slug) => format!("protokoll-{slug}.xlsx"),
        None => format!("protokoll-{}.xlsx", index + 1),
    }
}

/// A name as part of a file name: lower case letters and digits (å, ä, ö
/// kept) joined by hyphens; `None` when nothing is left.
pub(super) fn slug(name: &str) -> Option<String> {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (!slug.is_empty()).then_some(slug)
}

/// The plan: one row per case and reviewer (semicolon, UTF-8 with BOM).
fn write_plan(
    path: &Path,
    plan: &Plan,
    cases: &[ReviewCase],
    reviewers: &[Reviewer],
    protocols: &[String],
    show_pnr: bool,
) -> io::Result<()> {
    let out = io::BufWriter::new(fs::File::create(path)?);
    let mut csv = crate::report::findings_csv::excel_csv(out)?;
    csv.write_record(PLAN_COLUMNS)?;
    for a in &plan.assignments {
        let case = &cases[a.case];
        let documents: Vec<String> = case
            .documents
            .iter()
            .map(|d| shown(&d.id, show_pnr).into_owned())
            .collect();
        let row = |reviewer: &str, unit: &str, protocol: &str| {
            [
                inert(&shown(&case.case, show_pnr)).into_owned(),
                inert(reviewer).into_owned(),
                inert(unit).into_owned(),
                if a.double { "ja" } else { "nej" }.to_string(),
                inert(&documents.join(", ")).into_owned(),
                protocol.to_string(),
                inert(&case.handlaggare.join(" | ")).into_owned(),
                inert(&case.enhet.join(" | ")).into_owned(),
                inert(&case.insats.join(" | ")).into_owned(),
            ]
        };
        if a.reviewers.is_empty() {
            csv.write_record(row(
                "",
                "",
                "ingen granskare: alla är handläggare i ärendet",
            ))?;
        }
        for &r in &a.reviewers {
            let unit = reviewers[r].unit.as_deref().unwrap_or("");
            csv.write_record(row(&reviewers[r].name, unit, &protocols[r]))?;
        }
    }
    csv.flush()
}

impl Prepared {
    /// What was prepared, in Swedish, for the terminal.
    pub fn describe(&self, folder: &Path, show_pnr: bool) -> String {
        let doubled = self.plan.assignments.iter().filter(|a| a.double).count();
        let documents: usize = self.cases.iter().map(|c| c.documents.len()).sum();
        let mut out = format!(
            "Granskningsomgång förberedd i {}: {} ärenden ({} dokument) av {}, frö {}, {} av dem granskas av två.\n",
            folder.display(),
            self.cases.len(),
            documents,
            self.population,
            self.plan.seed,
            doubled
        );
        let load = self.plan.load(self.reviewers.len());
        for (r, reviewer) in self.reviewers.iter().enumerate() {
            out += &format!("  {}: {} ärenden\n", reviewer.name, load[r]);
        }
        for a in self.plan.short() {
            let case = shown(&self.cases[a.case].case, show_pnr);
            out += &match a.reviewers.len() {
                0 => format!(
                    "Ärende {case} fick ingen granskare: alla granskare är handläggare i ärendet.\n"
                ),
                _ => format!(
                    "Ärende {case} granskas bara av en: ingen annan granskare är fri från ärendet.\n"
                ),
            };
        }
        out += &format!(
            "Planen står i {PLAN_FILE}; skicka varje granskare sitt protokoll ({} filer).\n",
            self.files.len().saturating_sub(1)
        );
        out
    }
}

/// The files of a stickprov list (the CSV `granska stickprov` writes): the
/// column `fil`.
pub fn read_sample_list(text: &str) -> Result<Vec<String>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let at = reader
        .headers()
        .map_err(|e| format!("stickprovslistan kunde inte läsas: {e}"))?
        .iter()
        .position(|h| h == "fil")
        .ok_or(
            "stickprovslistan saknar kolumnen fil; använd listan som granska stickprov skriver",
        )?;
    let mut files = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("stickprovslistan, rad {}: {e}", i + 2))?;
        if let Some(file) = record.get(at).filter(|f| !f.is_empty()) {
            files.push(file.trim_start_matches('\'').to_string());
        }
    }
    Ok(files)
}
