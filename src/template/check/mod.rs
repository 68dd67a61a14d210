//! From syntax tree to checked template: resolve every name, load lexicons,
//! compile patterns, and report every problem with its span.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::ast::{self, Block, Item, Sp, Statement};
use super::{Diagnostic, Loader, SourceFile, Template, code, did_you_mean, lexicon};
use crate::criteria::{
    Applicability, Bound, Check, Condition, ConditionAtom, Criterion, Detect, Example, Lexicon,
    LexiconEntry, Matcher, Measure, MetadataTest, Metric, Need, PLACEHOLDERS, Pattern, Perspective,
    Requirement, Scope, SectionSet, Tables,
};
use crate::detectors::{Detector, DetectorUse};
use crate::finding::Severity;
use crate::ingest::{Kind, fold_key, vocabulary};
use crate::language::word_regex::WordRegex;

mod blocks;
mod declarations;
mod names;
mod requirements;
mod variants;

/// Values allowed for the metadata keys with a closed vocabulary.
const KNOWN_VALUES: &[(&str, &[&str])] = &[
    ("utfall", &crate::ingest::outcome::NAMES),
    ("barn", &vocabulary::YES_NO),
    ("socialtjanstlag", &vocabulary::Socialtjanstlag::NAMES),
    ("lag", &vocabulary::Lag::NAMES),
    ("typ", &Kind::NAMES),
];

/// A template file taking part in a check: its name, its text and where the
/// files it includes are read from.
pub struct Origin {
    pub name: String,
    pub text: Arc<str>,
    /// The file as its diagnostics show it.
    pub source: SourceFile,
    pub loader: Loader,
}

struct Checker<'a> {
    origins: &'a [(Origin, ast::File)],
    /// The file whose spans are being checked.
    origin: usize,
    errors: &'a mut Vec<Diagnostic>,
    perspectives: Vec<Perspective>,
    lists: Vec<Lexicon>,
    lexicon_names: usize,
    section_sets: Vec<SectionSet>,
    regexes: Vec<WordRegex>,
    detectors: Vec<DetectorUse>,
    /// Advice about the template that does not stop it from being used.
    warnings: Vec<Diagnostic>,
    /// The SHA-256 of everything the template was made from: its files and
    /// the lexicons and sections they read, in the order read.
    digest: Sha256,
    /// Indexes by name (so that every lookup takes constant time, however
    /// many criteria and lexicons the template has).
    perspective_index: HashMap<String, usize>,
    lexicon_index: HashMap<String, usize>,
    section_index: HashMap<String, usize>,
    detector_index: HashMap<(Detector, Option<usize>), usize>,
    regex_index: HashMap<String, usize>,
    /// Per file: the offset of the start of every line, made when first asked.
    line_index: Vec<Option<crate::language::LineIndex>>,
    /// Known names for "menade du" help, made when first needed.
    known_perspectives: Option<Rc<[String]>>,
    known_sections: Option<Rc<[String]>>,
    known_lexicons: Option<Rc<[String]>>,
    /// How many more names may be compared for "menade du" suggestions; a
    /// template with thousands of unknown names among thousands of known ones
    /// would otherwise take quadratic time.
    suggestion_budget: usize,
}

/// How many name comparisons the suggestions of one check may make in all.
const SUGGESTION_BUDGET: usize = 1_000_000;

/// How many known names the help of an unknown name lists at most.
const KNOWN_SHOWN: usize = 20;

/// A lexicon declaration after merging: every file it is read from.
struct LexiconDecl<'a> {
    name: &'a Sp<String>,
    sources: Vec<(usize, &'a Sp<String>)>,
    compounds: bool,
}

/// A criterion after merging: where it was declared and its statements, each
/// with the file it comes from.
struct MergedBlock<'a> {
    origin: usize,
    block: &'a Block,
    statements: Vec<(usize, &'a Sp<Statement>)>,
}

/// The items of a chain of templates (base first), with later files
/// overriding earlier ones: a perspective, lexicon, section set or criterion
/// with the same name replaces the earlier one; `lexikon x +=` adds files;
/// `ändra ID` replaces statements of the same kind; `stäng av ID` removes.
#[derive(Default)]
struct Merged<'a> {
    header: Option<(&'a Sp<String>, Option<&'a Sp<String>>)>,
    perspectives: Vec<(usize, &'a Item)>,
    lexicons: Vec<LexiconDecl<'a>>,
    sections: Vec<(usize, &'a Item)>,
    blocks: Vec<MergedBlock<'a>>,
}

fn same_kind(a: &Statement, b: &Statement) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Checks a chain of parsed files (base first, the file asked for last);
/// returns the template when no errors were found (in this pass or before it).
pub fn check(origins: &[(Origin, ast::File)], errors: &mut Vec<Diagnostic>) -> Option<Template> {
    let mut checker = Checker {
        origins,
        origin: 0,
        errors,
        perspectives: Vec::new(),
        lists: Vec::new(),
        lexicon_names: 0,
        section_sets: Vec::new(),
        regexes: Vec::new(),
        detectors: Vec::new(),
        warnings: Vec::new(),
        digest: Sha256::new(),
        perspective_index: HashMap::new(),
        lexicon_index: HashMap::new(),
        section_index: HashMap::new(),
        detector_index: HashMap::new(),
        regex_index: HashMap::new(),
        line_index: vec![None; origins.len()],
        known_perspectives: None,
        known_sections: None,
        known_lexicons: None,
        suggestion_budget: SUGGESTION_BUDGET,
    };
    for (origin, _) in origins {
        checker.digest_file(&origin.name, &origin.text);
    }
    let merged = checker.merge();
    for &(origin, item) in &merged.perspectives {
        checker.origin = origin;
        if let Item::Perspective {
            id,
            title,
            weight,
            target,
        } = item
        {
            checker.perspective(id, title, weight, target);
        }
    }
    for decl in &merged.lexicons {
        checker.lexicon(decl);
    }
    for &(origin, item) in &merged.sections {
        checker.origin = origin;
        match item {
            Item::Sections { name, synonyms } => checker.sections(name, synonyms),
            Item::SectionsFrom { path } => checker.sections_from(path),
            _ => {}
        }
    }
    // A row's `utom` names a section set or `lagrum`.
    for (decl, list) in merged.lexicons.iter().zip(0..) {
        let unknown: Vec<(String, String)> = checker.lists[list]
            .entries
            .iter()
            .flat_map(|e| {
                e.except
                    .iter()
                    .map(move |place| (e.term().to_string(), place.clone()))
            })
            .filter(|(_, place)| place != "lagrum" && !checker.section_index.contains_key(place))
            .collect();
        for (term, place) in unknown {
            let (origin, path) = decl.sources[0];
            checker.origin = origin;
            let mut known: Vec<&str> = checker.section_index.keys().map(String::as_str).collect();
            known.sort_unstable();
            checker.error(
                Diagnostic::new(code::LEXICON_PLACE,
                    format!(
                        "lexikonet `{}`: raden ”{term}” har `{place}` i kolumnen utom, men mallen har inget sådant avsnitt",
                        decl.name.node
                    ),
                    path.span.clone(),
                )
                .label("här")
                .help(format!("skriv lagrum eller ett av avsnitten {}", known.join(", "))),
            );
        }
    }
    checker.lexicon_names = checker.lists.len();
    let criteria: Vec<Criterion> = merged
        .blocks
        .iter()
        .filter_map(|b| checker.block(b))
        .collect();
    let mut criteria = criteria;
    checker.yields(&merged, &mut criteria);
    let has_items = origins.iter().any(|(_, f)| !f.items.is_empty());
    if checker.perspectives.is_empty() && has_items {
        checker.origin = origins.len() - 1;
        checker.error(
            Diagnostic::new(code::NO_PERSPECTIVES, "mallen har inget perspektiv", 0..0).help(
                "lägg till minst en rad som `perspektiv rattssakerhet \"Rättssäkerhet\" vikt 1`",
            ),
        );
    }
    let matcher = match Matcher::new(&checker.lists, std::mem::take(&mut checker.regexes)) {
        Ok(m) => m,
        Err(e) => {
            checker.error(Diagnostic::new(
                code::PATTERNS,
                format!("mönstren kunde inte byggas: {e}"),
                0..0,
            ));
            return None;
        }
    };
    if !checker.errors.is_empty() {
        return None;
    }
    let last = &origins.last()?.0;
    let (name, version) = match merged.header {
        Some((n, v)) => (n.node.clone(), v.map(|v| v.node.clone())),
        None => (last.name.clone(), None),
    };
    let checksum = format!("{:x}", checker.digest.finalize_reset());
    Some(Template {
        name,
        version,
        checksum,
        origin: last.name.clone(),
        perspectives: checker.perspectives,
        criteria,
        tables: Tables {
            lists: checker.lists,
            section_sets: checker.section_sets,
            detectors: checker
                .detectors
                .into_iter()
                .map(|d| Box::new(d) as Box<dyn Detect>)
                .collect(),
            matcher,
        },
        warnings: checker.warnings,
    })
}

/// Whether a block had rule statements that failed to check (so the "no
/// rules" error would only repeat an earlier one).
fn has_rules(block: &Block) -> bool {
    block.statements.iter().any(|s| {
        matches!(
            s.node,
            Statement::Requires(_) | Statement::Forbids(..) | Statement::Measure(_)
        )
    })
}
