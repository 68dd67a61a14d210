//! PDF: the text layer, page by page, in the order the PDF gives it. A PDF
//! without text (a scan) is an error, never an empty document.
//!
//! The text comes from `pdf-extract`, which is not ours and trusts the file:
//! a page tree whose `/Parent` chain loops makes it spin forever, a figure
//! (Form XObject) that draws itself makes it recurse until the stack ends, and
//! it inflates every stream whole. So the file is checked first, with the
//! parsed objects only: the page tree must end, figures must not draw
//! themselves or nest deeper than [`MAX_FIGURE_DEPTH`], and the streams the
//! text is drawn from (everything but images) may not inflate to more than the
//! size limit together. A panic in the libraries is caught and reported as a
//! broken file. Whatever these checks miss, the reader process's time and
//! memory limits still hold (see `ingest::isolate`).

use std::collections::{HashMap, HashSet};
use std::io::Read as _;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{Extracted, Read};

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
    check_page_tree(&doc)?;
    check_figures(&doc)?;
    check_inflated_size(&doc, limit)?;
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

/// The figures (Form XObjects) a resource dictionary names.
fn figures_of(doc: &Document, resources: &Dictionary) -> Vec<ObjectId> {
    let Some(xobjects) = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| doc.dereference(x).ok())
        .and_then(|(_, x)| x.as_dict().ok())
    else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, o)| o.as_reference().ok())
        .filter(|&id| {
            matches!(doc.objects.get(&id), Some(Object::Stream(s))
                if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form"))
        })
        .collect()
}

/// No figure draws itself, directly or through others, and none nest deeper
/// than [`MAX_FIGURE_DEPTH`]. Walked without recursion.
fn check_figures(doc: &Document) -> Result<(), String> {
    let mut children: HashMap<ObjectId, Vec<ObjectId>> = HashMap::new();
    for (&id, object) in &doc.objects {
        if let Object::Stream(stream) = object {
            let resources = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| doc.dereference(r).ok())
                .and_then(|(_, r)| r.as_dict().ok());
            if let Some(resources) = resources {
                children.insert(id, figures_of(doc, resources));
            }
        }
    }
    // Depth-first, colouring: on the path (grey) or done (black).
    let mut done: HashSet<ObjectId> = HashSet::new();
    for &root in children.keys() {
        if done.contains(&root) {
            continue;
        }
        let mut path: Vec<(ObjectId, usize)> = vec![(root, 0)];
        let mut on_path: HashSet<ObjectId> = HashSet::from([root]);
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let kids = children.get(&node).map_or(&[][..], Vec::as_slice);
            let Some(&child) = kids.get(*next) else {
                path.pop();
                on_path.remove(&node);
                done.insert(node);
                continue;
            };
            *next += 1;
            if on_path.contains(&child) {
                return Err(
                    "PDF-filen har en figur (Form XObject) som ritar sig själv; filen är \
                     skadad eller konstruerad för att krascha läsningen"
                        .to_string(),
                );
            }
            if done.contains(&child) {
                continue;
            }
            if path.len() >= MAX_FIGURE_DEPTH {
                return Err(format!(
                    "PDF-filens figurer är nästlade djupare än {MAX_FIGURE_DEPTH} nivåer; \
                     filen är skadad"
                ));
            }
            path.push((child, 0));
            on_path.insert(child);
        }
    }
    Ok(())
}

/// The compressed streams the text is read from (all but images) inflate to
/// at most `limit` bytes together. Counted as they inflate, never held.
fn check_inflated_size(doc: &Document, limit: u64) -> Result<(), String> {
    let mut total: u64 = 0;
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        let flate = stream
            .filters()
            .is_ok_and(|f| f.first().is_some_and(|&f| f == b"FlateDecode"));
        if is_image || !flate {
            continue;
        }
        let left = limit.saturating_sub(total);
        let inflated = std::io::copy(
            &mut flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(left + 1),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        total += inflated;
        if total > limit {
            return Err(format!(
                "PDF-filen packas upp till mer än gränsen {} MB (ändra med --max-storlek); \
                 den är troligen skadad eller konstruerad för att fylla minnet",
                limit / 1_000_000
            ));
        }
    }
    Ok(())
}
