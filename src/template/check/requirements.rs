//! Requirements, conditions, patterns and measures: each compiled to what
//! the criteria evaluate.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn kind(&mut self, name: &Sp<String>) -> Option<Kind> {
        let kind = Kind::parse(&name.node);
        if kind.is_none() {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).chain(["alla"]).collect();
            self.unknown("dokumenttyp", name, &known, "");
        }
        kind
    }

    pub(super) fn condition(&mut self, c: &ast::Condition) -> Option<Condition> {
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

    pub(super) fn requirement(&mut self, r: &ast::Requirement) -> Option<Requirement> {
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

    pub(super) fn section_set(&mut self, name: &Sp<String>) -> Option<usize> {
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

    pub(super) fn scope(&mut self, scope: Option<&ast::Scope>) -> Result<Option<Scope>, ()> {
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

    pub(super) fn pattern(&mut self, p: &ast::Pattern) -> Option<Pattern> {
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
                            Diagnostic::new(code::REGEX, format!("ogiltigt reguljärt uttryck: {reason}"), source.span.clone())
                                .label("här")
                                .help("skriv `\\` före specialtecken som ska betyda sig själva, t.ex. `\\.` och `\\(`"),
                        );
                        None
                    }
                }
            }
            ast::Pattern::Phrase(text) => {
                if text.node.trim().is_empty() {
                    self.error(Diagnostic::new(
                        code::EMPTY_PHRASE,
                        "frasen är tom",
                        text.span.clone(),
                    ));
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
                    self.error(
                        Diagnostic::new(code::DETECTOR_LEXICON, message, name.span.clone()).help(
                            format!(
                                "skriv `detektor {}{}`",
                                name.node,
                                if list.is_some() {
                                    ""
                                } else {
                                    " med lexikon namn"
                                }
                            ),
                        ),
                    );
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
                            code::DETECTOR,
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
    pub(super) fn lint_regex(&mut self, source: &Sp<String>) {
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
            let d = Diagnostic::new(code::SLOW_PATTERN, format!("långsamt mönster: {message}"), source.span.clone())
                .label("här")
                .help("börja mönstret med ett fast ord och begränsa upprepningar, t.ex. `[^.]{0,80}` i stället för `.*`")
                .as_warning();
            let (origin, _) = &self.origins[self.origin];
            self.warnings.push(d.in_source(&origin.source));
        }
    }

    pub(super) fn lexicon_index(&mut self, name: &Sp<String>) -> Option<usize> {
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

    pub(super) fn measure(&mut self, m: &ast::Measure) -> Option<Measure> {
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
            self.error(Diagnostic::new(code::MEASURE, message, m.metric.span.clone()).help(help));
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
                    code::UNIT,
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
                    Diagnostic::new(
                        code::TWO_LIMITS,
                        "två gränser för samma dokumenttyp",
                        b.value.span.clone(),
                    )
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
