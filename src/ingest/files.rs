//! Finding the files to read and reading them.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::manifest::Manifests;
use super::{Document, Metadata};

/// A file to read, with the metadata a manifest gives it.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file.
    pub path: PathBuf,
    /// Metadata from a manifest row, if any.
    pub metadata: Metadata,
}

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

/// File endings read as text documents.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

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
        if has_text_extension(&path) {
            let metadata = manifests.metadata_for(&path).cloned().unwrap_or_default();
            inputs.push(Input { path, metadata });
        } else {
            errors.push(IngestError::new(
                &path,
                "filformatet läses inte: granska läser .txt och .md",
            ));
        }
    }
    (inputs, errors)
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| e.eq_ignore_ascii_case(t)))
}

/// Reads one input into a document.
pub fn read_input(input: &Input) -> Result<Document, IngestError> {
    read_with(input, Document::from_text)
}

/// Reads one input into a laid-out document without the metadata derived from
/// the running text (see [`Document::laid_out`]).
pub fn read_input_laid_out(input: &Input) -> Result<Document, IngestError> {
    read_with(input, Document::laid_out)
}

fn read_with(
    input: &Input,
    make: fn(&str, String, &Metadata) -> Document,
) -> Result<Document, IngestError> {
    let bytes = std::fs::read(&input.path).map_err(|e| {
        IngestError::new(
            &input.path,
            format!("kunde inte läsas: {}", io_reason(Some(&e))),
        )
    })?;
    let text = decode(bytes).map_err(|m| IngestError::new(&input.path, m))?;
    Ok(make(&display(&input.path), text, &input.metadata))
}

/// Decodes UTF-8, with or without a byte order mark.
fn decode(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("filen är tom".to_string());
    }
    if bytes.contains(&0) {
        return Err("filen innehåller binära data och är ingen textfil".to_string());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "filen är inte UTF-8 (ogiltig byte vid position {}); spara den som UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhej".to_vec()).unwrap(), "hej");
    }

    #[test]
    fn rejects_empty_binary_and_invalid() {
        assert_eq!(decode(b"  \n".to_vec()).unwrap_err(), "filen är tom");
        assert!(decode(b"a\0b".to_vec()).unwrap_err().contains("binära"));
        assert!(
            decode(b"h\xe4j".to_vec())
                .unwrap_err()
                .contains("inte UTF-8")
        );
    }
}
