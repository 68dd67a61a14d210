//! Declarations: perspectives, lexicons and section sets.

use super::*;

impl<'a> Checker<'a> {
    /// Adds a file the template is made from to its checksum.
    pub(super) fn digest_file(&mut self, name: &str, text: &str) {
        for part in [name, text] {
            self.digest.update((part.len() as u64).to_le_bytes());
            self.digest.update(part.as_bytes());
        }
    }

    pub(super) fn perspective(
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
                code::DUPLICATE_PERSPECTIVE,
                format!("perspektivet `{}` finns redan", id.node),
                id.span.clone(),
            ));
            return;
        }
        if let Some(w) = weight.as_ref().filter(|w| w.node <= 0.0) {
            self.error(Diagnostic::new(
                code::WEIGHT,
                "vikten måste vara större än 0",
                w.span.clone(),
            ));
        }
        if let Some(t) = target.as_ref().filter(|t| t.node > 1.0) {
            self.error(Diagnostic::new(
                code::TARGET,
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

    pub(super) fn lexicon(&mut self, decl: &LexiconDecl) {
        let mut lexicon = Lexicon {
            name: decl.name.node.clone(),
            compounds: decl.compounds,
            ..Lexicon::default()
        };
        for &(origin, path) in &decl.sources {
            self.origin = origin;
            let loader = &self.origins[origin].0.loader;
            let read = loader.read(&path.node).and_then(|text| {
                self.digest_file(&path.node, &text);
                lexicon::parse(&decl.name.node, &text)
                    .map_err(|e| format!("lexikonet `{}`: {e}", path.node))
            });
            match read {
                Ok(read) => lexicon.entries.extend(read.entries),
                Err(message) => self.error(
                    Diagnostic::new(code::LEXICON_UNREADABLE, message, path.span.clone())
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

    pub(super) fn sections_from(&mut self, path: &Sp<String>) {
        let loader = &self.origins[self.origin].0.loader;
        match loader.read(&path.node).and_then(|text| {
            self.digest_file(&path.node, &text);
            lexicon::parse_sections(&text).map_err(|e| format!("`{}`: {e}", path.node))
        }) {
            Ok(sets) => {
                for set in sets {
                    self.add_section_set(set);
                }
            }
            Err(message) => self.error(
                Diagnostic::new(
                    code::SECTIONS_UNREADABLE,
                    format!("avsnitten kunde inte läsas: {message}"),
                    path.span.clone(),
                )
                .label("här")
                .help("filen är en TSV med kolumnerna avsnitt och rubrik"),
            ),
        }
    }

    pub(super) fn sections(&mut self, name: &Sp<String>, synonyms: &[Sp<String>]) {
        let set = SectionSet::new(
            name.node.clone(),
            synonyms.iter().map(|s| s.node.clone()).collect(),
        );
        self.add_section_set(set);
    }

    /// Adds a section set, or replaces the one with the same name.
    pub(super) fn add_section_set(&mut self, set: SectionSet) {
        match self.section_index.get(&set.name) {
            Some(&i) => self.section_sets[i] = set,
            None => {
                self.section_index
                    .insert(set.name.clone(), self.section_sets.len());
                self.section_sets.push(set);
            }
        }
    }
}
