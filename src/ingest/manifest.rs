//! `manifest.csv`: metadata for files, one row each, comma or semicolon
//! separated, with a `fil` column relative to the manifest's folder.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::Metadata;
use super::formats::records::CsvRows;

/// The manifests read so far, as a map from file to metadata. Only rows for
/// the files being read are kept, so memory follows the batch, not the
/// manifest.
#[derive(Debug, Default)]
pub struct Manifests {
    rows: HashMap<PathBuf, Metadata>,
}

impl Manifests {
    /// Reads a manifest row by row, keeping the rows of `wanted` files (paths
    /// as [`normalise`] gives them); later manifests win for the same file.
    /// No row may be longer than `limit` bytes.
    pub fn load(
        &mut self,
        file: &Path,
        wanted: &HashSet<PathBuf>,
        limit: u64,
    ) -> Result<(), String> {
        let source = super::files::open_regular(file, None)
            .map_err(|e| format!("manifestet kunde inte läsas: {e}"))?;
        let mut rows = CsvRows::new(Box::new(source), limit)
            .map_err(|e| format!("manifestet kunde inte läsas: {e}"))?;
        let headers = std::mem::take(&mut rows.headers);
        let fil = headers
            .iter()
            .position(|h| super::metadata::fold_key(h) == "fil")
            .ok_or("manifestet saknar kolumnen ”fil”")?;
        let base = file.parent().unwrap_or(Path::new(""));
        for row in rows {
            let row = row.map_err(|e| format!("manifestet kunde inte läsas: {e}"))?;
            let Some(name) = row.cells.get(fil).filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            let path = normalise(&base.join(name.trim().replace('\\', "/")));
            if !wanted.contains(&path) {
                continue;
            }
            let mut metadata = Metadata::default();
            for (i, value) in row.cells.iter().enumerate() {
                if i != fil {
                    if let Some(key) = headers.get(i) {
                        metadata.insert(key, value);
                    }
                }
            }
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
pub(crate) fn normalise(path: &Path) -> PathBuf {
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
