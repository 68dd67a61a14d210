//! PDF: the text layer, page by page, in the order the PDF gives it. A PDF
//! without text (a scan) is an error, never an empty document. The PDF parser
//! is not ours and can fail in unexpected ways on broken files; a panic in it
//! is caught and reported as a broken file.

use super::{Extracted, Read};

/// Reads a PDF.
pub fn extract(bytes: &[u8]) -> Read {
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| "PDF-filen är trasig: den gick inte att tolka".to_string())?
        .map_err(|e| format!("PDF-filen är trasig och går inte att tolka (teknisk orsak: {e})"))?;
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    for page in &pages {
        starts.push(text.len());
        for line in page.lines() {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text.push('\n');
    }
    if text.trim().is_empty() {
        return Err(
            "PDF:en saknar textlager (inskannad?); granska kan bara läsa PDF:er med text"
                .to_string(),
        );
    }
    Ok(Extracted {
        text,
        encoding: "pdf",
        pages: starts,
        ..Extracted::default()
    })
}
