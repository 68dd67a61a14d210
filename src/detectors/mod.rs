//! Built-in detectors: language analyses too rich for a pattern, named from a
//! template with `detektor namn` (and `med lexikon namn` where the detector
//! reads a word list). One file per detector; each returns the places it found,
//! so a detector can be required (`kräver detektor …`: at least one hit) or
//! forbidden (`förbjuder detektor …`: every hit is a finding, with the
//! detector's own message where it has one).

mod beslutsinformation;
mod clauses;
mod datum;
mod egen_uppfattning;
mod forkortningar;
mod icf_koder;
mod medverkan;
mod omfattning;
mod overklagande;
mod passiv;
mod resurser;
mod tilltal;
mod uppfoljning;
mod upprepade_stycken;

use aho_corasick::AhoCorasick;

use crate::criteria::{Context, Hit, Lexicon};
use crate::language::word_regex::WordRegex;

/// A built-in detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detector {
    /// A view or wish attributed to the person themself.
    EgenUppfattning,
    /// The person's own abilities, interests and network (needs a cue lexicon).
    Resurser,
    /// ICF codes that are malformed or unknown (needs the code table).
    IcfKoder,
    /// Internal abbreviations not explained at first use (needs the list).
    Forkortningar,
    /// s-passive verb forms.
    Passiv,
    /// The recipient of a decision referred to in the third person.
    Tilltal,
    /// Sentences that state the scope of what was granted.
    Omfattning,
    /// Sentences that state a time limit or a follow-up.
    Uppfoljning,
    /// The parts of the appeal information a decision lacks.
    Overklagande,
    /// Dates in the text.
    Datum,
    /// Passages that recur in other cases of the batch (may read a lexicon of
    /// standard phrases to leave out).
    UpprepadeStycken,
    /// How the person took part (present, interpreter, adapted
    /// communication …), not negated (needs a cue lexicon).
    Medverkan,
    /// How the person is told about a decision or can get help to understand it.
    Beslutsinformation,
}

impl Detector {
    /// Every detector.
    pub const ALL: &[Detector] = &[
        Detector::EgenUppfattning,
        Detector::Resurser,
        Detector::IcfKoder,
        Detector::Forkortningar,
        Detector::Passiv,
        Detector::Tilltal,
        Detector::Omfattning,
        Detector::Uppfoljning,
        Detector::Overklagande,
        Detector::Datum,
        Detector::UpprepadeStycken,
        Detector::Medverkan,
        Detector::Beslutsinformation,
    ];

    /// The name used in templates.
    pub fn name(self) -> &'static str {
        match self {
            Detector::EgenUppfattning => "egen_uppfattning",
            Detector::Resurser => "resurser",
            Detector::IcfKoder => "icf_koder",
            Detector::Forkortningar => "forkortningar",
            Detector::Passiv => "passiv",
            Detector::Tilltal => "tilltal",
            Detector::Omfattning => "omfattning",
            Detector::Uppfoljning => "uppfoljning",
            Detector::Overklagande => "overklagande",
            Detector::Datum => "datum",
            Detector::UpprepadeStycken => "upprepade_stycken",
            Detector::Medverkan => "medverkan",
            Detector::Beslutsinformation => "beslutsinformation",
        }
    }

    /// The detector named `name`.
    pub fn from_name(name: &str) -> Option<Detector> {
        Detector::ALL.iter().copied().find(|d| d.name() == name)
    }

    /// Whether the detector reads a lexicon (`med lexikon namn`).
    pub fn needs_lexicon(self) -> bool {
        matches!(
            self,
            Detector::Resurser | Detector::IcfKoder | Detector::Forkortningar | Detector::Medverkan
        )
    }

    /// Whether the detector may read a lexicon (it may not need one).
    pub fn takes_lexicon(self) -> bool {
        self.needs_lexicon() || self == Detector::UpprepadeStycken
    }

    /// Whether the detector needs the whole batch (a first pass over it).
    pub fn needs_batch(self) -> bool {
        self == Detector::UpprepadeStycken
    }
}

/// A detector as a template uses it: with its lexicon and whatever it
/// prepared from it when the template was compiled.
#[derive(Debug)]
pub struct DetectorUse {
    pub detector: Detector,
    /// Index of the lexicon in the template's lists.
    pub lexicon: Option<usize>,
    prepared: Prepared,
}

#[derive(Debug)]
enum Prepared {
    Nothing,
    /// A case-sensitive automaton over every abbreviation form, with the
    /// entry of each pattern.
    Abbreviations(AhoCorasick, Vec<usize>),
    /// The known ICF codes, lower case.
    Codes(std::collections::HashSet<String>),
    /// Cues read from the lexicon.
    Cues(Vec<clauses::Cue>),
}

impl DetectorUse {
    /// Prepares `detector` with lexicon `lexicon` (index `index` in the
    /// template's lists).
    pub fn new(
        detector: Detector,
        lexicon: Option<(usize, &Lexicon)>,
    ) -> Result<DetectorUse, String> {
        let prepared = match (detector, lexicon) {
            (Detector::Forkortningar, Some((_, l))) => {
                let (automaton, entries) = forkortningar::prepare(l)?;
                Prepared::Abbreviations(automaton, entries)
            }
            (Detector::IcfKoder, Some((_, l))) => Prepared::Codes(icf_koder::prepare(l)),
            (Detector::Medverkan, Some((_, l))) => Prepared::Cues(medverkan::prepare(l)),
            _ => Prepared::Nothing,
        };
        Ok(DetectorUse {
            detector,
            lexicon: lexicon.map(|(i, _)| i),
            prepared,
        })
    }

    /// Runs the detector on a document.
    pub fn detect(&self, ctx: &Context) -> Vec<Hit> {
        match (self.detector, &self.prepared) {
            (Detector::EgenUppfattning, _) => egen_uppfattning::detect(ctx),
            (Detector::Resurser, _) => self
                .lexicon
                .map_or_else(Vec::new, |l| resurser::detect(ctx, l)),
            (Detector::IcfKoder, Prepared::Codes(codes)) => icf_koder::detect(ctx, codes),
            (Detector::Forkortningar, Prepared::Abbreviations(automaton, entries)) => {
                let lexicon = &ctx.tables.lists[self.lexicon.unwrap_or_default()];
                forkortningar::detect(ctx, lexicon, automaton, entries)
            }
            (Detector::Passiv, _) => passiv::detect(ctx),
            (Detector::Tilltal, _) => tilltal::detect(ctx),
            (Detector::Omfattning, _) => omfattning::detect(ctx),
            (Detector::Uppfoljning, _) => uppfoljning::detect(ctx),
            (Detector::Overklagande, _) => overklagande::detect(ctx),
            (Detector::Datum, _) => datum::detect(ctx),
            (Detector::UpprepadeStycken, _) => upprepade_stycken::detect(ctx, self.lexicon),
            (Detector::Medverkan, Prepared::Cues(cues)) => medverkan::detect(ctx, cues),
            (Detector::Beslutsinformation, _) => beslutsinformation::detect(ctx),
            (Detector::IcfKoder | Detector::Forkortningar | Detector::Medverkan, _) => Vec::new(),
        }
    }
}

impl crate::criteria::Detect for DetectorUse {
    fn detect(&self, ctx: &Context) -> Vec<Hit> {
        DetectorUse::detect(self, ctx)
    }

    fn needs_batch(&self) -> bool {
        self.detector.needs_batch()
    }
}

/// Hits for every sentence that holds a whole match of `pattern`.
fn sentences_matching(ctx: &Context, pattern: &WordRegex) -> Vec<Hit> {
    let body = ctx.doc.body();
    let base = ctx.doc.body_start;
    let mut sentences: Vec<usize> = pattern
        .find_iter(body)
        .into_iter()
        .filter_map(|m| {
            let first = ctx.analysis.sentence_at(base + m.start)?;
            let last = ctx
                .analysis
                .sentence_at(base + m.end.saturating_sub(1).max(m.start))?;
            (first == last).then_some(first)
        })
        .collect();
    sentences.dedup();
    sentences
        .into_iter()
        .map(|i| Hit::at(ctx.analysis.sentences[i].range.clone()))
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running one detector on a text, with a small template for its lexicon.

    use crate::criteria::{Context, Hit};
    use crate::ingest::{Document, Metadata};
    use crate::template::{Loader, Template};

    /// The hits of `detector` (with `lexicon` from the standard lexicons) on `text`.
    pub fn hits(detector: &str, lexicon: Option<&str>, text: &str) -> Vec<String> {
        let lexicon_line = lexicon.map_or(String::new(), |l| {
            format!("lexikon {l} = \"lexikon/{l}.tsv\"")
        });
        let with = lexicon.map_or(String::new(), |l| format!(" med lexikon {l}"));
        let source = format!(
            "perspektiv p \"P\"\n{lexicon_line}\nkriterium K \"k\" {{ perspektiv p  förbjuder detektor {detector}{with}  meddelande \"m\"  exempel uppfyllt \"a\"  exempel ej_uppfyllt \"b\" }}\n"
        );
        let template = Template::from_source("t.gm", &source, &Loader::Embedded)
            .unwrap_or_else(|e| panic!("{:#?}", e.errors));
        let doc = Document::from_text("t.md", text.to_string(), &Metadata::default());
        let analysis = doc.analysis();
        let ctx = Context::new(&template.tables, &doc, &analysis);
        let found: Vec<Hit> = template.tables.detectors[0].detect(&ctx);
        found
            .iter()
            .map(|h| text[h.range.clone()].to_string())
            .collect()
    }
}
