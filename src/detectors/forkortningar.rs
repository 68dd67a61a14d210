//! `forkortningar`: internal abbreviations (case-sensitive, from a lexicon)
//! that are not explained at or before their first use.
//!
//! An abbreviation counts as explained when the sentence where it is first
//! used has its expansion from the lexicon, or
//! writes it in parentheses after at least two words ("särskilt boende
//! (SÄBO)"), or follows it with an explanation in parentheses ("SÄBO
//! (särskilt boende)"). Only running text counts: header fields such as
//! `Lag: SoL` are labels, not prose. Each unexplained abbreviation is one hit,
//! at its first use.
//!
//! A law's abbreviation (a row with `utom lagrum`: SoL, LSS, FL …) is never a
//! hit in a sentence that cites a law ("4 kap. 1 § SoL"), and counts as
//! explained when the law's name stands anywhere in the document.

use aho_corasick::AhoCorasick;

use crate::criteria::{Context, Hit, Lexicon};
use crate::language::Folded;

/// A case-sensitive automaton over every form, and the entry of each pattern.
pub fn prepare(lexicon: &Lexicon) -> Result<(AhoCorasick, Vec<usize>), String> {
    let mut forms = Vec::new();
    let mut entries = Vec::new();
    for (i, entry) in lexicon.entries.iter().enumerate() {
        for form in &entry.forms {
            forms.push(form.clone());
            entries.push(i);
        }
    }
    let automaton = AhoCorasick::new(&forms).map_err(|e| e.to_string())?;
    Ok((automaton, entries))
}

/// The first use of every abbreviation that is not explained.
pub fn detect(
    ctx: &Context,
    lexicon: &Lexicon,
    automaton: &AhoCorasick,
    entries: &[usize],
) -> Vec<Hit> {
    let text = &ctx.doc.text;
    let mut first_use: Vec<Option<std::ops::Range<usize>>> = vec![None; lexicon.entries.len()];
    // A law's abbreviation that stands in a lagrum citation somewhere is
    // explained for the whole document ("Utredning ledsagarservice LSS" above
    // "enligt 9 § 3 LSS").
    let mut cited = vec![false; lexicon.entries.len()];
    // Headings are read too: "4. Funktionstillstånd enligt ICF" is text the
    // reader meets.
    let headings = ctx.doc.sections.iter().map(|s| &s.heading);
    for paragraph in ctx.doc.paragraphs.iter().chain(headings) {
        for m in automaton.find_overlapping_iter(&text[paragraph.clone()]) {
            let range = paragraph.start + m.start()..paragraph.start + m.end();
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric)
                || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            let entry = entries[m.pattern().as_usize()];
            if is_law(&lexicon.entries[entry])
                && (ctx.cites_law(range.start) || refers_to_law(text, range.start))
            {
                cited[entry] = true;
                continue;
            }
            if first_use[entry]
                .as_ref()
                .is_none_or(|r| range.start < r.start)
            {
                first_use[entry] = Some(range);
            }
        }
    }
    let mut hits: Vec<Hit> = first_use
        .into_iter()
        .enumerate()
        .filter_map(|(entry, range)| {
            let range = range?;
            let e = &lexicon.entries[entry];
            if cited[entry] || explained(ctx, &range, e.replacement.as_deref(), is_law(e)) {
                return None;
            }
            let abbreviation = &text[range.clone()];
            let suggestion = match (&e.replacement, e.ambiguous) {
                (Some(expansion), true) => format!(
                    "Skriv ut vad du menar. ”{abbreviation}” kan betyda flera saker, t.ex. {expansion}."
                ),
                (Some(expansion), false) => format!("Skriv ut den första gången: {expansion} ({abbreviation})."),
                (None, _) => "Skriv ut förkortningen den första gången.".to_string(),
            };
            Some(Hit {
                message: Some(format!("Förkortningen ”{abbreviation}” förklaras inte där den först används.")),
                suggestion: Some(suggestion),
                ..Hit::at(range)
            })
        })
        .collect();
    hits.sort_by_key(|h| h.range.start);
    hits
}

/// Whether a title names the law the document is made under: "BESLUT
/// ENLIGT LSS", "Utredning enligt SoL". In running text "stöd enligt LSS"
/// still needs the law's name somewhere.
fn refers_to_law(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    let title = line.split_whitespace().count() < 10 && !line.contains(['.', '!', '?']);
    let word = text[start..at]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    title && word.eq_ignore_ascii_case("enligt")
}

/// Whether a row is a law's abbreviation (`utom lagrum`).
fn is_law(entry: &crate::criteria::LexiconEntry) -> bool {
    entry.except.iter().any(|e| e == "lagrum")
}

/// Whether the abbreviation at `range` is explained; a law's name may stand
/// anywhere in the document.
fn explained(
    ctx: &Context,
    range: &std::ops::Range<usize>,
    expansion: Option<&str>,
    law: bool,
) -> bool {
    let text = &ctx.doc.text;
    // "särskilt boende (SÄBO)": in parentheses after at least two words.
    let open = text[..range.start].ends_with('(') && text[range.end..].starts_with(')');
    if open {
        let before = &text[..range.start - 1];
        let line = before.rsplit('\n').next().unwrap_or(before);
        if line
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 2
        {
            return true;
        }
    }
    // "SÄBO (särskilt boende)": an explanation follows in parentheses.
    if let Some(rest) = text[range.end..].strip_prefix(" (") {
        let inside = rest.split(')').next().unwrap_or_default();
        if inside
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 1
            && !rest.starts_with(')')
        {
            return true;
        }
    }
    // The expansion is written in the sentence of first use ("daglig
    // verksamhet, DV, på Verkstan"); a law's name anywhere. The words alone
    // earlier in the text do not tell the reader what the letters stand for.
    let Some(expansion) = expansion else {
        return false;
    };
    let (start, end) = if law {
        (0, ctx.doc.text.len())
    } else {
        ctx.analysis
            .sentence_at(range.start)
            .map_or((range.start, range.end), |s| {
                let s = &ctx.analysis.sentences[s].range;
                (s.start, s.end)
            })
    };
    let folded = &ctx.analysis.folded;
    let within = &folded.text[folded.position_of(start)..folded.position_of(end)];
    expansion.split(',').map(without_parentheses).any(|e| {
        let e = Folded::term(&e);
        !e.is_empty() && within.contains(&e)
    })
}

/// "lagen (1993:387) om stöd" → "lagen om stöd".
fn without_parentheses(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn explained_at_or_before_first_use_is_fine() {
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Du bor på särskilt boende (SÄBO). På SÄBO finns personal."
            )
            .is_empty()
        );
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Du flyttar till SÄBO (ett boende med personal dygnet runt)."
            )
            .is_empty()
        );
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Du har särskilt boende, SÄBO, med personal dygnet runt."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_title_that_names_the_law_cites_it() {
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "UTREDNING – PERSONLIG ASSISTANS ENLIGT LSS\n\nDu har ansökt om personlig assistans."
            )
            .is_empty()
        );
        // In running text the law still needs its name.
        assert_eq!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Utredning\n\nHan har haft stöd enligt LSS sedan 2019."
            ),
            ["LSS"]
        );
    }

    #[test]
    fn the_words_earlier_in_the_text_do_not_explain_the_letters() {
        // The reader is not told that SÄBO is the särskilt boende above.
        assert_eq!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Du har särskilt boende. På SÄBO finns personal."
            ),
            ["SÄBO"]
        );
        // A law's name anywhere explains its abbreviation.
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Du har rätt till stöd enligt lagen om stöd och service till vissa funktionshindrade. Enligt LSS får du stöd."
            )
            .is_empty()
        );
    }

    #[test]
    fn unexplained_abbreviations_are_found_once_and_case_sensitively() {
        let found = hits(
            "forkortningar",
            Some("forkortningar"),
            "Du har HTJ två gånger i veckan. HTJ kommer på morgonen. Solen skiner, det är sol.",
        );
        assert_eq!(found, ["HTJ"]);
    }

    #[test]
    fn a_law_cited_anywhere_is_explained_and_headings_are_read() {
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Utredning ledsagarservice LSS\n\nHon har stöd enligt LSS.\n\nLagrum\nLedsagarservice enligt 9 § 3 LSS beviljas.\n"
            )
            .is_empty()
        );
        assert_eq!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Utredning\n\n4. Behov enligt ICF\nKarin behöver hjälp.\n"
            ),
            ["ICF"]
        );
    }

    #[test]
    fn header_fields_are_not_prose() {
        assert!(
            hits(
                "forkortningar",
                Some("forkortningar"),
                "Lag: SoL\n\nDu får hjälp."
            )
            .is_empty()
        );
    }
}
