//! Word documents (`.docx`): paragraphs in order, heading styles (Rubrik 1,
//! Heading 1, Title …) as headings, table rows as lines, and `Label: value`
//! lines in headers and footers (Beslutsdatum, Handläggare …) as metadata.
//!
//! A docx is a zip of XML parts. Every part is read through a limit so that a
//! file that expands far beyond its size (a zip bomb) is refused, and the XML
//! is read as a stream of events, so deep nesting costs no stack.

use std::collections::HashMap;
use std::io::{Cursor, Read as _};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Blocks, Extracted, Read};
use crate::ingest::metadata::header_metadata;

/// Reads a docx.
pub fn extract(bytes: &[u8], limit: u64) -> Read {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!(
            "Word-filen är trasig eller avklippt: den är ingen giltig zip-fil (teknisk orsak: {e})"
        )
    })?;
    let mut budget = limit;
    let document = part(&mut zip, "word/document.xml", &mut budget)?
        .ok_or("Word-filen saknar sin huvuddel (word/document.xml); är den trasig?")?;
    let styles = match part(&mut zip, "word/styles.xml", &mut budget)? {
        Some(xml) => heading_styles(&xml)?,
        None => HashMap::new(),
    };
    let mut fields = Vec::new();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| {
            (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
        })
        .map(str::to_string)
        .collect();
    for name in names {
        if let Some(xml) = part(&mut zip, &name, &mut budget)? {
            fields.extend(paragraphs(&xml, &styles)?.into_iter().map(|(_, text)| text));
        }
    }
    let mut blocks = Blocks::default();
    for (level, text) in paragraphs(&document, &styles)? {
        match level {
            Some(level) => blocks.heading(level, &text),
            None => blocks.paragraph(&text),
        }
    }
    let metadata = header_metadata(
        fields
            .iter()
            .filter_map(|line| line.split_once(':'))
            .map(|(label, value)| (label.trim(), value.trim())),
    );
    Ok(Extracted {
        text: blocks.text,
        encoding: "docx",
        metadata,
        ..Extracted::default()
    })
}

/// The text of a part, read through what is left of the limit; none when
/// the part is missing.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(format!(
                "Word-filen är trasig: delen {name} går inte att packa upp (teknisk orsak: {e})"
            ));
        }
    };
    let too_large = || {
        "Word-filen packas upp till mer än storleksgränsen (en zip-bomb?); \
         höj --max-storlek om filen är äkta"
            .to_string()
    };
    if file.size() > *budget {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(*budget + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            format!(
                "Word-filen är trasig: delen {name} går inte att packa upp (teknisk orsak: {e})"
            )
        })?;
    if bytes.len() as u64 > *budget {
        return Err(too_large());
    }
    *budget -= bytes.len() as u64;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("Word-filen är trasig: delen {name} är inte UTF-8"))
}

/// The value of attribute `w:val` (any prefix) of an element.
fn val(e: &BytesStart) -> Option<String> {
    attribute(e, b"val")
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

fn xml_error(e: impl std::fmt::Display) -> String {
    format!("Word-filen har felaktig XML och går inte att läsa (teknisk orsak: {e})")
}

/// Heading level of each paragraph style that is a heading: by its name
/// (`heading 1`, `Rubrik 1`, `Title`/`Rubrik`) or its id (`Heading1`).
fn heading_styles(xml: &str) -> Result<HashMap<String, usize>, String> {
    let mut reader = Reader::from_str(xml);
    let mut styles = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    current = attribute(&e, b"styleId");
                    if let Some(id) = &current {
                        if let Some(level) = heading_level(id) {
                            styles.insert(id.clone(), level);
                        }
                    }
                }
                b"name" => {
                    if let (Some(id), Some(level)) =
                        (current.clone(), val(&e).as_deref().and_then(heading_level))
                    {
                        styles.insert(id, level);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
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

/// The paragraphs of a part in order: heading level (if a heading) and text.
/// A table row is one paragraph with `|` between its cells.
fn paragraphs(
    xml: &str,
    styles: &HashMap<String, usize>,
) -> Result<Vec<(Option<usize>, String)>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut text = String::new();
    let mut level: Option<usize> = None;
    let mut in_text = false;
    // Open tables: the cells of the current row of each.
    let mut tables: Vec<Vec<String>> = Vec::new();
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"tbl" => tables.push(Vec::new()),
                b"tr" => {
                    if let Some(row) = tables.last_mut() {
                        row.clear();
                    }
                }
                b"tc" => {
                    if let Some(row) = tables.last_mut() {
                        row.push(String::new());
                    }
                }
                b"pStyle" => level = val(&e).and_then(|s| styles.get(&s).copied()),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"pStyle" => level = val(&e).and_then(|s| styles.get(&s).copied()),
                b"tab" => text.push('\t'),
                b"br" | b"cr" => text.push(' '),
                _ => {}
            },
            Event::Text(t) if in_text => {
                text.push_str(&t.decode().map_err(xml_error)?);
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Some(s) = r
                    .decode()
                    .ok()
                    .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                {
                    text.push_str(s);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let paragraph = std::mem::take(&mut text);
                    match tables.last_mut() {
                        // Paragraphs in a cell make up the cell.
                        Some(row) => {
                            if let Some(cell) = row.last_mut() {
                                if !cell.is_empty() {
                                    cell.push(' ');
                                }
                                cell.push_str(paragraph.trim());
                            }
                        }
                        None => out.push((level.take(), paragraph)),
                    }
                    level = None;
                }
                b"tr" => {
                    if let Some(row) = tables.last_mut() {
                        let line = row
                            .iter()
                            .map(|c| c.trim())
                            .filter(|c| !c.is_empty())
                            .collect::<Vec<_>>()
                            .join(" | ");
                        row.clear();
                        if tables.len() == 1 {
                            out.push((None, line));
                        } else if let Some(outer) = tables.iter_mut().rev().nth(1) {
                            if let Some(cell) = outer.last_mut() {
                                cell.push(' ');
                                cell.push_str(&line);
                            }
                        }
                    }
                }
                b"tbl" => {
                    tables.pop();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}
