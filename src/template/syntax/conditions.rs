//! Conditions, requirements, patterns, scopes and measures: the logic inside a block.

use super::*;

/// What a `logic` expression is, for the help of a depth error.
#[derive(Clone, Copy)]
pub(super) enum Nesting {
    /// After `där`.
    Condition,
    /// After `kräver`.
    Requirement,
}

/// `a eller b`, `a och b`, `inte a` and parentheses over `atom`, with `och`
/// binding tighter than `eller`. `depth` is the number of parentheses and
/// `inte` around `i`; one more than [`MAX_DEPTH`] is an error.
pub(super) fn logic<'a, A>(
    i: In<'a>,
    atom: fn(In<'a>) -> PResult<'a, A>,
    nesting: Nesting,
    depth: usize,
) -> PResult<'a, Logic<A>> {
    let and = |i| joined(i, "och", |i| logic_not(i, atom, nesting, depth), Logic::and);
    joined(i, "eller", and, Logic::or)
}

/// One or more `part`s separated by the keyword `word`, combined.
pub(super) fn joined<'a, T>(
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

pub(super) fn logic_not<'a, A>(
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
pub(super) fn deeper<'a>(
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
        code::TOO_DEEP,
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

pub(super) fn condition(i: In) -> PResult<Condition> {
    logic(i, condition_atom, Nesting::Condition, 0)
}

pub(super) fn condition_atom(i: In) -> PResult<ConditionAtom> {
    if matches!(
        peek_word(skip_space(i)),
        "text" | "fras" | "lexikon" | "detektor"
    ) {
        return map(pattern, ConditionAtom::Pattern)(i);
    }
    map(metadata_test, ConditionAtom::Metadata)(i)
}

pub(super) fn metadata_test(i: In) -> PResult<MetadataTest> {
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

pub(super) fn requirement(i: In) -> PResult<Requirement> {
    logic(i, need, Nesting::Requirement, 0)
}

pub(super) fn need(i: In) -> PResult<Need> {
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

pub(super) fn pattern(i: In) -> PResult<Pattern> {
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

pub(super) fn scope(i: In) -> PResult<Scope> {
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

pub(super) fn measure(i: In) -> PResult<Measure> {
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

pub(super) fn bound(i: In) -> PResult<Bound> {
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
