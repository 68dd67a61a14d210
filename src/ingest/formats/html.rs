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

mod flat;

use flat::*;

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

#[cfg(test)]
mod tests;
