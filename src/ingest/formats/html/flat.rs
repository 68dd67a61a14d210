//! The flat reader: HTML read token by token when the tree would be too deep or too large, with implied ends and hidden parts.

use super::*;

/// Reads `html` flat: the tokenizer's tags and text in the order they come,
/// given to the [`Layout`] rules, in one linear pass whatever the nesting.
pub(super) fn read_flat(html: &str) -> Layout {
    let tokenizer = Tokenizer::new(FlatSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    std::mem::take(&mut tokenizer.sink.0.borrow_mut().layout)
}

/// The tokenizer's consumer in a flat reading.
#[derive(Default)]
pub(super) struct FlatSink(RefCell<Flat>);

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
pub(super) struct Flat {
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
pub(super) struct Concealed {
    name: LocalName,
    /// How many elements of its name were open once it opened.
    open: usize,
    /// How many elements of its [`scopes`] were open when it opened.
    scope: usize,
}

/// What a `template` holds, which its first element decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Template {
    Undecided,
    /// Table columns: HTML ignores every tag but `col` and `template`.
    Columns,
    Other,
}

/// Whether a table row and a cell in it are open.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Row {
    row: bool,
    cell: bool,
}

impl Flat {
    pub(super) fn text(&mut self, text: &str) {
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
    pub(super) fn null(&mut self) {
        if self.foreign.is_empty() {
            self.body |= self.raw.is_none() && self.templates.is_empty();
        } else {
            self.text("\u{fffd}");
        }
    }

    pub(super) fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
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
    pub(super) fn opened(&mut self, tag: &Tag) {
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
    pub(super) fn scope(&self, name: &str) -> usize {
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
    pub(super) fn reveal_from(&mut self, at: usize) {
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
    pub(super) fn reveal_closed(&mut self, tag: &LocalName) {
        let open = self.open.get(tag).copied().unwrap_or_default();
        let at = self.concealed_at.get(tag).and_then(|p| p.last()).copied();
        if let Some(at) = at.filter(|&at| self.concealed.get(at).is_some_and(|c| open < c.open)) {
            self.reveal_from(at);
        }
    }

    /// Ends the innermost hidden elements that a start or end tag `by` ends
    /// without their end tag: in their scope (not in a list or table nested
    /// in them), or as the scope ends.
    pub(super) fn reveal_implied(&mut self, by: &str, start: bool) {
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

    pub(super) fn end(&mut self, tag: &LocalName) {
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
    pub(super) fn end_row(&mut self) {
        if self.row.cell {
            self.layout.close("td");
        }
        if self.row.row {
            self.layout.close("tr");
        }
        self.row = Row::default();
    }

    pub(super) fn push_foreign(&mut self, name: &LocalName) {
        self.layout.open(name);
        *self.foreign_names.entry(name.clone()).or_default() += 1;
        self.foreign.push(name.clone());
    }

    /// Closes the `svg` or `math` elements down to the innermost one named
    /// `until`, or all of them.
    pub(super) fn pop_foreign(&mut self, until: Option<&LocalName>) {
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
pub(super) fn raw_kind(name: &str) -> Option<TokenSinkResult<()>> {
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
pub(super) fn scopes(name: &str) -> &'static [&'static str] {
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
pub(super) fn ends_implied(name: &str, by: &str, start: bool) -> bool {
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
pub(super) fn breaks_out(tag: &Tag) -> bool {
    BREAKOUT.contains(&&*tag.name)
        || (&*tag.name == "font"
            && tag
                .attrs
                .iter()
                .any(|a| matches!(&*a.name.local, "color" | "face" | "size")))
}

pub(super) fn heading_level(name: &str) -> Option<usize> {
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
