//! The text of a part: paragraphs, runs, tables and notes read from WordprocessingML.

use super::*;

/// A block of a part's text.
#[derive(Debug, PartialEq)]
pub(super) enum Block {
    /// A paragraph, table row or note: its heading level, if a heading, and
    /// its text.
    Paragraph(Option<usize>, String),
    /// A `w:altChunk`: another part, by relationship id, to read in its place.
    Chunk(String),
}

/// The blocks of a part in order, and how many hidden characters it left out.
#[derive(Debug, Default)]
pub(super) struct Part {
    pub(super) blocks: Vec<Block>,
    pub(super) hidden: usize,
}

impl Part {
    pub(super) fn has_text(&self) -> bool {
        self.blocks.iter().any(|block| match block {
            Block::Paragraph(_, text) => !text.trim().is_empty(),
            Block::Chunk(_) => true,
        })
    }
}

/// The blocks of part `name`. A table row is one paragraph with `|` between
/// its cells, a footnote or endnote one paragraph.
pub(super) fn blocks(name: &str, xml: &str, styles: &Styles) -> Result<Part, String> {
    let mut text = TextReader::new(styles);
    read_xml(name, xml, |event, depth| text.event(event, depth))?;
    Ok(text.finish())
}

/// The paragraph being read: its text, heading level and whether its style
/// hides its text.
#[derive(Debug, Default)]
pub(super) struct Paragraph {
    text: String,
    level: Option<usize>,
    hidden: bool,
}

/// An open run: its depth and whether its text is hidden.
#[derive(Debug)]
pub(super) struct Run {
    depth: usize,
    hidden: bool,
}

/// Reads the text of a part from its events, each step constant time.
pub(super) struct TextReader<'a> {
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
    pub(super) fn new(styles: &'a Styles) -> Self {
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

    pub(super) fn event(&mut self, event: Event<'_>, depth: usize) -> Result<(), quick_xml::Error> {
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

    pub(super) fn start(&mut self, e: &BytesStart, depth: usize, empty: bool) {
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

    pub(super) fn end(&mut self, name: &[u8], depth: usize) {
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

    pub(super) fn in_run_properties(&self, depth: usize) -> bool {
        self.run_properties.is_some_and(|d| d + 1 == depth)
    }

    pub(super) fn set_run_hidden(&mut self, hidden: bool) {
        if let Some(run) = self.runs.last_mut() {
            run.hidden = hidden;
        }
    }

    /// Whether text here is hidden: by its run, or else its paragraph's style.
    pub(super) fn hidden(&self) -> bool {
        self.runs
            .last()
            .map_or(self.paragraph.hidden, |run| run.hidden)
    }

    /// Text of a `w:t`: added, or counted when hidden.
    pub(super) fn text(&mut self, text: &str) {
        if self.hidden() {
            self.part.hidden += text.chars().filter(|c| !c.is_whitespace()).count();
        } else {
            self.paragraph.text.push_str(text);
        }
    }

    /// A tab or break, unless hidden.
    pub(super) fn mark(&mut self, mark: &str) {
        if !self.hidden() {
            self.paragraph.text.push_str(mark);
        }
    }

    pub(super) fn end_paragraph(&mut self) {
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

    pub(super) fn end_row(&mut self) {
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
    pub(super) fn end_note(&mut self, start: usize) {
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

    pub(super) fn finish(mut self) -> Part {
        if !self.paragraph.text.trim().is_empty() {
            self.end_paragraph();
        }
        self.part
    }
}
