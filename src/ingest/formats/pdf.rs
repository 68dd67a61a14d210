//! PDF: the text layer, page by page, in the order the PDF gives it. A PDF
//! without text (a scan) is an error, never an empty document.
//!
//! The text comes from `pdf-extract`, which is not ours and trusts the file:
//! a page tree whose `/Parent` chain loops makes it spin forever, a figure
//! (Form XObject) that draws itself makes it recurse until the stack ends, and
//! it inflates every stream whole, images a page draws included, whose pixels
//! it then reads as drawing operators. So the file is checked first, with the
//! parsed objects only: the page tree must end, images are emptied (they hold
//! no text), figures must not draw themselves or nest deeper than
//! [`MAX_FIGURE_DEPTH`], and the streams may not inflate to more than the size
//! limit together. A panic in the libraries is caught and reported as a broken
//! file. Whatever these checks miss, the reader process's time and memory
//! limits still hold (see `ingest::isolate`).
//!
//! `pdf-extract` also skips two of the operators that show text, `'` and `"`
//! (next line, then show; `"` sets word and character spacing first), so
//! pages and figures that use them are rewritten to the operators they stand
//! for before the text is read.

use std::collections::{HashMap, HashSet};
use std::io::{Read as _, Write};

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::{Extracted, Read};

mod figures;
mod inflate;

use figures::*;
use inflate::*;

/// The deepest page tree read (levels of `/Parent` above a page).
const MAX_TREE_DEPTH: usize = 256;

/// The deepest nesting of figures (Form XObjects drawing each other) read.
const MAX_FIGURE_DEPTH: usize = 64;

/// Reads a PDF; compressed streams may inflate to at most `limit` bytes.
pub fn extract(bytes: &[u8], limit: u64) -> Read {
    let pages = std::panic::catch_unwind(|| pages(bytes, limit))
        .map_err(|_| "PDF-filen är trasig: den gick inte att tolka".to_string())??;
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

fn broken(e: impl std::fmt::Display) -> String {
    format!("PDF-filen är trasig och går inte att tolka (teknisk orsak: {e})")
}

/// The text of each page, after the checks.
fn pages(bytes: &[u8], limit: u64) -> Result<Vec<String>, String> {
    let mut doc = Document::load_mem(bytes).map_err(broken)?;
    if doc.is_encrypted() {
        doc.decrypt("").map_err(|_| {
            "PDF-filen är lösenordsskyddad; spara den utan lösenord och försök igen".to_string()
        })?;
    }
    prepare(&mut doc, limit)?;
    let count = doc.get_pages().len() as u32;
    let mut pages = Vec::with_capacity(count as usize);
    for number in 1..=count {
        let mut page = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut page);
        pdf_extract::output_doc_page(&doc, &mut output, number).map_err(broken)?;
        pages.push(page);
    }
    Ok(pages)
}

/// Checks the document and readies it for `pdf-extract`.
fn prepare(doc: &mut Document, limit: u64) -> Result<(), String> {
    check_page_tree(doc)?;
    blank_images(doc);
    let scans = check_inflated_size(doc, limit)?;
    let figures = check_figures(doc, &scans)?;
    rewrite_quote_operators(doc, &figures, &scans, limit);
    Ok(())
}

/// Every page's `/Parent` chain ends, within [`MAX_TREE_DEPTH`] levels.
fn check_page_tree(doc: &Document) -> Result<(), String> {
    let mut ends: HashSet<ObjectId> = HashSet::new();
    for page in doc.page_iter() {
        let mut chain = Vec::new();
        let mut current = page;
        loop {
            if ends.contains(&current) {
                break;
            }
            if chain.contains(&current) {
                return Err(
                    "PDF-filens sidträd går i ring (en sida är sin egen förälder); filen är \
                     skadad eller konstruerad för att låsa läsningen"
                        .to_string(),
                );
            }
            if chain.len() >= MAX_TREE_DEPTH {
                return Err(format!(
                    "PDF-filens sidträd är djupare än {MAX_TREE_DEPTH} nivåer; filen är skadad"
                ));
            }
            chain.push(current);
            let parent = doc
                .get_dictionary(current)
                .ok()
                .and_then(|d| d.get(b"Parent").ok())
                .and_then(|p| p.as_reference().ok());
            match parent {
                Some(parent) => current = parent,
                None => break,
            }
        }
        ends.extend(chain);
    }
    Ok(())
}

fn is_image(stream: &Stream) -> bool {
    stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"Image")
}

/// Empties every image. `pdf-extract` draws an image a page names with `Do`
/// as if it were a figure: it inflates the pixels, outside any budget, and
/// reads them as drawing operators. An image holds no text layer.
fn blank_images(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if is_image(stream) {
                stream.set_plain_content(Vec::new());
            }
        }
    }
}

#[cfg(test)]
mod tests;
