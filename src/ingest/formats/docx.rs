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

/// A block of a part's text.
#[derive(Debug, PartialEq)]
enum Block {
    /// A paragraph, table row or note: its heading level, if a heading, and
    /// its text.
    Paragraph(Option<usize>, String),
    /// A `w:altChunk`: another part, by relationship id, to read in its place.
    Chunk(String),
}

/// The blocks of a part in order, and how many hidden characters it left out.
#[derive(Debug, Default)]
struct Part {
    blocks: Vec<Block>,
    hidden: usize,
}

impl Part {
    fn has_text(&self) -> bool {
        self.blocks.iter().any(|block| match block {
            Block::Paragraph(_, text) => !text.trim().is_empty(),
            Block::Chunk(_) => true,
        })
    }
}

/// The blocks of part `name`. A table row is one paragraph with `|` between
/// its cells, a footnote or endnote one paragraph.
fn blocks(name: &str, xml: &str, styles: &Styles) -> Result<Part, String> {
    let mut text = TextReader::new(styles);
    read_xml(name, xml, |event, depth| text.event(event, depth))?;
    Ok(text.finish())
}

/// The paragraph being read: its text, heading level and whether its style
/// hides its text.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    level: Option<usize>,
    hidden: bool,
}

/// An open run: its depth and whether its text is hidden.
#[derive(Debug)]
struct Run {
    depth: usize,
    hidden: bool,
}

/// Reads the text of a part from its events, each step constant time.
struct TextReader<'a> {
    styles: &'a Styles,
    part: Part,
    paragraph: Paragraph,
    /// The paragraphs that hold open text boxes, innermost last.
    boxes: Vec<Paragraph>,
    /// Whether the reading is in a `w:t`.
    in_text: bool,
    /// Open tables: the cells of the current row of each.
    tables: Vec<Vec<String>>,
    /// Open runs, innermost last (a text box's runs are in a run).
    runs: Vec<Run>,
    /// The depth of the properties (`w:rPr`) of the innermost run, while
    /// they are read.
    run_properties: Option<usize>,
    /// Open `mc:AlternateContent`: whether a choice of each has been read.
    alternates: Vec<bool>,
    /// The depth of an element whose content is not read (`w:del`,
    /// `w:moveFrom`, `mc:Fallback` …), while it is open.
    skip: Option<usize>,
    /// Where the open footnote or endnote begins in the blocks.
    note: Option<usize>,
}

impl<'a> TextReader<'a> {
    fn new(styles: &'a Styles) -> Self {
        TextReader {
            styles,
            part: Part::default(),
            paragraph: Paragraph::default(),
            boxes: Vec::new(),
            in_text: false,
            tables: Vec::new(),
            runs: Vec::new(),
            run_properties: None,
            alternates: Vec::new(),
            skip: None,
            note: None,
        }
    }

    fn event(&mut self, event: Event<'_>, depth: usize) -> Result<(), quick_xml::Error> {
        if let Some(skip) = self.skip {
            if skip == depth && matches!(event, Event::End(_)) {
                self.skip = None;
            }
            return Ok(());
        }
        match event {
            Event::Start(e) => self.start(&e, depth, false),
            Event::Empty(e) => self.start(&e, depth, true),
            Event::End(e) => self.end(e.local_name().as_ref(), depth),
            Event::Text(t) if self.in_text => self.text(&t.decode()?),
            Event::CData(t) if self.in_text => self.text(&t.decode()?),
            Event::GeneralRef(r) if self.in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    self.text(c.encode_utf8(&mut [0; 4]));
                } else if let Some(s) = r
                    .decode()
                    .ok()
                    .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                {
                    self.text(s);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, depth: usize, empty: bool) {
        match e.local_name().as_ref() {
            b"t" => self.in_text = !empty,
            b"tab" => self.mark("\t"),
            b"br" | b"cr" => self.mark(" "),
            b"pStyle" => {
                let style = val(e).unwrap_or_default();
                self.paragraph.level = self.styles.headings.get(&style).copied();
                self.paragraph.hidden = self.styles.hidden.contains(&style);
            }
            b"rStyle"
                if self.in_run_properties(depth)
                    && val(e).is_some_and(|style| self.styles.hidden.contains(&style)) =>
            {
                self.set_run_hidden(true);
            }
            b"vanish" if self.in_run_properties(depth) => self.set_run_hidden(on(e)),
            b"altChunk" => {
                let id = attribute(e, b"id").unwrap_or_default();
                self.part.blocks.push(Block::Chunk(id));
            }
            _ if empty => {}
            b"tbl" => self.tables.push(Vec::new()),
            b"tr" => {
                if let Some(row) = self.tables.last_mut() {
                    row.clear();
                }
            }
            b"tc" => {
                if let Some(row) = self.tables.last_mut() {
                    row.push(String::new());
                }
            }
            b"r" => {
                let hidden = self.hidden();
                self.runs.push(Run { depth, hidden });
            }
            b"rPr" if self.runs.last().is_some_and(|r| r.depth + 1 == depth) => {
                self.run_properties = Some(depth);
            }
            b"txbxContent" => self.boxes.push(std::mem::take(&mut self.paragraph)),
            b"AlternateContent" => self.alternates.push(false),
            b"Choice" | b"Fallback" => match self.alternates.last_mut() {
                Some(true) => self.skip = Some(depth),
                Some(read) => *read = true,
                None => {}
            },
            b"del" | b"moveFrom" => self.skip = Some(depth),
            b"footnote" | b"endnote" => {
                // Separators and continuation notices are not notes.
                if attribute(e, b"type").is_some_and(|t| t != "normal") {
                    self.skip = Some(depth);
                } else {
                    self.note = Some(self.part.blocks.len());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8], depth: usize) {
        match name {
            b"t" => self.in_text = false,
            b"p" => self.end_paragraph(),
            b"tr" => self.end_row(),
            b"tbl" => {
                self.tables.pop();
            }
            b"r" if self.runs.last().is_some_and(|r| r.depth == depth) => {
                self.runs.pop();
                self.run_properties = None;
            }
            b"rPr" if self.run_properties == Some(depth) => self.run_properties = None,
            b"txbxContent" => {
                if !self.paragraph.text.trim().is_empty() {
                    self.end_paragraph();
                }
                self.paragraph = self.boxes.pop().unwrap_or_default();
            }
            b"AlternateContent" => {
                self.alternates.pop();
            }
            b"footnote" | b"endnote" => {
                if let Some(start) = self.note.take() {
                    self.end_note(start);
                }
            }
            _ => {}
        }
    }

    fn in_run_properties(&self, depth: usize) -> bool {
        self.run_properties.is_some_and(|d| d + 1 == depth)
    }

    fn set_run_hidden(&mut self, hidden: bool) {
        if let Some(run) = self.runs.last_mut() {
            run.hidden = hidden;
        }
    }

    /// Whether text here is hidden: by its run, or else its paragraph's style.
    fn hidden(&self) -> bool {
        self.runs
            .last()
            .map_or(self.paragraph.hidden, |run| run.hidden)
    }

    /// Text of a `w:t`: added, or counted when hidden.
    fn text(&mut self, text: &str) {
        if self.hidden() {
            self.part.hidden += text.chars().filter(|c| !c.is_whitespace()).count();
        } else {
            self.paragraph.text.push_str(text);
        }
    }

    /// A tab or break, unless hidden.
    fn mark(&mut self, mark: &str) {
        if !self.hidden() {
            self.paragraph.text.push_str(mark);
        }
    }

    fn end_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.paragraph);
        match self.tables.last_mut() {
            // Paragraphs in a cell make up the cell.
            Some(row) => {
                if let Some(cell) = row.last_mut() {
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(paragraph.text.trim());
                }
            }
            None => self
                .part
                .blocks
                .push(Block::Paragraph(paragraph.level, paragraph.text)),
        }
    }

    fn end_row(&mut self) {
        let Some(row) = self.tables.last_mut() else {
            return;
        };
        let line = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        row.clear();
        if self.tables.len() == 1 {
            self.part.blocks.push(Block::Paragraph(None, line));
        } else if let Some(cell) = self
            .tables
            .iter_mut()
            .rev()
            .nth(1)
            .and_then(|outer| outer.last_mut())
        {
            cell.push(' ');
            cell.push_str(&line);
        }
    }

    /// Makes the paragraphs of a note, from block `start` on, one paragraph;
    /// the parts it inserts follow it.
    fn end_note(&mut self, start: usize) {
        let blocks = self
            .part
            .blocks
            .split_off(start.min(self.part.blocks.len()));
        let mut text = Vec::new();
        let mut chunks = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(_, paragraph) => text.push(paragraph.trim().to_string()),
                chunk => chunks.push(chunk),
            }
        }
        text.retain(|t| !t.is_empty());
        self.part
            .blocks
            .push(Block::Paragraph(None, text.join(" ")));
        self.part.blocks.extend(chunks);
    }

    fn finish(mut self) -> Part {
        if !self.paragraph.text.trim().is_empty() {
            self.end_paragraph();
        }
        self.part
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::zip;
    use proptest::prelude::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;
    const LIMIT: u64 = 1 << 20;

    /// A part: element `root`, with the namespaces, around `inner`.
    fn part(root: &str, inner: &str) -> String {
        format!("<{root} {NS}>{inner}</{root}>")
    }

    /// `word/document.xml` with `body`.
    fn document(body: &str) -> String {
        part("w:document", &format!("<w:body>{body}</w:body>"))
    }

    /// A paragraph of one run.
    fn p(text: &str) -> String {
        format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    /// A relationships part; a target with `://` is external.
    fn rels(targets: &[(&str, &str)]) -> String {
        let mut xml = String::from(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        for (id, target) in targets {
            let mode = if target.contains("://") {
                r#" TargetMode="External""#
            } else {
                ""
            };
            xml.push_str(&format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="{target}"{mode}/>"#
            ));
        }
        xml + "</Relationships>"
    }

    /// A docx of parts given as text.
    fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
        zip(&parts)
    }

    /// Reads a docx of parts given as text.
    fn read_parts(parts: &[(&str, &str)]) -> Read {
        extract(&docx(parts), LIMIT)
    }

    /// The text of a docx whose only part is a document with `body`.
    fn text(body: &str) -> String {
        read_parts(&[(DOCUMENT, &document(body))]).unwrap().text
    }

    /// The error of reading a docx that must not be read.
    fn error(docx: &[u8]) -> String {
        match extract(docx, LIMIT) {
            Ok(read) => panic!("read as {:?}", read.text),
            Err(e) => e,
        }
    }

    /// `word/styles.xml` of the tests: heading styles by name and id, and
    /// styles that hide their text or look as if they did.
    fn styles_part() -> String {
        part(
            "w:styles",
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Min rubrik"/></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Rubrik 3"/></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="Title"/>"#,
                r#"<w:style w:type="paragraph" w:styleId="Heading9"/>"#,
                r#"<w:style w:type="character" w:styleId="Dold"><w:rPr><w:vanish/></w:rPr></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="DoltStycke"><w:rPr><w:b/><w:vanish w:val="1"/></w:rPr></w:style>"#,
                r#"<w:style w:type="character" w:styleId="Synlig"><w:rPr><w:vanish w:val="false"/></w:rPr></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="Markering"><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:style>"#,
                r#"<w:style w:type="character" w:styleId="Ändrad"><w:rPr><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr></w:style>"#,
            ),
        )
    }

    /// A paragraph of style `style` with one run.
    fn styled(style: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    /// A run with properties `properties`.
    fn run(properties: &str, text: &str) -> String {
        format!(r#"<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    #[test]
    fn headings_tables_and_header_fields_are_read() {
        let body = [
            styled("Rubrik1", "Beslut om  hemtjänst"),
            styled("Heading2", "Bakgrund"),
            styled("Egen", "Egen rubrik"),
            styled("Title", "Titel"),
            styled("Heading9", "Ingen rubrik"),
            styled("Okänd", "Vanligt stycke"),
            concat!(
                "<w:tbl><w:tr><w:tc>",
                r#"<w:p><w:r><w:t>Insats</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"#,
                r#"<w:tc><w:p><w:r><w:t>Timmar</w:t><w:tab/><w:t>per</w:t><w:br/><w:t>vecka</w:t></w:r></w:p></w:tc></w:tr>"#,
                r#"<w:tr><w:tc><w:p><w:r><w:t>Städning</w:t></w:r></w:p><w:p><w:r><w:t>och tvätt</w:t></w:r></w:p></w:tc>"#,
                r#"<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inre</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>tabell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"#,
                r#"<w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            )
            .to_string(),
            p("Du får hemtjänst."),
        ]
        .concat();
        let header = part(
            "w:hdr",
            &[p("Beslutsdatum: 2025-04-14"), p("Handläggare: Eva Berg")].concat(),
        );
        let footer = part("w:ftr", &[p("Dnr: SN 2025/411"), p("Sida 1 av 2")].concat());
        let read = read_parts(&[
            (DOCUMENT, &document(&body)),
            (STYLES, &styles_part()),
            ("word/header1.xml", &header),
            ("word/footer2.xml", &footer),
            ("word/headers.txt", "Enhet: Norr"),
        ])
        .unwrap();
        assert_eq!(
            read.text,
            "# Beslut om hemtjänst\n\n## Bakgrund\n\n### Egen rubrik\n\n# Titel\n\n\
             Ingen rubrik\n\nVanligt stycke\n\nInsats | Timmar\tper vecka\n\n\
             Städning och tvätt | inre | tabell | 4\n\nDu får hemtjänst.\n"
        );
        assert_eq!(read.encoding, "docx");
        let metadata: Vec<_> = read.metadata.iter().collect();
        assert_eq!(
            metadata,
            [
                ("arende", "SN 2025/411"),
                ("beslutsdatum", "2025-04-14"),
                ("handlaggare", "Eva Berg"),
            ]
        );
    }

    #[test]
    fn a_file_that_is_no_word_file_is_an_error() {
        let good = docx(&[(DOCUMENT, &document(&p("Beslut.")))]);
        let big = document(&p(&"x".repeat(LIMIT as usize)));
        let cases: [(Vec<u8>, &str); 6] = [
            (b"PK\x03\x04 ingen zip".to_vec(), "ingen giltig zip-fil"),
            (good[..good.len() / 2].to_vec(), "ingen giltig zip-fil"),
            (Vec::new(), "ingen giltig zip-fil"),
            (docx(&[(STYLES, &styles_part())]), "saknar sin huvuddel"),
            (
                zip(&[(DOCUMENT, b"<w:document>\xe5</w:document>")]),
                "delen word/document.xml är inte UTF-8",
            ),
            (docx(&[(DOCUMENT, &big)]), "zip-bomb"),
        ];
        for (bytes, expected) in cases {
            let e = error(&bytes);
            assert!(e.starts_with("Word-filen"), "{e}");
            assert!(e.contains(expected), "{expected}: {e}");
        }
        // The limit holds for all parts together, not each.
        let half = p(&"x".repeat(LIMIT as usize / 2));
        let two = docx(&[
            (DOCUMENT, &document(&half)),
            ("word/footnotes.xml", &part("w:footnotes", &half)),
        ]);
        assert!(error(&two).contains("zip-bomb"));
    }

    /// XML that is not well-formed, whatever its part, and what the error
    /// says of it.
    const BROKEN: &[(&str, &str)] = &[
        (
            "<w:document><w:body><w:p><w:r><w:t>Beslut <w:r><<<>",
            "7 element är inte avslutade",
        ),
        (
            "<w:document><w:body><w:p><w:r><w:t>Beslut</w:t></w:r>",
            "3 element är inte avslutade",
        ),
        (
            "<w:document><w:body><w:p></w:body></w:document>",
            "teknisk orsak",
        ),
        ("<w:document><w:body></w:document>", "teknisk orsak"),
        ("<w:document></w:body></w:document>", "teknisk orsak"),
        ("</w:body><w:document/>", "teknisk orsak"),
        ("<w:document/></w:document>", "teknisk orsak"),
        ("<w:document/><w:document/>", "mer än ett rotelement"),
        ("<w:document></w:document><w:p/>", "mer än ett rotelement"),
        ("<w:document/>Beslut", "text utanför rotelementet"),
        ("Beslut<w:document/>", "text utanför rotelementet"),
        (
            "<w:document/><![CDATA[Beslut]]>",
            "text utanför rotelementet",
        ),
        ("&amp;<w:document/>", "text utanför rotelementet"),
        ("", "delen saknar innehåll"),
        (" \r\n\t", "delen saknar innehåll"),
        (
            "<?xml version=\"1.0\"?><!-- bara en kommentar -->",
            "delen saknar innehåll",
        ),
        ("<w:document xmlns:w=\"http://sch", "teknisk orsak"),
        (
            "<w:document><w:t>a &amp b</w:t></w:document>",
            "teknisk orsak",
        ),
    ];

    #[test]
    fn a_part_cut_off_unclosed_or_mismatched_makes_the_whole_file_an_error() {
        let note = |root: &str, text: &str| {
            let note = &root[2..root.len() - 1];
            part(
                root,
                &format!(r#"<w:{note} w:id="1">{}</w:{note}>"#, p(text)),
            )
        };
        let good: Vec<(&str, String)> = vec![
            (
                DOCUMENT,
                document(&[p("Beslut."), r#"<w:altChunk r:id="c1"/>"#.into()].concat()),
            ),
            (STYLES, styles_part()),
            ("word/header1.xml", part("w:hdr", &p("Handläggare: Eva"))),
            ("word/footer3.xml", part("w:ftr", &p("Dnr: 7"))),
            ("word/footnotes.xml", note("w:footnotes", "Not.")),
            ("word/endnotes.xml", note("w:endnotes", "Slutnot.")),
            ("word/_rels/document.xml.rels", rels(&[("c1", "c.txt")])),
            ("word/c.txt", "Bilaga.".into()),
        ];
        let with = |name: &str, xml: &str| -> Vec<u8> {
            let parts: Vec<(&str, &[u8])> = good
                .iter()
                .map(|(n, x)| (*n, if *n == name { xml } else { x }.as_bytes()))
                .collect();
            zip(&parts)
        };
        let read = extract(&with("", ""), LIMIT).unwrap();
        assert_eq!(
            read.text,
            "Beslut.\n\nBilaga.\n\n## Fotnoter\n\nNot.\n\nSlutnot.\n"
        );
        assert_eq!(read.metadata.get("arende"), Some("7"));
        for (name, xml) in good
            .iter()
            .filter(|(n, _)| n.ends_with("xml") || n.ends_with("rels"))
        {
            let expected =
                format!("Word-filen är trasig: delen {name} är avklippt eller har felaktig XML (");
            for (broken, reason) in BROKEN {
                let e = error(&with(name, broken));
                assert!(e.starts_with(&expected), "{name}, {broken}: {e}");
                assert!(e.contains(reason), "{name}, {broken}: {e}");
            }
            // Cut off anywhere, a part is an error, never a part document.
            for end in (0..xml.len()).filter(|&end| xml.is_char_boundary(end)) {
                let e = error(&with(name, &xml[..end]));
                assert!(e.starts_with(&expected), "{name} cut at {end}: {e}");
            }
        }
    }

    /// A footnotes or endnotes part: `kind` is `footnote` or `endnote`, each
    /// note its `w:type` (empty for none) and inner XML.
    fn notes(kind: &str, notes: &[(&str, &str)]) -> String {
        let notes: String = notes
            .iter()
            .enumerate()
            .map(|(id, (kind_of, inner))| {
                let kind_of = match *kind_of {
                    "" => String::new(),
                    t => format!(r#" w:type="{t}""#),
                };
                format!(r#"<w:{kind}{kind_of} w:id="{id}">{inner}</w:{kind}>"#)
            })
            .collect();
        part(&format!("w:{kind}s"), &notes)
    }

    #[test]
    fn footnotes_and_endnotes_follow_the_body_one_paragraph_each() {
        let separators: &[(&str, &str)] = &[
            ("separator", "<w:p><w:r><w:separator/></w:r></w:p>"),
            ("continuationSeparator", &p("fortsätter")),
            ("continuationNotice", &p("Forts. på nästa sida")),
        ];
        let two = [p("Enligt 4 kap. 1 §"), p("  "), p("socialtjänstlagen. ")].concat();
        let hidden = [p("Se "), run("<w:vanish/>", "intern "), p("bilaga.")].concat();
        let footnotes = notes(
            "footnote",
            &[separators, &[("", &two), ("normal", &hidden), ("", "")]].concat(),
        );
        let endnotes = notes("endnote", &[separators, &[("", &p("Slutnot."))]].concat());
        let empty = notes("footnote", &[separators, &[("", &p(" "))]].concat());
        let body = document(&format!(
            r#"{}<w:p><w:r><w:footnoteReference w:id="3"/></w:r></w:p>"#,
            p("Beslut.")
        ));
        let cases: [(&str, &str, &str, Option<&str>); 5] = [
            (
                &footnotes,
                &endnotes,
                "Beslut.\n\n## Fotnoter\n\nEnligt 4 kap. 1 § socialtjänstlagen.\n\nSe bilaga.\n\nSlutnot.\n",
                Some("6"),
            ),
            (
                &empty,
                &endnotes,
                "Beslut.\n\n## Fotnoter\n\nSlutnot.\n",
                None,
            ),
            (
                &footnotes,
                "",
                "Beslut.\n\n## Fotnoter\n\nEnligt 4 kap. 1 § socialtjänstlagen.\n\nSe bilaga.\n",
                Some("6"),
            ),
            (&empty, &notes("endnote", separators), "Beslut.\n", None),
            ("", "", "Beslut.\n", None),
        ];
        for (footnotes, endnotes, expected, hidden) in cases {
            let mut parts = vec![(DOCUMENT, body.as_str())];
            parts.extend(
                [
                    ("word/footnotes.xml", footnotes),
                    ("word/endnotes.xml", endnotes),
                ]
                .into_iter()
                .filter(|(_, xml)| !xml.is_empty()),
            );
            let read = read_parts(&parts).unwrap();
            assert_eq!(read.text, expected);
            assert_eq!(read.metadata.get("dold_text"), hidden, "{expected}");
        }
    }

    const RELS: &str = "word/_rels/document.xml.rels";

    /// A docx whose document has `body` and relationships `targets`, with
    /// `parts` besides.
    fn package(body: &str, targets: &[(&str, &str)], parts: &[(&str, &[u8])]) -> Vec<u8> {
        let document = document(body);
        let rels = rels(targets);
        let mut all = vec![(DOCUMENT, document.as_bytes()), (RELS, rels.as_bytes())];
        all.extend_from_slice(parts);
        zip(&all)
    }

    /// An altChunk of relationship `id`.
    fn chunk(id: &str) -> String {
        format!(r#"<w:altChunk r:id="{id}"/>"#)
    }

    /// A docx whose document inserts `target` (relationship `c1`) after a
    /// paragraph, with `parts` besides.
    fn chunked(target: &str, parts: &[(&str, &[u8])]) -> Vec<u8> {
        package(&(p("Före.") + &chunk("c1")), &[("c1", target)], parts)
    }

    #[test]
    fn alt_chunks_and_cdata_are_read_in_their_place() {
        let body = [
            p("Före."),
            chunk("h"),
            p("Mellan."),
            chunk("t"),
            chunk("tom"),
            chunk("d"),
            r#"<w:p><w:r><w:t><![CDATA[Belopp < 5 & "x"]]></w:t><w:t xml:space="preserve"> &amp; &#228;r &lt;ok&gt;</w:t></w:r></w:p>"#.into(),
            r#"<w:p><w:r><w:instrText><![CDATA[PAGE]]></w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t><![CDATA[d o]]></w:t></w:r></w:p>"#.into(),
        ]
        .concat();
        let footnotes = notes("footnote", &[("", &(p("Not.") + &chunk("f")))]);
        let nested = docx(&[
            (
                DOCUMENT,
                &document(&[p("Inbäddat."), run("<w:vanish/>", "Dold"), chunk("x")].concat()),
            ),
            (RELS, &rels(&[("x", "/inne.HTML")])),
            ("inne.HTML", "<p>Inne</p>"),
        ]);
        let footnote_rels = rels(&[("f", "./fot.txt")]);
        let targets = [
            ("h", "chunks/a.html"),
            ("t", "/word/b.txt"),
            ("tom", "tom.htm"),
            ("d", "../inbäddad.docx"),
        ];
        let docx = package(
            &body,
            &targets,
            &[
                (
                    "word/chunks/a.html",
                    b"<h2>Bilaga</h2><p>Ett <b>stycke</b>.</p><p style=\"display:none\">Dolt</p>",
                ),
                ("word/b.txt", b"Rad ett.\r\n\r\nRad tv\xe5."),
                ("word/tom.htm", b" \n "),
                ("inbäddad.docx", &nested),
                ("word/footnotes.xml", footnotes.as_bytes()),
                ("word/_rels/footnotes.xml.rels", footnote_rels.as_bytes()),
                ("word/fot.txt", b"Fotbilaga."),
            ],
        );
        let read = extract(&docx, LIMIT).unwrap();
        assert_eq!(
            read.text,
            "Före.\n\n## Bilaga\n\nEtt stycke.\n\nMellan.\n\nRad ett.\n\nRad två.\n\n\
             Inbäddat.\n\nInne\n\nBelopp < 5 & \"x\" & är <ok>\n\n\
             ## Fotnoter\n\nNot.\n\nFotbilaga.\n"
        );
        // Dolt (html), Dold (the docx inserted), do (CDATA).
        assert_eq!(read.metadata.get("dold_text"), Some("10"));
    }

    #[test]
    fn an_alt_chunk_that_cannot_be_read_makes_the_file_an_error() {
        let inner = docx(&[(DOCUMENT, &document(&p("Inre.")))]);
        let outer = chunked("inre.docx", &[("word/inre.docx", &inner)]);
        let broken = docx(&[(DOCUMENT, "<w:document><w:p>")]);
        let footnotes = notes("footnote", &[("", &chunk("f"))]);
        let unreadable = "Word-filen går inte att läsa: den infogade delen";
        let format = "är i ett format som granska inte läser; spara om dokumentet i Word";
        let missing = "Word-filen är trasig: delen word/document.xml infogar en annan del";
        let cases: [(Vec<u8>, String); 11] = [
            (
                chunked("bilaga.rtf", &[("word/bilaga.rtf", br"{\rtf1 Text}")]),
                format!("{unreadable} word/bilaga.rtf {format}"),
            ),
            (
                chunked("../bilaga.MHT", &[("bilaga.MHT", b"MIME-Version: 1.0")]),
                format!("{unreadable} bilaga.MHT {format}"),
            ),
            (
                chunked("bilaga", &[("word/bilaga", b"Text")]),
                format!("{unreadable} word/bilaga {format}"),
            ),
            (
                package(&chunk("c2"), &[("c1", "c.txt")], &[("word/c.txt", b"Text")]),
                format!("{missing} (c2) som saknas i filen"),
            ),
            (
                docx(&[(DOCUMENT, &document(&chunk("c1"))), ("word/c.txt", "Text")]),
                format!("{missing} (c1) som saknas i filen"),
            ),
            (
                chunked("saknas.html", &[]),
                format!("{missing} (word/saknas.html) som saknas i filen"),
            ),
            (
                chunked("https://example.org/bilaga.html", &[]),
                format!("{missing} (c1) som saknas i filen"),
            ),
            (
                chunked("yttre.docx", &[("word/yttre.docx", &outer)]),
                format!(
                    "{unreadable} word/yttre.docx kunde inte läsas ({unreadable} word/inre.docx \
                     är ett Word-dokument infogat i ett infogat Word-dokument)"
                ),
            ),
            (
                chunked("trasig.docx", &[("word/trasig.docx", b"PK\x03\x04")]),
                format!(
                    "{unreadable} word/trasig.docx kunde inte läsas (Word-filen är trasig eller \
                     avklippt: den är ingen giltig zip-fil"
                ),
            ),
            (
                chunked("trasig.docx", &[("word/trasig.docx", &broken)]),
                format!(
                    "{unreadable} word/trasig.docx kunde inte läsas (Word-filen är trasig: delen \
                     word/document.xml är avklippt eller har felaktig XML"
                ),
            ),
            (
                docx(&[(DOCUMENT, &document(&p("Före."))), ("word/footnotes.xml", &footnotes)]),
                "Word-filen är trasig: delen word/footnotes.xml infogar en annan del (f) som saknas"
                    .to_string(),
            ),
        ];
        for (docx, expected) in cases {
            let e = error(&docx);
            assert!(e.starts_with(&expected), "{expected}\n{e}");
        }
        // One level of nesting is read.
        let read = extract(&outer, LIMIT).unwrap();
        assert_eq!(read.text, "Före.\n\nInre.\n");
    }

    #[test]
    fn text_boxes_moves_and_deletions_are_read_once() {
        let text_box = |text: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(text));
        let alternate = |choices: &[&str], fallback: &str| {
            let choices: String = choices
                .iter()
                .map(|c| format!(r#"<mc:Choice Requires="wps">{c}</mc:Choice>"#))
                .collect();
            format!(
                "<mc:AlternateContent>{choices}<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
            )
        };
        let anchored = |content: &str| {
            format!(
                r#"<w:p><w:r><w:t xml:space="preserve">Före </w:t></w:r><w:r>{content}</w:r><w:r><w:t>efter.</w:t></w:r></w:p>"#
            )
        };
        let drawing = |text: &str| {
            format!(
                "<w:drawing><wps:txbx>{}</wps:txbx></w:drawing>",
                text_box(text)
            )
        };
        let pict =
            |text: &str| format!("<w:pict><v:textbox>{}</v:textbox></w:pict>", text_box(text));
        let cases: [(String, &str); 9] = [
            (
                anchored(&alternate(&[&drawing("I rutan.")], &pict("I rutan."))),
                "I rutan.\n\nFöre efter.\n",
            ),
            (anchored(&pict("Bara VML.")), "Bara VML.\n\nFöre efter.\n"),
            (
                format!("<mc:AlternateContent><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>", p("Reserv.")),
                "Reserv.\n",
            ),
            (
                alternate(&[&p("Första valet."), &p("Andra valet.")], &p("Reserv.")),
                "Första valet.\n",
            ),
            (
                alternate(&[&alternate(&[&p("Inre.")], &p("Inre reserv."))], &p("Yttre reserv.")) + &p("Sedan."),
                "Inre.\n\nSedan.\n",
            ),
            (
                concat!(
                    r#"<w:p><w:r><w:t xml:space="preserve">Du får </w:t></w:r>"#,
                    r#"<w:del w:id="1"><w:r><w:delText>inte </w:delText><w:t>inte </w:t></w:r></w:del>"#,
                    r#"<w:moveFrom w:id="2"><w:r><w:t>i dag </w:t></w:r></w:moveFrom>"#,
                    r#"<w:ins w:id="3"><w:r><w:t>hemtjänst</w:t></w:r></w:ins>"#,
                    r#"<w:moveTo w:id="4"><w:r><w:t xml:space="preserve"> i dag</w:t></w:r></w:moveTo>"#,
                    r#"<w:r><w:t>.</w:t></w:r></w:p>"#,
                )
                .to_string(),
                "Du får hemtjänst i dag.\n",
            ),
            (
                format!(
                    "<w:moveFrom>{}</w:moveFrom>{}<w:moveTo>{}</w:moveTo><w:del><w:del>{}</w:del>{}</w:del>",
                    p("Flyttat."),
                    p("Kvar."),
                    p("Flyttat."),
                    p("Borta."),
                    p("Också borta."),
                ),
                "Kvar.\n\nFlyttat.\n",
            ),
            (
                // A deleted or moved paragraph mark hides no text.
                format!(
                    r#"<w:p><w:pPr><w:rPr><w:del w:id="5"/><w:moveFrom w:id="6"/></w:rPr></w:pPr><w:r><w:t>Kvar.</w:t></w:r></w:p>{}"#,
                    p("Nästa.")
                ),
                "Kvar.\n\nNästa.\n",
            ),
            (
                anchored(&alternate(
                    &[&format!("<w:drawing><wps:txbx><w:txbxContent><w:del>{}</w:del>{}</w:txbxContent></wps:txbx></w:drawing>", p("Struket."), p("Rutan."))],
                    &pict("Rutan."),
                )),
                "Rutan.\n\nFöre efter.\n",
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(text(&body), expected, "{body}");
        }
    }

    #[test]
    fn hidden_runs_are_left_out_and_counted() {
        let vanish = |val: &str| format!(r#"<w:vanish w:val="{val}"/>"#);
        let three = |properties: &str| {
            format!(
                "<w:p>{}{}{}</w:p>",
                run("", "Synligt"),
                run(properties, " dolt"),
                run("", " ord.")
            )
        };
        // Properties of the middle run of three that hide it, and that do not.
        let hiding = [
            "<w:vanish/>",
            "<w:b/><w:vanish></w:vanish><w:i/>",
            r#"<w:rStyle w:val="Dold"/>"#,
        ];
        let showing = [
            r#"<w:rStyle w:val="Synlig"/>"#,
            r#"<w:rStyle w:val="Dold"/><w:vanish w:val="0"/>"#,
            r#"<w:rStyle w:val="Okänd"/>"#,
            r#"<w:rStyle w:val="Ändrad"/>"#,
            // Formatting before a tracked change is not the run's.
            r#"<w:rPrChange w:id="2"><w:rPr><w:vanish/></w:rPr></w:rPrChange>"#,
        ];
        let hiding = hiding
            .map(String::from)
            .into_iter()
            .chain(["1", "true", "on"].map(vanish))
            .map(|properties| (three(&properties), "Synligt ord.", Some("4")));
        let showing = showing
            .map(String::from)
            .into_iter()
            .chain(["0", "false", "off", " off "].map(vanish))
            .map(|properties| (three(&properties), "Synligt dolt ord.", None));
        let cases: Vec<(String, &str, Option<&str>)> = vec![
            (
                format!(
                    r#"<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{}</w:p>"#,
                    run("", "Bara stycketecknet")
                ),
                "Bara stycketecknet",
                None,
            ),
            (styled("Markering", "Synligt"), "Synligt", None),
            (
                styled("DoltStycke", "Dolt stycke") + &p("Nästa."),
                "Nästa.",
                Some("10"),
            ),
            (
                format!(
                    r#"<w:p><w:pPr><w:pStyle w:val="DoltStycke"/></w:pPr>{}{}</w:p>"#,
                    run("", "Dolt"),
                    run(&vanish("0"), "Synligt")
                ),
                "Synligt",
                Some("4"),
            ),
            (
                format!(
                    "<w:p>{}<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>x</w:t><w:br/></w:r>{}</w:p>",
                    run("", "A"),
                    run("", "B")
                ),
                "AB",
                Some("1"),
            ),
            (
                three("<w:vanish/>").replace(" dolt", " \t "),
                "Synligt ord.",
                None,
            ),
            (
                format!(
                    "<w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
                    run("<w:vanish/>", "&amp;&#228;"),
                    p("Cell")
                ),
                "Cell",
                Some("2"),
            ),
            (
                format!(
                    "<w:p>{}<w:r><w:rPr><w:vanish/></w:rPr><w:txbxContent>{}</w:txbxContent></w:r></w:p>",
                    run("", "Ankare"),
                    p("I dold ruta")
                ),
                "Ankare",
                Some("9"),
            ),
        ];
        for (body, expected, hidden) in cases.into_iter().chain(hiding).chain(showing) {
            let read =
                read_parts(&[(DOCUMENT, &document(&body)), (STYLES, &styles_part())]).unwrap();
            let expected = if expected.is_empty() {
                String::new()
            } else {
                format!("{expected}\n")
            };
            assert_eq!(read.text, expected, "{body}");
            assert_eq!(read.metadata.get("dold_text"), hidden, "{body}");
        }
        // Hidden text in headers and notes is counted too, and a hidden
        // header line is no metadata.
        let header = part(
            "w:hdr",
            &format!(
                "<w:p>{}</w:p>{}",
                run("<w:vanish/>", "Handläggare: Eva"),
                p("Dnr: 7")
            ),
        );
        let footnotes = notes(
            "footnote",
            &[(
                "",
                &format!("<w:p>{}</w:p>", run(r#"<w:rStyle w:val="Dold"/>"#, "Not")),
            )],
        );
        let read = read_parts(&[
            (DOCUMENT, &document(&p("Beslut."))),
            (STYLES, &styles_part()),
            ("word/header1.xml", &header),
            ("word/footnotes.xml", &footnotes),
        ])
        .unwrap();
        assert_eq!(read.text, "Beslut.\n");
        let metadata: Vec<_> = read.metadata.iter().collect();
        assert_eq!(metadata, [("arende", "7"), ("dold_text", "18")]);
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        const N: usize = 100_000;
        // Each case: what is opened and closed around a paragraph, the
        // elements the opening leaves open, and the text read.
        let cases: [(&str, &str, usize, &str); 6] = [
            (
                "<w:sdt><w:sdtContent>",
                "</w:sdtContent></w:sdt>",
                2,
                "Djupt.\n",
            ),
            (
                "<w:tbl><w:tr><w:tc>",
                "</w:tc></w:tr></w:tbl>",
                3,
                "Djupt.\n",
            ),
            (
                "<w:p><w:r><w:txbxContent>",
                "</w:txbxContent></w:r></w:p>",
                3,
                "Djupt.\n",
            ),
            (
                "<mc:AlternateContent><mc:Choice>",
                "</mc:Choice><mc:Fallback><w:p><w:r><w:t>Reserv</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>",
                2,
                "Djupt.\n",
            ),
            ("<w:r><w:rPr><w:vanish/></w:rPr>", "</w:r>", 1, ""),
            ("<w:del>", "</w:del>", 1, ""),
        ];
        // Big enough for the parts, which are many times the default.
        let limit = 64 << 20;
        let worker = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                for (open, close, open_elements, expected) in cases {
                    let body = format!("{}{}{}", open.repeat(N), p("Djupt."), close.repeat(N));
                    let read = extract(&docx(&[(DOCUMENT, &document(&body))]), limit);
                    assert_eq!(read.map(|r| r.text), Ok(expected.to_string()), "{open}");
                    let cut = document(&format!("{}{}", open.repeat(N), p("Djupt.")));
                    let cut = cut.trim_end_matches("</w:body></w:document>");
                    let e = extract(&docx(&[(DOCUMENT, cut)]), limit).unwrap_err();
                    let unclosed = N * open_elements + 2;
                    let expected =
                        format!("({unclosed} element är inte avslutade där delen tar slut)");
                    assert!(e.ends_with(&expected), "{open}: {e}");
                }
            })
            .unwrap();
        worker.join().unwrap();
    }

    #[test]
    fn relationship_targets_resolve_against_the_part() {
        let cases = [
            ("word", "afchunk.html", "word/afchunk.html"),
            ("word", "media/a.txt", "word/media/a.txt"),
            ("word", "/word/a.html", "word/a.html"),
            ("word", "/a.docx", "a.docx"),
            ("word", "../a.docx", "a.docx"),
            ("word", "../../../a.docx", "a.docx"),
            ("word", "./x/../y//a.htm", "word/y/a.htm"),
            ("word/sub", "../a.html", "word/a.html"),
            ("", "word/a.html", "word/a.html"),
            ("word", "", "word"),
        ];
        for (dir, target, expected) in cases {
            assert_eq!(resolve(dir, target), expected, "{dir} + {target}");
        }
    }

    /// Pieces of WordprocessingML, whole and broken, for soup.
    const PIECES: &[&str] = &[
        "<w:p>",
        "</w:p>",
        "<w:r>",
        "</w:r>",
        "<w:t>",
        "</w:t>",
        "<w:t/>",
        "<w:tab/>",
        "<w:br/>",
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "</w:tr>",
        "<w:tc>",
        "</w:tc>",
        "<w:rPr>",
        "</w:rPr>",
        "<w:vanish/>",
        r#"<w:vanish w:val="0"/>"#,
        r#"<w:rStyle w:val="Dold"/>"#,
        r#"<w:pStyle w:val="Rubrik1"/>"#,
        r#"<w:pStyle w:val="DoltStycke"/>"#,
        "<w:pPr>",
        "</w:pPr>",
        "<mc:AlternateContent>",
        "</mc:AlternateContent>",
        "<mc:Choice>",
        "</mc:Choice>",
        "<mc:Fallback>",
        "</mc:Fallback>",
        "<w:txbxContent>",
        "</w:txbxContent>",
        "<w:del>",
        "</w:del>",
        "<w:moveFrom>",
        "</w:moveFrom>",
        "<w:del/>",
        r#"<w:altChunk r:id="c1"/>"#,
        r#"<w:footnote w:type="separator">"#,
        "<w:footnote>",
        "</w:footnote>",
        "<![CDATA[a<b]]>",
        "&amp;",
        "&#228;",
        "&#0;",
        "&bogus;",
        "&",
        "<",
        ">",
        "</",
        "/>",
        "<?xml version=\"1.0\"?>",
        "<!-- c -->",
        "<!DOCTYPE w>",
        "\"",
        "Text ",
        "ä",
        " ",
    ];

    /// Pieces and text, joined: XML that is mostly broken.
    fn soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zåäö <>&;#/=!?\"'\\[\\]-]{0,6}",
        ];
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    /// The layout of text read: paragraphs ending in a line break, one blank
    /// line between them.
    fn laid_out(text: &str) -> bool {
        text.is_empty()
            || (text.ends_with('\n') && !text.starts_with('\n') && !text.contains("\n\n\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any bytes, a good file damaged or cut, and broken XML in the
        /// document never panic: they are read, or refused in Swedish.
        #[test]
        fn any_bytes_or_broken_xml_are_read_or_refused_in_swedish(
            bytes in prop::collection::vec(any::<u8>(), 0..256),
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            soup in soup(),
            wrap in any::<bool>(),
        ) {
            let good = docx(&[(DOCUMENT, &document(&p("Beslut."))), (STYLES, &styles_part())]);
            let mut damaged = good.clone();
            damaged[at.index(good.len())] = byte;
            let cut = &good[..at.index(good.len())];
            for bytes in [&bytes[..], &damaged, cut] {
                match extract(bytes, LIMIT) {
                    Ok(read) => prop_assert!(laid_out(&read.text), "{:?}", read.text),
                    Err(e) => prop_assert!(e.starts_with("Word-filen "), "{}", e),
                }
            }
            let xml = if wrap { document(&soup) } else { soup };
            match read_parts(&[(DOCUMENT, &xml), (STYLES, &styles_part())]) {
                Ok(read) => prop_assert!(laid_out(&read.text), "{:?}", read.text),
                Err(e) => prop_assert!(
                    e.starts_with("Word-filen är trasig: delen word/document.xml "),
                    "{}",
                    e
                ),
            }
        }
    }
}
