//! Finding the files to read and reading them.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::formats::{self, Format, Records, SUPPORTED};
use super::isolate::{Isolation, Limits};
use super::manifest::{Manifests, normalise};
use super::{Document, Metadata};

mod units;

pub use units::*;

/// How files are read: the limits, and reader processes for the risky
/// formats when the run has them.
#[derive(Debug, Default)]
pub struct Reader {
    pub limits: Limits,
    /// Reader processes; without them every format is read in this process
    /// (tests, and programs that use granska as a library).
    pub isolation: Option<Isolation>,
}

impl Reader {
    /// Reads every format in this process, within `limits` as far as the
    /// readers themselves can keep them.
    pub fn in_process(limits: Limits) -> Reader {
        Reader {
            limits,
            isolation: None,
        }
    }

    /// Reads PDF, Word and HTML in reader processes started from `exe`
    /// (granska itself), which hold the time and memory limits whatever the
    /// file does.
    pub fn isolated(limits: Limits, exe: PathBuf) -> Reader {
        Reader {
            limits,
            isolation: Some(Isolation::new(exe)),
        }
    }
}

/// A file to read, with the metadata a manifest gives it.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file.
    pub path: PathBuf,
    /// The document's id when it has none of its own (front matter,
    /// manifest, record field): its path from the folder given on the
    /// command line, so that ids are the same on every computer and in every
    /// round, wherever the export lies; the path as given for a file named
    /// on the command line.
    pub name: String,
    /// Metadata from a manifest row, if any.
    pub metadata: Metadata,
    /// In a file of many documents (`.jsonl`, `.csv`): only the document on
    /// this line or row, when set.
    pub record: Option<usize>,
    /// How the file is read.
    pub reader: Arc<Reader>,
}

/// The default size limit of a file: 50 MB.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1_000_000;

/// A file that could not be read, and why (in Swedish).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IngestError {
    /// The file, as displayed.
    pub path: String,
    /// Why it could not be read.
    pub message: String,
}

impl IngestError {
    fn new(path: &Path, message: impl Into<String>) -> Self {
        IngestError {
            path: display(path),
            message: message.into(),
        }
    }
}

/// The name of the file that lists what granska should not read in a folder
/// (one pattern a line, as in `.gitignore`).
pub const IGNORE_FILE: &str = ".granskaignore";

/// Walks `root` in name order, collecting files and reading manifests. Hidden
/// files and what a `.granskaignore` lists are skipped. Symbolic links are
/// read only when they point inside `root` (see [`linked_file`]).
fn walk(
    root: &Path,
    files: &mut Vec<PathBuf>,
    manifests: &mut Vec<PathBuf>,
    errors: &mut Vec<IngestError>,
) {
    // A folder given through a link is walked at its target, and its files
    // named under the link as given.
    let inside = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let linked_root = root.is_symlink();
    let start = if linked_root { &inside } else { root };
    let walker = ignore::WalkBuilder::new(start)
        .standard_filters(false)
        .hidden(true)
        .add_custom_ignore_filename(IGNORE_FILE)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                errors.push(walk_error(root, &err));
                continue;
            }
        };
        let link = entry.path_is_symlink() && entry.depth() > 0;
        let kind = entry.file_type();
        let mut path = entry.into_path();
        if linked_root {
            path = root.join(path.strip_prefix(&inside).unwrap_or(&path));
        }
        if link {
            match linked_file(&inside, &path) {
                Ok(Some(path)) if !is_ignored(&path) => files.push(path),
                Ok(_) => {}
                Err(reason) => errors.push(IngestError::new(&path, reason)),
            }
        } else if kind.is_some_and(|t| t.is_file()) {
            if path
                .file_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("manifest.csv"))
            {
                manifests.push(path);
            } else if !is_ignored(&path) {
                files.push(path);
            }
        } else if kind.is_some_and(|t| !t.is_dir()) && !is_ignored(&path) {
            errors.push(IngestError::new(&path, NOT_REGULAR));
        }
    }
}

/// A symbolic link met in a folder: the file to read when it points to a file
/// inside the folder (`inside`, canonical), nothing when it points to a
/// folder inside it (whose files the walk reads anyway), and why not
/// otherwise. A link out of the folder is never followed: the folder is what
/// the user chose to have read, and a link can point anywhere.
fn linked_file(inside: &Path, link: &Path) -> Result<Option<PathBuf>, String> {
    let target = link
        .canonicalize()
        .map_err(|_| "är en symbolisk länk som pekar på något som inte finns".to_string())?;
    if !target.starts_with(inside) {
        return Err(
            "är en symbolisk länk till något utanför mappen och läses inte; \
                    ange filen själv om den ska granskas"
                .to_string(),
        );
    }
    Ok(target.is_file().then(|| link.to_path_buf()))
}

fn walk_error(root: &Path, err: &ignore::Error) -> IngestError {
    match err {
        ignore::Error::WithPath { path, err } => {
            let mut e = walk_error(path, err);
            e.path = display(path);
            e
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(root, err)
        }
        ignore::Error::Loop { child, .. } => IngestError::new(
            child,
            "mappen länkar till sig själv (symbolisk länk i ring)",
        ),
        ignore::Error::Io(io) => {
            IngestError::new(root, format!("kunde inte läsas: {}", io_reason(Some(io))))
        }
        other => IngestError::new(root, format!("kunde inte läsas: {other}")),
    }
}

/// Files that are never documents and never errors.
fn is_ignored(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.eq_ignore_ascii_case("manifest.csv"))
}

/// Why a pipe, device or socket is not read.
const NOT_REGULAR: &str =
    "är ingen vanlig fil (utan en namngiven pipe, en enhet eller en socket) och läses inte";

/// The documents under `paths` (files, or folders read recursively in name
/// order), with metadata from every `manifest.csv` found and from `manifest`.
/// Files that cannot be documents are returned as errors.
pub fn collect_inputs(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    reader: Arc<Reader>,
) -> (Vec<Input>, Vec<IngestError>) {
    let mut manifest_files: Vec<PathBuf> = manifest.into_iter().map(Path::to_path_buf).collect();
    let mut errors = Vec::new();
    let mut files = Vec::new();
    // Each file's name: its path from the folder it was found in, or the
    // path as given for a file named on the command line.
    let mut names = Vec::new();
    for root in paths {
        let before = files.len();
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => {
                walk(root, &mut files, &mut manifest_files, &mut errors);
                names.extend(
                    files[before..]
                        .iter()
                        .map(|f| display(f.strip_prefix(root).unwrap_or(f))),
                );
            }
            Ok(m) if m.is_file() => {
                files.push(root.clone());
                names.push(display(root));
            }
            Ok(_) => errors.push(IngestError::new(root, NOT_REGULAR)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(IngestError::new(root, "filen eller mappen finns inte"));
            }
            Err(e) => errors.push(IngestError::new(
                root,
                format!("kunde inte läsas: {}", io_reason(Some(&e))),
            )),
        }
    }
    // The same file named twice (`d d/a.md ./d/a.md`, or through a link) is
    // read once, where it first came.
    let mut seen = HashSet::new();
    let files: Vec<(PathBuf, String)> = files
        .into_iter()
        .zip(names)
        .filter(|(f, _)| seen.insert(f.canonicalize().unwrap_or_else(|_| normalise(f))))
        .collect();
    // Manifests are read after the walk, keeping only the rows of files that
    // are read.
    let wanted: HashSet<PathBuf> = files.iter().map(|(f, _)| normalise(f)).collect();
    let mut manifests = Manifests::default();
    for file in &manifest_files {
        if let Err(message) = manifests.load(file, &wanted, reader.limits.max_bytes) {
            errors.push(IngestError::new(file, message));
        }
    }
    let mut inputs = Vec::with_capacity(files.len());
    for (path, name) in files {
        if Format::of(&path).is_some() {
            let metadata = manifests.metadata_for(&path).cloned().unwrap_or_default();
            inputs.push(Input {
                path,
                name,
                metadata,
                record: None,
                reader: reader.clone(),
            });
        } else {
            errors.push(IngestError::new(
                &path,
                format!("filformatet läses inte: granska läser {SUPPORTED}"),
            ));
        }
    }
    (inputs, errors)
}

/// Why writing a report to `out` would destroy or later be read as input:
/// `out` is one of the files in `paths`, or lies in one of the folders and
/// is of a format granska reads. `None` when it is safe.
pub fn output_conflict(paths: &[PathBuf], out: &Path) -> Option<String> {
    let out = canonical_place(out)?;
    let roots: Vec<PathBuf> = paths.iter().filter_map(|p| p.canonicalize().ok()).collect();
    let read_in_folder = Format::of(&out).is_some()
        && !is_ignored(&out)
        && roots
            .iter()
            .any(|root| root.is_dir() && out.starts_with(root));
    if roots.contains(&out) || (read_in_folder && out.exists()) {
        return Some(
            "resultatet skulle skriva över ett av dokumenten som granskas; välj ett annat \
             filnamn med --ut"
                .to_string(),
        );
    }
    if read_in_folder {
        return Some(
            "resultatet skulle hamna i en mapp som granskas och läsas som ett dokument \
             nästa gång; skriv det utanför mappen"
                .to_string(),
        );
    }
    None
}

/// Where `path` is, with links resolved, whether or not it exists yet.
fn canonical_place(path: &Path) -> Option<PathBuf> {
    if let Ok(place) = path.canonicalize() {
        return Some(place);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(folder.canonicalize().ok()?.join(name))
}

/// A size in MB as written in messages: `1,2`.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6).replace('.', ",")
}

/// Opens `path` for reading if it is a regular file (never waiting on a pipe)
/// no larger than `max_bytes`; a Swedish reason if not.
pub(crate) fn open_regular(path: &Path, max_bytes: Option<u64>) -> Result<File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a named pipe would wait for a writer; non-blocking, it
        // opens at once and is refused below.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| format!("kunde inte läsas: {}", io_reason(Some(&e))))?;
    let metadata = file
        .metadata()
        .map_err(|e| format!("kunde inte läsas: {}", io_reason(Some(&e))))?;
    if !metadata.is_file() {
        return Err(NOT_REGULAR.to_string());
    }
    if let Some(max) = max_bytes.filter(|&max| metadata.len() > max) {
        return Err(format!(
            "filen är {} MB, större än gränsen {} MB (ändra med --max-storlek)",
            megabytes(metadata.len()),
            max / 1_000_000
        ));
    }
    Ok(file)
}

/// Reads a file of `format` whole, in this process, within `max_bytes`.
pub(crate) fn read_whole(path: &Path, format: Format, max_bytes: u64) -> Vec<formats::Read> {
    let file = match open_regular(path, Some(max_bytes)) {
        Ok(file) => file,
        Err(e) => return vec![Err(e)],
    };
    let mut bytes = Vec::new();
    // A file that grows while it is read stops at the limit.
    if let Err(e) = file
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return vec![Err(format!("kunde inte läsas: {}", io_reason(Some(&e))))];
    }
    if bytes.len() as u64 > max_bytes {
        return vec![Err(format!(
            "filen växte under läsningen till mer än gränsen {} MB",
            max_bytes / 1_000_000
        ))];
    }
    // A reader that panics costs its file, never the run.
    std::panic::catch_unwind(|| formats::extract(format, &bytes, max_bytes)).unwrap_or_else(|_| {
        vec![Err(
            "filen kunde inte tolkas: läsaren stötte på ett internt fel".to_string(),
        )]
    })
}

#[cfg(test)]
mod tests;
