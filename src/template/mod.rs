//! The granskningsmall: its language, checking and compilation.
//!
//! ```text
//! source ──syntax──► ast::File ──check──► Template (criteria, compiled matchers)
//! ```
//!
//! [`syntax`] parses with nom and recovers after errors; [`check`] resolves names
//! (perspectives, lexicons, sections, detectors, metrics), loads lexicons and
//! compiles patterns. Every problem on the way becomes a [`Diagnostic`] with a
//! span and help; a template with any error is not used.

pub mod ast;
mod check;
mod diagnostic;
mod embedded;
mod lexicon;
pub mod syntax;

use std::path::Path;
use std::sync::Arc;

pub use diagnostic::{Diagnostic, TemplateErrors, did_you_mean};
pub use embedded::STANDARD_NAME;

use crate::criteria::{Criterion, Lexicon, Matcher, Perspective, SectionSet};

/// A checked, compiled template.
#[derive(Debug)]
pub struct Template {
    /// The template's name (`mall "…"`).
    pub name: String,
    /// Its version, if given.
    pub version: Option<String>,
    /// Where it was read from.
    pub origin: String,
    pub perspectives: Vec<Perspective>,
    /// Criteria and manual questions, in template order.
    pub criteria: Vec<Criterion>,
    /// Word lists: the named lexicons first, then one list per phrase.
    pub lists: Vec<Lexicon>,
    /// Named section synonym sets.
    pub section_sets: Vec<SectionSet>,
    pub(crate) matcher: Matcher,
}

/// Where a template's includes (lexicon files) are read from.
#[derive(Debug, Clone)]
pub enum Loader {
    /// Files relative to a folder.
    Folder(std::path::PathBuf),
    /// The files embedded in the binary.
    Embedded,
}

impl Loader {
    /// Reads an included file.
    pub fn read(&self, path: &str) -> Result<String, String> {
        match self {
            Loader::Folder(base) => {
                std::fs::read_to_string(base.join(path)).map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => format!("filen `{path}` finns inte"),
                    std::io::ErrorKind::InvalidData => format!("filen `{path}` är inte UTF-8"),
                    _ => format!("filen `{path}` kunde inte läsas: {e}"),
                })
            }
            Loader::Embedded => embedded::file(path)
                .map(str::to_string)
                .ok_or_else(|| format!("filen `{path}` finns inte bland de inbyggda filerna")),
        }
    }
}

impl Template {
    /// The standard template embedded in the binary.
    pub fn standard() -> Result<Template, TemplateErrors> {
        Template::from_source(STANDARD_NAME, embedded::STANDARD, &Loader::Embedded)
    }

    /// Reads and checks the template in `path`.
    pub fn from_file(path: &Path) -> Result<Template, TemplateErrors> {
        let name = crate::ingest::display_path(path);
        let source = std::fs::read_to_string(path).map_err(|e| {
            let message = match e.kind() {
                std::io::ErrorKind::NotFound => format!("mallfilen `{name}` finns inte"),
                std::io::ErrorKind::InvalidData => format!("mallfilen `{name}` är inte UTF-8"),
                _ => format!("mallfilen `{name}` kunde inte läsas: {e}"),
            };
            TemplateErrors {
                errors: vec![Diagnostic::new(message, 0..0).in_file(&name, &Arc::from(""))],
            }
        })?;
        let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Template::from_source(&name, &source, &Loader::Folder(base))
    }

    /// Parses and checks template `source`, named `name` in diagnostics.
    pub fn from_source(
        name: &str,
        source: &str,
        loader: &Loader,
    ) -> Result<Template, TemplateErrors> {
        let text: Arc<str> = Arc::from(source);
        let (file, mut errors) = syntax::parse(source);
        let checked = check::check(&file, name, source, loader, &mut errors);
        if !errors.is_empty() {
            let mut errors: Vec<Diagnostic> =
                errors.into_iter().map(|d| d.in_file(name, &text)).collect();
            errors.sort_by_key(|d| (d.source.as_ref().map(|s| s.name() != name), d.span.start));
            return Err(TemplateErrors { errors });
        }
        let mut template = checked.expect("a template without errors is complete");
        template.origin = name.to_string();
        Ok(template)
    }

    /// The criterion with id `id`.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id.eq_ignore_ascii_case(id))
    }
}
