//! The diagnostics sink and the names a template may use: unknown names
//! with "did you mean", lines and placeholders.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn error(&mut self, diagnostic: Diagnostic) {
        let (origin, _) = &self.origins[self.origin];
        self.errors.push(diagnostic.in_source(&origin.source));
    }

    /// An unknown name: suggests the closest known one (while the
    /// suggestion budget lasts) or lists the first known ones.
    pub(super) fn unknown(
        &mut self,
        what: &str,
        name: &Sp<String>,
        known: &[impl AsRef<str>],
        declare: &str,
    ) {
        let mut d = Diagnostic::new(
            code::UNKNOWN_NAME,
            format!("okänt {what} `{}`", name.node),
            name.span.clone(),
        )
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
    pub(super) fn perspective_names(&mut self) -> Rc<[String]> {
        let perspectives = &self.perspectives;
        Rc::clone(
            self.known_perspectives
                .get_or_insert_with(|| perspectives.iter().map(|p| p.id.clone()).collect()),
        )
    }

    /// The names of the section sets, once they are all declared.
    pub(super) fn section_names(&mut self) -> Rc<[String]> {
        let sets = &self.section_sets;
        Rc::clone(
            self.known_sections
                .get_or_insert_with(|| sets.iter().map(|s| s.name.clone()).collect()),
        )
    }

    /// The names of the lexicons, once they are all declared.
    pub(super) fn lexicon_list_names(&mut self) -> Rc<[String]> {
        let lexicons = &self.lists[..self.lexicon_names];
        Rc::clone(
            self.known_lexicons
                .get_or_insert_with(|| lexicons.iter().map(|l| l.name.clone()).collect()),
        )
    }

    /// The line (from 1) of byte `offset` in the current file (its line
    /// index is made once per file).
    pub(super) fn line_of(&mut self, offset: usize) -> usize {
        let text = &self.origins[self.origin].0.text;
        if offset > text.len() {
            return 0;
        }
        let index = self.line_index[self.origin]
            .get_or_insert_with(|| crate::language::LineIndex::new(text));
        index.position(text, offset).0
    }

    pub(super) fn placeholders(&mut self, text: &Sp<String>) {
        let mut rest = text.node.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            if !PLACEHOLDERS.contains(&name) {
                let d = Diagnostic::new(
                    code::PLACEHOLDER,
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
}
