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

use crate::criteria::{Criterion, DetectorUse, Lexicon, Matcher, Perspective, SectionSet};

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
    /// Built-in detectors as the criteria use them.
    pub detectors: Vec<DetectorUse>,
    /// Advice about the template (e.g. slow patterns) that does not stop it
    /// from being used.
    pub warnings: Vec<Diagnostic>,
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

/// How many templates a chain of `utgår från` may have.
const MAX_CHAIN: usize = 5;

/// Parses `source` and, first, the template it starts from, pushing each onto
/// `chain` base first.
fn load_chain(
    name: &str,
    source: &str,
    loader: Loader,
    chain: &mut Vec<(check::Origin, ast::File)>,
    errors: &mut Vec<Diagnostic>,
) {
    let text: Arc<str> = Arc::from(source);
    let (file, parse_errors) = syntax::parse(source);
    errors.extend(parse_errors.into_iter().map(|d| d.in_file(name, &text)));
    let bases: Vec<&ast::Sp<String>> = file
        .items
        .iter()
        .filter_map(|i| match i {
            ast::Item::Base { name } => Some(name),
            _ => None,
        })
        .collect();
    for extra in bases.iter().skip(1) {
        errors.push(
            Diagnostic::new("mallen utgår redan från en annan mall", extra.span.clone())
                .help("en mall kan utgå från en enda mall")
                .in_file(name, &text),
        );
    }
    if let Some(base) = bases.first() {
        let fail = |message: String| {
            Diagnostic::new(message, base.span.clone())
                .label("här")
                .in_file(name, &text)
        };
        if chain.len() + 1 >= MAX_CHAIN {
            errors.push(fail(format!(
                "för många nivåer av `utgår från` (högst {MAX_CHAIN})"
            )));
        } else if base.node == "standard" {
            load_chain(
                STANDARD_NAME,
                embedded::STANDARD,
                Loader::Embedded,
                chain,
                errors,
            );
        } else {
            match loader.read(&base.node) {
                Ok(base_source) => {
                    let base_loader = match &loader {
                        Loader::Folder(dir) => {
                            let path = dir.join(&base.node);
                            Loader::Folder(
                                path.parent().map_or_else(|| dir.clone(), Path::to_path_buf),
                            )
                        }
                        Loader::Embedded => Loader::Embedded,
                    };
                    load_chain(&base.node, &base_source, base_loader, chain, errors);
                }
                Err(e) => errors.push(fail(format!("grundmallen kunde inte läsas: {e}"))),
            }
        }
    }
    chain.push((
        check::Origin {
            name: name.to_string(),
            text,
            loader,
        },
        file,
    ));
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

    /// Parses and checks template `source`, named `name` in diagnostics, with
    /// the templates it starts from (`utgår från`).
    pub fn from_source(
        name: &str,
        source: &str,
        loader: &Loader,
    ) -> Result<Template, TemplateErrors> {
        let mut chain = Vec::new();
        let mut errors = Vec::new();
        load_chain(name, source, loader.clone(), &mut chain, &mut errors);
        let checked = check::check(&chain, &mut errors);
        if errors.is_empty() {
            if let Some(template) = checked {
                return Ok(template);
            }
        }
        // Errors in file order: base templates first, then by position.
        let order = |d: &Diagnostic| {
            let file = d.source.as_ref().map(|s| s.name().to_string());
            let index = chain
                .iter()
                .position(|(o, _)| Some(&o.name) == file.as_ref())
                .unwrap_or(usize::MAX);
            (index, d.span.start)
        };
        errors.sort_by_key(order);
        Err(TemplateErrors { errors })
    }

    /// Whether a criterion compares documents across the batch, so the engine
    /// must index the batch first.
    pub fn needs_batch(&self) -> bool {
        self.detectors.iter().any(|d| d.detector.needs_batch())
    }

    /// Compiles every pattern now (they are otherwise compiled when first
    /// used) and returns the ones that are too large, as text.
    pub fn oversized_patterns(&self) -> Vec<String> {
        self.matcher.compile_all()
    }

    /// The criterion with id `id`.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id.eq_ignore_ascii_case(id))
    }
}
