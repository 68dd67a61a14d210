//! Finding the files to read and reading them.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::formats::{self, Format, SUPPORTED};
use super::manifest::Manifests;
use super::{Document, Metadata};

/// A file to read, with the metadata a manifest gives it.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file.
    pub path: PathBuf,
    /// Metadata from a manifest row, if any.
    pub metadata: Metadata,
    /// In a file of many documents (`.jsonl`, `.csv`): only the document on
    /// this line or row, when set.
    pub record: Option<usize>,
    /// Files larger than this, or that expand to more (docx), are not read.
    pub max_bytes: u64,
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
/// files and what a `.granskaignore` lists are skipped.
fn walk(
    root: &Path,
    files: &mut Vec<PathBuf>,
    manifests: &mut Manifests,
    errors: &mut Vec<IngestError>,
) {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        .add_custom_ignore_filename(IGNORE_FILE)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let path = entry.into_path();
                if path
                    .file_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("manifest.csv"))
                {
                    if let Err(message) = manifests.load(&path) {
                        errors.push(IngestError::new(&path, message));
                    }
                } else if !is_ignored(&path) {
                    files.push(path);
                }
            }
            Ok(_) => {}
            Err(err) => errors.push(walk_error(root, &err)),
        }
    }
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

/// The documents under `paths` (files, or folders read recursively in name
/// order), with metadata from every `manifest.csv` found and from `manifest`.
/// Files that cannot be documents are returned as errors.
pub fn collect_inputs(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    max_bytes: u64,
) -> (Vec<Input>, Vec<IngestError>) {
    let mut manifests = Manifests::default();
    let mut errors = Vec::new();
    if let Some(file) = manifest {
        if let Err(message) = manifests.load(file) {
            errors.push(IngestError::new(file, message));
        }
    }
    let mut files = Vec::new();
    for root in paths {
        if root.is_dir() {
            walk(root, &mut files, &mut manifests, &mut errors);
        } else if root.exists() {
            files.push(root.clone());
        } else {
            errors.push(IngestError::new(root, "filen eller mappen finns inte"));
        }
    }
    let mut inputs = Vec::with_capacity(files.len());
    for path in files {
        if Format::of(&path).is_some() {
            let metadata = manifests.metadata_for(&path).cloned().unwrap_or_default();
            inputs.push(Input {
                path,
                metadata,
                record: None,
                max_bytes,
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

/// Reads the documents of one input: one for most files, one per line or
/// row of `.jsonl` and `.csv`. What cannot be read is an error each.
pub fn read_documents(input: &Input) -> Vec<Result<Document, IngestError>> {
    read_with(input, Document::from_text_with)
}

/// Like [`read_documents`], without the metadata derived from the running
/// text (see [`Document::laid_out`]).
pub fn read_documents_laid_out(input: &Input) -> Vec<Result<Document, IngestError>> {
    read_with(input, Document::laid_out_with)
}

/// How a document is made from its text, path and metadata (manifest first,
/// then what the file carries outside its text).
type Make = fn(&str, String, &Metadata, &Metadata) -> Document;

fn read_with(input: &Input, make: Make) -> Vec<Result<Document, IngestError>> {
    let fail = |message: String| vec![Err(IngestError::new(&input.path, message))];
    let Some(format) = Format::of(&input.path) else {
        return fail(format!("filformatet läses inte: granska läser {SUPPORTED}"));
    };
    let size = match std::fs::metadata(&input.path) {
        Ok(m) => m.len(),
        Err(e) => return fail(format!("kunde inte läsas: {}", io_reason(Some(&e)))),
    };
    if size > input.max_bytes {
        return fail(format!(
            "filen är {} MB, större än gränsen {} MB (ändra med --max-storlek)",
            format!("{:.1}", size as f64 / 1e6).replace('.', ","),
            input.max_bytes / 1_000_000
        ));
    }
    let bytes = match std::fs::read(&input.path) {
        Ok(bytes) => bytes,
        Err(e) => return fail(format!("kunde inte läsas: {}", io_reason(Some(&e)))),
    };
    let path = display(&input.path);
    formats::extract(format, &bytes, input.max_bytes)
        .into_iter()
        .filter(|read| match (input.record, read) {
            (None, _) => true,
            (Some(n), Ok(e)) => e.record == Some(n),
            (Some(_), Err(_)) => false,
        })
        .map(|read| {
            let extracted = read.map_err(|m| IngestError::new(&input.path, m))?;
            let label = match extracted.record {
                Some(n) => format!("{path}#{n}"),
                None => path.clone(),
            };
            let mut doc = make(&label, extracted.text, &input.metadata, &extracted.metadata);
            doc.encoding = extracted.encoding;
            doc.pages = extracted.pages;
            doc.record = extracted.record;
            Ok(doc)
        })
        .collect()
}

/// A Swedish reason for an I/O error.
fn io_reason(err: Option<&std::io::Error>) -> String {
    use std::io::ErrorKind;
    match err.map(std::io::Error::kind) {
        Some(ErrorKind::NotFound) => "filen finns inte".into(),
        Some(ErrorKind::PermissionDenied) => "behörighet saknas".into(),
        Some(ErrorKind::InvalidData) => "ogiltiga data".into(),
        Some(ErrorKind::IsADirectory) => "är en mapp".into(),
        Some(kind) => format!("fel vid läsning ({kind})"),
        None => "okänt fel".into(),
    }
}

/// A path as shown to users: with `/` separators.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
