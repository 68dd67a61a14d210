//! `manifest.csv`: metadata for files, one row each, comma or semicolon
//! separated, with a `fil` column relative to the manifest's folder.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::Metadata;

/// The manifests read so far, as a map from file to metadata.
#[derive(Debug, Default)]
pub struct Manifests {
    rows: HashMap<PathBuf, Metadata>,
}

impl Manifests {
    /// Reads a manifest; later manifests win for the same file.
    pub fn load(&mut self, file: &Path) -> Result<(), String> {
        let bytes = std::fs::read(file).map_err(|e| format!("manifestet kunde inte läsas: {e}"))?;
        let text = super::encoding::decode(&bytes)
            .map_err(|e| format!("manifestet kunde inte läsas: {e}"))?
            .text;
        let mut reader = super::formats::csv_reader(&text);
        let headers = reader
            .headers()
            .map_err(|e| format!("manifestets rubrikrad kunde inte läsas: {e}"))?
            .clone();
        let fil = headers
            .iter()
            .position(|h| super::metadata::fold_key(h) == "fil")
            .ok_or("manifestet saknar kolumnen ”fil”")?;
        let base = file.parent().unwrap_or(Path::new(""));
        for (row, record) in reader.records().enumerate() {
            let record = record
                .map_err(|e| format!("rad {} i manifestet kunde inte läsas: {e}", row + 2))?;
            let Some(name) = record.get(fil).filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            let mut metadata = Metadata::default();
            for (i, value) in record.iter().enumerate() {
                if i != fil {
                    if let Some(key) = headers.get(i) {
                        metadata.insert(key, value);
                    }
                }
            }
            let path = normalise(&base.join(name.trim().replace('\\', "/")));
            self.rows.insert(path, metadata);
        }
        Ok(())
    }

    /// The metadata the manifests give `path`.
    pub fn metadata_for(&self, path: &Path) -> Option<&Metadata> {
        self.rows.get(&normalise(path))
    }
}

/// Removes `.` and resolves `..` lexically so paths from the walk and from a
/// manifest compare equal.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}
