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
use super::diagnostic::Diagnostic;

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
    Diagnostic::new(message, span).label(format!("här behövs {expected}"))
}

fn unknown_word(at: In, word: &str, keywords: &[&str], place: &str) -> Diagnostic {
    let start = at.location_offset();
    let found = if word.is_empty() {
        peek_token(at)
    } else {
        word
    };
    let mut diagnostic = Diagnostic::new(
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

fn header(i: In) -> PResult<Item> {
    let (i, _) = kw("mall")(i)?;
    let (i, name) = cut(string)(i)?;
    let (i, version) = opt(preceded(kw("version"), cut(string)))(i)?;
    Ok((i, Item::Header { name, version }))
}

fn perspective(i: In) -> PResult<Item> {
    let (i, _) = kw("perspektiv")(i)?;
    let (mut i, (id, title)) = cut(pair(ident, string))(i)?;
    let mut weight = None;
    let mut target = None;
    loop {
        if let Ok((rest, _)) = kw("vikt")(i) {
            let (rest, w) = cut(number)(rest)?;
            weight = Some(w);
            i = rest;
        } else if let Ok((rest, _)) = kw("mål")(i) {
            let (rest, t) = cut(percent)(rest)?;
            target = Some(t);
            i = rest;
        } else {
            return Ok((
                i,
                Item::Perspective {
                    id,
                    title,
                    weight,
                    target,
                },
            ));
        }
    }
}

/// `90 %` as 0.9.
fn percent(i: In) -> PResult<Sp<f64>> {
    let (i, mut value) = number(i)?;
    let (i, _) = context("ett procenttecken %", preceded(sp, ch('%')))(i)?;
    value.node /= 100.0;
    Ok((i, value))
}

fn lexicon(i: In) -> PResult<Item> {
    let (i, _) = kw("lexikon")(i)?;
    let (i, name) = cut(ident)(i)?;
    let (i, append) = cut(context(
        "= eller +=",
        alt((
            map(preceded(sp, tag("+=")), |_| true),
            map(preceded(sp, ch('=')), |_| false),
        )),
    ))(i)?;
    let (i, paths) = cut(separated_list1(preceded(sp, ch(',')), string))(i)?;
    let (i, compounds) = map(opt(kw("sammansättningar")), |c| c.is_some())(i)?;
    Ok((
        i,
        Item::Lexicon {
            name,
            paths,
            append,
            compounds,
        },
    ))
}

fn base(i: In) -> PResult<Item> {
    let (i, _) = kw("utgår")(i)?;
    let (i, _) = cut(context("ordet från", kw("från")))(i)?;
    let (i, name) = cut(string)(i)?;
    Ok((i, Item::Base { name }))
}

fn disable(i: In) -> PResult<Item> {
    let (i, _) = kw("stäng")(i)?;
    let (i, _) = cut(context("ordet av", kw("av")))(i)?;
    let (i, ids) = cut(separated_list1(preceded(sp, ch(',')), ident))(i)?;
    Ok((i, Item::Disable { ids }))
}

fn sections(i: In) -> PResult<Item> {
    let (i, _) = kw("avsnitt")(i)?;
    if let Ok((i, _)) = kw("från")(i) {
        let (i, path) = cut(string)(i)?;
        return Ok((i, Item::SectionsFrom { path }));
    }
    let (i, (name, _, synonyms)) = cut(tuple((
        ident,
        context("=", preceded(sp, ch('='))),
        separated_list1(preceded(sp, ch(',')), string),
    )))(i)?;
    Ok((i, Item::Sections { name, synonyms }))
}

fn block<'a>(i: In<'a>, errors: &mut Vec<Diagnostic>) -> PResult<'a, Block> {
    let start = i.location_offset();
    let (i, keyword) = alt((kw("kriterium"), kw("fråga"), kw("ändra")))(i)?;
    let question = *keyword.fragment() == "fråga";
    let amend = *keyword.fragment() == "ändra";
    let (i, id) = cut(ident)(i)?;
    let (i, title) = if amend {
        (
            i,
            Sp {
                node: String::new(),
                span: id.span.clone(),
            },
        )
    } else {
        cut(string)(i)?
    };
    let (i, _) = cut(context("{", preceded(sp, ch('{'))))(i)?;
    let mut statements = Vec::new();
    let mut broken = false;
    let mut rest = i;
    let finish = |statements, broken, end: usize| Block {
        question,
        amend,
        id: id.clone(),
        title: title.clone(),
        statements,
        span: start..end,
        broken,
    };
    loop {
        rest = skip_space(rest);
        if let Some(after) = rest.fragment().strip_prefix('}') {
            let end = rest.location_offset() + 1;
            let rest = advance(rest, rest.fragment().len() - after.len());
            return Ok((rest, finish(statements, broken, end)));
        }
        let word = peek_word(rest);
        if rest.fragment().is_empty() || ITEM_KEYWORDS.contains(&word) && word != "perspektiv" {
            errors.push(
                Diagnostic::new(
                    format!("blocket `{}` avslutas inte", id.node),
                    id.span.clone(),
                )
                .label("blocket börjar här")
                .help("avsluta blocket med } på en egen rad"),
            );
            let end = rest.location_offset();
            return Ok((rest, finish(statements, true, end)));
        }
        if !STATEMENT_KEYWORDS.contains(&word) {
            errors.push(unknown_word(rest, word, STATEMENT_KEYWORDS, "i blocket"));
            broken = true;
            rest = skip_to_statement(rest);
            continue;
        }
        match spanned(statement)(rest) {
            Ok((r, s)) => {
                statements.push(s);
                rest = r;
            }
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                errors.push(syntax_error(&e));
                broken = true;
                rest = skip_to_statement(e.at);
            }
            Err(nom::Err::Incomplete(_)) => rest = take_all(rest),
        }
    }
}

// ---------------------------------------------------------------- statements

fn statement(i: In) -> PResult<Statement> {
    let word = peek_word(skip_space(i));
    let (i, _) = kw(STATEMENT_KEYWORDS
        .iter()
        .find(|k| **k == word)
        .copied()
        .unwrap_or("?"))(i)?;
    match word {
        "perspektiv" => map(cut(ident), Statement::Perspective)(i),
        "gäller" => cut(applies)(i),
        "allvar" => {
            let (i, word) = cut(context(
                "fel, varning eller info",
                spanned(map(alt((kw("fel"), kw("varning"), kw("info"))), |s: In| {
                    s.fragment().to_string()
                })),
            ))(i)?;
            match opt(preceded(kw("där"), cut(condition)))(i)? {
                (i, Some(c)) => Ok((i, Statement::SeverityWhen(word, c))),
                (i, None) => Ok((i, Statement::Severity(word))),
            }
        }
        "vikt" => map(cut(number), Statement::Weight)(i),
        "källa" => map(cut(string), Statement::Source)(i),
        "meddelande" => map(cut(string), Statement::Message)(i),
        "råd" => map(cut(string), Statement::Advice)(i),
        "kräver" => map(cut(requirement), Statement::Requires)(i),
        "förbjuder" => map(cut(pair(pattern, opt(scope))), |(p, s)| {
            Statement::Forbids(p, s)
        })(i),
        "mått" => map(cut(measure), Statement::Measure)(i),
        "viker" => map(
            cut(preceded(context("för", kw("för")), ident)),
            Statement::YieldsTo,
        )(i),
        _ => example(i),
    }
}

fn example(i: In) -> PResult<Statement> {
    let (i, met) = cut(context(
        "uppfyllt eller ej_uppfyllt",
        alt((
            map(kw("uppfyllt"), |_| true),
            map(kw("ej_uppfyllt"), |_| false),
        )),
    ))(i)?;
    let (i, text) = cut(string)(i)?;
    Ok((i, Statement::Example { met, text }))
}

fn applies(i: In) -> PResult<Statement> {
    let (i, kinds) = alt((
        map(kw("alla"), |_| Vec::new()),
        context(
            "en dokumenttyp (utredning, beslut …) eller alla",
            separated_list1(alt((preceded(sp, tag(",")), kw("och"))), kind_name),
        ),
    ))(i)?;
    let (i, condition) = opt(preceded(kw("där"), cut(condition)))(i)?;
    Ok((i, Statement::Applies { kinds, condition }))
}

/// A kind name: an identifier that is not a keyword of the condition syntax.
fn kind_name(i: In) -> PResult<Sp<String>> {
    let word = peek_word(skip_space(i));
    if matches!(word, "där" | "och" | "eller" | "inte" | "") {
        return Err(nom::Err::Error(PError::expected(skip_space(i), None)));
    }
    ident(i)
}

/// What a `logic` expression is, for the help of a depth error.
#[derive(Clone, Copy)]
enum Nesting {
    /// After `där`.
    Condition,
    /// After `kräver`.
    Requirement,
}

/// `a eller b`, `a och b`, `inte a` and parentheses over `atom`, with `och`
/// binding tighter than `eller`. `depth` is the number of parentheses and
/// `inte` around `i`; one more than [`MAX_DEPTH`] is an error.
fn logic<'a, A>(
    i: In<'a>,
    atom: fn(In<'a>) -> PResult<'a, A>,
    nesting: Nesting,
    depth: usize,
) -> PResult<'a, Logic<A>> {
    let and = |i| joined(i, "och", |i| logic_not(i, atom, nesting, depth), Logic::and);
    joined(i, "eller", and, Logic::or)
}

/// One or more `part`s separated by the keyword `word`, combined.
fn joined<'a, T>(
    i: In<'a>,
    word: &'static str,
    mut part: impl FnMut(In<'a>) -> PResult<'a, T>,
    combine: fn(Vec<T>) -> T,
) -> PResult<'a, T> {
    let (mut rest, first) = part(i)?;
    let mut parts = vec![first];
    while let Ok((r, _)) = kw(word)(rest) {
        let (r, next) = cut(&mut part)(r)?;
        parts.push(next);
        rest = r;
    }
    Ok((rest, combine(parts)))
}

fn logic_not<'a, A>(
    i: In<'a>,
    atom: fn(In<'a>) -> PResult<'a, A>,
    nesting: Nesting,
    depth: usize,
) -> PResult<'a, Logic<A>> {
    let at = skip_space(i);
    if let Ok((rest, _)) = kw("inte")(at) {
        deeper(at, "inte".len(), nesting, depth)?;
        let (rest, inner) = cut(|i| logic_not(i, atom, nesting, depth + 1))(rest)?;
        return Ok((rest, Logic::Not(Box::new(inner))));
    }
    if let Ok((rest, _)) = ch::<In, PError>('(')(at) {
        deeper(at, 1, nesting, depth)?;
        let (rest, inner) = cut(|i| logic(i, atom, nesting, depth + 1))(rest)?;
        let (rest, _) = cut(context(")", preceded(sp, ch(')'))))(rest)?;
        return Ok((rest, inner));
    }
    map(atom, Logic::Atom)(at)
}

/// An error unless one more level (the `(` or `inte`, `len` bytes at `at`)
/// fits under [`MAX_DEPTH`].
fn deeper<'a>(
    at: In<'a>,
    len: usize,
    nesting: Nesting,
    depth: usize,
) -> Result<(), nom::Err<PError<'a>>> {
    if depth < MAX_DEPTH {
        return Ok(());
    }
    let start = at.location_offset();
    let split = match nesting {
        Nesting::Condition => "dela upp villkoret på flera kriterier",
        Nesting::Requirement => {
            "dela upp kravet på flera `kräver`-rader (alla måste vara uppfyllda)"
        }
    };
    let diagnostic = Diagnostic::new(
        format!("uttrycket är nästlat djupare än {MAX_DEPTH} nivåer"),
        start..start + len,
    )
    .label(format!("nivå {} börjar här", MAX_DEPTH + 1))
    .help(format!(
        "varje parentes och varje `inte` är en nivå; ta bort parenteser som inte behövs \
         (`och` binder hårdare än `eller`), skriv `inte inte x` som `x`, eller {split}"
    ));
    Err(nom::Err::Failure(PError {
        at,
        expected: None,
        diagnostic: Some(Box::new(diagnostic)),
    }))
}

fn condition(i: In) -> PResult<Condition> {
    logic(i, condition_atom, Nesting::Condition, 0)
}

fn condition_atom(i: In) -> PResult<ConditionAtom> {
    if matches!(
        peek_word(skip_space(i)),
        "text" | "fras" | "lexikon" | "detektor"
    ) {
        return map(pattern, ConditionAtom::Pattern)(i);
    }
    map(metadata_test, ConditionAtom::Metadata)(i)
}

fn metadata_test(i: In) -> PResult<MetadataTest> {
    let (i, key) = context("ett villkor som ”utfall är avslag”", ident)(i)?;
    let (i, _) = cut(context("ordet är", kw("är")))(i)?;
    let (i, first) = cut(context("ett värde", ident))(i)?;
    let mut values = vec![first];
    let mut rest = i;
    // More values: `eller värde`, as long as the word after is not `är` (which
    // would start a new condition).
    while let Ok((r, v)) = preceded(kw("eller"), terminated(ident, not(kw("är"))))(rest) {
        values.push(v);
        rest = r;
    }
    Ok((rest, MetadataTest { key, values }))
}

fn requirement(i: In) -> PResult<Requirement> {
    logic(i, need, Nesting::Requirement, 0)
}

fn need(i: In) -> PResult<Need> {
    if let Ok((rest, _)) = kw("avsnitt")(i) {
        let (rest, name) = cut(ident)(rest)?;
        let (rest, min_words) = opt(preceded(
            pair(kw("med"), cut(kw("minst"))),
            cut(terminated(number, context("ordet ord", kw("ord")))),
        ))(rest)?;
        return Ok((rest, Need::Section { name, min_words }));
    }
    let (rest, p) = pattern(i)?;
    let (rest, s) = opt(scope)(rest)?;
    Ok((rest, Need::Pattern(p, s)))
}

fn pattern(i: In) -> PResult<Pattern> {
    context(
        "ett mönster: text /…/, fras \"…\", lexikon, detektor eller avsnitt",
        alt((
            map(preceded(kw("text"), cut(regex)), |(source, ci)| {
                Pattern::Regex {
                    source,
                    case_insensitive: ci,
                }
            }),
            map(preceded(kw("fras"), cut(string)), Pattern::Phrase),
            map(preceded(kw("lexikon"), cut(ident)), Pattern::Lexicon),
            map(
                preceded(
                    kw("detektor"),
                    cut(pair(
                        ident,
                        opt(preceded(pair(kw("med"), cut(kw("lexikon"))), cut(ident))),
                    )),
                ),
                |(name, lexicon)| Pattern::Detector { name, lexicon },
            ),
            map(string, Pattern::Phrase),
        )),
    )(i)
}

fn scope(i: In) -> PResult<Scope> {
    let (i, _) = kw("i")(i)?;
    cut(alt((
        map(preceded(kw("avsnitt"), cut(ident)), Scope::Section),
        map(
            preceded(
                tuple((kw("samma"), cut(kw("mening")), cut(kw("som")))),
                cut(pattern),
            ),
            |p| Scope::SameSentence(Box::new(p)),
        ),
    )))(i)
}

fn measure(i: In) -> PResult<Measure> {
    let (i, metric) = ident(i)?;
    let (i, between) = opt(pair(
        preceded(kw("från"), cut(ident)),
        preceded(cut(kw("till")), cut(ident)),
    ))(i)?;
    let (i, ratio) = if between.is_none() && !matches!(peek_word(skip_space(i)), "högst" | "minst")
    {
        map(
            pair(
                pattern,
                preceded(cut(context("ordet mot", kw("mot"))), cut(pattern)),
            ),
            Some,
        )(i)?
    } else {
        (i, None)
    };
    let (i, bounds) = separated_list1(preceded(sp, ch(',')), bound)(i)?;
    Ok((
        i,
        Measure {
            metric,
            between,
            ratio,
            bounds,
        },
    ))
}

fn bound(i: In) -> PResult<Bound> {
    let (i, at_most) = context(
        "högst eller minst",
        alt((map(kw("högst"), |_| true), map(kw("minst"), |_| false))),
    )(i)?;
    let (i, value) = cut(number)(i)?;
    let (i, percent) = map(opt(preceded(sp, ch('%'))), |p| p.is_some())(i)?;
    let (i, kind) = opt(preceded(kw("för"), cut(ident)))(i)?;
    Ok((
        i,
        Bound {
            at_most,
            value,
            percent,
            kind,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(source: &str) -> File {
        let (file, errors) = parse(source);
        assert!(errors.is_empty(), "errors: {errors:#?}");
        file
    }

    #[test]
    fn parses_top_level_items() {
        let file = ok(r#"
# kommentar
mall "Standard" version "2026.1"
perspektiv rattssakerhet "Rättssäkerhet" vikt 3 mål 90 %
lexikon kanslisprak = "lexikon/kanslisprak.tsv"
avsnitt motivering = "Motivering", "Skäl för beslutet"
"#);
        assert_eq!(file.items.len(), 4);
        match &file.items[1] {
            Item::Perspective {
                id, weight, target, ..
            } => {
                assert_eq!(id.node, "rattssakerhet");
                assert_eq!(weight.as_ref().unwrap().node, 3.0);
                assert!((target.as_ref().unwrap().node - 0.9).abs() < 1e-9);
            }
            other => panic!("{other:?}"),
        }
        match &file.items[3] {
            Item::Sections { synonyms, .. } => assert_eq!(synonyms[1].node, "Skäl för beslutet"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_a_criterion() {
        let source = r#"
kriterium RS-OVERKLAGANDE "Överklagande" {
  perspektiv rattssakerhet
  gäller beslut där utfall är avslag eller delvis_bifall och inte lag är LSS
  kräver text /överklaga/i och (text /förvaltningsrätt/i eller fras "tre veckor" i avsnitt overklagande)
  förbjuder lexikon kanslisprak i samma mening som text /beslut/
  mått lix högst 45 för beslut, högst 50 % för utredning
  exempel uppfyllt """
    Beslut
      indraget
    """
}
"#;
        let file = ok(source);
        let Item::Block(block) = &file.items[0] else {
            panic!()
        };
        assert_eq!(block.id.node, "RS-OVERKLAGANDE");
        assert_eq!(block.statements.len(), 6);
        match &block.statements[1].node {
            Statement::Applies {
                kinds,
                condition: Some(Logic::And(parts)),
            } => {
                assert_eq!(kinds[0].node, "beslut");
                match &parts[0] {
                    Logic::Atom(ConditionAtom::Metadata(test)) => assert_eq!(test.values.len(), 2),
                    other => panic!("{other:?}"),
                }
                assert!(matches!(parts[1], Logic::Not(_)));
            }
            other => panic!("{other:?}"),
        }
        match &block.statements[2].node {
            Statement::Requires(Logic::And(parts)) => {
                assert!(matches!(&parts[1], Logic::Or(o) if o.len() == 2));
            }
            other => panic!("{other:?}"),
        }
        match &block.statements[4].node {
            Statement::Measure(m) => {
                assert_eq!(m.bounds.len(), 2);
                assert!(m.bounds[1].percent);
                assert_eq!(m.bounds[1].kind.as_ref().unwrap().node, "utredning");
            }
            other => panic!("{other:?}"),
        }
        match &block.statements[5].node {
            Statement::Example { met: true, text } => assert_eq!(text.node, "Beslut\n  indraget\n"),
            other => panic!("{other:?}"),
        }
        // Spans point at the source.
        let Statement::Requires(Logic::And(parts)) = &block.statements[2].node else {
            panic!()
        };
        let Logic::Atom(Need::Pattern(Pattern::Regex { source: re, .. }, None)) = &parts[0] else {
            panic!()
        };
        assert_eq!(&source[re.span.clone()], "överklaga");
    }

    #[test]
    fn parses_measure_between_dates() {
        let file = ok(
            "kriterium X \"x\" {\n mått dagar från ansokningsdatum till beslutsdatum högst 90\n}\n",
        );
        let Item::Block(b) = &file.items[0] else {
            panic!()
        };
        let Statement::Measure(m) = &b.statements[0].node else {
            panic!()
        };
        let (from, to) = m.between.as_ref().unwrap();
        assert_eq!(
            (from.node.as_str(), to.node.as_str()),
            ("ansokningsdatum", "beslutsdatum")
        );
    }

    #[test]
    fn reports_every_error_and_recovers() {
        let source = "mall \"x\nperspektiv a \"A\" vikt\nkriterium K \"k\" {\n  perspektiv a\n  gällar beslut\n  kräver text /x\n  allvar hög\n}\nokänt\n";
        let (file, errors) = parse(source);
        let messages: Vec<_> = errors.iter().map(|e| e.message.clone()).collect();
        assert_eq!(errors.len(), 6, "{messages:#?}");
        assert!(messages[0].contains("citattecken"), "{messages:?}");
        assert!(messages[2].contains("gällar"));
        assert_eq!(errors[2].help.as_deref(), Some("menade du `gäller`?"));
        assert!(messages[5].contains("okänt"));
        // The block itself survived, marked as broken.
        assert!(
            file.items
                .iter()
                .any(|i| matches!(i, Item::Block(b) if b.broken))
        );
    }

    #[test]
    fn depth_counts_enclosing_parentheses_and_inte_not_neighbours() {
        let block = |requires: &str| format!("kriterium K \"k\" {{\n kräver {requires}\n}}\n");
        let at_limit = format!(
            "{}fras \"a\"{}",
            "inte (".repeat(MAX_DEPTH / 2),
            ")".repeat(MAX_DEPTH / 2)
        );
        ok(&block(&at_limit));
        // Side by side, each only one level deep.
        ok(&block(&vec!["(inte fras \"a\")"; 1000].join(" och ")));
        let over = format!("inte {at_limit}");
        let (_, errors) = parse(&block(&format!("fras \"b\" eller {over}")));
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0]
                .message
                .contains(&format!("djupare än {MAX_DEPTH} nivåer"))
        );
    }

    #[test]
    fn unclosed_block_is_reported() {
        let (_, errors) = parse("kriterium K \"k\" {\n perspektiv a\nkriterium L \"l\" {\n}\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("avslutas inte"));
    }
}
