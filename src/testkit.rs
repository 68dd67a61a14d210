//! Small files built from parts, for tests and benchmarks: a PDF from
//! numbered objects and a zip (a Word file) from named parts. Not part of
//! granska's behaviour; the unit tests and the end-to-end tests share them.

use std::io::Write as _;

/// A PDF of numbered objects (object 1 is the catalogue), with a correct
/// cross-reference table.
pub fn pdf(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (n, body) in objects {
        offsets.insert(*n, out.len());
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let size = offsets.keys().max().map_or(1, |max| max + 1);
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for n in 1..size {
        match offsets.get(&n) {
            Some(at) => out.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes()),
            None => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// A zip of `parts` (name, bytes), deflated: a Word file when the parts are
/// a Word file's.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        // Writing to memory fails only on a bug in the test's parts.
        zip.start_file(*name, options).expect("a valid part name");
        zip.write_all(bytes).expect("writing to memory");
    }
    zip.finish().expect("writing to memory");
    out.into_inner()
}
