//! Report files, written safely: under a hidden temporary name in the same
//! folder, readable by the owner only, and renamed into place only when the
//! report is complete. A run that fails or is killed half-way leaves the
//! previous report as it was, and a symbolic link at the report's place is
//! replaced, never written through.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::TempPath;

/// A report file being written.
#[derive(Debug)]
pub struct OutputFile {
    temporary: TempPath,
    path: PathBuf,
}

impl OutputFile {
    /// Starts a report for `path`: the file to write to, and the handle that
    /// puts it in place.
    pub fn create(path: &Path) -> io::Result<(File, OutputFile)> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // tempfile creates the file readable and writable by the owner only.
        let (file, temporary) = tempfile::Builder::new()
            .prefix(".granska-")
            .suffix(".tmp")
            .tempfile_in(folder)?
            .into_parts();
        Ok((
            file,
            OutputFile {
                temporary,
                path: path.to_path_buf(),
            },
        ))
    }

    /// Puts the complete report in place.
    pub fn commit(self) -> io::Result<()> {
        self.temporary.persist(&self.path).map_err(|e| e.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_old_report_stays_until_the_new_one_is_complete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.json");
        std::fs::write(&path, "gammal").unwrap();
        let (mut file, output) = OutputFile::create(&path).unwrap();
        file.write_all(b"ny, halv").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "gammal");
        drop(output);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "gammal");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );

        let (mut file, output) = OutputFile::create(&path).unwrap();
        file.write_all(b"ny").unwrap();
        output.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ny");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_place_is_replaced_and_the_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("annan.txt");
        std::fs::write(&target, "orörd").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        let path = dir.path().join("rapport.txt");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        let (mut file, output) = OutputFile::create(&path).unwrap();
        file.write_all(b"rapport").unwrap();
        output.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "orörd");
        let meta = std::fs::symlink_metadata(&path).unwrap();
        assert!(meta.is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }
}
