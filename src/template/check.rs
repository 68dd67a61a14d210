//! From syntax tree to checked template: resolve every name, load lexicons,
//! compile patterns, and report every problem with its span.

use std::collections::HashMap;

use regex::Regex;

use super::ast::{self, Block, Item, Sp, Statement};
use super::{Diagnostic, Loader, Template, did_you_mean, lexicon};
use crate::criteria::{
    Applicability, Bound, Check, Condition, Criterion, Example, Lexicon, LexiconEntry, Matcher,
    Measure, MetadataTest, Metric, Need, PLACEHOLDERS, Pattern, Perspective, Requirement, Scope,
    SectionSet,
};
use crate::detectors::Detector;
use crate::finding::Severity;
use crate::ingest::{Kind, fold_key};

/// Values allowed for the metadata keys with a closed vocabulary.
const KNOWN_VALUES: &[(&str, &[&str])] = &[
    ("utfall", &["bifall", "delvis_bifall", "avslag"]),
    ("barn", &["ja", "nej"]),
    ("lag", &["sol", "lss"]),
    (
        "typ",
        &["utredning", "beslut", "genomforandeplan", "uppfoljning"],
    ),
];

struct Checker<'a> {
    loader: &'a Loader,
    errors: &'a mut Vec<Diagnostic>,
    perspectives: Vec<Perspective>,
    lists: Vec<Lexicon>,
    lexicon_names: usize,
    section_sets: Vec<SectionSet>,
    regexes: Vec<Regex>,
    source: &'a str,
}

/// Checks a parsed file; returns the template when no errors were found (in
/// this pass or before it).
pub fn check(
    file: &ast::File,
    name: &str,
    source: &str,
    loader: &Loader,
    errors: &mut Vec<Diagnostic>,
) -> Option<Template> {
    let mut header: Option<(String, Option<String>)> = None;
    let mut checker = Checker {
        loader,
        errors,
        perspectives: Vec::new(),
        lists: Vec::new(),
        lexicon_names: 0,
        section_sets: Vec::new(),
        regexes: Vec::new(),
        source,
    };
    for item in &file.items {
        match item {
            Item::Header { name: n, version } => {
                if header.is_some() {
                    checker.error(
                        Diagnostic::new("mallen har redan ett namn", n.span.clone())
                            .help("skriv `mall` en gång"),
                    );
                }
                header = Some((n.node.clone(), version.as_ref().map(|v| v.node.clone())));
            }
            Item::Perspective {
                id,
                title,
                weight,
                target,
            } => checker.perspective(id, title, weight, target),
            Item::Lexicon { name, path } => checker.lexicon(name, path),
            Item::Sections { name, synonyms } => checker.sections(name, synonyms),
            Item::Block(_) => {}
        }
    }
    checker.lexicon_names = checker.lists.len();
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut ids: HashMap<String, ()> = HashMap::new();
    for item in &file.items {
        if let Item::Block(block) = item {
            if ids.insert(block.id.node.to_uppercase(), ()).is_some() {
                checker.error(
                    Diagnostic::new(
                        format!("id:t `{}` finns redan", block.id.node),
                        block.id.span.clone(),
                    )
                    .label("samma id en gång till")
                    .help("varje kriterium och fråga behöver ett eget id"),
                );
            }
            if let Some(criterion) = checker.block(block) {
                criteria.push(criterion);
            }
        }
    }
    if checker.perspectives.is_empty() && !file.items.is_empty() {
        checker.error(Diagnostic::new("mallen har inget perspektiv", 0..0).help(
            "lägg till minst en rad som `perspektiv rattssakerhet \"Rättssäkerhet\" vikt 1`",
        ));
    }
    let matcher = Matcher::new(&checker.lists, std::mem::take(&mut checker.regexes));
    let matcher = match matcher {
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
    let (name, version) = header.unwrap_or_else(|| (name.to_string(), None));
    Some(Template {
        name,
        version,
        origin: String::new(),
        perspectives: checker.perspectives,
        criteria,
        lists: checker.lists,
        section_sets: checker.section_sets,
        matcher,
    })
}

impl Checker<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.errors.push(diagnostic);
    }

    fn unknown(&mut self, what: &str, name: &Sp<String>, known: &[&str], declare: &str) {
        let mut d = Diagnostic::new(format!("okänt {what} `{}`", name.node), name.span.clone())
            .label(format!("okänt {what}"));
        d = match did_you_mean(&name.node, known.iter().copied()) {
            Some(s) => d.help(format!("menade du `{s}`?")),
            None if known.is_empty() => d.help(declare.to_string()),
            None => d.help(format!("kända: {}", known.join(", "))),
        };
        self.error(d);
    }

    fn perspective(
        &mut self,
        id: &Sp<String>,
        title: &Sp<String>,
        weight: &Option<Sp<f64>>,
        target: &Option<Sp<f64>>,
    ) {
        if self.perspectives.iter().any(|p| p.id == id.node) {
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
        self.perspectives.push(Perspective {
            id: id.node.clone(),
            title: title.node.clone(),
            weight: weight.as_ref().map_or(1.0, |w| w.node),
            target: target.as_ref().map(|t| t.node),
        });
    }

    fn lexicon(&mut self, name: &Sp<String>, path: &Sp<String>) {
        if self.lists.iter().any(|l| l.name == name.node) {
            self.error(Diagnostic::new(
                format!("lexikonet `{}` finns redan", name.node),
                name.span.clone(),
            ));
            return;
        }
        let lexicon = self.loader.read(&path.node).and_then(|text| {
            lexicon::parse(&name.node, &text).map_err(|e| format!("lexikonet `{}`: {e}", path.node))
        });
        match lexicon {
            Ok(lexicon) => self.lists.push(lexicon),
            Err(message) => {
                self.error(
                    Diagnostic::new(message, path.span.clone())
                        .label("här")
                        .help("sökvägen räknas från mallfilens mapp; filen är en TSV med kolumnerna ord, ersättning, kommentar"),
                );
                // Keep the name so criteria that use it do not report it again.
                self.lists.push(Lexicon {
                    name: name.node.clone(),
                    entries: Vec::new(),
                });
            }
        }
    }

    fn sections(&mut self, name: &Sp<String>, synonyms: &[Sp<String>]) {
        if self.section_sets.iter().any(|s| s.name == name.node) {
            self.error(Diagnostic::new(
                format!("avsnittet `{}` finns redan", name.node),
                name.span.clone(),
            ));
            return;
        }
        self.section_sets.push(SectionSet::new(
            name.node.clone(),
            synonyms.iter().map(|s| s.node.clone()).collect(),
        ));
    }

    fn block(&mut self, block: &Block) -> Option<Criterion> {
        let kind_word = if block.question {
            "frågan"
        } else {
            "kriteriet"
        };
        let mut perspective = None;
        let mut applies = None;
        let mut severity = None;
        let mut weight = None;
        let mut source = None;
        let mut message: Option<Sp<String>> = None;
        let mut advice = None;
        let mut requirements = Vec::new();
        let mut prohibitions = Vec::new();
        let mut measures = Vec::new();
        let mut examples = Vec::new();
        let once =
            |seen: &mut bool, errors: &mut Vec<Diagnostic>, s: &Sp<Statement>, what: &str| {
                if *seen {
                    errors.push(
                        Diagnostic::new(format!("{what} står redan i {kind_word}"), s.span.clone())
                            .help("ta bort den ena raden"),
                    );
                }
                *seen = true;
            };
        let mut seen = [false; 7];
        for s in &block.statements {
            match &s.node {
                Statement::Perspective(id) => {
                    once(&mut seen[0], self.errors, s, "perspektiv");
                    match self.perspectives.iter().position(|p| p.id == id.node) {
                        Some(i) => perspective = Some(i),
                        None => {
                            let known: Vec<String> =
                                self.perspectives.iter().map(|p| p.id.clone()).collect();
                            let known: Vec<&str> = known.iter().map(String::as_str).collect();
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
                    once(&mut seen[1], self.errors, s, "gäller");
                    let kinds = kinds.iter().filter_map(|k| self.kind(k)).collect();
                    let condition = condition.as_ref().map(|c| self.condition(c));
                    applies = Some(Applicability { kinds, condition });
                }
                Statement::Severity(word) => {
                    once(&mut seen[2], self.errors, s, "allvar");
                    severity = Severity::from_word(&word.node);
                }
                Statement::Weight(w) => {
                    once(&mut seen[3], self.errors, s, "vikt");
                    if w.node <= 0.0 {
                        self.error(Diagnostic::new(
                            "vikten måste vara större än 0",
                            w.span.clone(),
                        ));
                    }
                    weight = Some(w.node);
                }
                Statement::Source(text) => {
                    once(&mut seen[4], self.errors, s, "källa");
                    source = Some(text.node.clone());
                }
                Statement::Message(text) => {
                    once(&mut seen[5], self.errors, s, "meddelande");
                    self.placeholders(text);
                    message = Some(text.clone());
                }
                Statement::Advice(text) => {
                    once(&mut seen[6], self.errors, s, "råd");
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
                Statement::Measure(m) => {
                    if let Some(m) = self.measure(m) {
                        measures.push(m);
                    }
                }
                Statement::Example { met, text } => examples.push(Example {
                    met: *met,
                    text: text.node.clone(),
                    line: self.line_of(text.span.start),
                }),
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
            id: block.id.node.clone(),
            title: block.title.node.clone(),
            perspective: perspective?,
            weight: weight.unwrap_or(1.0),
            severity: severity.unwrap_or(Severity::Warning),
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

    fn line_of(&self, offset: usize) -> usize {
        self.source
            .get(..offset)
            .map_or(0, |s| s.matches('\n').count() + 1)
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

    fn condition(&mut self, c: &ast::Condition) -> Condition {
        let compiled = c.try_map(&mut |test: &ast::MetadataTest| {
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
            Some(MetadataTest { key, values })
        });
        compiled.expect("every metadata test compiles")
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
        let found = self.section_sets.iter().position(|s| s.name == name.node);
        if found.is_none() {
            let known: Vec<String> = self.section_sets.iter().map(|s| s.name.clone()).collect();
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
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
                match regex::RegexBuilder::new(&full).size_limit(1 << 22).build() {
                    Ok(re) => {
                        self.regexes.push(re);
                        Some(Pattern::Regex(self.regexes.len() - 1))
                    }
                    Err(e) => {
                        let reason = match e {
                            regex::Error::Syntax(s) => s
                                .lines()
                                .last()
                                .unwrap_or_default()
                                .trim_start_matches("error: ")
                                .to_string(),
                            regex::Error::CompiledTooBig(_) => {
                                "uttrycket blir för stort".to_string()
                            }
                            _ => e.to_string(),
                        };
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
                        term: text.node.clone(),
                        replacement: None,
                        note: None,
                    }],
                });
                Some(Pattern::List(self.lists.len() - 1))
            }
            ast::Pattern::Lexicon(name) => {
                let found = self.lists[..self.lexicon_names]
                    .iter()
                    .position(|l| l.name == name.node);
                if found.is_none() {
                    let known: Vec<String> = self.lists[..self.lexicon_names]
                        .iter()
                        .map(|l| l.name.clone())
                        .collect();
                    let known: Vec<&str> = known.iter().map(String::as_str).collect();
                    self.unknown(
                        "lexikon",
                        name,
                        &known,
                        "deklarera lexikonet med `lexikon namn = \"fil.tsv\"`",
                    );
                }
                found.map(Pattern::List)
            }
            ast::Pattern::Detector(name) => {
                let found = Detector::from_name(&name.node);
                if found.is_none() {
                    let known: Vec<&str> = Detector::ALL.iter().map(|d| d.name()).collect();
                    self.unknown("detektor", name, &known, "");
                }
                found.map(Pattern::Detector)
            }
        }
    }

    fn measure(&mut self, m: &ast::Measure) -> Option<Measure> {
        let metric = Metric::from_name(&m.metric.node);
        if metric.is_none() {
            let known: Vec<&str> = Metric::ALL.iter().map(|(n, _)| *n).collect();
            self.unknown("mått", &m.metric, &known, "");
        }
        if let Some((from, _)) = &m.between {
            self.error(
                Diagnostic::new(
                    format!("måttet `{}` tar inte `från … till …`", m.metric.node),
                    from.span.clone(),
                )
                .help("ta bort `från … till …`"),
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
