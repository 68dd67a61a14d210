//! Lines, headings, header fields, sections and paragraphs of a text body.

use std::collections::VecDeque;
use std::ops::Range;

use super::Section;

/// What a line of the body is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Blank,
    /// A heading; `title` is the byte range of its words.
    Heading {
        level: u8,
        title: Range<usize>,
    },
    /// `Label: value`.
    Field {
        label: Range<usize>,
        value: Range<usize>,
    },
    /// A list item (`- `, `* `, `• `, `1. `, `1) `): a paragraph of its own.
    Item,
    Text,
}

/// The layout of a body.
#[derive(Debug, Default)]
pub struct Layout {
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Range<usize>>,
    /// (label, value) byte ranges of header field lines.
    pub header_fields: Vec<(Range<usize>, Range<usize>)>,
    /// Byte ranges of the lines that may name the document, in order: the
    /// first line that is not blank or a header field, then the headings and
    /// short lines of a letterhead ("Norrvreta kommun" / "Socialförvaltningen"
    /// / "Omprövning av beslut om växelvård") until running text starts; at
    /// most [`MAX_TITLES`].
    pub titles: Vec<Range<usize>>,
}

/// How many lines of a letterhead are read for the document's name.
pub const MAX_TITLES: usize = 12;

/// Lays out `text[from..]`, in one pass with two lines of look-ahead: memory
/// follows what is found (sections, paragraphs, fields), never the number of
/// lines.
pub fn layout(text: &str, from: usize) -> Layout {
    let mut lines = Lines::new(text, from);
    let mut ahead: VecDeque<(Range<usize>, Line)> = lines.by_ref().take(3).collect();
    let mut before: Option<Line> = None;
    let mut out = Layout::default();
    let mut paragraph: Option<Range<usize>> = None;
    // Whether running text (or a list) has started, which ends the letterhead.
    let mut letterhead_over = false;
    let flush = |p: &mut Option<Range<usize>>, out: &mut Layout| {
        if let Some(p) = p.take() {
            out.paragraphs.push(p);
        }
    };
    while let Some((range, mut line)) = ahead.pop_front() {
        if let Some(next) = lines.next() {
            ahead.push_back(next);
        }
        if matches!(line, Line::Text | Line::Item) {
            if let Some(heading) = plain_heading(text, &range, before.as_ref(), &ahead) {
                line = heading;
            }
        }
        if !letterhead_over && out.titles.len() < MAX_TITLES {
            match &line {
                Line::Heading { title, .. } => out.titles.push(title.clone()),
                Line::Text if out.titles.is_empty() || is_short_line(&text[range.clone()]) => {
                    // A first line that is a sentence names the document by
                    // its first word, if at all, and starts the text.
                    letterhead_over = !is_short_line(&text[range.clone()]);
                    out.titles.push(range.clone());
                }
                Line::Text | Line::Item => letterhead_over = true,
                Line::Blank | Line::Field { .. } => {}
            }
        }
        match &line {
            Line::Text => match &mut paragraph {
                Some(p) => p.end = range.end,
                None => paragraph = Some(range.clone()),
            },
            Line::Item => {
                flush(&mut paragraph, &mut out);
                paragraph = Some(range.clone());
            }
            Line::Blank => flush(&mut paragraph, &mut out),
            Line::Field { label, value } => {
                flush(&mut paragraph, &mut out);
                out.header_fields.push((label.clone(), value.clone()));
            }
            Line::Heading { level, title } => {
                flush(&mut paragraph, &mut out);
                out.sections.push(Section {
                    title: text[title.clone()].to_string(),
                    heading: range.clone(),
                    body: range.end..text.len(),
                    level: *level,
                });
            }
        }
        before = Some(line);
    }
    flush(&mut paragraph, &mut out);
    // A section ends where the next heading of the same or a higher level
    // starts: one pass from the end, with the open headings by level.
    let mut next_at_level: [Option<usize>; 7] = [None; 7];
    for section in out.sections.iter_mut().rev() {
        let level = usize::from(section.level.min(6));
        if let Some(end) = next_at_level[..=level].iter().flatten().min() {
            section.body.end = *end;
        }
        next_at_level[level] = Some(section.heading.start);
    }
    out
}

/// A line of a letterhead, not of running text: at most ten words and no
/// sentence's end.
fn is_short_line(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 10 && !line.ends_with(['.', '!', '?'])
}

/// The lines of `text[from..]` with their kinds; a run of blank lines is one
/// blank line.
struct Lines<'a> {
    text: &'a str,
    rest: std::str::SplitInclusive<'a, char>,
    offset: usize,
    blank: bool,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, from: usize) -> Lines<'a> {
        Lines {
            text,
            rest: text[from..].split_inclusive('\n'),
            offset: from,
            blank: false,
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = (Range<usize>, Line);

    fn next(&mut self) -> Option<(Range<usize>, Line)> {
        loop {
            let raw = self.rest.next()?;
            let content = raw.trim_end_matches(['\n', '\r']);
            let range = self.offset..self.offset + content.len();
            self.offset += raw.len();
            let line = classify(self.text, range.clone());
            let blank = line == Line::Blank;
            if blank && self.blank {
                continue;
            }
            self.blank = blank;
            return Some((range, line));
        }
    }
}

fn classify(text: &str, range: Range<usize>) -> Line {
    let line = &text[range.clone()];
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Line::Blank;
    }
    let lead = line.len() - line.trim_start().len();
    let start = range.start + lead;
    let end = start + trimmed.len();
    // Markdown heading.
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
        let words = trimmed[hashes..].trim().trim_end_matches([':', '#', ' ']);
        let title_start = start + trimmed.find(words).unwrap_or(hashes);
        return Line::Heading {
            level: hashes as u8,
            title: title_start..title_start + words.len(),
        };
    }
    if is_list_item(trimmed) {
        return Line::Item;
    }
    // A bold or bracketed line, "**Beslut**" or "[Beslut]", is a heading when
    // it is short (a checkbox "[X]" is not: a heading starts with a word).
    for (open, close) in [("**", "**"), ("__", "__"), ("[", "]")] {
        let Some(inner) = trimmed
            .strip_prefix(open)
            .and_then(|t| t.strip_suffix(close))
        else {
            continue;
        };
        let words = inner.trim().trim_end_matches(':').trim_end();
        let short = (1..=8).contains(&words.split_whitespace().count());
        let worded = open != "[" || words.chars().filter(|c| c.is_alphabetic()).count() > 1;
        if short && worded && !words.contains(close) && !words.ends_with(['.', '!', '?']) {
            let title_start = start + open.len() + (inner.len() - inner.trim_start().len());
            return Line::Heading {
                level: 2,
                title: title_start..title_start + words.len(),
            };
        }
    }
    if let Some(colon) = trimmed.find(':') {
        let label = &trimmed[..colon];
        let value = trimmed[colon + 1..].trim();
        if is_label(label) {
            if value.is_empty() {
                // "Bedömning:" alone on its line is a heading.
                return Line::Heading {
                    level: 2,
                    title: start..start + colon,
                };
            }
            if !value.ends_with(['.', '!', '?']) && trimmed[colon + 1..].starts_with([' ', '\t']) {
                let value_start = end - value.len();
                return Line::Field {
                    label: start..start + colon,
                    value: value_start..end,
                };
            }
        }
    }
    Line::Text
}

/// A header field label: one to three words of letters (digits, hyphens and
/// parentheses allowed inside), starting with a letter.
fn is_label(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && label.starts_with(char::is_alphabetic)
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '(' | ')' | '/' | '.'))
        })
}

fn is_list_item(trimmed: &str) -> bool {
    if let Some(rest) = trimmed.strip_prefix(['-', '*', '•', '–']) {
        return rest.starts_with([' ', '\t']);
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && trimmed[digits..].starts_with(['.', ')'])
        && trimmed[digits + 1..].starts_with([' ', '\t'])
}

/// A text line becomes a plain heading when it stands alone before a paragraph:
/// it follows a blank line, a heading, a header field or the start; it is short
/// (at most eight words) with no terminal punctuation and starts with a capital
/// letter; it does not end in a word that leads on ("Du beviljas hemtjänst
/// med" before a list); and more text follows. `before` is the line before (as
/// laid out), `ahead` the next lines (blank runs already one line).
/// Words a heading never ends with: prepositions, conjunctions and "att",
/// which lead on to what follows.
const LEADS_ON: &[&str] = &[
    "med", "och", "att", "om", "för", "till", "av", "i", "på", "som", "eller", "från", "vid",
    "under", "enligt", "mot", "samt", "men", "då", "när", "är", "den", "det", "de", "en", "ett",
];

///
/// A numbered line ("2. Bakgrund", "3.1 Bedömning") is a heading on the same
/// terms, its level one deeper per number, when it stands after a blank line
/// or a header field and running text (not another item) follows; the title is
/// the words after the number.
fn plain_heading(
    text: &str,
    range: &Range<usize>,
    before: Option<&Line>,
    ahead: &VecDeque<(Range<usize>, Line)>,
) -> Option<Line> {
    let (numbers, unnumbered) = section_number(&text[range.clone()]);
    let range = &(range.end - unnumbered.len()..range.end);
    let stands_alone = if numbers > 0 {
        !matches!(before, Some(Line::Text | Line::Item | Line::Heading { .. }))
    } else {
        !matches!(before, Some(Line::Text | Line::Item))
    };
    let followed = ahead
        .iter()
        .find(|(_, l)| *l != Line::Blank)
        .is_some_and(|(_, l)| *l == Line::Text || (numbers == 0 && *l == Line::Item));
    // A next line that starts in lower case continues the sentence.
    let continued = ahead.front().is_some_and(|(r, l)| {
        *l == Line::Text && text[r.clone()].trim_start().starts_with(char::is_lowercase)
    });
    let line = &text[range.clone()];
    let words = line.trim();
    let short = words.split_whitespace().count() <= 8 && words.chars().count() <= 80;
    let capital = words.chars().next().is_some_and(char::is_uppercase);
    let open = !words.ends_with(['.', '!', '?', ',', ';', ':', ')']);
    let leads_on = words
        .rsplit(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .is_some_and(|last| LEADS_ON.contains(&last.to_lowercase().as_str()));
    if stands_alone && followed && !continued && short && capital && open && !leads_on {
        let start = range.start + line.len() - line.trim_start().len();
        return Some(Line::Heading {
            level: 2 + numbers.saturating_sub(1).min(4) as u8,
            title: start..start + words.len(),
        });
    }
    None
}

/// How many numbers a line's section number has ("3." and "3)" one, "3.1"
/// two) and the line after it; `(0, line)` when it has none.
fn section_number(line: &str) -> (usize, &str) {
    let mut rest = line.trim_start();
    let mut numbers = 0;
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            break;
        }
        numbers += 1;
        rest = &rest[digits..];
        match rest.strip_prefix(['.', ')']) {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            Some(after) => {
                rest = after;
                break;
            }
            None => break,
        }
    }
    match rest.strip_prefix([' ', '\t']) {
        Some(after) if numbers > 0 => (numbers, after.trim_start()),
        _ => (0, line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(String, String)> {
        let l = layout(text, 0);
        l.sections
            .iter()
            .map(|s| (s.title.clone(), text[s.body.clone()].trim().to_string()))
            .collect()
    }

    #[test]
    fn markdown_and_plain_headings() {
        let text = "# Beslut om hemtjänst\n\n## Beslut\nDu beviljas hemtjänst.\n\nMotivering\nDu behöver stöd.\n\nBedömning:\nHon klarar det.\n";
        assert_eq!(
            titles(text),
            [
                ("Beslut om hemtjänst".into(), text[22..].trim().to_string()),
                ("Beslut".into(), "Du beviljas hemtjänst.".into()),
                ("Motivering".into(), "Du behöver stöd.".into()),
                ("Bedömning".into(), "Hon klarar det.".into()),
            ]
        );
    }

    #[test]
    fn header_fields_are_not_running_text() {
        let text =
            "Beslutsdatum: 2026-03-14\nLagrum: 4 kap. 1 § SoL\nKarin säger: Jag vill bo kvar.\n";
        let l = layout(text, 0);
        assert_eq!(l.header_fields.len(), 2);
        assert_eq!(l.paragraphs.len(), 1);
        assert_eq!(
            &text[l.paragraphs[0].clone()],
            "Karin säger: Jag vill bo kvar."
        );
    }

    #[test]
    fn short_lines_inside_paragraphs_and_signatures_are_text() {
        let text = "Hon vill bo kvar hemma\noch klara sig själv.\n\nEva Lund";
        let l = layout(text, 0);
        assert!(l.sections.is_empty());
        assert_eq!(l.paragraphs.len(), 2);
    }

    #[test]
    fn a_bold_line_is_a_heading() {
        let text = "**Beslut**\nDu får hemtjänst.\n\n__Hur du överklagar:__\nSkriv till oss.\n**Obs!** Ring först.\n";
        let found = titles(text);
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Beslut", "Hur du överklagar"]);
        assert_eq!(found[0].1, "Du får hemtjänst.");
    }

    #[test]
    fn a_line_that_leads_into_a_list_is_text() {
        let text = "Du beviljas hemtjänst med\n\n- dusch en gång i veckan\n- städning\n";
        let l = layout(text, 0);
        assert!(l.sections.is_empty());
        assert_eq!(&text[l.paragraphs[0].clone()], "Du beviljas hemtjänst med");
        // The same line without the word that leads on is a heading.
        let l = layout("Hemtjänst i hemmet\n\n- dusch\n", 0);
        assert_eq!(l.sections.len(), 1);
    }

    #[test]
    fn numbered_and_bracketed_lines_are_headings() {
        let text = "1. Beslut\nDin hemtjänst upphör.\n\n2. Skäl för beslutet\nDu klarar dig själv.\n\n2.1 Lagrum\nSoL.\n\n[Hur du överklagar]\nSkriv till oss.\n";
        let found = titles(text);
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            ["Beslut", "Skäl för beslutet", "Lagrum", "Hur du överklagar"]
        );
        assert_eq!(found[1].1, "Du klarar dig själv.\n\n2.1 Lagrum\nSoL.");
        // A numbered list, and a checkbox, stay what they are.
        let text = "Du får hjälp med\n\n1. Dusch\n2. Städning\n\n[X]\nText.\n";
        assert!(layout(text, 0).sections.is_empty());
        let text = "Mål\n1. Karin ska kunna duscha själv\nHon övar med arbetsterapeuten.\n";
        assert_eq!(layout(text, 0).sections.len(), 1);
    }

    #[test]
    fn list_items_are_paragraphs() {
        let text = "Insatser\n- dusch två gånger i veckan\n- städning varannan vecka\n";
        let l = layout(text, 0);
        assert_eq!(l.sections.len(), 1);
        assert_eq!(l.paragraphs.len(), 2);
    }
}
