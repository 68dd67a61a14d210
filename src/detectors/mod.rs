//! Built-in detectors: language analyses too rich for a pattern, named from a
//! template with `detektor namn`. One file per detector; each returns the places
//! it found, so a detector can be required (`kräver detektor …`: at least one
//! hit) or forbidden (`förbjuder detektor …`: every hit is a finding).

mod egen_uppfattning;

use crate::criteria::Hit;
use crate::ingest::Document;
use crate::language::Analysis;

/// A built-in detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detector {
    /// A view or wish attributed to the person themself.
    EgenUppfattning,
}

impl Detector {
    /// Every detector, in the order of their discriminants.
    pub const ALL: &[Detector] = &[Detector::EgenUppfattning];

    /// The name used in templates.
    pub fn name(self) -> &'static str {
        match self {
            Detector::EgenUppfattning => "egen_uppfattning",
        }
    }

    /// The detector named `name`.
    pub fn from_name(name: &str) -> Option<Detector> {
        Detector::ALL.iter().copied().find(|d| d.name() == name)
    }

    /// Runs the detector on a document.
    pub fn detect(self, doc: &Document, analysis: &Analysis) -> Vec<Hit> {
        match self {
            Detector::EgenUppfattning => egen_uppfattning::detect(doc, analysis),
        }
    }
}
