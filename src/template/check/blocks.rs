//! A criterion or question block: its statements checked once each and
//! turned into a criterion.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn block(&mut self, merged: &MergedBlock) -> Option<Criterion> {
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
                            code::WEIGHT,
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
                    Diagnostic::new(code::QUESTION_WITH_RULES, "en fråga besvaras av en granskare och kan inte ha krav, mått eller exempel", s.span.clone())
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
                    code::NO_PERSPECTIVE,
                    format!("{kind_word} `{}` saknar perspektiv", block.id.node),
                    at.clone(),
                )
                .help("lägg till en rad `perspektiv namn` i blocket"),
            );
        }
        if !block.question {
            if message.is_none() {
                self.error(
                    Diagnostic::new(code::NO_MESSAGE, format!("kriteriet `{}` saknar meddelande", block.id.node), at.clone())
                        .help("lägg till `meddelande \"…\"`: det som visas när kriteriet inte är uppfyllt"),
                );
            }
            if requirements.is_empty()
                && prohibitions.is_empty()
                && measures.is_empty()
                && !has_rules(block)
            {
                self.error(
                    Diagnostic::new(code::NO_RULES, format!("kriteriet `{}` har varken kräver, förbjuder eller mått", block.id.node), at.clone())
                        .help("säg vad texten ska innehålla (`kräver`), inte får innehålla (`förbjuder`) eller mäta (`mått`)"),
                );
            }
            for (met, word) in [(true, "uppfyllt"), (false, "ej_uppfyllt")] {
                if !examples.iter().any(|e| e.met == met) {
                    self.error(
                        Diagnostic::new(code::NO_EXAMPLE, format!("kriteriet `{}` saknar `exempel {word}`", block.id.node), at.clone())
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

    pub(super) fn once(&mut self, seen: &mut bool, s: &Sp<Statement>, what: &str, kind_word: &str) {
        if *seen {
            self.error(
                Diagnostic::new(
                    code::REPEATED_LINE,
                    format!("{what} står redan i {kind_word}"),
                    s.span.clone(),
                )
                .help("ta bort den ena raden"),
            );
        }
        *seen = true;
    }
}
