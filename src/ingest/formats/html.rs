//! HTML (`.html`, `.htm`): the visible text, `h1`–`h6` as headings, block
//! elements as paragraphs, table rows as lines. Scripts, styles and the
//! `head` are left out. The tree is walked without recursion, so deeply
//! nested HTML costs no stack.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{Blocks, Extracted, Read};
use crate::ingest::encoding;

/// Elements whose content is not visible text.
const HIDDEN: &[&str] = &["script", "style", "head", "noscript", "template", "svg"];

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

/// Reads an HTML file.
pub fn extract(bytes: &[u8]) -> Read {
    let decoded = encoding::decode(bytes)?;
    let html = Html::parse_document(&decoded.text);
    let mut blocks = Blocks::default();
    let mut line = String::new();
    let mut heading: Option<usize> = None;
    let mut hidden = 0usize;
    let flush = |blocks: &mut Blocks, line: &mut String, heading: Option<usize>| {
        match heading {
            Some(level) => blocks.heading(level, line),
            None => blocks.paragraph(&line.split_whitespace().collect::<Vec<_>>().join(" ")),
        }
        line.clear();
    };
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if HIDDEN.contains(&name) {
                        hidden += 1;
                    } else if hidden == 0 {
                        if let Some(level) = heading_level(name) {
                            flush(&mut blocks, &mut line, heading);
                            heading = Some(level);
                        } else if BLOCKS.contains(&name) {
                            flush(&mut blocks, &mut line, heading);
                        }
                    }
                }
                Node::Text(t) if hidden == 0 => {
                    line.push_str(t);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if HIDDEN.contains(&name) {
                        hidden = hidden.saturating_sub(1);
                    } else if hidden == 0 {
                        if heading_level(name).is_some() {
                            flush(&mut blocks, &mut line, heading);
                            heading = None;
                        } else if matches!(name, "td" | "th") {
                            line.push_str(" | ");
                        } else if BLOCKS.contains(&name) {
                            let row = line.trim().trim_end_matches('|').trim().to_string();
                            line = row;
                            flush(&mut blocks, &mut line, heading);
                        }
                    }
                }
            }
        }
    }
    flush(&mut blocks, &mut line, heading);
    if blocks.text.trim().is_empty() {
        return Err("HTML-filen har ingen synlig text".to_string());
    }
    Ok(Extracted {
        text: blocks.text,
        encoding: decoded.encoding,
        ..Extracted::default()
    })
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

    #[test]
    fn visible_text_with_headings_and_tables() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
            <h1>Beslut om hemtjänst</h1><p>Du får <b>hemtjänst</b> &amp; larm.</p>\
            <script>var a = 1;</script>\
            <table><tr><th>Insats</th><th>Omfattning</th></tr>\
            <tr><td>Hemtjänst</td><td>10 timmar</td></tr></table>\
            <div>Handläggare: Eva Lund</div></body></html>";
        let text = extract(html.as_bytes()).unwrap().text;
        assert_eq!(
            text,
            "# Beslut om hemtjänst\n\nDu får hemtjänst & larm.\n\nInsats | Omfattning\n\nHemtjänst | 10 timmar\n\nHandläggare: Eva Lund\n"
        );
    }

    #[test]
    fn deep_nesting_and_empty_pages() {
        let deep = format!("{}Text{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert_eq!(extract(deep.as_bytes()).unwrap().text, "Text\n");
        assert!(extract(b"<html><script>x</script></html>").is_err());
    }
}
