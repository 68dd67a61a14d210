//! The granskningsmall syntax: nom parsers from text to [`ast`](super::ast).
//!
//! Items and statements start with a Swedish keyword, so the parser dispatches
//! on the keyword and commits: an error lands where it really is. After an error
//! it skips to the next statement (inside a block) or the next item (at the top),
//! so every syntax error in a file is reported at once.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char as ch, digit1};
use nom::combinator::{cut, map, not, opt, peek, recognize};
use nom::error::{ContextError, ErrorKind, ParseError, context};
use nom::multi::separated_list1;
use nom::sequence::{pair, preceded, terminated, tuple};
use nom::{IResult, Parser};
use nom_locate::LocatedSpan;

use super::ast::*;
use super::diagnostic::{Diagnostic, code};

mod conditions;
mod items;

use conditions::*;
use items::*;

type In<'a> = LocatedSpan<&'a str>;
type PResult<'a, T> = IResult<In<'a>, T, PError<'a>>;

/// How deeply parentheses and `inte` may nest in a condition or requirement.
///
/// No real template comes near it; the bound keeps the recursive descent in
/// [`logic`] (and every later walk over the tree: checking, evaluation,
/// `mall visa`) from running out of stack on a hostile or broken file.
pub const MAX_DEPTH: usize = 64;

/// A syntax error: where, and what was expected there.
#[derive(Debug)]
pub struct PError<'a> {
    at: In<'a>,
    expected: Option<&'static str>,
    /// A complete diagnostic, for errors that are not "expected X" (an
    /// expression nested too deeply).
    diagnostic: Option<Box<Diagnostic>>,
}

impl<'a> PError<'a> {
    fn expected(at: In<'a>, expected: Option<&'static str>) -> Self {
        PError {
            at,
            expected,
            diagnostic: None,
        }
    }
}

impl<'a> ParseError<In<'a>> for PError<'a> {
    fn from_error_kind(input: In<'a>, _kind: ErrorKind) -> Self {
        PError::expected(input, None)
    }
    fn append(_: In<'a>, _: ErrorKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        if other.at.location_offset() >= self.at.location_offset() {
            other
        } else {
            self
        }
    }
}

impl<'a> ContextError<In<'a>> for PError<'a> {
    fn add_context(_: In<'a>, ctx: &'static str, mut other: Self) -> Self {
        other.expected.get_or_insert(ctx);
        other
    }
}

/// Keywords that start a top-level item.
pub const ITEM_KEYWORDS: &[&str] = &[
    "mall",
    "utgår",
    "stäng",
    "ändra",
    "perspektiv",
    "lexikon",
    "avsnitt",
    "kriterium",
    "fråga",
];

/// Keywords that start a statement inside a criterion.
pub const STATEMENT_KEYWORDS: &[&str] = &[
    "perspektiv",
    "gäller",
    "allvar",
    "vikt",
    "källa",
    "meddelande",
    "råd",
    "kräver",
    "förbjuder",
    "mått",
    "viker",
    "exempel",
];

/// Parses a whole template file, returning what could be parsed and every
/// syntax error.
pub fn parse(source: &str) -> (File, Vec<Diagnostic>) {
    let mut file = File::default();
    let mut errors = Vec::new();
    let mut rest = In::new(source);
    loop {
        rest = skip_space(rest);
        if rest.fragment().is_empty() {
            break;
        }
        let word = peek_word(rest);
        let result = match word {
            "kriterium" | "fråga" | "ändra" => {
                block(rest, &mut errors).map(|(r, b)| (r, Item::Block(b)))
            }
            "utgår" => base(rest),
            "stäng" => disable(rest),
            "mall" => header(rest),
            "perspektiv" => perspective(rest),
            "lexikon" => lexicon(rest),
            "avsnitt" => sections(rest),
            _ => {
                errors.push(unknown_word(rest, word, ITEM_KEYWORDS, "i mallen"));
                rest = skip_to_item(rest);
                continue;
            }
        };
        match result {
            Ok((r, item)) => {
                file.items.push(item);
                rest = r;
            }
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                errors.push(syntax_error(&e));
                rest = skip_to_item(e.at);
            }
            Err(nom::Err::Incomplete(_)) => break,
        }
    }
    (file, errors)
}

fn syntax_error(e: &PError) -> Diagnostic {
    if let Some(diagnostic) = &e.diagnostic {
        return (**diagnostic).clone();
    }
    let start = e.at.location_offset();
    let found = peek_token(e.at);
    let expected = e.expected.unwrap_or("något annat");
    let (message, span) = if found.is_empty() {
        (
            format!("mallen tar slut här, men {expected} behövs"),
            start..start,
        )
    } else {
        (
            format!("förväntade {expected}, men hittade `{found}`"),
            start..start + found.len(),
        )
    };
    Diagnostic::new(code::SYNTAX, message, span).label(format!("här behövs {expected}"))
}

fn unknown_word(at: In, word: &str, keywords: &[&str], place: &str) -> Diagnostic {
    let start = at.location_offset();
    let found = if word.is_empty() {
        peek_token(at)
    } else {
        word
    };
    let mut diagnostic = Diagnostic::new(
        code::UNKNOWN_WORD,
        format!("okänt ord `{found}` {place}"),
        start..start + found.len(),
    )
    .label("okänt ord");
    diagnostic = match super::diagnostic::did_you_mean(found, keywords.iter().copied()) {
        Some(suggestion) => diagnostic.help(format!("menade du `{suggestion}`?")),
        None => diagnostic.help(format!("här kan stå: {}", keywords.join(", "))),
    };
    diagnostic
}

/// Skips to the start of the next line that begins (in column 1) with an item
/// keyword.
fn skip_to_item(at: In) -> In {
    let mut rest = at;
    if at.get_column() == 1 && ITEM_KEYWORDS.contains(&peek_word(at)) && at.location_offset() > 0 {
        return at;
    }
    loop {
        let Some(newline) = rest.fragment().find('\n') else {
            return take_all(rest);
        };
        rest = advance(rest, newline + 1);
        if ITEM_KEYWORDS.contains(&peek_word(rest)) && !rest.fragment().starts_with([' ', '\t']) {
            return rest;
        }
    }
}

/// Skips to the next line inside a block that begins with a statement keyword
/// or a closing brace.
fn skip_to_statement(at: In) -> In {
    let mut rest = at;
    loop {
        let Some(newline) = rest.fragment().find('\n') else {
            return take_all(rest);
        };
        rest = advance(rest, newline + 1);
        let trimmed = rest.fragment().trim_start_matches([' ', '\t']);
        if trimmed.starts_with('}') || STATEMENT_KEYWORDS.contains(&peek_word(skip_space(rest))) {
            return rest;
        }
        if ITEM_KEYWORDS.contains(&peek_word(rest)) && !rest.fragment().starts_with([' ', '\t']) {
            return rest;
        }
    }
}

fn advance(at: In, n: usize) -> In {
    use nom::Slice;
    at.slice(n..)
}

fn take_all(at: In) -> In {
    advance(at, at.fragment().len())
}

// ---------------------------------------------------------------- lexing

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Skips white space and `#` comments.
fn skip_space(mut at: In) -> In {
    loop {
        let trimmed = at.fragment().trim_start();
        at = advance(at, at.fragment().len() - trimmed.len());
        if trimmed.starts_with('#') {
            let end = trimmed.find('\n').unwrap_or(trimmed.len());
            at = advance(at, end);
        } else {
            return at;
        }
    }
}

fn sp(i: In) -> PResult<()> {
    Ok((skip_space(i), ()))
}

/// The identifier-like word at `at`, or "".
fn peek_word(at: In<'_>) -> &str {
    let fragment: &str = at.fragment();
    let end = fragment
        .find(|c: char| !is_ident_char(c))
        .unwrap_or(fragment.len());
    &fragment[..end]
}

/// The token at `at` for an error message: a word, or else one character.
fn peek_token(at: In<'_>) -> &str {
    let word = peek_word(at);
    if !word.is_empty() {
        return word;
    }
    let fragment: &str = at.fragment();
    fragment
        .chars()
        .next()
        .map_or("", |c| &fragment[..c.len_utf8()])
}

/// A keyword (a whole word).
fn kw<'a>(word: &'static str) -> impl FnMut(In<'a>) -> PResult<'a, In<'a>> {
    preceded(
        sp,
        terminated(tag(word), not(peek(take_while1(is_ident_char)))),
    )
}

fn spanned<'a, O>(
    mut parser: impl Parser<In<'a>, O, PError<'a>>,
) -> impl FnMut(In<'a>) -> PResult<'a, Sp<O>> {
    move |i: In<'a>| {
        let i = skip_space(i);
        let start = i.location_offset();
        let (rest, node) = parser.parse(i)?;
        Ok((
            rest,
            Sp {
                node,
                span: start..rest.location_offset(),
            },
        ))
    }
}

fn ident(i: In) -> PResult<Sp<String>> {
    context(
        "ett namn",
        spanned(map(take_while1(is_ident_char), |s: In| {
            s.fragment().to_string()
        })),
    )(i)
}

fn number(i: In) -> PResult<Sp<f64>> {
    context(
        "ett tal",
        spanned(map(
            recognize(pair(digit1, opt(pair(alt((ch('.'), ch(','))), digit1)))),
            |s: In| s.fragment().replace(',', ".").parse().unwrap_or(0.0),
        )),
    )(i)
}

fn string(i: In) -> PResult<Sp<String>> {
    context(
        "en text inom citattecken",
        spanned(alt((triple_string, plain_string))),
    )(i)
}

fn plain_string(i: In) -> PResult<String> {
    let (mut rest, _) = ch('"')(i)?;
    let mut out = String::new();
    loop {
        let mut chars = rest.fragment().chars();
        match chars.next() {
            Some('"') => return Ok((advance(rest, 1), out)),
            Some('\\') => {
                let escaped = chars.next();
                match escaped {
                    Some('n') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => break,
                }
                rest = advance(rest, 1 + escaped.map_or(0, char::len_utf8));
            }
            Some('\n') | None => break,
            Some(c) => {
                out.push(c);
                rest = advance(rest, c.len_utf8());
            }
        }
    }
    Err(nom::Err::Failure(PError::expected(
        rest,
        Some("ett avslutande citattecken \" på samma rad"),
    )))
}

/// `"""` … `"""`, with the common indentation removed and the first line break
/// after the opening quotes dropped.
fn triple_string(i: In) -> PResult<String> {
    let (rest, _) = tag("\"\"\"")(i)?;
    let Some(end) = rest.fragment().find("\"\"\"") else {
        return Err(nom::Err::Failure(PError::expected(
            i,
            Some("ett avslutande \"\"\" för texten"),
        )));
    };
    let raw = &rest.fragment()[..end];
    Ok((advance(rest, end + 3), dedent(raw)))
}

fn dedent(raw: &str) -> String {
    let raw = raw
        .strip_prefix('\n')
        .or_else(|| raw.strip_prefix("\r\n"))
        .unwrap_or(raw);
    let indent = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        out.push_str(line.get(indent..).unwrap_or(line.trim_start()));
        out.push('\n');
    }
    // Drop the indentation line before the closing quotes.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `/uttryck/` with optional flag `i`.
fn regex(i: In) -> PResult<(Sp<String>, bool)> {
    let i = skip_space(i);
    let (rest, _) = context("ett reguljärt uttryck inom /…/", ch('/'))(i)?;
    let fragment: &str = rest.fragment();
    let mut end = None;
    let mut escaped = false;
    for (n, c) in fragment.char_indices() {
        match c {
            '\n' => break,
            '\\' if !escaped => escaped = true,
            '/' if !escaped => {
                end = Some(n);
                break;
            }
            _ => escaped = false,
        }
    }
    let Some(end) = end else {
        return Err(nom::Err::Failure(PError::expected(
            i,
            Some("ett avslutande / på samma rad"),
        )));
    };
    let source = Sp {
        node: fragment[..end].replace("\\/", "/"),
        span: rest.location_offset()..rest.location_offset() + end,
    };
    let rest = advance(rest, end + 1);
    let (rest, flags) = take_while(|c: char| c.is_ascii_alphabetic())(rest)?;
    if flags.fragment().chars().any(|c| c != 'i') {
        return Err(nom::Err::Failure(PError::expected(
            flags,
            Some("flaggan i (skiftlägesokänslig) eller ingen flagga"),
        )));
    }
    Ok((rest, (source, !flags.fragment().is_empty())))
}

// ---------------------------------------------------------------- items

#[cfg(test)]
mod tests;
