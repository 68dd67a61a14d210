//! Variants of a template: a municipality's template that builds on another
//! (`bygger på`) replaces, adds or removes criteria; merged here block by
//! block, and `viker för` (yields) resolved.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn merge(&mut self) -> Merged<'a> {
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
                        // Twice in one file is a mistake; a template that
                        // builds on another may redefine a perspective.
                        Some(&i) if merged.perspectives[i].0 == origin => {
                            self.error(Diagnostic::new(
                                code::DUPLICATE_PERSPECTIVE,
                                format!("perspektivet `{}` finns redan", id.node),
                                id.span.clone(),
                            ))
                        }
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
                                    code::UNKNOWN_BASE_LEXICON,
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
                                    code::DUPLICATE_ID,
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
    pub(super) fn yields(&mut self, merged: &Merged, criteria: &mut [Criterion]) {
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
                            code::YIELDS_TO_ITSELF,
                            "ett kriterium kan inte vika för sig självt",
                            target.span.clone(),
                        )
                        .label("här"),
                    ),
                    Some(&other) => found.push((me, other)),
                    None => self.error(
                        Diagnostic::new(
                            code::UNKNOWN_CRITERION,
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
                self.error(Diagnostic::new(code::YIELD_CHAIN,
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
}
