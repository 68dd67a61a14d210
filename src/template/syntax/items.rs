//! The items of a template file: header, perspectives, lexicons, criteria and their statements.

use super::*;

pub(super) fn header(i: In) -> PResult<Item> {
    let (i, _) = kw("mall")(i)?;
    let (i, name) = cut(string)(i)?;
    let (i, version) = opt(preceded(kw("version"), cut(string)))(i)?;
    Ok((i, Item::Header { name, version }))
}

pub(super) fn perspective(i: In) -> PResult<Item> {
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
pub(super) fn percent(i: In) -> PResult<Sp<f64>> {
    let (i, mut value) = number(i)?;
    let (i, _) = context("ett procenttecken %", preceded(sp, ch('%')))(i)?;
    value.node /= 100.0;
    Ok((i, value))
}

pub(super) fn lexicon(i: In) -> PResult<Item> {
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

pub(super) fn base(i: In) -> PResult<Item> {
    let (i, _) = kw("utgår")(i)?;
    let (i, _) = cut(context("ordet från", kw("från")))(i)?;
    let (i, name) = cut(string)(i)?;
    Ok((i, Item::Base { name }))
}

pub(super) fn disable(i: In) -> PResult<Item> {
    let (i, _) = kw("stäng")(i)?;
    let (i, _) = cut(context("ordet av", kw("av")))(i)?;
    let (i, ids) = cut(separated_list1(preceded(sp, ch(',')), ident))(i)?;
    Ok((i, Item::Disable { ids }))
}

pub(super) fn sections(i: In) -> PResult<Item> {
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

pub(super) fn block<'a>(i: In<'a>, errors: &mut Vec<Diagnostic>) -> PResult<'a, Block> {
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
                    code::UNCLOSED_BLOCK,
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

pub(super) fn statement(i: In) -> PResult<Statement> {
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

pub(super) fn example(i: In) -> PResult<Statement> {
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

pub(super) fn applies(i: In) -> PResult<Statement> {
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
pub(super) fn kind_name(i: In) -> PResult<Sp<String>> {
    let word = peek_word(skip_space(i));
    if matches!(word, "där" | "och" | "eller" | "inte" | "") {
        return Err(nom::Err::Error(PError::expected(skip_space(i), None)));
    }
    ident(i)
}
