//! Where a report comes from: what was reviewed and how it was chosen, with
//! which template and version of granska, by whom and when. The JSON report
//! has it as `run`; the other reports show it as "Om granskningen".

use serde::Serialize;

use chrono::Datelike;

use super::privacy::shown;
use crate::language::dates::MONTHS;
use crate::score::Summary;
use crate::score::design::{Design, Unit};
use crate::score::stats;
use crate::template::Template;

/// The margin `stickprov storlek` aims for by default: ± 10 percentage
/// points at 95 % confidence, for a share expected to be 50 %.
pub const MARGIN: f64 = 0.10;

/// How a run came about. Made by the caller (the date is given, not read
/// from a clock here).
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// The report's title (`--rubrik`).
    pub title: Option<String>,
    /// Who ran the review (`--granskare`).
    pub reviewer: Option<String>,
    /// The day of the run, `ÅÅÅÅ-MM-DD`.
    pub date: String,
    pub granska_version: String,
    pub template: TemplateInfo,
    pub selection: Selection,
}

/// The template that judged.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateInfo {
    pub name: String,
    pub version: Option<String>,
    /// Where it was read from (the standard template's name when embedded).
    pub file: String,
    /// SHA-256 of its files and the lexicons they read.
    pub checksum: String,
}

/// How the reviewed units were chosen.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Selection {
    /// What was drawn (and what the design is about).
    pub unit: Unit,
    pub design: Design,
    /// The seed of a drawn sample.
    pub seed: Option<u64>,
    /// The strata: name, units in the population, units drawn.
    pub strata: Vec<StratumInfo>,
    /// Filters as typed (`enhet=Norr`).
    pub filters: Vec<String>,
    /// Documents left out by the filters.
    pub filtered_out: usize,
    /// The files and folders read, as given.
    pub inputs: Vec<String>,
}

/// One stratum of a stratified sample.
#[derive(Debug, Clone, Serialize)]
pub struct StratumInfo {
    pub name: String,
    pub population: usize,
    pub drawn: usize,
}

impl TemplateInfo {
    /// " version 2026.1", or nothing without a version.
    fn version_text(&self) -> String {
        self.version
            .as_deref()
            .map(|v| format!(" version {v}"))
            .unwrap_or_default()
    }

    /// What identifies `template`.
    pub fn of(template: &Template) -> TemplateInfo {
        TemplateInfo {
            name: template.name.clone(),
            version: template.version.clone(),
            file: template.origin.clone(),
            checksum: template.checksum.clone(),
        }
    }
}

impl Provenance {
    /// A run of `template` on `date`, with nothing known of the selection.
    pub fn new(template: &Template, date: impl Into<String>) -> Provenance {
        Provenance {
            title: None,
            reviewer: None,
            date: date.into(),
            granska_version: env!("CARGO_PKG_VERSION").to_string(),
            template: TemplateInfo::of(template),
            selection: Selection::default(),
        }
    }

    /// The report's heading: the title given, or the template's.
    pub fn heading(&self) -> String {
        match &self.title {
            Some(title) => title.clone(),
            None => format!(
                "Granskning med mallen ”{}”{}",
                self.template.name,
                self.template.version_text()
            ),
        }
    }

    /// The units in the population, when known.
    pub fn population(&self, reviewed: usize) -> Option<usize> {
        match &self.selection.design {
            Design::Unknown => None,
            Design::Census => Some(reviewed),
            Design::Simple { population } => Some(*population),
            Design::Stratified { strata, .. } => Some(strata.iter().map(|(_, n)| n).sum()),
        }
    }

    /// The sample size `stickprov storlek` recommends for this population
    /// at [`MARGIN`], when the sample is smaller than that.
    pub fn recommended(&self, reviewed: usize) -> Option<usize> {
        let population = self.population(reviewed)?;
        let n = stats::sample_size(population, MARGIN, stats::CONFIDENCE, 0.5);
        (reviewed < n).then_some(n)
    }

    /// The JSON report's `run`: this, with identity numbers masked unless
    /// shown, and the population, the units reviewed and the recommended
    /// sample size when it was not reached.
    pub fn json(&self, summary: &Summary, show_pnr: bool) -> serde_json::Value {
        let mut masked = self.clone();
        let mask = |text: &mut String| *text = shown(text, show_pnr).into_owned();
        masked.title.as_mut().map(mask);
        masked.reviewer.as_mut().map(mask);
        masked.selection.inputs.iter_mut().for_each(mask);
        masked.selection.filters.iter_mut().for_each(mask);
        masked
            .selection
            .strata
            .iter_mut()
            .for_each(|s| mask(&mut s.name));
        if let Design::Stratified { strata, .. } = &mut masked.selection.design {
            strata.iter_mut().for_each(|(name, _)| mask(name));
        }
        let reviewed = self.reviewed(summary);
        let mut value = serde_json::to_value(&masked).unwrap_or_default();
        if let Some(selection) = value.get_mut("selection").and_then(|s| s.as_object_mut()) {
            selection.insert("population".into(), self.population(reviewed).into());
            selection.insert("reviewed".into(), reviewed.into());
            selection.insert("recommended_size".into(), self.recommended(reviewed).into());
        }
        value
    }

    /// Units reviewed: documents, or cases when cases were drawn.
    fn reviewed(&self, summary: &Summary) -> usize {
        let figures = &summary.figures;
        match self.selection.unit {
            Unit::Case => figures.cases.unwrap_or(figures.documents),
            Unit::Document => figures.documents,
        }
    }

    /// What "uppnått", "ej uppnått" and "osäkert" mean in this run.
    pub fn legend(&self) -> &'static str {
        match self.selection.design {
            Design::Census => {
                "Bedömning mot målet: uppnått = andelen är minst lika stor som målet; ej uppnått = \
                 andelen är lägre än målet. Alla granskades, så andelarna har inget intervall."
            }
            _ => {
                "Bedömning mot målet: uppnått = hela 95 %-konfidensintervallet (KI) ligger på eller \
                 över målet; ej uppnått = hela intervallet ligger under målet; osäkert = intervallet \
                 omfattar målet."
            }
        }
    }

    /// "Om granskningen", line by line: a label and its text, in Swedish.
    pub fn rows(&self, summary: &Summary, show_pnr: bool) -> Vec<(&'static str, String)> {
        let figures = &summary.figures;
        let units = match self.selection.unit {
            Unit::Document => "dokument",
            Unit::Case => "ärenden",
        };
        let reviewed = self.reviewed(summary);
        let mut rows = Vec::new();
        let mut what = format!("{} dokument", figures.documents);
        if let (Unit::Case, Some(cases)) = (self.selection.unit, figures.cases) {
            what = format!("{cases} ärenden ({what})");
        }
        rows.push(("Granskat", what));
        let seed = self
            .selection
            .seed
            .map(|s| format!(", frö {s} (samma frö och samma filer ger samma urval)"))
            .unwrap_or_default();
        let how = match &self.selection.design {
            Design::Unknown => format!(
                "uppgift saknas om hur {} valdes och hur många som fanns totalt; \
                 intervallen är beräknade som om de vore ett slumpmässigt urval ur en stor mängd",
                match self.selection.unit {
                    Unit::Document => "dokumenten",
                    Unit::Case => "ärendena",
                }
            ),
            Design::Census => format!(
                "totalundersökning: alla {reviewed} {units} i populationen granskades, så andelarna \
                 är inga skattningar och har ingen osäkerhet från urvalet"
            ),
            Design::Simple { population } => format!(
                "slumpmässigt stickprov av {reviewed} {units} ur {population}{seed}; intervallen \
                 är korrigerade för att populationen är ändlig"
            ),
            Design::Stratified { key, strata } => {
                let parts: Vec<String> = self
                    .selection
                    .strata
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {} av {}",
                            shown(&s.name, show_pnr),
                            s.drawn,
                            s.population
                        )
                    })
                    .collect();
                let population: usize = strata.iter().map(|(_, n)| n).sum();
                format!(
                    "skiktat stickprov efter {key} av {reviewed} {units} ur {population} ({}){seed}; \
                     andelarna vägs efter skiktens storlek (vägd andel), antalen är ovägda",
                    parts.join(", ")
                )
            }
        };
        rows.push(("Urval", how));
        if !self.selection.filters.is_empty() {
            rows.push((
                "Filter",
                format!(
                    "{} ({} dokument föll bort)",
                    shown(&self.selection.filters.join(", "), show_pnr),
                    self.selection.filtered_out
                ),
            ));
        }
        if let (Some(n), Some(population)) = (self.recommended(reviewed), self.population(reviewed))
        {
            rows.push((
                "Stickprovets storlek",
                format!(
                    "{reviewed} {units} är färre än de {n} som `granska stickprov storlek \
                     --population {population}` rekommenderar för ±{:.0} procentenheter med 95 % \
                     konfidens; därför blir fler bedömningar osäkra",
                    MARGIN * 100.0
                ),
            ));
        }
        let version = self.template.version_text();
        rows.push((
            "Mall",
            format!(
                "”{}”{version} ({}, kontrollsumma {})",
                self.template.name,
                shown(&self.template.file, show_pnr),
                &self.template.checksum[..self.template.checksum.len().min(12)]
            ),
        ));
        let manual = summary
            .figures
            .criteria
            .iter()
            .filter(|c| c.manual > 0)
            .count();
        if manual > 0 {
            rows.push((
                "Manuella frågor",
                format!(
                    "{manual} frågor för kollegiegranskning besvaras inte av granska och ingår \
                     inte i resultaten; de gäller bara de kriterier som granskas automatiskt"
                ),
            ));
        }
        if !self.selection.inputs.is_empty() {
            rows.push((
                "Underlag",
                shown(&self.selection.inputs.join(", "), show_pnr).into_owned(),
            ));
        }
        let by = self
            .reviewer
            .as_deref()
            .map(|r| format!(" av {}", shown(r, show_pnr)))
            .unwrap_or_default();
        rows.push((
            "Körd",
            format!(
                "{}{by} med granska {}",
                long_date(&self.date),
                self.granska_version
            ),
        ));
        rows
    }
}

/// "3 december 2026" for "2026-12-03"; anything else as it is.
pub fn long_date(date: &str) -> String {
    match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
        Err(_) => date.to_string(),
    }
}

#[cfg(test)]
mod tests;
