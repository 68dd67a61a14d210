//! Word documents (`.docx`): paragraphs in order, heading styles (Rubrik 1,
//! Heading 1, Title …) as headings, table rows as lines, and `Label: value`
//! lines in headers and footers (Beslutsdatum, Handläggare …) as metadata.
//! Footnotes and endnotes follow the body under `## Fotnoter`, one paragraph
//! per note, and parts inserted with `w:altChunk` (HTML, text, docx) are read
//! in their place.
//!
//! What Word does not show is not read: deleted text, the source of a tracked
//! move, the fallback copy of a text box (`mc:Fallback`) and runs hidden with
//! `w:vanish`, directly or by their character or paragraph style. The number
//! of hidden characters left out (whitespace not counted) is the metadata
//! `dold_text`.
//!
//! A docx is a zip of XML parts. Every part is read through a limit so that a
//! file that expands far beyond its size (a zip bomb) is refused, and the XML
//! is read as a stream of events, so deep nesting costs no stack. A part that
//! is not well-formed (cut off, elements left open, end tags that do not
//! match) makes the whole file an error, never a partial document.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read as _};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Blocks, Extracted, Read};
use crate::ingest::encoding;
use crate::ingest::metadata::header_metadata;

mod text;

use text::*;

const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const NOTES: [&str; 2] = ["word/footnotes.xml", "word/endnotes.xml"];

/// How deep Word documents inserted with `w:altChunk` may nest: a document
/// may insert a docx, which may not insert another.
const MAX_CHUNK_NESTING: usize = 1;

/// Reads a docx.
pub fn extract(bytes: &[u8], limit: u64) -> Read {
    let mut budget = limit;
    let docx = read(bytes, &mut budget, 0)?;
    let mut metadata = header_metadata(
        docx.fields
            .iter()
            .filter_map(|line| line.split_once(':'))
            .map(|(label, value)| (label.trim(), value.trim())),
    );
    if docx.hidden > 0 {
        metadata.insert("dold_text", &docx.hidden.to_string());
    }
    Ok(Extracted {
        text: docx.text,
        encoding: "docx",
        metadata,
        ..Extracted::default()
    })
}

/// A docx as read: its layout text, the lines of its headers and footers,
/// and how many hidden characters were left out.
struct Docx {
    text: String,
    fields: Vec<String>,
    hidden: usize,
}

/// The text being built, and the hidden characters left out of it.
#[derive(Default)]
struct Out {
    blocks: Blocks,
    hidden: usize,
}

/// Reads a docx whose parts may expand to `budget` bytes in all; `nesting`
/// is how deep it is inserted in another docx.
fn read(bytes: &[u8], budget: &mut u64, nesting: usize) -> Result<Docx, String> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!(
            "Word-filen är trasig eller avklippt: den är ingen giltig zip-fil (teknisk orsak: {e})"
        )
    })?;
    let mut package = Package {
        zip,
        budget,
        nesting,
    };
    let document = package
        .xml(DOCUMENT)?
        .ok_or("Word-filen saknar sin huvuddel (word/document.xml); är den trasig?")?;
    let styles = match package.xml(STYLES)? {
        Some(xml) => styles(&xml)?,
        None => Styles::default(),
    };
    let mut out = Out::default();
    let fields = package.header_lines(&styles, &mut out.hidden)?;
    let body = blocks(DOCUMENT, &document, &styles)?;
    package.append(DOCUMENT, body, &mut out)?;
    package.notes(&styles, &mut out)?;
    Ok(Docx {
        text: out.blocks.text,
        fields,
        hidden: out.hidden,
    })
}

/// The zip of a docx and what is left of the limit its parts may expand to.
struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: &'a mut u64,
    nesting: usize,
}

impl Package<'_> {
    /// The bytes of a part, read through what is left of the limit; none
    /// when the part is missing.
    fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(unpack_error(name, e)),
        };
        let too_large = || {
            "Word-filen packas upp till mer än storleksgränsen (en zip-bomb?); \
             höj --max-storlek om filen är äkta"
                .to_string()
        };
        if file.size() > *self.budget {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        file.take(*self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unpack_error(name, e))?;
        if bytes.len() as u64 > *self.budget {
            return Err(too_large());
        }
        *self.budget -= bytes.len() as u64;
        Ok(Some(bytes))
    }

    /// The text of an XML part; none when the part is missing.
    fn xml(&mut self, name: &str) -> Result<Option<String>, String> {
        self.bytes(name)?
            .map(|bytes| {
                String::from_utf8(bytes)
                    .map_err(|_| format!("Word-filen är trasig: delen {name} är inte UTF-8"))
            })
            .transpose()
    }

    /// The paragraphs of the headers and footers, as lines.
    fn header_lines(&mut self, styles: &Styles, hidden: &mut usize) -> Result<Vec<String>, String> {
        let names: Vec<String> = self
            .zip
            .file_names()
            .filter(|n| {
                (n.starts_with("word/header") || n.starts_with("word/footer"))
                    && n.ends_with(".xml")
            })
            .map(str::to_string)
            .collect();
        let mut lines = Vec::new();
        for name in names {
            if let Some(xml) = self.xml(&name)? {
                let part = blocks(&name, &xml, styles)?;
                *hidden += part.hidden;
                lines.extend(part.blocks.into_iter().filter_map(|block| match block {
                    Block::Paragraph(_, text) => Some(text),
                    Block::Chunk(_) => None,
                }));
            }
        }
        Ok(lines)
    }

    /// Footnotes and endnotes, under one heading.
    fn notes(&mut self, styles: &Styles, out: &mut Out) -> Result<(), String> {
        let mut heading = false;
        for name in NOTES {
            let Some(xml) = self.xml(name)? else {
                continue;
            };
            let part = blocks(name, &xml, styles)?;
            if !heading && part.has_text() {
                out.blocks.heading(2, "Fotnoter");
                heading = true;
            }
            self.append(name, part, out)?;
        }
        Ok(())
    }

    /// Adds the blocks of part `name` to the text, reading the parts its
    /// altChunks insert in their place.
    fn append(&mut self, name: &str, part: Part, out: &mut Out) -> Result<(), String> {
        out.hidden += part.hidden;
        let mut relationships = None;
        for block in part.blocks {
            match block {
                Block::Paragraph(Some(level), text) => out.blocks.heading(level, &text),
                Block::Paragraph(None, text) => out.blocks.paragraph(&text),
                Block::Chunk(id) => {
                    if relationships.is_none() {
                        relationships = Some(self.relationships(name)?);
                    }
                    let target = relationships.as_ref().and_then(|r| r.get(&id)).cloned();
                    let (text, hidden) = self.chunk(name, &id, target)?;
                    out.hidden += hidden;
                    for paragraph in text.split("\n\n") {
                        out.blocks.paragraph(paragraph);
                    }
                }
            }
        }
        Ok(())
    }

    /// The targets of the relationships of part `name`, by id, as part names
    /// in the zip; `None` for an external target.
    fn relationships(&mut self, name: &str) -> Result<HashMap<String, Option<String>>, String> {
        let (dir, file) = name.rsplit_once('/').unwrap_or(("", name));
        let rels = format!("{dir}/_rels/{file}.rels");
        let mut targets = HashMap::new();
        let Some(xml) = self.xml(&rels)? else {
            return Ok(targets);
        };
        read_xml(&rels, &xml, |event, _| {
            if let Event::Start(e) | Event::Empty(e) = event {
                if let (b"Relationship", Some(id), Some(target)) = (
                    e.local_name().as_ref(),
                    attribute(&e, b"Id"),
                    attribute(&e, b"Target"),
                ) {
                    let external = attribute(&e, b"TargetMode").as_deref() == Some("External");
                    targets.insert(id, (!external).then(|| resolve(dir, &target)));
                }
            }
            Ok(())
        })?;
        Ok(targets)
    }

    /// The layout text of the part an altChunk of part `name` inserts, and
    /// its hidden characters.
    fn chunk(
        &mut self,
        name: &str,
        id: &str,
        target: Option<Option<String>>,
    ) -> Result<(String, usize), String> {
        let missing = |what: &str| {
            format!(
                "Word-filen är trasig: delen {name} infogar en annan del ({what}) som saknas i filen"
            )
        };
        let target = target.flatten().ok_or_else(|| missing(id))?;
        let bytes = self.bytes(&target)?.ok_or_else(|| missing(&target))?;
        let unreadable = |reason: String| {
            format!("Word-filen går inte att läsa: den infogade delen {target} {reason}")
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok((String::new(), 0));
        }
        let extension = target
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "html" | "htm" | "xhtml" => super::html::text_and_hidden(&bytes),
            "txt" | "text" => encoding::decode(&bytes).map(|d| (encoding::normalise(d.text), 0)),
            "docx" | "docm" if self.nesting < MAX_CHUNK_NESTING => {
                read(&bytes, self.budget, self.nesting + 1).map(|d| (d.text, d.hidden))
            }
            "docx" | "docm" => {
                return Err(unreadable(
                    "är ett Word-dokument infogat i ett infogat Word-dokument".to_string(),
                ));
            }
            _ => {
                return Err(unreadable(
                    "är i ett format som granska inte läser; spara om dokumentet i Word \
                     så att texten blir en del av det"
                        .to_string(),
                ));
            }
        }
        .map_err(|e| unreadable(format!("kunde inte läsas ({e})")))
    }
}

fn unpack_error(name: &str, e: impl std::fmt::Display) -> String {
    format!("Word-filen är trasig: delen {name} går inte att packa upp (teknisk orsak: {e})")
}

/// The part name of a relationship target: relative to the folder `dir` of
/// the part, or to the package root when it starts with `/`.
fn resolve(dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let (base, target) = match target.strip_prefix('/') {
        Some(absolute) => ("", absolute),
        None => (dir, target),
    };
    for segment in base.split('/').chain(target.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// The value of attribute `w:val` (any prefix) of an element.
fn val(e: &BytesStart) -> Option<String> {
    attribute(e, b"val")
}

/// Whether an on/off property (`w:vanish`) is on: it is unless its value
/// says off.
fn on(e: &BytesStart) -> bool {
    !matches!(
        val(e).as_deref().map(str::trim),
        Some("0" | "false" | "off")
    )
}

/// The value of an attribute by its local name (any prefix).
fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Reads part `name` as XML events, each with its depth: an element's own
/// (the root's is 1), the enclosing element's for anything else. A part that
/// is not well-formed — cut off, elements left open, end tags that do not
/// match, not exactly one root element — is an error naming the part.
fn read_xml(
    name: &str,
    xml: &str,
    mut each: impl FnMut(Event<'_>, usize) -> Result<(), quick_xml::Error>,
) -> Result<(), String> {
    let broken = |reason: &str| {
        format!("Word-filen är trasig: delen {name} är avklippt eller har felaktig XML ({reason})")
    };
    let technical = |e: quick_xml::Error| broken(&format!("teknisk orsak: {e}"));
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.allow_unmatched_ends = false;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = reader.read_event().map_err(technical)?;
        if depth == 0 {
            match &event {
                Event::Start(_) | Event::Empty(_) if roots > 0 => {
                    return Err(broken("mer än ett rotelement"));
                }
                Event::Start(_) | Event::Empty(_) => roots += 1,
                Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(broken("text utanför rotelementet"));
                }
                Event::Eof if roots == 0 => return Err(broken("delen saknar innehåll")),
                _ => {}
            }
        }
        match event {
            Event::Eof if depth > 0 => {
                return Err(broken(&format!(
                    "{depth} element är inte avslutade där delen tar slut"
                )));
            }
            Event::Eof => return Ok(()),
            Event::Start(_) => {
                depth += 1;
                each(event, depth)
            }
            Event::Empty(_) => each(event, depth + 1),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                each(event, depth + 1)
            }
            _ => each(event, depth),
        }
        .map_err(technical)?;
    }
}

/// The paragraph styles that are headings, by id, and the styles whose text
/// is hidden (`w:vanish` in their own `w:rPr`; what they are based on is not
/// followed).
#[derive(Debug, Default)]
struct Styles {
    headings: HashMap<String, usize>,
    hidden: HashSet<String>,
}

/// The styles of `word/styles.xml`. A heading style is known by its name
/// (`heading 1`, `Rubrik 1`, `Title`/`Rubrik`) or its id (`Heading1`).
fn styles(xml: &str) -> Result<Styles, String> {
    let mut styles = Styles::default();
    let mut current: Option<String> = None;
    // In the run properties of a style (`w:styles/w:style/w:rPr`).
    let mut properties = false;
    read_xml(STYLES, xml, |event, depth| {
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    current = attribute(e, b"styleId");
                    if let Some(id) = &current {
                        if let Some(level) = heading_level(id) {
                            styles.headings.insert(id.clone(), level);
                        }
                    }
                }
                b"name" => {
                    if let (Some(id), Some(level)) =
                        (current.clone(), val(e).as_deref().and_then(heading_level))
                    {
                        styles.headings.insert(id, level);
                    }
                }
                b"rPr" => properties = depth == 3 && matches!(event, Event::Start(_)),
                b"vanish" if properties && depth == 4 && on(e) => {
                    styles.hidden.extend(current.clone());
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"rPr" => properties = false,
                b"style" => current = None,
                _ => {}
            },
            _ => {}
        }
        Ok(())
    })?;
    Ok(styles)
}

/// The heading level a style name or id stands for.
fn heading_level(name: &str) -> Option<usize> {
    let name = name.to_lowercase();
    let name = name.trim();
    if matches!(name, "title" | "rubrik" | "titel") {
        return Some(1);
    }
    let rest = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("rubrik"))?;
    let level: usize = rest.trim().parse().ok()?;
    (1..=6).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests;
