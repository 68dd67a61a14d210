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

/// A resource dictionary and the object that holds it: the dictionary's own
/// object, or the page or figure it is written in.
type Scope<'a> = (ObjectId, &'a Dictionary);

/// The resources `dict` (of the object `owner`) names, if any.
fn resources_in<'a>(doc: &'a Document, owner: ObjectId, dict: &'a Dictionary) -> Option<Scope<'a>> {
    let (id, resources) = doc.dereference(dict.get(b"Resources").ok()?).ok()?;
    Some((id.unwrap_or(owner), resources.as_dict().ok()?))
}

/// A page's resources, its own or inherited through `/Parent` (whose chain
/// [`check_page_tree`] has bounded).
fn page_resources(doc: &Document, page: ObjectId) -> Option<Scope<'_>> {
    let mut node = page;
    for _ in 0..=MAX_TREE_DEPTH {
        let dict = doc.get_dictionary(node).ok()?;
        if let Some(scope) = resources_in(doc, node, dict) {
            return Some(scope);
        }
        node = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

/// A figure's own resources, if it has any.
fn figure_resources(doc: &Document, figure: ObjectId) -> Option<Scope<'_>> {
    match doc.objects.get(&figure) {
        Some(Object::Stream(stream)) => resources_in(doc, figure, &stream.dict),
        _ => None,
    }
}

/// The XObjects a resource dictionary names.
fn xobjects<'a>(doc: &'a Document, resources: &'a Dictionary) -> Option<&'a Dictionary> {
    let (_, xobjects) = doc.dereference(resources.get(b"XObject").ok()?).ok()?;
    xobjects.as_dict().ok()
}

/// The figure an XObject entry names: any stream but an image, since
/// `pdf-extract` draws whatever `Do` names as a figure.
fn figure(doc: &Document, entry: &Object) -> Option<ObjectId> {
    match doc.dereference(entry) {
        Ok((Some(id), Object::Stream(stream))) if !is_image(stream) => Some(id),
        _ => None,
    }
}

/// A stream's bytes as `pdf-extract` reads them: decoded, or as they are
/// when lopdf cannot decode them.
fn decoded(stream: &Stream) -> Vec<u8> {
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

/// The names a figure's content draws with `Do`, read as `pdf-extract` reads
/// them.
fn drawn_names(stream: &Stream) -> Vec<Vec<u8>> {
    let Ok(content) = Content::decode(&decoded(stream)) else {
        return Vec::new();
    };
    let mut names: Vec<Vec<u8>> = content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A page or figure on the walk in [`check_figures`]: the resources it draws
/// with and the figures it may draw with them.
struct Frame<'a> {
    id: ObjectId,
    scope: Scope<'a>,
    children: Vec<ObjectId>,
    next: usize,
    /// The most levels of figures below it found so far.
    below: usize,
}

impl<'a> Frame<'a> {
    /// `names` are those the figure draws, when known; else it may draw
    /// every figure its resources name.
    fn new(doc: &'a Document, id: ObjectId, scope: Scope<'a>, names: Option<&[Vec<u8>]>) -> Self {
        let xobjects = xobjects(doc, scope.1);
        let children = match (xobjects, names) {
            (None, _) => Vec::new(),
            (Some(xobjects), None) => xobjects
                .iter()
                .filter_map(|(_, o)| figure(doc, o))
                .collect(),
            (Some(xobjects), Some(names)) => names
                .iter()
                .filter_map(|n| figure(doc, xobjects.get(n).ok()?))
                .collect(),
        };
        Frame {
            id,
            scope,
            children,
            next: 0,
            below: 0,
        }
    }

    /// The figure or page with the resources it draws with.
    fn node(&self) -> (ObjectId, ObjectId) {
        (self.id, self.scope.0)
    }
}

/// The figures (Form XObjects) the pages draw, once no figure draws itself,
/// directly or through others, and none nest deeper than
/// [`MAX_FIGURE_DEPTH`]. As in `pdf-extract`, a figure without resources of
/// its own draws with those of whatever draws it, so what is walked is a
/// figure together with the resources in force. A figure is taken to draw
/// every figure its own resources name; one without resources (which would
/// then seem to draw itself) is read for the names it does draw, when
/// `scans` knows its size. Walked without recursion; a figure met again with
/// the same resources is not walked again, but counts as deep as it was.
fn check_figures(
    doc: &Document,
    scans: &HashMap<ObjectId, Scan>,
) -> Result<HashSet<ObjectId>, String> {
    let mut figures: HashSet<ObjectId> = HashSet::new();
    let mut drawn: HashMap<ObjectId, Vec<Vec<u8>>> = HashMap::new();
    let too_deep = || {
        format!(
            "PDF-filens figurer är nästlade djupare än {MAX_FIGURE_DEPTH} nivåer; \
             filen är skadad"
        )
    };
    // Depth-first from each page, colouring: on the path (grey) or done
    // (black, with its levels: itself and the most below it).
    let mut done: HashMap<(ObjectId, ObjectId), usize> = HashMap::new();
    for page in doc.page_iter() {
        let Some(scope) = page_resources(doc, page) else {
            continue;
        };
        let root = Frame::new(doc, page, scope, None);
        let mut on_path = HashSet::from([root.node()]);
        let mut path = vec![root];
        while let Some(frame) = path.last_mut() {
            let Some(&child) = frame.children.get(frame.next) else {
                let (node, levels) = (frame.node(), frame.below + 1);
                path.pop();
                on_path.remove(&node);
                done.insert(node, levels);
                if let Some(parent) = path.last_mut() {
                    parent.below = parent.below.max(levels);
                }
                continue;
            };
            frame.next += 1;
            let own = figure_resources(doc, child);
            let scope = own.unwrap_or(frame.scope);
            let node = (child, scope.0);
            if on_path.contains(&node) {
                return Err(
                    "PDF-filen har en figur (Form XObject) som ritar sig själv; filen är \
                     skadad eller konstruerad för att krascha läsningen"
                        .to_string(),
                );
            }
            // The page is the path's first step; the figures follow it.
            if let Some(&levels) = done.get(&node) {
                if path.len() + levels - 1 > MAX_FIGURE_DEPTH {
                    return Err(too_deep());
                }
                if let Some(frame) = path.last_mut() {
                    frame.below = frame.below.max(levels);
                }
                continue;
            }
            if path.len() > MAX_FIGURE_DEPTH {
                return Err(too_deep());
            }
            let names = match (own, doc.objects.get(&child)) {
                (None, Some(Object::Stream(stream))) if scans.contains_key(&child) => Some(
                    drawn
                        .entry(child)
                        .or_insert_with(|| drawn_names(stream))
                        .as_slice(),
                ),
                _ => None,
            };
            figures.insert(child);
            on_path.insert(node);
            path.push(Frame::new(doc, child, scope, names));
        }
    }
    Ok(figures)
}

/// What a stream holds once decoded as lopdf decodes it for `pdf-extract`.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    /// The decoded size in bytes (at most; exact unless a predictor follows).
    len: u64,
    /// Whether a `'` or `"` byte occurs: without one there is no quote
    /// operator to rewrite.
    quotes: bool,
}

/// The bytes a decoding stage makes: counted, looked through for quotes, and
/// kept only when another stage reads them.
#[derive(Default)]
struct Probe {
    scan: Scan,
    kept: Option<Vec<u8>>,
}

impl Probe {
    fn of(bytes: &[u8]) -> Scan {
        let mut probe = Probe::default();
        probe.see(bytes);
        probe.scan
    }

    fn see(&mut self, bytes: &[u8]) {
        self.scan.len += bytes.len() as u64;
        self.scan.quotes |= memchr::memchr2(b'\'', b'"', bytes).is_some();
        if let Some(kept) = &mut self.kept {
            kept.extend_from_slice(bytes);
        }
    }
}

impl Write for Probe {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.see(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Inflates `input` into `probe`, at most `cap` bytes, the way lopdf does:
/// what inflates before an error counts (lopdf keeps it), and a zlib stream
/// that yields nothing is tried again as raw deflate after its header.
fn inflate(input: &[u8], cap: u64, probe: &mut Probe) {
    let zlib = std::io::copy(&mut flate2::read::ZlibDecoder::new(input).take(cap), probe);
    if zlib.is_err() && probe.scan.len == 0 && input.len() > 2 {
        let _ = std::io::copy(
            &mut flate2::read::DeflateDecoder::new(&input[2..]).take(cap),
            probe,
        );
    }
}

/// Decodes `stream` through `filters` as lopdf does, at most `left + 1`
/// bytes made in all, counting every stage's output and keeping only what the
/// next stage reads. Returns the bytes made and what the stream holds: the
/// raw bytes when lopdf would give up on a filter and use those, and nothing
/// when a stage cannot be measured here (LZW).
fn decode_counted(stream: &Stream, filters: &[&[u8]], left: u64) -> (u64, Option<Scan>) {
    let raw = || Some(Probe::of(&stream.content));
    let mut made: u64 = 0;
    let mut input: Vec<u8> = Vec::new();
    let mut probe = Probe::default();
    for (i, &filter) in filters.iter().enumerate() {
        let from = if i == 0 {
            &stream.content[..]
        } else {
            &input[..]
        };
        probe = Probe {
            scan: Scan::default(),
            kept: (i + 1 < filters.len()).then(Vec::new),
        };
        match filter {
            b"FlateDecode" => inflate(from, left.saturating_sub(made) + 1, &mut probe),
            // At most four bytes for each byte read: bounded by its input.
            b"ASCII85Decode" => {
                let mut dict = Dictionary::new();
                dict.set("Filter", Object::Name(filter.to_vec()));
                match Stream::new(dict, from.to_vec()).decompressed_content() {
                    Ok(bytes) => probe.see(&bytes),
                    Err(_) => return (made, raw()),
                }
            }
            b"LZWDecode" => return (made, None),
            _ => return (made, raw()),
        }
        made += probe.scan.len;
        if made > left {
            return (made, None);
        }
        input = probe.kept.take().unwrap_or_default();
    }
    // A PNG predictor (applied by lopdf after inflating) changes the bytes,
    // never adds to them; what it makes is only known by decoding.
    let predictor = stream
        .dict
        .get(b"DecodeParms")
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"Predictor"))
        .and_then(Object::as_i64)
        .is_ok_and(|p| (10..=15).contains(&p));
    let mut scan = probe.scan;
    if predictor {
        scan.quotes = true;
        scan.len = scan.len.max(stream.content.len() as u64);
    }
    (made, Some(scan))
}

/// The compressed streams (images are empty by now) inflate to at most
/// `limit` bytes together. Counted as they inflate, held only between two
/// filters. Returns what each stream holds, where that is known.
fn check_inflated_size(doc: &Document, limit: u64) -> Result<HashMap<ObjectId, Scan>, String> {
    let mut total: u64 = 0;
    let mut scans = HashMap::new();
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        let (made, scan) = match stream.filters() {
            Ok(filters) => decode_counted(stream, &filters, limit.saturating_sub(total)),
            Err(_) => (0, Some(Probe::of(&stream.content))),
        };
        total = total.saturating_add(made);
        if total > limit {
            return Err(format!(
                "PDF-filen packas upp till mer än gränsen {} MB (ändra med --max-storlek); \
                 den är troligen skadad eller konstruerad för att fylla minnet",
                limit / 1_000_000
            ));
        }
        if let Some(scan) = scan {
            scans.insert(id, scan);
        }
    }
    Ok(scans)
}

/// What a page's content holds, its streams joined as `pdf-extract` joins
/// them (each decoded, then a newline); None when one of them is not known.
fn page_scan(doc: &Document, page: ObjectId, scans: &HashMap<ObjectId, Scan>) -> Option<Scan> {
    let mut page_scan = Scan::default();
    for id in doc.get_page_contents(page) {
        // Neither lopdf nor pdf-extract reads what is not a stream.
        if doc.get_object(id).and_then(Object::as_stream).is_err() {
            continue;
        }
        let scan = scans.get(&id)?;
        page_scan.len = page_scan.len.saturating_add(scan.len + 1);
        page_scan.quotes |= scan.quotes;
    }
    Some(page_scan)
}

/// `content` with every `'` and `"` written as the operators it stands for,
/// or None when it has none, or cannot be read (`pdf-extract` then meets the
/// same content and decides). Malformed ones are left for `pdf-extract` to
/// skip, as are inline images: they hold no text, and lopdf writes them back
/// in a form it cannot read.
fn without_quote_operators(content: &[u8]) -> Option<Vec<u8>> {
    let operations = Content::decode(content).ok()?.operations;
    if !operations
        .iter()
        .any(|op| op.operator == "'" || op.operator == "\"")
    {
        return None;
    }
    let number = |o: &Object| matches!(o, Object::Integer(_) | Object::Real(_));
    let mut rewritten = Vec::with_capacity(operations.len());
    for op in operations {
        let (spacing, text) = match (op.operator.as_str(), op.operands.as_slice()) {
            ("'", [text @ Object::String(..)]) => (None, text.clone()),
            ("\"", [aw, ac, text @ Object::String(..)]) if number(aw) && number(ac) => {
                (Some((aw.clone(), ac.clone())), text.clone())
            }
            ("BI", _) => continue,
            _ => {
                rewritten.push(op);
                continue;
            }
        };
        if let Some((aw, ac)) = spacing {
            rewritten.push(Operation::new("Tw", vec![aw]));
            rewritten.push(Operation::new("Tc", vec![ac]));
        }
        rewritten.push(Operation::new("T*", vec![]));
        rewritten.push(Operation::new("Tj", vec![text]));
    }
    Content {
        operations: rewritten,
    }
    .encode()
    .ok()
}

/// Rewrites the text operators `pdf-extract` skips into those it reads:
/// `string '` becomes `T* string Tj`, and `aw ac string "` becomes
/// `aw Tw ac Tc T* string Tj`. Only pages and figures whose decoded bytes
/// hold a quote are decoded again, and only those whose operators include
/// one are rewritten. What this decodes stays within `limit`: a page's
/// streams together, and all the rewritten content kept; a page or figure
/// beyond it is left as it is.
fn rewrite_quote_operators(
    doc: &mut Document,
    figures: &HashSet<ObjectId>,
    scans: &HashMap<ObjectId, Scan>,
    limit: u64,
) {
    let mut kept: u64 = 0;
    let mut rewrite = |content: &[u8]| {
        let rewritten = without_quote_operators(content)?;
        let after = kept.saturating_add(rewritten.len() as u64);
        (after <= limit).then(|| {
            kept = after;
            rewritten
        })
    };
    let mut figures: Vec<ObjectId> = figures.iter().copied().collect();
    figures.sort_unstable();
    for id in figures {
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            continue;
        };
        if !scans.get(&id).is_some_and(|s| s.quotes) {
            continue;
        }
        if let Some(rewritten) = rewrite(&decoded(stream)) {
            if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
                stream.set_plain_content(rewritten);
            }
        }
    }
    // The last object number in use, once a page needs a new one; lopdf's
    // own count comes from the trailer, which may lie.
    let mut last: Option<u32> = None;
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    for page in pages {
        let Some(scan) = page_scan(doc, page, scans) else {
            continue;
        };
        if !scan.quotes || scan.len > limit {
            continue;
        }
        let Some(rewritten) = doc.get_page_content(page).ok().and_then(|c| rewrite(&c)) else {
            continue;
        };
        let in_use = *last.get_or_insert_with(|| {
            let numbers = doc.objects.keys().map(|&(n, _)| n);
            numbers.max().unwrap_or(0).max(doc.max_id)
        });
        let Some(number) = in_use.checked_add(1) else {
            continue;
        };
        last = Some(number);
        doc.max_id = number;
        let id = (number, 0);
        doc.objects.insert(
            id,
            Object::Stream(Stream::new(Dictionary::new(), rewritten)),
        );
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.set("Contents", id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::pdf;
    use proptest::prelude::*;

    const LIMIT: u64 = 10_000_000;

    /// The start of every text here: font, leading and the first line.
    const BT: &str = "BT /F1 12 Tf 14 TL 50 750 Td ";

    /// What a figure's dictionary holds besides its resources.
    const FORM: &str = " /Type /XObject /Subtype /Form /BBox [0 0 612 792]";

    /// What an image's dictionary holds.
    const IMAGE: &str = " /Type /XObject /Subtype /Image /Width 4 /Height 4 \
                         /ColorSpace /DeviceGray /BitsPerComponent 8";

    fn stream(data: &[u8], dict: &str) -> Vec<u8> {
        let mut out = format!("<< /Length {}{dict} >>\nstream\n", data.len()).into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream");
        out
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    /// `data` as a stream with `dict`, Flate-compressed when `compressed`.
    fn content(data: &str, compressed: bool, dict: &str) -> Vec<u8> {
        match compressed {
            true => stream(
                &zlib(data.as_bytes()),
                &format!(" /Filter /FlateDecode{dict}"),
            ),
            false => stream(data.as_bytes(), dict),
        }
    }

    /// A figure drawing `data`, with the font and the XObjects `xobjects`
    /// as its own resources, or without resources.
    fn form(data: &str, compressed: bool, xobjects: Option<&str>) -> Vec<u8> {
        let resources = xobjects.map_or(String::new(), |x| {
            format!(" /Resources << /Font << /F1 3 0 R >> /XObject << {x} >> >>")
        });
        content(data, compressed, &format!("{FORM}{resources}"))
    }

    /// A PDF whose pages (objects 10, 11, …) are each `/Contents` and the
    /// XObjects they name, with the font (3) as `/F1`, plus `more`.
    fn document(pages: &[(&str, &str)], more: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
        let kids: String = (10..)
            .take(pages.len())
            .map(|n| format!("{n} 0 R "))
            .collect();
        let font =
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
        let mut objects = vec![
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (
                2,
                format!("<< /Type /Pages /Kids [{kids}] /Count {} >>", pages.len()).into_bytes(),
            ),
            (3, font.as_bytes().to_vec()),
        ];
        for (n, (contents, xobjects)) in (10..).zip(pages) {
            let page = format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << \
                 /F1 3 0 R >> /XObject << {xobjects} >> >> /Contents {contents} >>"
            );
            objects.push((n, page.into_bytes()));
        }
        objects.extend(more);
        pdf(&objects)
    }

    /// A one-page PDF drawing `data`.
    fn page(data: &str, compressed: bool) -> Vec<u8> {
        document(&[("20 0 R", "")], vec![(20, content(data, compressed, ""))])
    }

    /// A one-page PDF drawing `data`, where `/X30` names figure 30 and
    /// `figures` are the figures.
    fn with_figures(data: &str, figures: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
        let mut objects = vec![(20, content(data, false, ""))];
        objects.extend(figures);
        document(&[("20 0 R", "/X30 30 0 R")], objects)
    }

    fn text(bytes: &[u8]) -> String {
        extract(bytes, LIMIT)
            .unwrap_or_else(|e| panic!("not read: {e}"))
            .text
    }

    fn assert_refused(read: Read, because: &str) {
        match read {
            Ok(read) => panic!("read, not refused: {:?}", read.text),
            Err(why) => assert!(why.contains(because), "{why:?} does not say {because:?}"),
        }
    }

    /// `parts` occur in `text`, each after the one before.
    fn assert_in_order(text: &str, parts: &[&str]) {
        let mut rest = text;
        for part in parts {
            let at = rest
                .find(part)
                .unwrap_or_else(|| panic!("{part:?} missing or out of order in {text:?}"));
            rest = &rest[at + part.len()..];
        }
    }

    fn loaded(bytes: &[u8]) -> Document {
        Document::load_mem(bytes).unwrap()
    }

    #[test]
    fn text_shown_with_the_quote_operators_is_read_in_order() {
        let cases: [(&str, &[&str]); 7] = [
            (
                "(Beslut om hemtjanst) ' (Du far stod) '",
                &["Beslut om hemtjanst", "Du far stod"],
            ),
            (
                "0 0 (Beslut om hemtjanst) \" 2 0.5 (Du far stod) \"",
                &["Beslut om hemtjanst", "Du far stod"],
            ),
            (
                "(Rubrik) Tj (Forsta raden) ' (Mer) Tj 1 0 (Andra raden) \" (Slut) Tj",
                &["Rubrik", "Forsta raden", "Mer", "Andra raden", "Slut"],
            ),
            (
                "[(Rub) -20 (rik)] TJ (Forsta) ' [(An) (dra)] TJ 0 0 (Tredje) \"",
                &["Rubrik", "Forsta", "Andra", "Tredje"],
            ),
            (
                "(Rad ett) ' (Rad tva) ' ET BT /F1 12 Tf 14 TL 50 500 Td (Rad tre) ' \
                 0 0 (Rad fyra) \" (Rad fem) '",
                &["Rad ett", "Rad tva", "Rad tre", "Rad fyra", "Rad fem"],
            ),
            ("(Ett)'(Tva)'0 0(Tre)\"", &["Ett", "Tva", "Tre"]),
            (
                "<52616420657474> ' (f\\366r \\(l\\344nge\\)) '",
                &["Rad ett", "för (länge)"],
            ),
        ];
        for (ops, expected) in cases {
            for compressed in [false, true] {
                let text = text(&page(&format!("{BT}{ops} ET"), compressed));
                assert_in_order(&text, expected);
            }
        }
    }

    #[test]
    fn quote_operators_are_written_as_the_operators_they_stand_for() {
        let rewritten = without_quote_operators(b"(a) ' 1 2.5 (b) \" (c) Tj").unwrap();
        assert_eq!(
            String::from_utf8(rewritten).unwrap(),
            "T*\n(a) Tj\n1 Tw\n2.5 Tc\nT*\n(b) Tj\n(c) Tj"
        );
        assert_eq!(without_quote_operators(b"(l'a) Tj [(\"b\")] TJ"), None);
    }

    #[test]
    fn a_page_of_only_quote_operator_text_is_not_taken_for_a_scan() {
        for compressed in [false, true] {
            let first = content(&format!("{BT}(Forsta sidan) ' ET"), compressed, "");
            let second = content(&format!("{BT}0 0 (Andra sidan) \" ET"), compressed, "");
            let bytes = document(
                &[("20 0 R", ""), ("21 0 R", "")],
                vec![(20, first), (21, second)],
            );
            let read = extract(&bytes, LIMIT).unwrap();
            assert_eq!(read.pages.len(), 2);
            assert_in_order(&read.text[read.pages[1]..], &["Andra sidan"]);
            assert_in_order(&read.text, &["Forsta sidan", "Andra sidan"]);
        }
    }

    #[test]
    fn quote_operators_in_an_array_of_content_streams_are_read() {
        // The operands of the `'` that starts stream 21 end stream 20.
        let streams = vec![
            (20, content(&format!("{BT}(Forsta) ' (Andra)"), false, "")),
            (21, content("' 0 0 (Tredje) \"", true, "")),
            (22, content("(Fjarde) Tj ET", false, "")),
            (25, b"[20 0 R 21 0 R 22 0 R]".to_vec()),
        ];
        for contents in [
            "[20 0 R 21 0 R 22 0 R]",
            "25 0 R",
            "[20 0 R 99 0 R 21 0 R 3 0 R 22 0 R]",
        ] {
            let text = text(&document(&[(contents, "")], streams.clone()));
            assert_in_order(&text, &["Forsta", "Andra", "Tredje", "Fjarde"]);
        }
    }

    #[test]
    fn quote_operators_inside_figures_are_read() {
        // The page draws figure 30 (its own resources), which draws the
        // compressed figure 31 (no resources: it draws with figure 30's).
        let bytes = with_figures(
            &format!("{BT}(Sidan) Tj ET /X30 Do {BT}(Efter) ' ET"),
            vec![
                (
                    30,
                    form(
                        &format!("{BT}(Figur ett) ' ET /X31 Do"),
                        false,
                        Some("/X31 31 0 R"),
                    ),
                ),
                (31, form(&format!("{BT}0 0 (Figur tva) \" ET"), true, None)),
            ],
        );
        assert_in_order(&text(&bytes), &["Sidan", "Figur ett", "Figur tva", "Efter"]);
    }

    #[test]
    fn tj_arrays_figures_and_apostrophes_are_read_untouched() {
        let bytes = with_figures(
            &format!("{BT}(l'enfant) Tj [(ett \"citat\") -250 (hos d'Artagnan)] TJ ET /X30 Do"),
            vec![(
                30,
                form(&format!("{BT}(figurens 'egna' ord) Tj ET"), true, Some("")),
            )],
        );
        let mut doc = loaded(&bytes);
        let before = doc.objects.clone();
        prepare(&mut doc, LIMIT).unwrap();
        assert!(doc.objects == before, "nothing is rewritten");
        assert_in_order(
            &text(&bytes),
            &[
                "l'enfant",
                "ett \"citat\"",
                "d'Artagnan",
                "figurens 'egna' ord",
            ],
        );
    }

    #[test]
    fn malformed_quote_operators_cost_only_themselves() {
        let ops = "(Forsta) ' ' 1 (Fel ett) \" /Namn ' (Andra) ' 1 2 3 (Fel tva) \" \
                   (Fel tre) (Fel fyra) ' 0 /a (Fel fem) \" (Tredje) Tj [(Fel sex)] ' \
                   0 0 (Fjarde) \"";
        for compressed in [false, true] {
            let text = text(&page(&format!("{BT}{ops} ET"), compressed));
            assert_in_order(&text, &["Forsta", "Andra", "Tredje", "Fjarde"]);
            assert!(!text.contains("Fel"), "{text:?}");
        }
    }

    #[test]
    fn an_inline_image_does_not_hide_the_text_after_it() {
        // Pixels that read as text, and an image lopdf cannot measure (a
        // filter) whose end it finds by `EI`.
        for image in [
            "BI /W 2 /H 2 /CS /RGB /BPC 8 ID (Bildtext)'\n EI",
            "BI /W 2 /H 2 /CS /RGB /BPC 8 /F /AHx ID 28427429 27 > EI",
        ] {
            for compressed in [false, true] {
                let data = format!("{BT}(Fore) ' ET {image} {BT}(Efter) ' 0 0 (Sist) \" ET");
                let text = text(&page(&data, compressed));
                assert_in_order(&text, &["Fore", "Efter", "Sist"]);
                assert!(!text.contains("Bildtext"), "{text:?}");
            }
        }
    }

    #[test]
    fn a_figure_without_resources_that_draws_itself_is_refused() {
        for compressed in [false, true] {
            // Itself; itself through another figure without resources.
            let alone = vec![(30, form("/X30 Do", compressed, None))];
            let pair = vec![
                (30, form("/X31 Do", compressed, None)),
                (31, form("/X30 Do", compressed, None)),
            ];
            for figures in [alone, pair] {
                let mut objects = vec![(20, content("/X30 Do", false, ""))];
                objects.extend(figures);
                let bytes = document(&[("20 0 R", "/X30 30 0 R /X31 31 0 R")], objects);
                assert_refused(extract(&bytes, LIMIT), "ritar sig själv");
            }
            // Harmless with the first page's resources, drawing itself with
            // the second's.
            let objects = vec![
                (
                    20,
                    content(&format!("{BT}(Sidan) Tj ET /X30 Do"), false, ""),
                ),
                (30, form("/X31 Do", compressed, None)),
                (31, form(&format!("{BT}(Figuren) Tj ET"), compressed, None)),
            ];
            let pages = [
                ("20 0 R", "/X30 30 0 R /X31 31 0 R"),
                ("20 0 R", "/X30 30 0 R /X31 30 0 R"),
            ];
            assert_refused(
                extract(&document(&pages, objects), LIMIT),
                "ritar sig själv",
            );
        }
        // One that draws only text is read, with the page's font.
        let bytes = with_figures(
            &format!("{BT}(Sidan) Tj ET /X30 Do"),
            vec![(30, form(&format!("{BT}(Figuren) ' ET"), true, None))],
        );
        assert_in_order(&text(&bytes), &["Sidan", "Figuren"]);
    }

    #[test]
    fn a_figure_cycle_through_two_figures_is_refused() {
        let bytes = with_figures(
            &format!("{BT}(Sidan) Tj ET /X30 Do"),
            vec![
                (30, form("/X31 Do", false, Some("/X31 31 0 R"))),
                (31, form("/X30 Do", true, Some("/X30 30 0 R"))),
            ],
        );
        assert_refused(extract(&bytes, LIMIT), "ritar sig själv");
    }

    /// A page drawing figure 30, which draws 31, … down to `depth` figures.
    /// The page also names figure `first`, before 30: the walk meets the
    /// figures from there first.
    fn nested_figures(depth: u32, first: Option<u32>) -> Vec<u8> {
        let figures = (30..30 + depth).map(|n| {
            let (draws, names) = match n + 1 < 30 + depth {
                true => (format!("/X{} Do", n + 1), format!("/X{0} {0} 0 R", n + 1)),
                false => (String::new(), String::new()),
            };
            let data = format!("{BT}(Figur {n}) Tj ET {draws}");
            (n, form(&data, n % 2 == 0, Some(&names)))
        });
        let mut objects = vec![(20, content("/X30 Do", false, ""))];
        objects.extend(figures);
        let first = first.map_or(String::new(), |n| format!("/X{n} {n} 0 R "));
        document(&[("20 0 R", &format!("{first}/X30 30 0 R"))], objects)
    }

    #[test]
    fn figures_nested_deeper_than_the_limit_are_refused_and_shallow_ones_read() {
        let deepest = MAX_FIGURE_DEPTH as u32;
        assert_in_order(
            &text(&nested_figures(3, None)),
            &["Figur 30", "Figur 31", "Figur 32"],
        );
        for bytes in [
            nested_figures(deepest, None),
            nested_figures(deepest, Some(60)),
        ] {
            assert_in_order(&text(&bytes), &["Figur 30", "Figur 60", "Figur 93"]);
        }
        // Too deep, also when the walk has met the lower figures before,
        // from a shallower start.
        for (depth, first) in [
            (deepest + 1, None),
            (500, None),
            (90, Some(60)),
            (500, Some(400)),
        ] {
            assert_refused(
                extract(&nested_figures(depth, first), LIMIT),
                "nästlade djupare än 64",
            );
        }
    }

    #[test]
    fn a_page_tree_that_loops_is_refused_quickly() {
        // A page (10) whose parent is `parent`, and nodes `(n, its parent)`.
        let tree = |parent: u32, nodes: &[(u32, Option<u32>)]| {
            let up = |p: Option<u32>| p.map_or(String::new(), |p| format!(" /Parent {p} 0 R"));
            let page = format!(
                "<< /Type /Page{} /MediaBox [0 0 612 792] >>",
                up(Some(parent))
            );
            let mut objects = vec![
                (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
                (2, b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>".to_vec()),
                (10, page.into_bytes()),
            ];
            let nodes = nodes
                .iter()
                .map(|&(n, p)| (n, format!("<< /Type /Pages{} >>", up(p))));
            objects.extend(nodes.map(|(n, node)| (n, node.into_bytes())));
            pdf(&objects)
        };
        // The page and `levels - 1` nodes above it.
        let chain = |levels: u32| -> Vec<(u32, Option<u32>)> {
            let top = 10 + levels;
            (11..top)
                .map(|n| (n, Some(n + 1).filter(|&p| p < top)))
                .collect()
        };
        let levels = MAX_TREE_DEPTH as u32;
        let cases = [
            (tree(10, &[]), "går i ring"),
            (tree(11, &[(11, Some(12)), (12, Some(11))]), "går i ring"),
            (tree(11, &chain(levels + 1)), "djupare än 256 nivåer"),
            // As deep as is read: a page without text.
            (tree(11, &chain(levels)), "saknar textlager"),
        ];
        for (bytes, because) in cases {
            // Unchecked, such a tree is read for ever: wait a minute at most.
            let (answer, answered) = std::sync::mpsc::channel();
            std::thread::spawn(move || answer.send(extract(&bytes, LIMIT)));
            let read = answered.recv_timeout(std::time::Duration::from_secs(60));
            assert_refused(read.expect("refused at once, not read for ever"), because);
        }
    }

    #[test]
    fn a_pdf_without_text_is_called_scanned() {
        let image = vec![(30, content("", false, IMAGE))];
        let cases = [
            page("0 0 m 100 100 l S", false),
            page("", true),
            document(&[("[]", "")], vec![]),
            with_figures("q /X30 Do Q", image),
        ];
        for bytes in cases {
            assert_refused(extract(&bytes, LIMIT), "saknar textlager (inskannad?)");
        }
    }

    /// `megabytes` of spaces after a line of text, Flate-compressed.
    fn bomb(megabytes: usize) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(format!("{BT}(Beslut) Tj ").as_bytes()).unwrap();
        for _ in 0..megabytes {
            z.write_all(&[b' '; 1 << 20]).unwrap();
        }
        z.write_all(b" ET").unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn images_are_never_read_as_drawing_operators() {
        // Pixels that read as text; that draw the image again; that inflate
        // past the limit.
        let cases = [
            stream(format!("{BT}(Bildtext) Tj ET").as_bytes(), IMAGE),
            stream(b"/X30 Do", IMAGE),
            stream(&bomb(11), &format!(" /Filter /FlateDecode{IMAGE}")),
        ];
        for image in cases {
            let bytes = with_figures(&format!("{BT}(Sidtext) Tj ET /X30 Do"), vec![(30, image)]);
            let text = text(&bytes);
            assert_in_order(&text, &["Sidtext"]);
            assert!(
                !text.contains("Bildtext") && !text.contains("Beslut"),
                "{text:?}"
            );
        }
    }

    /// `data` in ASCII85, ended by `~>`.
    fn ascii85(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut group = [0; 4];
            group[..chunk.len()].copy_from_slice(chunk);
            let mut n = u32::from_be_bytes(group);
            let mut digits = [0; 5];
            for digit in digits.iter_mut().rev() {
                *digit = b'!' + (n % 85) as u8;
                n /= 85;
            }
            out.extend_from_slice(&digits[..=chunk.len()]);
        }
        out.extend_from_slice(b"~>");
        out
    }

    #[test]
    fn a_bomb_behind_another_filter_or_a_broken_checksum_is_counted() {
        let data = bomb(12);
        let (mut checksum, mut header) = (data.clone(), data.clone());
        let end = checksum.len() - 4;
        checksum[end..].copy_from_slice(b"\0\0\0\0");
        header[..2].copy_from_slice(b"\x08\x00");
        let cases = [
            stream(&ascii85(&data), " /Filter [/ASCII85Decode /FlateDecode]"),
            stream(&checksum, " /Filter /FlateDecode"),
            stream(&header, " /Filter /FlateDecode"),
        ];
        for contents in cases {
            let bytes = document(&[("20 0 R", "")], vec![(20, contents)]);
            assert_refused(
                extract(&bytes, 10_000_000),
                "packas upp till mer än gränsen 10 MB",
            );
            // Counted as lopdf inflates it: under a larger limit, read.
            assert_in_order(&extract(&bytes, 20_000_000).unwrap().text, &["Beslut"]);
        }
    }

    #[test]
    fn rewriting_stays_within_the_size_limit() {
        let data = |page: u32| {
            let lines: String = (0..20)
                .map(|i| format!("(Sida {page} rad {i}) ' "))
                .collect();
            format!("{BT}{lines}ET")
        };
        let one = without_quote_operators(data(0).as_bytes()).unwrap().len() as u64;
        let streams = (20..23)
            .map(|n| (n, content(&data(n - 20), false, "")))
            .collect();
        let bytes = document(&[("20 0 R", ""), ("21 0 R", ""), ("22 0 R", "")], streams);
        // Room for two pages rewritten, not three: the third is left as it is.
        let limit = 2 * one + one / 2;
        let mut doc = loaded(&bytes);
        prepare(&mut doc, limit).unwrap();
        let contents: Vec<_> = doc.page_iter().map(|p| doc.get_page_contents(p)).collect();
        assert_eq!(contents, [[(23, 0)], [(24, 0)], [(22, 0)]]);
        let kept: usize = [(23, 0), (24, 0)]
            .iter()
            .map(|id| doc.objects[id].as_stream().unwrap().content.len())
            .sum();
        assert!(kept as u64 <= limit, "{kept} > {limit}");
        let text = extract(&bytes, limit).unwrap().text;
        assert_in_order(&text, &["Sida 0 rad 0", "Sida 0 rad 19", "Sida 1 rad 19"]);
        assert!(!text.contains("Sida 2"), "{text:?}");
        // A page larger than the limit by itself is not rewritten at all.
        let mut doc = loaded(&bytes);
        let before = doc.objects.clone();
        prepare(&mut doc, one / 2).unwrap();
        assert!(doc.objects == before);
    }

    /// Read, or refused with a reason in Swedish; never a panic.
    fn read_or_refused(bytes: &[u8]) -> Result<(), TestCaseError> {
        match extract(bytes, LIMIT) {
            Ok(read) => prop_assert!(!read.text.trim().is_empty()),
            Err(why) => prop_assert!(
                why.starts_with("PDF-filen") || why.starts_with("PDF:en"),
                "{why}"
            ),
        }
        Ok(())
    }

    /// Content-stream bytes: arbitrary, or pieces of operators and operands.
    fn content_bytes() -> impl Strategy<Value = Vec<u8>> {
        let pieces = "BT ET /F1 /F9 12 -3.5 0 Tf TL Td T* Tj TJ ' \" (text) (l'a) <4142> [ ] ( ) \
                      Tw Tc q Q /X30 /X31 Do BI /W /H /CS /G /BPC 1 8 ID EI << >> %";
        let piece = prop::sample::select(pieces.split(' ').collect::<Vec<_>>());
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..400),
            prop::collection::vec(piece, 0..60).prop_map(|p| p.join("\n").into_bytes()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_are_read_or_refused_never_a_panic(
            bytes in prop::collection::vec(any::<u8>(), 0..2000),
        ) {
            read_or_refused(&bytes)?;
        }

        #[test]
        fn any_page_content_is_read_or_refused_never_a_panic(
            data in content_bytes(),
            compressed in any::<bool>(),
        ) {
            let data = match compressed {
                true => stream(&zlib(&data), " /Filter /FlateDecode"),
                false => stream(&data, ""),
            };
            let figures = vec![
                (20, data),
                (30, form("(Figur) ' /X31 Do", false, None)),
                (31, stream(b"/X30 Do", IMAGE)),
            ];
            read_or_refused(&document(&[("20 0 R", "/X30 30 0 R /X31 31 0 R")], figures))?;
        }
    }
}
