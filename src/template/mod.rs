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

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use diagnostic::{Diagnostic, SourceFile, TemplateErrors, code, did_you_mean};
pub use embedded::STANDARD_NAME;

use crate::criteria::{Criterion, Perspective, Tables};

/// A checked, compiled template.
#[derive(Debug)]
pub struct Template {
    /// The template's name (`mall "…"`).
    pub name: String,
    /// Its version, if given.
    pub version: Option<String>,
    /// The SHA-256 (hex) of its files and of the lexicons and sections they
    /// read: two runs with the same checksum judged by the same rules.
    pub checksum: String,
    /// Where it was read from.
    pub origin: String,
    pub perspectives: Vec<Perspective>,
    /// Criteria and manual questions, in template order.
    pub criteria: Vec<Criterion>,
    /// The word lists, section sets, detectors and matchers the criteria
    /// are evaluated with.
    pub tables: Tables,
    /// Advice about the template (e.g. slow patterns) that does not stop it
    /// from being used.
    pub warnings: Vec<Diagnostic>,
}

/// Where a template's includes (lexicon files, base templates) are read from.
#[derive(Debug, Clone)]
pub enum Loader {
    /// Files relative to `dir`, which lies inside `root`, the folder of the
    /// template that was asked for. Nothing outside `root` is read, through
    /// `..`, an absolute path or a symbolic link: a template is shared and
    /// run by others, and what it reads may be echoed in its diagnostics.
    Folder { root: PathBuf, dir: PathBuf },
    /// The files embedded in the binary.
    Embedded,
}

impl Loader {
    /// The loader of a template in folder `dir`.
    pub fn folder(dir: &Path) -> Loader {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        Loader::Folder {
            root: std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()),
            dir: dir.to_path_buf(),
        }
    }

    /// Reads an included file.
    pub fn read(&self, path: &str) -> Result<String, String> {
        match self {
            Loader::Folder { root, dir } => {
                let file = std::fs::canonicalize(dir.join(path))
                    .map_err(|_| format!("filen `{path}` finns inte"))?;
                if !file.starts_with(root) {
                    return Err(format!(
                        "filen `{path}` ligger utanför mallens mapp; en mall får bara läsa filer \
                         i sin egen mapp och dess undermappar, och de inbyggda"
                    ));
                }
                if !file.is_file() {
                    return Err(format!("`{path}` är ingen vanlig fil"));
                }
                std::fs::read_to_string(&file).map_err(|e| match e.kind() {
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

/// How many templates a chain of `utgår från` may have, the one asked for
/// included.
pub const MAX_CHAIN: usize = 5;

/// What identifies a template file in a chain of `utgår från`: its canonical
/// path, or its name among the embedded files.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FileKey {
    Path(PathBuf),
    Embedded(String),
}

impl Loader {
    /// The key of the file `path` names, as seen from this loader.
    fn key(&self, path: &str) -> FileKey {
        match self {
            Loader::Folder { dir, .. } => {
                let joined = dir.join(path);
                FileKey::Path(std::fs::canonicalize(&joined).unwrap_or(joined))
            }
            Loader::Embedded => FileKey::Embedded(path.to_string()),
        }
    }

    /// The loader for the files that `path` (read by this loader) includes.
    fn beside(&self, path: &str) -> Loader {
        match self {
            Loader::Folder { root, dir } => {
                let path = dir.join(path);
                Loader::Folder {
                    root: root.clone(),
                    dir: path.parent().map_or_else(|| dir.clone(), Path::to_path_buf),
                }
            }
            Loader::Embedded => Loader::Embedded,
        }
    }
}

/// A template file to parse: its name in diagnostics, its text, where its
/// includes are read from and what identifies it.
struct Pending {
    name: String,
    text: Arc<str>,
    loader: Loader,
    key: FileKey,
}

/// Parses the template `top` and the templates it starts from (`utgår
/// från`), following the chain without recursion; returns the files base
/// first. A chain that comes back to a file already in it, or that is longer
/// than [`MAX_CHAIN`], is an error at the `utgår från` that would continue it.
fn load_chain(top: Pending, errors: &mut Vec<Diagnostic>) -> Vec<(check::Origin, ast::File)> {
    let mut chain: Vec<(check::Origin, ast::File)> = Vec::new();
    let mut keys: Vec<FileKey> = Vec::new();
    let mut next = Some(top);
    while let Some(Pending {
        name,
        text,
        loader,
        key,
    }) = next.take()
    {
        let source = SourceFile::new(&name, Arc::clone(&text));
        let (file, parse_errors) = syntax::parse(&text);
        errors.extend(parse_errors.into_iter().map(|d| d.in_source(&source)));
        let mut bases = file.items.iter().filter_map(|i| match i {
            ast::Item::Base { name } => Some(name),
            _ => None,
        });
        let base = bases.next().cloned();
        for extra in bases {
            errors.push(
                Diagnostic::new(
                    code::SECOND_BASE,
                    "mallen utgår redan från en annan mall",
                    extra.span.clone(),
                )
                .help("en mall kan utgå från en enda mall")
                .in_source(&source),
            );
        }
        if let Some(base) = base {
            let fail = |d: Diagnostic| d.in_source(&source);
            let (base_loader, base_key) = if base.node == "standard" {
                (
                    Loader::Embedded,
                    FileKey::Embedded(STANDARD_NAME.to_string()),
                )
            } else {
                (loader.beside(&base.node), loader.key(&base.node))
            };
            // The names of the files so far, as their diagnostics show them.
            let names = || {
                chain
                    .iter()
                    .map(|(o, _)| o.name.as_str())
                    .chain([name.as_str()])
            };
            if let Some(first) = keys.iter().chain([&key]).position(|k| *k == base_key) {
                let ring: Vec<&str> = names().skip(first).chain([base.node.as_str()]).collect();
                let message = if ring.len() == 2 {
                    format!("mallen utgår från sig själv: {}", ring.join(" utgår från "))
                } else {
                    format!(
                        "mallarna utgår från varandra i en ring: {} utgår från {}",
                        ring[0],
                        ring[1..].join(" som utgår från ")
                    )
                };
                errors.push(fail(
                    Diagnostic::new(code::BASE_CYCLE, message, base.span.clone())
                        .label("här sluts ringen")
                        .help("ta bort `utgår från` i en av mallarna i ringen: en mall kan inte bygga på sig själv, varken direkt eller via andra mallar"),
                ));
            } else if chain.len() + 1 >= MAX_CHAIN {
                let names: Vec<&str> = names().chain([base.node.as_str()]).collect();
                errors.push(fail(
                    Diagnostic::new(code::BASE_CHAIN,
                        format!(
                            "för många nivåer av `utgår från` (högst {MAX_CHAIN} mallar): {} utgår från {}",
                            names[0],
                            names[1..].join(" som utgår från ")
                        ),
                        base.span.clone(),
                    )
                    .label("här")
                    .help("låt mallen utgå direkt från en mall längre upp i kedjan"),
                ));
            } else if base.node == "standard" {
                next = Some(Pending {
                    name: STANDARD_NAME.to_string(),
                    text: Arc::from(embedded::STANDARD),
                    loader: base_loader,
                    key: base_key,
                });
            } else {
                match loader.read(&base.node) {
                    Ok(source) => {
                        next = Some(Pending {
                            name: base.node.clone(),
                            text: Arc::from(source),
                            loader: base_loader,
                            key: base_key,
                        })
                    }
                    Err(e) => errors.push(fail(
                        Diagnostic::new(
                            code::BASE_UNREADABLE,
                            format!("grundmallen kunde inte läsas: {e}"),
                            base.span.clone(),
                        )
                        .label("här"),
                    )),
                }
            }
        }
        keys.push(key);
        chain.push((
            check::Origin {
                name,
                text,
                loader,
                source,
            },
            file,
        ));
    }
    chain.reverse();
    chain
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
                errors: vec![
                    Diagnostic::new(code::UNREADABLE, message, 0..0).in_file(&name, &Arc::from("")),
                ],
            }
        })?;
        let key = FileKey::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
        let loader = Loader::folder(path.parent().unwrap_or(Path::new(".")));
        Template::load(&name, &source, &loader, key)
    }

    /// Parses and checks template `source`, named `name` in diagnostics, with
    /// the templates it starts from (`utgår från`).
    pub fn from_source(
        name: &str,
        source: &str,
        loader: &Loader,
    ) -> Result<Template, TemplateErrors> {
        Template::load(name, source, loader, loader.key(name))
    }

    fn load(
        name: &str,
        source: &str,
        loader: &Loader,
        key: FileKey,
    ) -> Result<Template, TemplateErrors> {
        let mut errors = Vec::new();
        let top = Pending {
            name: name.to_string(),
            text: Arc::from(source),
            loader: loader.clone(),
            key,
        };
        let chain = load_chain(top, &mut errors);
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
        self.tables.detectors.iter().any(|d| d.needs_batch())
    }

    /// Compiles every pattern now (they are otherwise compiled when first
    /// used) and returns the ones that are too large, as text.
    pub fn oversized_patterns(&self) -> Vec<String> {
        self.tables.matcher.compile_all()
    }

    /// The criterion with id `id`.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id.eq_ignore_ascii_case(id))
    }

    /// The display name of perspective `id` ("Rättssäkerhet" for
    /// `rattssakerhet`), or the id when the template has no such perspective.
    pub fn perspective_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.perspectives
            .iter()
            .find(|p| p.id == id)
            .map_or(id, |p| p.title.as_str())
    }
}
