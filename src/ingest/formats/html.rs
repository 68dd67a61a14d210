//! HTML (`.html`, `.htm`): the visible text, `h1`–`h6` as headings, block
//! elements as paragraphs, table rows as lines. Scripts, styles and the
//! `head` are left out. The tree is walked without recursion, so deeply
//! nested HTML costs no stack.
//!
//! html5ever's tree builder looks through its stack of open elements, and its
//! list of active formatting elements, for most tags, so every tag costs time
//! in proportion to how deep the nesting is where it stands: 30,000 nested
//! `<div>` took 6 s and 100,000 minutes, and 10,000 paragraphs that each
//! reopen every earlier unclosed `<b>` took 70 s and 8 GB. The parser is
//! therefore given the text [`PIECE`] bytes at a time and watched: once it
//! holds more than [`MAX_NESTING`] open and formatting elements, or has built
//! far more nodes than the text could describe, the tree is dropped and the
//! file is read flat instead ([`read_flat`]): html5ever's tokenizer alone, in
//! one linear pass, with the same layout rules applied to the tags in the
//! order they come. What that loses is HTML's error recovery (which element
//! an unclosed tag ends inside), which moves paragraph breaks but keeps the
//! text; only inside malformed `svg` or `math` may it show or hide text the
//! tree would not. Every file shallower than that is read exactly as a
//! single parse reads it.
//!
//! Text the page hides is left out: `template` content and elements with the
//! `hidden` attribute or an inline style `display: none` or `visibility:
//! hidden` (classes in style sheets are not followed; `aria-hidden` text is
//! visible and read). How many characters were left out so, whitespace not
//! counted, is the metadata `dold_text`. A flat reading ends a hidden element
//! at its end tag, or where HTML ends a `p`, `li`, `dt`, `dd`, `option` or
//! table cell or row without one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::driver::Parser;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::Tracer;
use html5ever::{LocalName, ParseOpts, TokenizerResult};
use scraper::{Html, HtmlTreeSink, Node};

use super::{Blocks, Extracted, Read};
use crate::ingest::encoding;
use crate::ingest::metadata::Metadata;

/// How many open and active formatting elements the tree builder may hold
/// before the file is read flat. Case documents nest a few dozen deep at most
/// (a Word export about ten, a case system's page with layout tables perhaps
/// forty); the tree builder's cost for every tag grows with this number.
const MAX_NESTING: usize = 256;

/// How many bytes the tree builder is given between two looks at its depth.
/// The nesting can grow by at most a third of this (`<b>` is three bytes)
/// past [`MAX_NESTING`] before it is seen.
const PIECE: usize = 1024;

/// How many nodes the tree may have for every byte read, beyond
/// [`NODES_EXTRA`]. An element takes a tag of at least three bytes, text at
/// least a character, and the parser implies only a few (`tbody` and `tr`
/// for a `<td>`, a copy of each unclosed `<b>` in the next paragraph), so a
/// real document stays well under one. Formatting elements that are never
/// closed but reopened in every paragraph make a tree quadratic in the input.
const NODES_PER_BYTE: usize = 2;
const NODES_EXTRA: usize = 4096;

/// Elements whose content is not visible text.
const HIDDEN: &[&str] = &["script", "style", "head", "noscript", "svg"];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "table",
    "tr",
    "br",
    "hr",
    "form",
    "fieldset",
    "figure",
    "figcaption",
    "address",
    "body",
];

/// Start tags that leave the document in its head: before any other tag or
/// text, a `title` or `noframes` is part of the head and not shown.
const HEAD_CONTENT: &[&str] = &[
    "html", "head", "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style",
    "template", "title", "noscript",
];

/// Start tags that end `svg` and `math` content (and `font` with `color`,
/// `face` or `size`).
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Reads an HTML file.
pub fn extract(bytes: &[u8]) -> Read {
    let decoded = encoding::decode(bytes)?;
    let (layout, _) = layout(&decoded.text, PIECE);
    let mut metadata = Metadata::default();
    if layout.concealed_chars > 0 {
        metadata.insert("dold_text", &layout.concealed_chars.to_string());
    }
    Ok(Extracted {
        text: layout.finish()?,
        encoding: decoded.encoding,
        metadata,
        ..Extracted::default()
    })
}

/// The layout text of HTML inserted in another document (empty when it shows
/// nothing), and how many hidden characters it left out.
pub(super) fn text_and_hidden(bytes: &[u8]) -> Result<(String, usize), String> {
    let decoded = encoding::decode(bytes)?;
    let (layout, _) = layout(&decoded.text, PIECE);
    let hidden = layout.concealed_chars;
    Ok((layout.into_text(), hidden))
}

/// How a file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// From the tree the HTML parser builds.
    Tree,
    /// From the tokens alone, the tree being too deep.
    Flat,
}

/// The layout of `html`, the tree builder being given `piece` bytes at a
/// time, and how it was read.
fn layout(html: &str, piece: usize) -> (Layout, Reading) {
    match parse_tree(html, piece) {
        Some(tree) => (walk(&tree), Reading::Tree),
        None => (read_flat(html), Reading::Flat),
    }
}

/// The tree `Html::parse_document` builds of `html`, or `None` once it nests
/// deeper than [`MAX_NESTING`] or grows far beyond the text.
fn parse_tree(html: &str, piece: usize) -> Option<Html> {
    let mut parser = html5ever::parse_document(
        HtmlTreeSink::new(Html::new_document()),
        ParseOpts::default(),
    );
    let mut rest = html;
    let mut read = 0usize;
    while !rest.is_empty() {
        let mut end = piece.clamp(1, rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (head, tail) = rest.split_at(end);
        parser.process(StrTendril::from_slice(head));
        read += head.len();
        rest = tail;
        if nesting(&parser) > MAX_NESTING
            || nodes(&parser) > read.saturating_mul(NODES_PER_BYTE) + NODES_EXTRA
        {
            return None;
        }
    }
    Some(parser.finish())
}

/// How many elements the tree builder holds: its open elements, its active
/// formatting elements and the few it points to (the document, `head`,
/// `form`).
fn nesting(parser: &Parser<HtmlTreeSink>) -> usize {
    let count = Count::default();
    parser.tokenizer.sink.trace_handles(&count);
    count.0.get()
}

/// How many nodes the tree has.
fn nodes(parser: &Parser<HtmlTreeSink>) -> usize {
    parser.tokenizer.sink.sink.0.borrow().tree.nodes().len()
}

/// Counts the elements the tree builder holds.
#[derive(Default)]
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;

    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// The layout of a parsed tree.
fn walk(html: &Html) -> Layout {
    let mut layout = Layout::default();
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    layout.open(e.name());
                    if conceals(e.attrs()) {
                        layout.conceal();
                    }
                }
                Node::Text(t) => layout.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if conceals(e.attrs()) {
                        layout.reveal();
                    }
                    layout.close(e.name());
                }
            }
        }
    }
    layout
}

/// Whether an element's attributes hide it: `hidden`, or an inline style
/// `display: none` or `visibility: hidden` (or `collapse`), in any case and
/// spacing, `!important` or not.
fn conceals<'a>(attributes: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    attributes.into_iter().any(|(name, value)| match name {
        "hidden" => true,
        "style" => value.split(';').any(|declaration| {
            let Some((property, value)) = declaration.split_once(':') else {
                return false;
            };
            let value = value.to_ascii_lowercase();
            let value = value.split('!').next().unwrap_or_default().trim();
            match property.trim().to_ascii_lowercase().as_str() {
                "display" => value == "none",
                "visibility" => matches!(value, "hidden" | "collapse"),
                _ => false,
            }
        }),
        _ => false,
    })
}

/// Whether a tag's attributes hide its element.
fn tag_conceals(tag: &Tag) -> bool {
    conceals(tag.attrs.iter().map(|a| (&*a.name.local, &*a.value)))
}

/// The layout rules, given elements as they open and close and text as it
/// comes, in document order: headings, paragraphs, table rows with `|`
/// between the cells, nothing from hidden elements.
#[derive(Debug, Default)]
struct Layout {
    blocks: Blocks,
    line: String,
    heading: Option<usize>,
    /// How deep the reading is in elements whose content is no text
    /// (`script`, `style` …).
    hidden: usize,
    /// How deep it is in elements the page hides (`template`, `hidden` …),
    /// and how many characters other than whitespace they held.
    concealed: usize,
    concealed_chars: usize,
}

impl Layout {
    fn open(&mut self, name: &str) {
        if HIDDEN.contains(&name) {
            self.hidden += 1;
        } else if name == "template" {
            self.conceal();
        } else if self.hidden == 0 && self.concealed == 0 {
            if let Some(level) = heading_level(name) {
                self.flush();
                self.heading = Some(level);
            } else if BLOCKS.contains(&name) {
                self.flush();
            }
        }
    }

    fn close(&mut self, name: &str) {
        if HIDDEN.contains(&name) {
            self.hidden = self.hidden.saturating_sub(1);
        } else if name == "template" {
            self.reveal();
        } else if self.hidden == 0 && self.concealed == 0 {
            if heading_level(name).is_some() {
                self.flush();
                self.heading = None;
            } else if matches!(name, "td" | "th") {
                self.line.push_str(" | ");
            } else if BLOCKS.contains(&name) {
                let row = self.line.trim().trim_end_matches('|').trim().to_string();
                self.line = row;
                self.flush();
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        if self.concealed > 0 {
            self.concealed_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        } else {
            self.line.push_str(text);
        }
    }

    /// An element that hides its content opens.
    fn conceal(&mut self) {
        self.concealed += 1;
    }

    /// An element that hides its content closes.
    fn reveal(&mut self) {
        self.concealed = self.concealed.saturating_sub(1);
    }

    fn flush(&mut self) {
        match self.heading {
            Some(level) => self.blocks.heading(level, &self.line),
            None => self
                .blocks
                .paragraph(&self.line.split_whitespace().collect::<Vec<_>>().join(" ")),
        }
        self.line.clear();
    }

    /// The layout text; an error when nothing is visible.
    fn finish(self) -> Result<String, String> {
        let concealed = self.concealed_chars;
        let text = self.into_text();
        if text.trim().is_empty() {
            return Err(match concealed {
                0 => "HTML-filen har ingen synlig text".to_string(),
                n => format!("HTML-filen har ingen synlig text ({n} tecken är dolda)"),
            });
        }
        Ok(text)
    }

    fn into_text(mut self) -> String {
        self.flush();
        self.blocks.text
    }
}

/// Reads `html` flat: the tokenizer's tags and text in the order they come,
/// given to the [`Layout`] rules, in one linear pass whatever the nesting.
fn read_flat(html: &str) -> Layout {
    let tokenizer = Tokenizer::new(FlatSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    std::mem::take(&mut tokenizer.sink.0.borrow_mut().layout)
}

/// The tokenizer's consumer in a flat reading.
#[derive(Default)]
struct FlatSink(RefCell<Flat>);

impl TokenSink for FlatSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut flat = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return flat.start(&tag),
            Token::TagToken(tag) => flat.end(&tag.name),
            Token::CharacterTokens(text) => flat.text(&text),
            Token::NullCharacterToken => flat.null(),
            _ => {}
        }
        TokenSinkResult::Continue
    }

    /// `<![CDATA[…]]>` is text inside `svg` and `math`, a comment elsewhere.
    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        !self.0.borrow().foreign.is_empty()
    }
}

/// The state of a flat reading: the layout, and as much of the tree
/// builder's bookkeeping as the layout needs, each step constant time.
#[derive(Default)]
struct Flat {
    layout: Layout,
    /// Whether the body has begun (with text or a tag that is not part of
    /// the head, outside a `template`); before it, a `title` or `noframes` is
    /// part of the head.
    body: bool,
    /// The element whose content the tokenizer is reading as raw text
    /// (`script`, `title` …), as given to the layout: `head` when it is part
    /// of the head; and whether its attributes hide it.
    raw: Option<(LocalName, bool)>,
    /// The open `template` elements, innermost last.
    templates: Vec<Template>,
    /// The open elements of `svg` and `math` content, innermost last, and how
    /// many of each name.
    foreign: Vec<LocalName>,
    foreign_names: HashMap<LocalName, usize>,
    /// How many HTML elements of each name have opened and not closed: more
    /// than are open where HTML closes them implicitly.
    open: HashMap<LocalName, usize>,
    /// The row of each enclosing table, outermost first.
    tables: Vec<Row>,
    /// The row of the innermost table.
    row: Row,
    /// The open elements that hide their content (`hidden`, `display: none`
    /// …), innermost last, and where in that list each name's are.
    concealed: Vec<Concealed>,
    concealed_at: HashMap<LocalName, Vec<usize>>,
}

/// An open element that hides its content, in a flat reading.
struct Concealed {
    name: LocalName,
    /// How many elements of its name were open once it opened.
    open: usize,
    /// How many elements of its [`scopes`] were open when it opened.
    scope: usize,
}

/// What a `template` holds, which its first element decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Template {
    Undecided,
    /// Table columns: HTML ignores every tag but `col` and `template`.
    Columns,
    Other,
}

/// Whether a table row and a cell in it are open.
#[derive(Debug, Default, Clone, Copy)]
struct Row {
    row: bool,
    cell: bool,
}

impl Flat {
    fn text(&mut self, text: &str) {
        if !self.body
            && self.raw.is_none()
            && self.templates.is_empty()
            && text.contains(|c: char| !c.is_ascii_whitespace())
        {
            self.body = true;
        }
        self.layout.text(text);
    }

    /// A NUL is left out of HTML text, but begins the body as text does; in
    /// `svg` and `math` it is a replacement character.
    fn null(&mut self) {
        if self.foreign.is_empty() {
            self.body |= self.raw.is_none() && self.templates.is_empty();
        } else {
            self.text("\u{fffd}");
        }
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if !HEAD_CONTENT.contains(&name) && self.templates.is_empty() {
            self.body = true;
        }
        if let Some(content) = self.templates.last_mut() {
            match content {
                Template::Undecided if !HEAD_CONTENT.contains(&name) => {
                    *content = if name == "col" {
                        Template::Columns
                    } else {
                        Template::Other
                    };
                }
                Template::Columns if !matches!(name, "col" | "template") => {
                    return TokenSinkResult::Continue;
                }
                _ => {}
            }
        }
        if !self.foreign.is_empty() {
            if !breaks_out(tag) {
                if tag.self_closing {
                    self.layout.open(name);
                    self.layout.close(name);
                } else {
                    self.push_foreign(&tag.name);
                }
                return TokenSinkResult::Continue;
            }
            self.pop_foreign(None);
        }
        self.reveal_implied(name, true);
        if let Some(result) = raw_kind(name) {
            let shown = if !self.body && !HIDDEN.contains(&name) {
                LocalName::from("head")
            } else {
                tag.name.clone()
            };
            self.layout.open(&shown);
            let concealed = tag_conceals(tag);
            if concealed {
                self.layout.conceal();
            }
            self.raw = Some((shown, concealed));
            return result;
        }
        let in_table = !self.tables.is_empty();
        match name {
            // Never open twice, or void: no end tag to expect.
            "html" | "head" | "body" | "area" | "base" | "col" | "embed" | "img" | "input"
            | "link" | "meta" | "param" | "source" | "track" | "wbr" | "frame" | "keygen"
            | "basefont" | "bgsound" | "image" => {}
            "svg" | "math" => {
                if !tag.self_closing {
                    self.push_foreign(&tag.name);
                }
            }
            "template" => {
                self.templates.push(Template::Undecided);
                self.opened(tag);
            }
            "br" | "hr" => {
                self.layout.open(name);
                self.layout.close(name);
            }
            "table" => {
                self.tables.push(std::mem::take(&mut self.row));
                self.opened(tag);
            }
            "tr" if in_table => {
                self.end_row();
                self.opened(tag);
                self.row.row = true;
            }
            "td" | "th" if in_table => {
                if self.row.cell {
                    self.layout.close(name);
                } else if !self.row.row {
                    self.layout.open("tr");
                    self.row.row = true;
                }
                self.opened(tag);
                self.row.cell = true;
            }
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" if in_table => {
                self.end_row();
                self.opened(tag);
            }
            // Outside a table HTML ignores them.
            "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {}
            _ => self.opened(tag),
        }
        TokenSinkResult::Continue
    }

    /// An HTML element opens.
    fn opened(&mut self, tag: &Tag) {
        self.layout.open(&tag.name);
        let open = self.open.entry(tag.name.clone()).or_default();
        *open += 1;
        let open = *open;
        if tag_conceals(tag) {
            self.layout.conceal();
            let at = self.concealed.len();
            self.concealed_at
                .entry(tag.name.clone())
                .or_default()
                .push(at);
            let scope = self.scope(&tag.name);
            self.concealed.push(Concealed {
                name: tag.name.clone(),
                open,
                scope,
            });
        }
    }

    /// How many elements are open that begin a scope for `name`.
    fn scope(&self, name: &str) -> usize {
        scopes(name)
            .iter()
            .map(|&s| {
                self.open
                    .get(&LocalName::from(s))
                    .copied()
                    .unwrap_or_default()
            })
            .sum()
    }

    /// Ends the hidden elements from position `at` in `concealed` on.
    fn reveal_from(&mut self, at: usize) {
        while self.concealed.len() > at {
            let Some(concealed) = self.concealed.pop() else {
                break;
            };
            if let Some(positions) = self.concealed_at.get_mut(&concealed.name) {
                positions.pop();
            }
            self.layout.reveal();
        }
    }

    /// Ends the innermost hidden element of name `tag` once fewer elements
    /// of its name are open than when it opened.
    fn reveal_closed(&mut self, tag: &LocalName) {
        let open = self.open.get(tag).copied().unwrap_or_default();
        let at = self.concealed_at.get(tag).and_then(|p| p.last()).copied();
        if let Some(at) = at.filter(|&at| self.concealed.get(at).is_some_and(|c| open < c.open)) {
            self.reveal_from(at);
        }
    }

    /// Ends the innermost hidden elements that a start or end tag `by` ends
    /// without their end tag: in their scope (not in a list or table nested
    /// in them), or as the scope ends.
    fn reveal_implied(&mut self, by: &str, start: bool) {
        while let Some(last) = self.concealed.last() {
            let now = self.scope(&last.name);
            let in_scope = if !start && scopes(&last.name).contains(&by) {
                now < last.scope
            } else {
                now == last.scope
            };
            if !(in_scope && ends_implied(&last.name, by, start)) {
                break;
            }
            self.reveal_from(self.concealed.len() - 1);
        }
    }

    fn end(&mut self, tag: &LocalName) {
        let name: &str = tag;
        if matches!(name, "body" | "html" | "br") && self.templates.is_empty() {
            self.body = true;
        }
        // Inside raw text the only end tag is the element's own.
        if let Some((raw, concealed)) = self.raw.take() {
            if concealed {
                self.layout.reveal();
            }
            self.layout.close(&raw);
            return;
        }
        if self.templates.last() == Some(&Template::Columns) && name != "template" {
            return;
        }
        // An end tag inside `svg` or `math` closes the element of its name;
        // another one closes them too if an HTML element of its name is
        // open (`</br>` and `</p>` always do).
        if !self.foreign.is_empty() {
            if !matches!(name, "br" | "p") && self.foreign_names.contains_key(tag) {
                self.pop_foreign(Some(tag));
                return;
            }
            if matches!(name, "br" | "p") || self.open.get(tag).is_some_and(|&n| n > 0) {
                self.pop_foreign(None);
            }
        }
        if let Some(count) = self.open.get_mut(tag) {
            *count = count.saturating_sub(1);
        }
        self.reveal_closed(tag);
        self.reveal_implied(name, false);
        match name {
            // Opened as raw text or not at all.
            "head" | "svg" | "math" | "script" | "style" | "noscript" => {}
            "template" => {
                if self.templates.pop().is_some() {
                    self.layout.close(name);
                }
            }
            "br" => {
                self.layout.open(name);
                self.layout.close(name);
            }
            "table" => {
                if let Some(outer) = self.tables.pop() {
                    self.end_row();
                    self.layout.close(name);
                    self.row = outer;
                }
            }
            "tr" | "tbody" | "thead" | "tfoot" => self.end_row(),
            "td" | "th" => {
                if self.row.cell {
                    self.layout.close(name);
                    self.row.cell = false;
                }
            }
            _ => self.layout.close(name),
        }
    }

    /// Closes the open cell and row of the innermost table.
    fn end_row(&mut self) {
        if self.row.cell {
            self.layout.close("td");
        }
        if self.row.row {
            self.layout.close("tr");
        }
        self.row = Row::default();
    }

    fn push_foreign(&mut self, name: &LocalName) {
        self.layout.open(name);
        *self.foreign_names.entry(name.clone()).or_default() += 1;
        self.foreign.push(name.clone());
    }

    /// Closes the `svg` or `math` elements down to the innermost one named
    /// `until`, or all of them.
    fn pop_foreign(&mut self, until: Option<&LocalName>) {
        while let Some(name) = self.foreign.pop() {
            self.layout.close(&name);
            if let Some(count) = self.foreign_names.get_mut(&name) {
                *count -= 1;
                if *count == 0 {
                    self.foreign_names.remove(&name);
                }
            }
            if until == Some(&name) {
                break;
            }
        }
    }
}

/// How the tokenizer reads the content of an element whose content is raw
/// text.
fn raw_kind(name: &str) -> Option<TokenSinkResult<()>> {
    Some(match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// The elements in which an element HTML ends without its end tag begins
/// anew: a list in a list item, a table in a cell.
fn scopes(name: &str) -> &'static [&'static str] {
    match name {
        "li" => &["ul", "ol"],
        "dt" | "dd" => &["dl"],
        "option" => &["select", "datalist"],
        "td" | "th" | "tr" => &["table"],
        _ => &[],
    }
}

/// Whether a start tag (`start`) or end tag `by` ends an open element `name`
/// that HTML ends without its end tag: a paragraph, list item, option, table
/// cell or row.
fn ends_implied(name: &str, by: &str, start: bool) -> bool {
    let by_one_of = |starts: &[&str], ends: &[&str]| {
        if start {
            starts.contains(&by)
        } else {
            ends.contains(&by)
        }
    };
    match name {
        "p" => {
            by == "p"
                || heading_level(by).is_some()
                || (BLOCKS.contains(&by) && !matches!(by, "br" | "tr" | "body"))
                || (!start && matches!(by, "td" | "th"))
        }
        "li" => by_one_of(&["li"], &["ul", "ol"]),
        "dt" | "dd" => by_one_of(&["dt", "dd"], &["dl"]),
        "option" => by_one_of(&["option", "optgroup"], &["select", "optgroup"]),
        "td" | "th" => by_one_of(
            &["td", "th", "tr", "tbody", "thead", "tfoot"],
            &["tr", "table", "tbody", "thead", "tfoot"],
        ),
        "tr" => by_one_of(
            &["tr", "tbody", "thead", "tfoot"],
            &["table", "tbody", "thead", "tfoot"],
        ),
        _ => false,
    }
}

/// Whether a start tag ends `svg` and `math` content.
fn breaks_out(tag: &Tag) -> bool {
    BREAKOUT.contains(&&*tag.name)
        || (&*tag.name == "font"
            && tag
                .attrs
                .iter()
                .any(|a| matches!(&*a.name.local, "color" | "face" | "size")))
}

fn heading_level(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reading before pieces and flat reading: one parse, its tree walked.
    fn one_parse(html: &str) -> Result<String, String> {
        walk(&Html::parse_document(html)).finish()
    }

    fn flat(html: &str) -> Result<String, String> {
        read_flat(html).finish()
    }

    /// The layout text of `html`, the tree builder being given `piece` bytes
    /// at a time, and how it was read.
    fn read(html: &str, piece: usize) -> (Result<String, String>, Reading) {
        let (layout, reading) = layout(html, piece);
        (layout.finish(), reading)
    }

    /// The words of a layout text without the layout's marks (`#`, `|`),
    /// sorted: what a flat reading must find whatever its paragraph breaks.
    fn words(text: &Result<String, String>) -> Vec<String> {
        let mut words: Vec<String> = text
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| c == '#' || c == '|'))
            .map(str::to_string)
            .collect();
        words.sort();
        words
    }

    #[test]
    fn visible_text_with_headings_and_tables() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
            <h1>Beslut om hemtjänst</h1><p>Du får <b>hemtjänst</b> &amp; larm.</p>\
            <script>var a = 1;</script>\
            <table><tr><th>Insats</th><th>Omfattning</th></tr>\
            <tr><td>Hemtjänst</td><td>10 timmar</td></tr></table>\
            <div>Handläggare: Eva Lund</div></body></html>";
        let expected = "# Beslut om hemtjänst\n\nDu får hemtjänst & larm.\n\nInsats | Omfattning\n\nHemtjänst | 10 timmar\n\nHandläggare: Eva Lund\n";
        assert_eq!(extract(html.as_bytes()).unwrap().text, expected);
        assert_eq!(read(html, PIECE).1, Reading::Tree);
        // Read flat, a well-formed page gives the same layout.
        assert_eq!(flat(html).unwrap(), expected);
    }

    #[test]
    fn deep_nesting_and_empty_pages() {
        let deep = format!("{}Text{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert_eq!(extract(deep.as_bytes()).unwrap().text, "Text\n");
        assert!(extract(b"<html><script>x</script></html>").is_err());
        let deep = format!("<script>x</script>{}", "<div>".repeat(5_000));
        assert_eq!(
            extract(deep.as_bytes()).unwrap_err(),
            "HTML-filen har ingen synlig text"
        );
    }

    /// A case document wrapped in `depth` levels of `open` … `close`.
    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!(
            "<html><head><title>Titel</title><style>p {{ margin: 0 }}</style></head><body>\
             <p>Ärende: 2025-0411</p>{}<h2>Beslut</h2><p>Du får hemtjänst &amp; larm.</p>\
             <table><tr><td>Insats</td><td>Hemtjänst</td></tr></table>\
             <script>document.write('<div>')</script>{}<p>Handläggare: Eva Lund</p></body></html>",
            open.repeat(depth),
            close.repeat(depth)
        )
    }

    #[test]
    fn deep_nesting_of_any_element_is_read_flat_with_the_same_layout() {
        let nests = [
            ("<div>", "</div>", 1),
            ("<section>", "</section>", 1),
            ("<blockquote>", "</blockquote>", 1),
            ("<table><tr><td>", "</td></tr></table>", 3),
            (
                "<div><section><blockquote><ul><li><span>",
                "</span></li></ul></blockquote></section></div>",
                6,
            ),
            ("<b>", "</b>", 1),
            ("<div><font color=red>", "</font></div>", 2),
        ];
        for (open, close, per) in nests {
            let shallow = nested(open, close, 3);
            let (text, reading) = read(&shallow, PIECE);
            assert_eq!(reading, Reading::Tree, "{open}");
            let text = text.unwrap();
            assert_eq!(
                text,
                "Ärende: 2025-0411\n\n## Beslut\n\nDu får hemtjänst & larm.\n\nInsats | Hemtjänst\n\nHandläggare: Eva Lund\n",
                "{open}"
            );
            for depth in [1_000, 20_000, 100_000] {
                let deep = nested(open, close, depth / per);
                let (deep_text, reading) = read(&deep, PIECE);
                assert_eq!(reading, Reading::Flat, "{open} × {depth}");
                assert_eq!(deep_text.unwrap(), text, "{open} × {depth}");
            }
        }
    }

    #[test]
    fn unclosed_formatting_reopened_in_every_paragraph_is_read_flat() {
        let page = |n: usize| -> String {
            (0..n)
                .map(|i| format!("<p><b id={i}><i class=c{i}>ord{i} </p>"))
                .collect()
        };
        let expected = |n: usize| -> Vec<String> {
            let mut words: Vec<String> = (0..n).map(|i| format!("ord{i}")).collect();
            words.sort();
            words
        };
        // A few are read from the tree, as always.
        let few = page(40);
        let (text, reading) = read(&few, PIECE);
        assert_eq!(reading, Reading::Tree);
        assert_eq!(text, one_parse(&few));
        assert_eq!(words(&text), expected(40));
        // Thousands copy every earlier `<b>` and `<i>` into each paragraph.
        let many = page(20_000);
        let (text, reading) = read(&many, PIECE);
        assert_eq!(reading, Reading::Flat);
        assert_eq!(words(&text), expected(20_000));
    }

    #[test]
    fn long_documents_of_unclosed_elements_are_read_as_one_parse_reads_them() {
        let mut html = String::from(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>Utredning</title>\
             <style>div > p { color: red }</style>\
             <script>if (a < b) { document.write('<div><div><div><div>'); }</script></head><body>",
        );
        for i in 0..3_000 {
            html.push_str(&format!(
                "<p>Stycke {i} med <b>fet</b> text<br>ny rad<img src=x.png><br/>\
                 <!-- <div><div><div> --><p>Nästa stycke<p><i>kursivt</i><p>"
            ));
            html.push_str(&format!("<ul><li>punkt {i}<li>punkt<li><p>punkt</ul>"));
            html.push_str(&format!("<dl><dt>Term {i}<dd>Förklaring<dt>Term<dd></dl>"));
            html.push_str(&format!(
                "<table><tr><td>Insats {i}<td>Omfattning<tr><td>Hemtjänst<td>10 timmar</table>"
            ));
            html.push_str("<select><option>Ja<option>Nej</select><input type=checkbox><hr>");
            html.push_str("<div class=x><span>Handläggare: <a href=#>Eva Lund</a></span></div>");
        }
        html.push_str("</body></html>");
        let (text, reading) = read(&html, PIECE);
        assert_eq!(reading, Reading::Tree);
        assert_eq!(text, one_parse(&html));
        let text = text.unwrap();
        assert!(text.contains("Insats 2999 | Omfattning\n"), "{text}");
        assert!(!text.contains("Utredning") && !text.contains("document.write"));
        // Read flat, nothing is lost either.
        assert_eq!(words(&flat(&html)), words(&Ok(text)));
    }

    /// What Word's "Save as web page" writes.
    const WORD: &str = r#"<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<title>Beslut</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>Eva Lund</o:Author></o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt;}
-->
</style>
</head>
<body lang=SV style='word-wrap:break-word'>
<div class=WordSection1>
<h1><span lang=SV>Beslut om hemtjänst</span></h1>
<p class=MsoNormal><b><span lang=SV>Ärende:</span></b><span lang=SV> 2025-0411<o:p></o:p></span></p>
<p class=MsoNormal><span lang=SV>Beslutsdatum: 2025-04-14</span></p>
<p class=MsoNormal><span lang=SV>&nbsp;</span></p>
<p class=MsoListParagraph style='text-indent:-18.0pt'><![if !supportLists]><span lang=SV style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=SV>Du får hemtjänst två timmar i veckan.</span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
 <tr>
  <td width=302 valign=top><p class=MsoNormal><span lang=SV>Insats</span></p></td>
  <td width=302 valign=top><p class=MsoNormal><span lang=SV>Omfattning</span></p></td>
 </tr>
</table>
<p class=MsoNormal><span lang=SV>Handläggare: Eva Lund<br>Socialtjänsten</span></p>
</div>
</body>
</html>"#;

    #[test]
    fn a_word_export_is_read_from_the_tree_and_flat_alike() {
        let (text, reading) = read(WORD, PIECE);
        assert_eq!(reading, Reading::Tree);
        assert_eq!(text, one_parse(WORD));
        let text = text.unwrap();
        assert!(
            text.starts_with(
                "# Beslut om hemtjänst\n\nÄrende: 2025-0411\nBeslutsdatum: 2025-04-14\n"
            ),
            "{text}"
        );
        assert!(
            !text.contains("Eva Lund\n\nEva") && !text.contains("MsoNormal"),
            "{text}"
        );
        assert_eq!(flat(WORD), Ok(text));
    }

    #[test]
    fn an_unclosed_font_in_every_record_nests_deeper_and_is_read_flat_alike() {
        // Sloppy but real: every unclosed `<font>` holds the rest of the page.
        let html: String = std::iter::once("<!DOCTYPE html>".to_string())
            .chain((0..2_000).map(|i| {
                format!(
                    "<font face=Arial><h3>Anteckning {i}</h3><p>Datum: 2025-04-{:02}<br>\
                     Samtal med <b>sökanden</b>.<table><tr><td>Insats<td>Hemtjänst</table>",
                    i % 28 + 1
                )
            }))
            .collect();
        let (text, reading) = read(&html, PIECE);
        assert_eq!(reading, Reading::Flat);
        assert_eq!(text, one_parse(&html));
    }

    #[test]
    fn nesting_just_under_the_limit_is_read_from_the_tree() {
        let depth = MAX_NESTING - 16;
        let html = nested("<div>", "</div>", depth);
        let (text, reading) = read(&html, PIECE);
        assert_eq!(reading, Reading::Tree);
        assert_eq!(text, one_parse(&html));
        // The depth is seen between pieces, so it may pass the limit by up
        // to a third of a piece unseen.
        let html = nested("<div>", "</div>", MAX_NESTING + PIECE / 3);
        let (text, reading) = read(&html, PIECE);
        assert_eq!(reading, Reading::Flat);
        assert_eq!(text, one_parse(&html));
    }

    /// The text and hidden characters of `html` read from the tree and
    /// read flat.
    fn both(html: &str) -> [(Result<String, String>, usize); 2] {
        let tree = walk(&Html::parse_document(html));
        let flat = read_flat(html);
        [tree, flat].map(|layout| {
            let hidden = layout.concealed_chars;
            (layout.finish(), hidden)
        })
    }

    #[test]
    fn hidden_elements_are_left_out_and_counted() {
        let html = "<html><body><h1>Beslut</h1><p>Synlig text.</p>\
            <p hidden>Dold ett</p>\
            <div style=\"color: red; DISPLAY : None !important\">Dold <b>två</b></div>\
            <span style='visibility:hidden'>Dold3</span>\
            <template><p>Mall</p></template>\
            <p aria-hidden=\"true\">Aria syns.</p>\
            <p style=\"display: block; visibility: visible\">Block syns.</p>\
            <h2 hidden>Dold rubrik</h2><p>Efter rubriken.</p>\
            <textarea style=display:none>Fält</textarea>\
            <table><tr><td>Cell</td><td hidden>Dold cell</td><td>Två</td></tr></table>\
            <div hidden><script>var x = 1;</script></div></body></html>";
        let expected = "# Beslut\n\nSynlig text.\n\nAria syns.\n\nBlock syns.\n\nEfter rubriken.\n\nCell | | Två\n";
        // Dold ett, Dold två, Dold3, Mall, Dold rubrik, Fält, Dold cell (read
        // as an empty cell); the script is no text.
        let count = 7 + 7 + 5 + 4 + 10 + 4 + 8;
        for (text, hidden) in both(html) {
            assert_eq!(text.as_deref(), Ok(expected));
            assert_eq!(hidden, count);
        }
        let read = extract(html.as_bytes()).unwrap();
        assert_eq!(read.text, expected);
        assert_eq!(
            read.metadata.get("dold_text"),
            Some(count.to_string().as_str())
        );
        let read = extract(b"<p>Inget dolt.</p>").unwrap();
        assert_eq!(read.metadata.get("dold_text"), None);
        assert_eq!(
            extract(b"<p hidden>Allt dolt.</p>").unwrap_err(),
            "HTML-filen har ingen synlig text (9 tecken är dolda)"
        );
        assert_eq!(
            text_and_hidden(b"<p hidden>Allt dolt.</p>"),
            Ok((String::new(), 9))
        );
    }

    #[test]
    fn hidden_elements_read_flat_end_where_the_tree_ends_them() {
        let cases = [
            "<ul><li hidden>Dold<li>Punkt</ul><p>Efter</p>",
            "<ul><li hidden>Dold<ul><li>Inre</li></ul>Dold</li><li>Punkt</ul>",
            "<p hidden>Dold<div>Block</div>",
            "<div><p hidden>Dold</div>Efter",
            "<p hidden>Dold<p>Nästa",
            "<dl><dt hidden>Dold<dd>Förklaring</dl>",
            "<table><tr><td hidden>Dold<td>Cell<tr hidden><td>Dold<tr><td>Rad</table>",
            "<table><tr><td hidden>Dold<table><tr><td>Dold</table>Dold<td>Cell</table>",
            "<select><option hidden>Dold<option>Val</select>",
            "<div hidden><div>Dold</div>Dold</div>Efter",
            "<div hidden><span hidden>Dold</div>Efter",
            "<section style=display:none><p>Dold<p>Dold</section><p>Efter",
        ];
        for case in cases {
            let [tree, flat] = both(case);
            assert_eq!(tree, flat, "{case}");
            assert!(!tree.0.as_deref().unwrap().contains("Dold"), "{case}");
            // Deep enough to be read flat, the same.
            let deep = format!("{}{case}", "<div>".repeat(2 * MAX_NESTING));
            let (layout, reading) = layout(&deep, PIECE);
            assert_eq!(reading, Reading::Flat);
            assert_eq!(layout.concealed_chars, tree.1, "{case}");
            assert_eq!(layout.finish(), tree.0, "{case}");
        }
        // Deeply nested hidden elements cost linear time.
        let n = 100_000;
        let deep = format!(
            "{}Dold{}Efter",
            "<div hidden>".repeat(n),
            "</div>".repeat(n)
        );
        let (layout, reading) = layout(&deep, PIECE);
        assert_eq!(reading, Reading::Flat);
        assert_eq!(layout.concealed_chars, 4);
        assert_eq!(layout.finish().unwrap(), "Efter\n");
    }

    /// Tags, text, entities, comments and the like in any order: tag soup.
    fn soup() -> impl Strategy<Value = String> {
        const NAMES: &[&str] = &[
            "html",
            "head",
            "body",
            "title",
            "p",
            "div",
            "span",
            "b",
            "i",
            "u",
            "a",
            "em",
            "strong",
            "nobr",
            "font",
            "section",
            "blockquote",
            "center",
            "ul",
            "ol",
            "li",
            "dl",
            "dt",
            "dd",
            "pre",
            "h1",
            "h2",
            "h3",
            "table",
            "caption",
            "tbody",
            "thead",
            "tr",
            "td",
            "th",
            "colgroup",
            "col",
            "br",
            "hr",
            "img",
            "select",
            "option",
            "optgroup",
            "form",
            "button",
            "input",
            "label",
            "textarea",
            "script",
            "style",
            "noscript",
            "template",
            "xmp",
            "iframe",
            "noembed",
            "noframes",
            "plaintext",
            "svg",
            "math",
            "g",
            "mi",
            "address",
            "figure",
            "main",
            "nav",
            "object",
            "marquee",
            "applet",
            "ruby",
            "rt",
            "meta",
            "link",
        ];
        const WORDS: &[&str] = &[
            "beslut",
            "hemtjänst",
            "Ärende:",
            "2025-0411",
            "avslag",
            "motivering",
            "x",
            "&amp;",
            "&lt;div&gt;",
            "&aring;r",
            "&#229;",
            "a&b",
            "<",
            ">",
            "</",
            "=",
            "\"",
            "'",
        ];
        let piece = prop_oneof![
            4 => prop::sample::select(NAMES).prop_map(|n| format!("<{n}>")),
            3 => prop::sample::select(NAMES).prop_map(|n| format!("</{n}>")),
            1 => prop::sample::select(NAMES).prop_map(|n| format!("<{n}/>")),
            4 => prop::sample::select(WORDS).prop_map(str::to_string),
            1 => prop::sample::select(&[
                "<!-- <div> kommentar -->",
                "<!DOCTYPE html>",
                "<![CDATA[ cdata ]]>",
                "<font color=red>",
                "<b id=1>",
                "<td colspan=2>",
                "<a href='x'>",
                "<?xml version='1.0'?>",
                "<!--",
                "\r\n",
                "\u{0}",
            ][..])
            .prop_map(str::to_string),
        ];
        // Spaces between the pieces keep words apart where the two readings
        // break paragraphs differently.
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
    }

    /// Whether `html` has `svg` or `math` content, where a flat reading
    /// follows HTML's error recovery only roughly: an end tag that HTML
    /// ignores may end an `svg` for it, or one that HTML applies not.
    fn foreign(html: &str) -> bool {
        html.contains("<svg>") || html.contains("<math>")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Shallow soup is read from the tree, in pieces of any size exactly
        /// as one parse reads it, and a flat reading finds the same words.
        #[test]
        fn shallow_soup_is_read_as_one_parse_reads_it_and_flat_finds_the_same_words(
            html in soup(),
            piece in 1usize..40,
        ) {
            let (text, reading) = read(&html, piece);
            prop_assert_eq!(reading, Reading::Tree);
            let reference = one_parse(&html);
            prop_assert_eq!(&text, &reference);
            if !foreign(&html) {
                prop_assert_eq!(words(&flat(&html)), words(&reference));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Soup inside nesting deep enough to be read flat finds the words
        /// one parse finds.
        #[test]
        fn soup_nested_deep_is_read_flat_and_finds_the_same_words(
            html in soup(),
            open in prop::sample::select(&[
                "<div>",
                "<b>",
                "<blockquote>",
                "<table><tr><td>",
                "<ul><li>",
                "<span><section>",
            ][..]),
            depth in 600usize..2000,
        ) {
            let html = format!("{}{html}", open.repeat(depth));
            let (text, reading) = read(&html, PIECE);
            prop_assert_eq!(reading, Reading::Flat);
            if !foreign(&html) {
                prop_assert_eq!(words(&text), words(&one_parse(&html)));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Soup repeated until it nests deep never panics, and whichever way
        /// it is read, it finds the words one parse finds.
        #[test]
        fn deep_soup_never_panics_and_loses_no_words(html in soup(), times in 1usize..150) {
            let html = html.repeat(times);
            let (text, _) = read(&html, PIECE);
            if let Ok(text) = &text {
                prop_assert!(!text.trim().is_empty());
            }
            if !foreign(&html) {
                prop_assert_eq!(words(&text), words(&one_parse(&html)));
            }
        }
    }
}
