//! From syntax tree to checked template: resolve every name, load lexicons,
//! compile patterns, and report every problem with its span.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use super::ast::{self, Block, Item, Sp, Statement};
use super::{Diagnostic, Loader, SourceFile, Template, did_you_mean, lexicon};
use crate::criteria::{
    Applicability, Bound, Check, Condition, ConditionAtom, Criterion, Example, Lexicon,
    LexiconEntry, Matcher, Measure, MetadataTest, Metric, Need, PLACEHOLDERS, Pattern, Perspective,
    Requirement, Scope, SectionSet,
};
use crate::detectors::{Detector, DetectorUse};
use crate::finding::Severity;
use crate::ingest::{Kind, fold_key};
use crate::language::word_regex::WordRegex;

/// Values allowed for the metadata keys with a closed vocabulary.
const KNOWN_VALUES: &[(&str, &[&str])] = &[
    ("utfall", &crate::ingest::outcome::NAMES),
    ("barn", &["ja", "nej"]),
    ("socialtjanstlag", &["ny", "gammal"]),
    ("lag", &["sol", "lss"]),
    (
        "typ",
        &["utredning", "beslut", "genomforandeplan", "uppfoljning"],
    ),
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
    /// Indexes by name (so that every lookup takes constant time, however
    /// many criteria and lexicons the template has).
    perspective_index: HashMap<String, usize>,
    lexicon_index: HashMap<String, usize>,
    section_index: HashMap<String, usize>,
    detector_index: HashMap<(Detector, Option<usize>), usize>,
    regex_index: HashMap<String, usize>,
    /// Per file: the offset of the start of every line, made when first asked.
    line_starts: Vec<Option<Vec<usize>>>,
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
        perspective_index: HashMap::new(),
        lexicon_index: HashMap::new(),
        section_index: HashMap::new(),
        detector_index: HashMap::new(),
        regex_index: HashMap::new(),
        line_starts: vec![None; origins.len()],
        known_perspectives: None,
        known_sections: None,
        known_lexicons: None,
        suggestion_budget: SUGGESTION_BUDGET,
    };
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
                Diagnostic::new(
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
        checker.error(Diagnostic::new("mallen har inget perspektiv", 0..0).help(
            "lägg till minst en rad som `perspektiv rattssakerhet \"Rättssäkerhet\" vikt 1`",
        ));
    }
    let matcher = match Matcher::new(&checker.lists, std::mem::take(&mut checker.regexes)) {
        Ok(m) => m,
        Err(e) => {
            checker.error(Diagnostic::new(
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
    Some(Template {
        name,
        version,
        origin: last.name.clone(),
        perspectives: checker.perspectives,
        criteria,
        lists: checker.lists,
        section_sets: checker.section_sets,
        detectors: checker.detectors,
        warnings: checker.warnings,
        matcher,
    })
}

impl<'a> Checker<'a> {
    fn merge(&mut self) -> Merged<'a> {
        let mut merged = Merged::default();
        // Where each name is in `merged`, so that a template with thousands of
        // criteria merges in linear time.
        // Perspective ids compare folded (see `Checker::perspective`).
        let mut perspective_at: HashMap<String, usize> = HashMap::new();
        let mut lexicon_at: HashMap<&str, usize> = HashMap::new();
        // Criteria in order; `stäng av` leaves a hole. Keyed by the id in
        // ASCII lower case (ids compare without regard to case).
        let mut blocks: Vec<Option<MergedBlock<'a>>> = Vec::new();
        let mut block_at: HashMap<String, usize> = HashMap::new();
        // `stäng av` and `ändra` of criteria that do not exist, reported once
        // every criterion is known.
        let mut unknown_ids: Vec<(usize, &'a Sp<String>)> = Vec::new();
        let origins = self.origins;
        for (origin, (_, file)) in origins.iter().enumerate() {
            self.origin = origin;
            for item in &file.items {
                match item {
                    Item::Header { name, version } => {
                        merged.header = Some((name, version.as_ref()))
                    }
                    Item::Perspective { id, .. } => match perspective_at.get(&fold_key(&id.node)) {
                        Some(&i) => merged.perspectives[i] = (origin, item),
                        None => {
                            perspective_at.insert(fold_key(&id.node), merged.perspectives.len());
                            merged.perspectives.push((origin, item));
                        }
                    },
                    Item::Lexicon {
                        name,
                        paths,
                        append,
                        compounds,
                    } => {
                        let sources = paths.iter().map(|p| (origin, p));
                        let existing = lexicon_at.get(name.node.as_str()).copied();
                        match (existing, append) {
                            (Some(i), true) => {
                                merged.lexicons[i].sources.extend(sources);
                                merged.lexicons[i].compounds |= compounds;
                            }
                            (None, true) => self.error(
                                Diagnostic::new(
                                    format!("lexikonet `{}` finns inte i grundmallen", name.node),
                                    name.span.clone(),
                                )
                                .help("skriv `=` för att skapa ett nytt lexikon"),
                            ),
                            (existing, false) => {
                                let decl = LexiconDecl {
                                    name,
                                    sources: sources.collect(),
                                    compounds: *compounds,
                                };
                                match existing {
                                    Some(i) => merged.lexicons[i] = decl,
                                    None => {
                                        lexicon_at.insert(&name.node, merged.lexicons.len());
                                        merged.lexicons.push(decl);
                                    }
                                }
                            }
                        }
                    }
                    Item::Sections { .. } | Item::SectionsFrom { .. } => {
                        merged.sections.push((origin, item))
                    }
                    Item::Base { .. } => {}
                    Item::Disable { ids } => {
                        for id in ids {
                            match block_at.remove(&id.node.to_ascii_lowercase()) {
                                Some(i) => blocks[i] = None,
                                None => unknown_ids.push((origin, id)),
                            }
                        }
                    }
                    Item::Block(block) if block.amend => {
                        let target = block_at
                            .get(&block.id.node.to_ascii_lowercase())
                            .and_then(|&i| blocks[i].as_mut());
                        match target {
                            Some(target) => {
                                // One pass over the target, whatever the size
                                // of either block.
                                let mut kinds: Vec<&Statement> = Vec::new();
                                for s in &block.statements {
                                    if !kinds.iter().any(|k| same_kind(k, &s.node)) {
                                        kinds.push(&s.node);
                                    }
                                }
                                target
                                    .statements
                                    .retain(|(_, t)| !kinds.iter().any(|k| same_kind(&t.node, k)));
                                target
                                    .statements
                                    .extend(block.statements.iter().map(|s| (origin, s)));
                            }
                            None => unknown_ids.push((origin, &block.id)),
                        }
                    }
                    Item::Block(block) => {
                        let statements = block.statements.iter().map(|s| (origin, s)).collect();
                        let new = MergedBlock {
                            origin,
                            block,
                            statements,
                        };
                        let key = block.id.node.to_ascii_lowercase();
                        match block_at.get(&key) {
                            Some(&i) if blocks[i].as_ref().is_some_and(|b| b.origin != origin) => {
                                blocks[i] = Some(new)
                            }
                            Some(_) => self.error(
                                Diagnostic::new(
                                    format!("id:t `{}` finns redan", block.id.node),
                                    block.id.span.clone(),
                                )
                                .label("samma id en gång till")
                                .help("varje kriterium och fråga behöver ett eget id"),
                            ),
                            None => {
                                block_at.insert(key, blocks.len());
                                blocks.push(Some(new));
                            }
                        }
                    }
                }
            }
        }
        merged.blocks = blocks.into_iter().flatten().collect();
        if !unknown_ids.is_empty() {
            let known: Vec<&str> = merged
                .blocks
                .iter()
                .map(|b| b.block.id.node.as_str())
                .collect();
            for (origin, id) in unknown_ids {
                self.origin = origin;
                self.unknown(
                    "kriterium",
                    id,
                    &known,
                    "kriteriet finns inte i grundmallen",
                );
            }
        }
        merged
    }

    /// Resolves `viker för ID`: the criterion named must exist and give way
    /// to none itself, so that one pass in order (those it gives way to
    /// first) is enough.
    fn yields(&mut self, merged: &Merged, criteria: &mut [Criterion]) {
        let index: HashMap<&str, usize> = criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for m in &merged.blocks {
            let Some(&me) = index.get(m.block.id.node.as_str()) else {
                continue;
            };
            for (origin, statement) in &m.statements {
                let Statement::YieldsTo(target) = &statement.node else {
                    continue;
                };
                self.origin = *origin;
                match index.get(target.node.as_str()) {
                    Some(&other) if other == me => self.error(
                        Diagnostic::new(
                            "ett kriterium kan inte vika för sig självt",
                            target.span.clone(),
                        )
                        .label("här"),
                    ),
                    Some(&other) => found.push((me, other)),
                    None => self.error(
                        Diagnostic::new(
                            format!("det finns inget kriterium `{}`", target.node),
                            target.span.clone(),
                        )
                        .label("okänt kriterium")
                        .help("skriv id:t på ett kriterium i mallen, t.ex. KS-TILLTAL"),
                    ),
                }
            }
        }
        for &(me, other) in &found {
            if found.iter().any(|&(m, _)| m == other) {
                self.error(Diagnostic::new(
                    format!(
                        "{} viker för {}, som själv viker för ett annat kriterium; bara ett led är tillåtet",
                        criteria[me].id, criteria[other].id
                    ),
                    0..0,
                ));
            }
            criteria[me].yields_to.push(other);
        }
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        let (origin, _) = &self.origins[self.origin];
        self.errors.push(diagnostic.in_source(&origin.source));
    }

    /// An unknown name: suggests the closest known one (while the
    /// suggestion budget lasts) or lists the first known ones.
    fn unknown(&mut self, what: &str, name: &Sp<String>, known: &[impl AsRef<str>], declare: &str) {
        let mut d = Diagnostic::new(format!("okänt {what} `{}`", name.node), name.span.clone())
            .label(format!("okänt {what}"));
        let suggestion = if known.len() <= self.suggestion_budget {
            self.suggestion_budget -= known.len();
            did_you_mean(&name.node, known.iter().map(AsRef::as_ref))
        } else {
            None
        };
        d = match suggestion {
            Some(s) => d.help(format!("menade du `{s}`?")),
            None if known.is_empty() => d.help(declare.to_string()),
            None => {
                let shown: Vec<&str> = known.iter().take(KNOWN_SHOWN).map(AsRef::as_ref).collect();
                let more = match known.len() - shown.len() {
                    0 => String::new(),
                    n => format!(" och {n} till"),
                };
                d.help(format!("kända: {}{more}", shown.join(", ")))
            }
        };
        self.error(d);
    }

    /// The names of the perspectives, once they are all declared.
    fn perspective_names(&mut self) -> Rc<[String]> {
        let perspectives = &self.perspectives;
        Rc::clone(
            self.known_perspectives
                .get_or_insert_with(|| perspectives.iter().map(|p| p.id.clone()).collect()),
        )
    }

    /// The names of the section sets, once they are all declared.
    fn section_names(&mut self) -> Rc<[String]> {
        let sets = &self.section_sets;
        Rc::clone(
            self.known_sections
                .get_or_insert_with(|| sets.iter().map(|s| s.name.clone()).collect()),
        )
    }

    /// The names of the lexicons, once they are all declared.
    fn lexicon_list_names(&mut self) -> Rc<[String]> {
        let lexicons = &self.lists[..self.lexicon_names];
        Rc::clone(
            self.known_lexicons
                .get_or_insert_with(|| lexicons.iter().map(|l| l.name.clone()).collect()),
        )
    }

    fn perspective(
        &mut self,
        id: &Sp<String>,
        title: &Sp<String>,
        weight: &Option<Sp<f64>>,
        target: &Option<Sp<f64>>,
    ) {
        // Folded as metadata keys are: a municipal template that writes
        // `klarspråk` means the standard's `klarsprak`, not a new perspective.
        let folded = fold_key(&id.node);
        if self.perspective_index.contains_key(&folded) {
            self.error(Diagnostic::new(
                format!("perspektivet `{}` finns redan", id.node),
                id.span.clone(),
            ));
            return;
        }
        if let Some(w) = weight.as_ref().filter(|w| w.node <= 0.0) {
            self.error(Diagnostic::new(
                "vikten måste vara större än 0",
                w.span.clone(),
            ));
        }
        if let Some(t) = target.as_ref().filter(|t| t.node > 1.0) {
            self.error(Diagnostic::new(
                "målet kan inte vara över 100 %",
                t.span.clone(),
            ));
        }
        self.perspective_index
            .insert(folded.clone(), self.perspectives.len());
        self.perspectives.push(Perspective {
            id: folded,
            title: title.node.clone(),
            weight: weight.as_ref().map_or(1.0, |w| w.node),
            target: target.as_ref().map(|t| t.node),
        });
    }

    fn lexicon(&mut self, decl: &LexiconDecl) {
        let mut lexicon = Lexicon {
            name: decl.name.node.clone(),
            compounds: decl.compounds,
            ..Lexicon::default()
        };
        for &(origin, path) in &decl.sources {
            self.origin = origin;
            let loader = &self.origins[origin].0.loader;
            let read = loader.read(&path.node).and_then(|text| {
                lexicon::parse(&decl.name.node, &text)
                    .map_err(|e| format!("lexikonet `{}`: {e}", path.node))
            });
            match read {
                Ok(read) => lexicon.entries.extend(read.entries),
                Err(message) => self.error(
                    Diagnostic::new(message, path.span.clone())
                        .label("här")
                        .help("sökvägen räknas från mallfilens mapp; filen är en TSV med kolumnerna ord, ersättning, kommentar"),
                ),
            }
        }
        // Kept even when empty, so criteria that use it do not report it again.
        self.lexicon_index
            .entry(lexicon.name.clone())
            .or_insert(self.lists.len());
        self.lists.push(lexicon);
    }

    fn sections_from(&mut self, path: &Sp<String>) {
        let loader = &self.origins[self.origin].0.loader;
        match loader.read(&path.node).and_then(|text| {
            lexicon::parse_sections(&text).map_err(|e| format!("`{}`: {e}", path.node))
        }) {
            Ok(sets) => {
                for set in sets {
                    self.add_section_set(set);
                }
            }
            Err(message) => self.error(
                Diagnostic::new(
                    format!("avsnitten kunde inte läsas: {message}"),
                    path.span.clone(),
                )
                .label("här")
                .help("filen är en TSV med kolumnerna avsnitt och rubrik"),
            ),
        }
    }

    fn sections(&mut self, name: &Sp<String>, synonyms: &[Sp<String>]) {
        let set = SectionSet::new(
            name.node.clone(),
            synonyms.iter().map(|s| s.node.clone()).collect(),
        );
        self.add_section_set(set);
    }

    /// Adds a section set, or replaces the one with the same name.
    fn add_section_set(&mut self, set: SectionSet) {
        match self.section_index.get(&set.name) {
            Some(&i) => self.section_sets[i] = set,
            None => {
                self.section_index
                    .insert(set.name.clone(), self.section_sets.len());
                self.section_sets.push(set);
            }
        }
    }

    fn block(&mut self, merged: &MergedBlock) -> Option<Criterion> {
        let block = merged.block;
        let kind_word = if block.question {
            "frågan"
        } else {
            "kriteriet"
        };
        let mut perspective = None;
        let mut applies = None;
        let mut severity = None;
        let mut severity_when = Vec::new();
        let mut weight = None;
        let mut source = None;
        let mut message: Option<Sp<String>> = None;
        let mut advice = None;
        let mut requirements = Vec::new();
        let mut prohibitions = Vec::new();
        let mut measures = Vec::new();
        let mut examples = Vec::new();
        let mut seen = [false; 7];
        for &(origin, s) in &merged.statements {
            self.origin = origin;
            match &s.node {
                Statement::Perspective(id) => {
                    self.once(&mut seen[0], s, "perspektiv", kind_word);
                    match self.perspective_index.get(&fold_key(&id.node)) {
                        Some(&i) => perspective = Some(i),
                        None => {
                            let known = self.perspective_names();
                            self.unknown(
                                "perspektiv",
                                id,
                                &known,
                                "deklarera perspektivet med `perspektiv namn \"Titel\"`",
                            );
                        }
                    }
                }
                Statement::Applies { kinds, condition } => {
                    self.once(&mut seen[1], s, "gäller", kind_word);
                    let kinds = kinds.iter().filter_map(|k| self.kind(k)).collect();
                    let condition = condition.as_ref().and_then(|c| self.condition(c));
                    applies = Some(Applicability { kinds, condition });
                }
                Statement::Severity(word) => {
                    self.once(&mut seen[2], s, "allvar", kind_word);
                    severity = Severity::from_word(&word.node);
                }
                Statement::SeverityWhen(word, condition) => {
                    if let (Some(level), Some(condition)) =
                        (Severity::from_word(&word.node), self.condition(condition))
                    {
                        severity_when.push((condition, level));
                    }
                }
                Statement::Weight(w) => {
                    self.once(&mut seen[3], s, "vikt", kind_word);
                    if w.node <= 0.0 {
                        self.error(Diagnostic::new(
                            "vikten måste vara större än 0",
                            w.span.clone(),
                        ));
                    }
                    weight = Some(w.node);
                }
                Statement::Source(text) => {
                    self.once(&mut seen[4], s, "källa", kind_word);
                    source = Some(text.node.clone());
                }
                Statement::Message(text) => {
                    self.once(&mut seen[5], s, "meddelande", kind_word);
                    self.placeholders(text);
                    message = Some(text.clone());
                }
                Statement::Advice(text) => {
                    self.once(&mut seen[6], s, "råd", kind_word);
                    advice = Some(text.node.clone());
                }
                Statement::Requires(r) => {
                    if let Some(r) = self.requirement(r) {
                        requirements.push(r);
                    }
                }
                Statement::Forbids(pattern, scope) => {
                    if let (Some(p), Ok(scope)) =
                        (self.pattern(pattern), self.scope(scope.as_ref()))
                    {
                        prohibitions.push((p, scope));
                    }
                }
                // Resolved once every criterion is known.
                Statement::YieldsTo(_) => {}
                Statement::Measure(m) => {
                    if let Some(m) = self.measure(m) {
                        measures.push(m);
                    }
                }
                Statement::Example { met, text } => {
                    let (plain, marks) = crate::criteria::ExampleMark::parse(&text.node);
                    examples.push(Example {
                        met: *met,
                        text: plain,
                        marks,
                        line: self.line_of(text.span.start),
                        file: self.origins[self.origin].0.name.clone(),
                    });
                }
            }
            if block.question
                && matches!(
                    s.node,
                    Statement::Requires(_)
                        | Statement::Forbids(..)
                        | Statement::Measure(_)
                        | Statement::Example { .. }
                )
            {
                self.error(
                    Diagnostic::new("en fråga besvaras av en granskare och kan inte ha krav, mått eller exempel", s.span.clone())
                        .help("gör om frågan till ett `kriterium` om texten ska granskas automatiskt"),
                );
            }
        }
        self.origin = merged.origin;
        if block.broken {
            return None;
        }
        let at = block.id.span.clone();
        if perspective.is_none() && !seen[0] {
            self.error(
                Diagnostic::new(
                    format!("{kind_word} `{}` saknar perspektiv", block.id.node),
                    at.clone(),
                )
                .help("lägg till en rad `perspektiv namn` i blocket"),
            );
        }
        if !block.question {
            if message.is_none() {
                self.error(
                    Diagnostic::new(format!("kriteriet `{}` saknar meddelande", block.id.node), at.clone())
                        .help("lägg till `meddelande \"…\"`: det som visas när kriteriet inte är uppfyllt"),
                );
            }
            if requirements.is_empty()
                && prohibitions.is_empty()
                && measures.is_empty()
                && !has_rules(block)
            {
                self.error(
                    Diagnostic::new(format!("kriteriet `{}` har varken kräver, förbjuder eller mått", block.id.node), at.clone())
                        .help("säg vad texten ska innehålla (`kräver`), inte får innehålla (`förbjuder`) eller mäta (`mått`)"),
                );
            }
            for (met, word) in [(true, "uppfyllt"), (false, "ej_uppfyllt")] {
                if !examples.iter().any(|e| e.met == met) {
                    self.error(
                        Diagnostic::new(format!("kriteriet `{}` saknar `exempel {word}`", block.id.node), at.clone())
                            .help("varje kriterium behöver minst ett exempel som uppfyller det och ett som inte gör det"),
                    );
                }
            }
        }
        let requirement = match requirements.len() {
            0 => None,
            1 => requirements.pop(),
            _ => Some(Requirement::And(requirements)),
        };
        Some(Criterion {
            yields_to: Vec::new(),
            id: block.id.node.clone(),
            title: block.title.node.clone(),
            perspective: perspective?,
            weight: weight.unwrap_or(1.0),
            severity: severity.unwrap_or(Severity::Warning),
            severity_when,
            source,
            message: message.map_or_else(|| block.title.node.clone(), |m| m.node),
            advice,
            applies: applies.unwrap_or_default(),
            check: if block.question {
                Check::Question
            } else {
                Check::Rules {
                    requirement,
                    prohibitions,
                    measures,
                }
            },
            examples,
        })
    }

    fn once(&mut self, seen: &mut bool, s: &Sp<Statement>, what: &str, kind_word: &str) {
        if *seen {
            self.error(
                Diagnostic::new(format!("{what} står redan i {kind_word}"), s.span.clone())
                    .help("ta bort den ena raden"),
            );
        }
        *seen = true;
    }

    /// The line (from 1) of byte `offset` in the current file, by binary
    /// search in the file's line starts (made once per file).
    fn line_of(&mut self, offset: usize) -> usize {
        let text = &self.origins[self.origin].0.text;
        if offset > text.len() {
            return 0;
        }
        let starts = self.line_starts[self.origin].get_or_insert_with(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        starts.partition_point(|&start| start <= offset)
    }

    fn placeholders(&mut self, text: &Sp<String>) {
        let mut rest = text.node.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            if !PLACEHOLDERS.contains(&name) {
                let d = Diagnostic::new(
                    format!("okänd platshållare `{{{name}}}` i meddelandet"),
                    text.span.clone(),
                );
                let d = match did_you_mean(name, PLACEHOLDERS.iter().copied()) {
                    Some(s) => d.help(format!("menade du `{{{s}}}`?")),
                    None => d.help("kända platshållare: {träff}, {värde}, {gräns}"),
                };
                self.error(d);
            }
            rest = &rest[open + close..];
        }
    }

    fn kind(&mut self, name: &Sp<String>) -> Option<Kind> {
        let kind = Kind::parse(&name.node);
        if kind.is_none() {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).chain(["alla"]).collect();
            self.unknown("dokumenttyp", name, &known, "");
        }
        kind
    }

    fn condition(&mut self, c: &ast::Condition) -> Option<Condition> {
        c.try_map(&mut |atom: &ast::ConditionAtom| {
            let test = match atom {
                ast::ConditionAtom::Pattern(p) => {
                    return self.pattern(p).map(ConditionAtom::Pattern);
                }
                ast::ConditionAtom::Metadata(test) => test,
            };
            let key = fold_key(&test.key.node);
            let known = KNOWN_VALUES
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| *v);
            let values = test
                .values
                .iter()
                .map(|v| {
                    let folded = fold_key(&v.node);
                    if let Some(known) = known.filter(|k| !k.contains(&folded.as_str())) {
                        self.unknown(&format!("värde för {key}"), v, known, "");
                    }
                    folded
                })
                .collect();
            Some(ConditionAtom::Metadata(MetadataTest { key, values }))
        })
    }

    fn requirement(&mut self, r: &ast::Requirement) -> Option<Requirement> {
        r.try_map(&mut |need: &ast::Need| match need {
            ast::Need::Section { name, min_words } => Some(Need::Section {
                set: self.section_set(name)?,
                min_words: min_words.as_ref().map_or(1, |n| n.node.round() as usize),
            }),
            ast::Need::Pattern(p, scope) => {
                let p = self.pattern(p);
                let scope = self.scope(scope.as_ref()).ok()?;
                Some(Need::Pattern(p?, scope))
            }
        })
    }

    fn section_set(&mut self, name: &Sp<String>) -> Option<usize> {
        let found = self.section_index.get(&name.node).copied();
        if found.is_none() {
            let known = self.section_names();
            self.unknown(
                "avsnitt",
                name,
                &known,
                "deklarera avsnittet med `avsnitt namn = \"Rubrik\", \"Annan rubrik\"`",
            );
        }
        found
    }

    fn scope(&mut self, scope: Option<&ast::Scope>) -> Result<Option<Scope>, ()> {
        match scope {
            None => Ok(None),
            Some(ast::Scope::Section(name)) => self
                .section_set(name)
                .map(|s| Some(Scope::Section(s)))
                .ok_or(()),
            Some(ast::Scope::SameSentence(p)) => self
                .pattern(p)
                .map(|p| Some(Scope::SameSentence(Box::new(p))))
                .ok_or(()),
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Option<Pattern> {
        match p {
            ast::Pattern::Regex {
                source,
                case_insensitive,
            } => {
                let full = if *case_insensitive {
                    format!("(?i){}", source.node)
                } else {
                    source.node.clone()
                };
                self.lint_regex(source);
                // The same expression in many criteria is compiled (and
                // matched against each document) once.
                if let Some(&i) = self.regex_index.get(&full) {
                    return Some(Pattern::Regex(i));
                }
                match WordRegex::new(&full) {
                    Ok(re) => {
                        self.regex_index.insert(full, self.regexes.len());
                        self.regexes.push(re);
                        Some(Pattern::Regex(self.regexes.len() - 1))
                    }
                    Err(e) => {
                        // regex-syntax puts the reason on the last line.
                        let reason = e
                            .lines()
                            .last()
                            .unwrap_or_default()
                            .trim_start_matches("error: ")
                            .to_string();
                        self.error(
                            Diagnostic::new(format!("ogiltigt reguljärt uttryck: {reason}"), source.span.clone())
                                .label("här")
                                .help("skriv `\\` före specialtecken som ska betyda sig själva, t.ex. `\\.` och `\\(`"),
                        );
                        None
                    }
                }
            }
            ast::Pattern::Phrase(text) => {
                if text.node.trim().is_empty() {
                    self.error(Diagnostic::new("frasen är tom", text.span.clone()));
                    return None;
                }
                self.lists.push(Lexicon {
                    name: text.node.clone(),
                    entries: vec![LexiconEntry {
                        forms: vec![text.node.clone()],
                        ..LexiconEntry::default()
                    }],
                    compounds: false,
                });
                Some(Pattern::List(self.lists.len() - 1))
            }
            ast::Pattern::Lexicon(name) => self.lexicon_index(name).map(Pattern::List),
            ast::Pattern::Detector { name, lexicon } => {
                let Some(detector) = Detector::from_name(&name.node) else {
                    let known: Vec<&str> = Detector::ALL.iter().map(|d| d.name()).collect();
                    self.unknown("detektor", name, &known, "");
                    return None;
                };
                let list = match lexicon {
                    Some(l) => Some(self.lexicon_index(l)?),
                    None => None,
                };
                if detector.needs_lexicon() && list.is_none()
                    || !detector.takes_lexicon() && list.is_some()
                {
                    let message = if list.is_some() {
                        format!("detektorn `{}` läser inget lexikon", name.node)
                    } else {
                        format!("detektorn `{}` behöver ett lexikon", name.node)
                    };
                    self.error(Diagnostic::new(message, name.span.clone()).help(format!(
                        "skriv `detektor {}{}`",
                        name.node,
                        if list.is_some() {
                            ""
                        } else {
                            " med lexikon namn"
                        }
                    )));
                    return None;
                }
                if let Some(&i) = self.detector_index.get(&(detector, list)) {
                    return Some(Pattern::Detector(i));
                }
                match DetectorUse::new(detector, list.map(|i| (i, &self.lists[i]))) {
                    Ok(prepared) => {
                        self.detector_index
                            .insert((detector, list), self.detectors.len());
                        self.detectors.push(prepared);
                        Some(Pattern::Detector(self.detectors.len() - 1))
                    }
                    Err(e) => {
                        self.error(Diagnostic::new(
                            format!("detektorn kunde inte förberedas: {e}"),
                            name.span.clone(),
                        ));
                        None
                    }
                }
            }
        }
    }

    /// Warns about patterns that will be slow on Swedish text.
    fn lint_regex(&mut self, source: &Sp<String>) {
        let pattern = source.node.as_str();
        let leading_wildcard = pattern.starts_with(".*") || pattern.starts_with(".+");
        static COUNT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\{(\d+)(?:,(\d*))?\}").expect("the count pattern is valid")
        });
        let largest_count = COUNT
            .captures_iter(pattern)
            .filter_map(|c| {
                c.get(2)
                    .filter(|m| !m.is_empty())
                    .or(c.get(1))
                    .and_then(|m| m.as_str().parse::<u32>().ok())
            })
            .max()
            .unwrap_or(0);
        let message = if leading_wildcard {
            Some("mönstret börjar med `.*` eller `.+` och prövas därför från varje tecken i texten")
        } else if largest_count > 200 {
            Some("mönstret upprepar något mer än 200 gånger; det blir stort och långsamt")
        } else {
            None
        };
        if let Some(message) = message {
            let d = Diagnostic::new(format!("långsamt mönster: {message}"), source.span.clone())
                .label("här")
                .help("börja mönstret med ett fast ord och begränsa upprepningar, t.ex. `[^.]{0,80}` i stället för `.*`")
                .as_warning();
            let (origin, _) = &self.origins[self.origin];
            self.warnings.push(d.in_source(&origin.source));
        }
    }

    fn lexicon_index(&mut self, name: &Sp<String>) -> Option<usize> {
        let found = self.lexicon_index.get(&name.node).copied();
        if found.is_none() {
            let known = self.lexicon_list_names();
            self.unknown(
                "lexikon",
                name,
                &known,
                "deklarera lexikonet med `lexikon namn = \"fil.tsv\"`",
            );
        }
        found
    }

    fn measure(&mut self, m: &ast::Measure) -> Option<Measure> {
        let name = m.metric.node.as_str();
        let wrong = |what: &str, help: &str| (format!("måttet `{name}` {what}"), help.to_string());
        let (metric, problem) = match (name, &m.between, &m.ratio) {
            ("lix", None, None) => (Some(Metric::Lix), None),
            ("meningslängd", None, None) => (Some(Metric::SentenceLength), None),
            ("passivandel", None, None) => (Some(Metric::PassiveShare), None),
            ("kvot", None, Some((a, b))) => {
                let (a, b) = (self.pattern(a), self.pattern(b));
                (a.zip(b).map(|(a, b)| Metric::Ratio(a, b)), None)
            }
            ("kvot", _, _) => (
                None,
                Some(wrong(
                    "behöver två mönster",
                    "skriv t.ex. `mått kvot detektor resurser med lexikon resurser mot lexikon bristsprak minst 1`",
                )),
            ),
            ("dagar", Some((from, to)), None) => (
                Some(Metric::Days(fold_key(&from.node), fold_key(&to.node))),
                None,
            ),
            ("dagar", _, _) => (
                None,
                Some(wrong(
                    "behöver två datum",
                    "skriv t.ex. `mått dagar från ansokningsdatum till beslutsdatum högst 92`",
                )),
            ),
            (_, _, _) if Metric::NAMES.contains(&name) => (
                None,
                Some(wrong(
                    "tar inga fler ord före gränsen",
                    "skriv t.ex. `mått lix högst 45`",
                )),
            ),
            _ => {
                self.unknown("mått", &m.metric, Metric::NAMES, "");
                (None, None)
            }
        };
        if let Some((message, help)) = problem {
            self.error(Diagnostic::new(message, m.metric.span.clone()).help(help));
        }
        let wants_percent = name == "passivandel";
        for b in m.bounds.iter().filter(|b| b.percent != wants_percent) {
            let help = if wants_percent {
                "skriv gränsen i procent, t.ex. `högst 4 %`"
            } else {
                "ta bort procenttecknet"
            };
            self.error(
                Diagnostic::new(
                    format!(
                        "gränsen för `{name}` {} i procent",
                        if wants_percent {
                            "ska vara"
                        } else {
                            "är inte"
                        }
                    ),
                    b.value.span.clone(),
                )
                .help(help),
            );
        }
        let mut bounds = Vec::new();
        for b in &m.bounds {
            let kind = match &b.kind {
                Some(k) => Some(self.kind(k)?),
                None => None,
            };
            if bounds.iter().any(|x: &Bound| x.kind == kind) {
                self.error(
                    Diagnostic::new("två gränser för samma dokumenttyp", b.value.span.clone())
                        .help("behåll en av dem"),
                );
            }
            bounds.push(Bound {
                at_most: b.at_most,
                value: if b.percent {
                    b.value.node / 100.0
                } else {
                    b.value.node
                },
                kind,
            });
        }
        Some(Measure {
            metric: metric?,
            bounds,
        })
    }
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
