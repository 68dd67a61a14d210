//! Metadata read from the text when no header field, front matter or manifest
//! gives it: a decision's outcome (`utfall`), whether a child is affected
//! (`barn`), and the application and decision dates. Derived values never
//! replace given ones.

use std::ops::Range;
use std::sync::LazyLock;

use super::fields::{clause_words, decision_fields};
use super::outcome::Outcome;
use super::vocabulary::{Socialtjanstlag, yes_no};
use super::{Kind, Metadata};
use crate::language::word_regex::CapturingRegex;
use crate::language::{Sentence, Word, dates, segment};

/// What the layout says about a document that names no kind: a letter with
/// no title ("Hej Lennart!").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untitled {
    /// Not a decision, or its kind is known: an investigation's heading, a
    /// proposal ("Förslag till beslut").
    No,
    /// A decision: it tells how to appeal or has a section "Beslut".
    Decision,
    /// A decision if its sentences decide something.
    IfItDecides,
}

/// Fills in what the text tells and the metadata lacks, and the kind of an
/// untitled document that reads as a decision.
pub fn fill(
    metadata: &mut Metadata,
    kind: &mut Option<Kind>,
    untitled: Untitled,
    text: &str,
    paragraphs: &[Range<usize>],
) {
    let guessing = kind.is_none() && untitled != Untitled::No;
    let decision = *kind == Some(Kind::Beslut) || guessing;
    let wants_utfall = decision && metadata.get("utfall").is_none();
    let wants_dates = metadata.get("ansokningsdatum").is_none()
        || decision && metadata.get("beslutsdatum").is_none();
    // Sentences are needed only when something is missing or the kind is
    // guessed from what the letter decides.
    let (words, sentences) = if wants_utfall || wants_dates || guessing {
        segment(text, paragraphs.iter().cloned())
    } else {
        (Vec::new(), Vec::new())
    };
    let sentences = Sentences {
        text,
        words: &words,
        sentences: &sentences,
    };
    // Read once: the outcome both names an untitled letter a decision and
    // fills in `utfall`.
    let outcome = (wants_utfall || untitled == Untitled::IfItDecides).then(|| sentences.outcome());
    if guessing && (untitled == Untitled::Decision || outcome != Some(Outcome::Okant)) {
        *kind = Some(Kind::Beslut);
        metadata.fill("typ", Kind::Beslut.name());
    }
    if *kind == Some(Kind::Beslut) && metadata.get("utfall").is_none() {
        // A decision whose outcome cannot be read is `okant`, which criteria
        // for decisions against the person treat as one (fail safe).
        let outcome = outcome.unwrap_or_else(|| sentences.outcome());
        metadata.insert("utfall", outcome.name());
    }
    if metadata.get("barn").is_none() && about_a_child(text, paragraphs) {
        metadata.insert("barn", yes_no(true));
    }
    if metadata.get("ansokningsdatum").is_none() {
        if let Some(date) = sentences.date_near(&["ansök", "ansökan", "ansökte", "inkom", "ansökt"])
        {
            metadata.insert("ansokningsdatum", &date);
        }
    }
    if *kind == Some(Kind::Beslut) && metadata.get("beslutsdatum").is_none() {
        let date = metadata
            .get("datum")
            .map(str::to_string)
            .or_else(|| sentences.date_near(&["beslut", "beslutet", "beslutades", "fattades"]));
        if let Some(date) = date {
            metadata.insert("beslutsdatum", &date);
        }
    }
    if metadata.get("socialtjanstlag").is_none() {
        if let Some(act) = social_services_act(metadata) {
            metadata.insert("socialtjanstlag", act.name());
        }
    }
}

/// The day SoL (2025:400) replaced SoL (2001:453): 1 July 2025 (prop.
/// 2024/25:89, <https://lagen.nu/prop/2024/25:89>; the act's number in prop.
/// 2025/26:12, <http://data.riksdagen.se/dokument/HD0312.html>).
pub const NEW_SOL_FROM: &str = "2025-07-01";

/// Which socialtjänstlag was in force on the document's date (beslutsdatum,
/// else datum): `ny` (2025:400) or `gammal` (2001:453); none without a date.
fn social_services_act(metadata: &Metadata) -> Option<Socialtjanstlag> {
    let date = metadata
        .get("beslutsdatum")
        .or_else(|| metadata.get("datum"))?;
    let iso = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
    iso.then(|| {
        if date >= NEW_SOL_FROM {
            Socialtjanstlag::Ny
        } else {
            Socialtjanstlag::Gammal
        }
    })
}

struct Sentences<'a> {
    text: &'a str,
    words: &'a [Word],
    sentences: &'a [Sentence],
}

impl Sentences<'_> {
    /// The outcome the decision fields and sentences give.
    fn outcome(&self) -> Outcome {
        let mut read: Vec<(Vec<String>, &str)> = decision_fields(self.text);
        read.extend(self.applied_fields().map(|text| (Vec::new(), text)));
        let proposals = self.proposals();
        // Table rows and a form's boxes are read above, not as sentences: a
        // header "Beviljat" or a box "[ ] Bifall" grants nothing.
        for s in self.sentences {
            let text = &self.text[s.range.clone()];
            if text.contains('|')
                || text.contains("[ ]")
                || fixed_width_table(text)
                || proposals.iter().any(|p| p.contains(&s.range.start))
            {
                continue;
            }
            if text.contains(';') {
                // "…, varför beslutet upphör att gälla; Jakob är välkommen
                // att ansöka på nytt; …": each clause is read as a sentence.
                read.extend(
                    text.split(';')
                        .filter(|part| !part.trim().is_empty())
                        .map(|part| (clause_words(part, None), part)),
                );
            } else if let Some(joined) = scanned(text) {
                // "tillmötes-\ngå" in a scanned letter is one word, and
                // "bevi1jas" is "beviljas".
                read.push((
                    clause_words(&joined, None),
                    self.with_heading(s.range.start, s.range.end),
                ));
            } else if let Some(lead) = self.lead_in(s.range.start) {
                // "Vi säger ja. Du får" / "- 9 160 kronor i försörjningsstöd":
                // a list item says what its lead-in line begins.
                let joined = format!("{lead} {text}");
                read.push((clause_words(&joined, None), text));
            } else {
                read.push((
                    self.lower_words(s),
                    self.with_heading(s.range.start, s.range.end),
                ));
            }
        }
        super::outcome::read(&read)
    }

    /// Where the text stands under a heading of a proposal ("8. Förslag
    /// till beslut") in a document that has a heading of the decision
    /// itself: the proposal is not what was decided. Found once per
    /// document.
    fn proposals(&self) -> Vec<Range<usize>> {
        let heading = |line: &str| {
            let line = line.trim().trim_start_matches('#').trim();
            let line = line
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim();
            let words = line.split_whitespace().count();
            ((1..=5).contains(&words) && !line.ends_with(['.', '!', '?']))
                .then(|| line.to_lowercase())
        };
        let decision_heading = self
            .text
            .lines()
            .filter_map(heading)
            .any(|h| h == "beslut" || h == "beslutet" || h.starts_with("beslut:"));
        let mut spans = Vec::new();
        if !decision_heading {
            return spans;
        }
        // The start of the proposal being read, if a proposal's heading
        // was the last one.
        let mut open: Option<usize> = None;
        let mut at = 0;
        for line in self.text.split_inclusive('\n') {
            let trimmed = line.trim();
            let marked =
                trimmed.starts_with('#') || trimmed.starts_with(|c: char| c.is_ascii_digit());
            if let Some(h) = heading(line).filter(|_| marked) {
                if let Some(start) = open.take() {
                    spans.push(start..at);
                }
                if h.starts_with("förslag") {
                    open = Some(at + line.len());
                }
            }
            at += line.len();
        }
        spans.extend(open.map(|start| start..at));
        spans
    }

    /// The line that leads in to the list whose item starts at `start`: the
    /// nearest line above that is no item, no heading and no field, and
    /// that does not end a sentence ("Du får", "Vi beviljar dig:"); its last
    /// sentence.
    fn lead_in(&self, start: usize) -> Option<&str> {
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let item = |line: &str| {
            let line = line.trim_start();
            ["- ", "* ", "• ", "– "].iter().any(|m| line.starts_with(m))
        };
        if !item(&self.text[line_start..]) {
            return None;
        }
        let above = self.text[..line_start].lines().rev();
        let line = above
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(12)
            .find(|l| !item(l))?;
        let field = line.split_once(':').is_some_and(|(key, rest)| {
            !rest.trim().is_empty() && key.split_whitespace().count() <= 3
        });
        if line.starts_with('#')
            || line.starts_with('|')
            || field
            || line.ends_with(['.', '!', '?'])
            || line.split_whitespace().count() > 12
        {
            return None;
        }
        // Only a short lead-in that says nothing by itself ("Du får", "Vad
        // du inte får:"); "NN beviljas hemtjänst i form av" decides by
        // itself, and its items' amounts are the insatser's, not parts.
        let last = line
            .rsplit_once(['.', '!', '?'])
            .map_or(line, |(_, l)| l)
            .trim();
        let words = last.split_whitespace().count();
        (1..=5).contains(&words).then_some(last)
    }

    /// Field lines right under a heading that says what was applied for
    /// ("ANSÖKAN AVSER" / "Hemtjänst 50 tim/mån: omvårdnad …"), each with the
    /// heading, so that their amounts are the applied ones. Fields are not
    /// sentences, so [`Self::with_heading`] does not see them.
    fn applied_fields(&self) -> impl Iterator<Item = &str> {
        let mut heading: Option<usize> = None;
        let mut offset = 0;
        self.text.split_inclusive('\n').filter_map(move |line| {
            let start = offset;
            offset += line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() {
                heading = None;
                return None;
            }
            let under = heading.take();
            if is_applied_heading(trimmed) {
                heading = Some(start);
                return None;
            }
            let field = trimmed.split_once(':').is_some_and(|(label, value)| {
                label.split_whitespace().count() <= 4 && !value.trim().is_empty()
            });
            under
                .filter(|_| field && trimmed.chars().any(|c| c.is_ascii_digit()))
                .map(|from| self.text[from..start + line.trim_end().len()].trim_start())
        })
    }

    /// The text of a sentence from `start` to `end`, with the heading line
    /// right above it when the heading says what was applied for
    /// ("ANSÖKAN AVSER" / "Hemtjänst 50 tim/mån"): its amounts are then the
    /// applied ones.
    fn with_heading(&self, start: usize, end: usize) -> &str {
        let before = self.text[..start].trim_end();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = &before[line_start..];
        let heading = is_applied_heading(line);
        if heading && self.text[..start].ends_with('\n') {
            &self.text[line_start..end]
        } else {
            &self.text[start..end]
        }
    }

    fn lower_words(&self, s: &Sentence) -> Vec<String> {
        self.words[s.words.clone()]
            .iter()
            .map(|w| self.text[w.range.clone()].to_lowercase())
            .collect()
    }

    /// The first full date (ISO) in a sentence that has a word starting with
    /// one of `cues`.
    fn date_near(&self, cues: &[&str]) -> Option<String> {
        self.sentences.iter().find_map(|s| {
            let words = self.lower_words(s);
            if !words.iter().any(|w| cues.iter().any(|c| w.starts_with(c))) {
                return None;
            }
            dates::find(&self.text[s.range.clone()])
                .into_iter()
                .find_map(|d| d.date)
                .map(|d| d.to_string())
        })
    }
}

/// A word broken at a line's end with a hyphen ("tillmötes-" / "gå"),
/// joined; not "hemtjänst-" / "och …", where the hyphen stands for a
/// shared ending.
static BROKEN_WORD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(\p{Ll})-[ \t]*\r?\n[ \t]*(\p{Ll}+)").expect("a valid pattern")
});

/// Whether a "sentence" is the rows of a table in fixed-width columns
/// (two lines or more with wide gaps between cells): read as a table, not
/// as words ("Medges kr   Medges ej kr" refuses nothing).
fn fixed_width_table(text: &str) -> bool {
    text.lines()
        .filter(|line| line.trim().contains("   "))
        .take(2)
        .count()
        >= 2
}

/// `text` as a scanned letter means it: words broken at line ends joined
/// and digits misread for letters read as letters; none when it has
/// neither.
fn scanned(text: &str) -> Option<String> {
    match dehyphenated(text) {
        Some(joined) => Some(ocr_letters(&joined).unwrap_or(joined)),
        None => ocr_letters(text),
    }
}

/// `text` with a 1 or a 0 inside a word read as l or o ("bevi1jas",
/// "fö1js", "0rmåsa"), if it has any; not in numbers ("9 § 10", "kl. 10")
/// or codes.
fn ocr_letters(text: &str) -> Option<String> {
    if !text.bytes().any(|b| b == b'0' || b == b'1') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphabetic());
    let mut changed = false;
    let fixed: String = (0..chars.len())
        .map(|i| {
            let c = chars[i];
            let inside = i > 0 && letter(i - 1) && letter(i + 1);
            // "0rmåsa": a word's first letter, before at least three more.
            let first =
                (i == 0 || !chars[i - 1].is_alphanumeric()) && (1..=3).all(|k| letter(i + k));
            match c {
                '1' if inside || first => {
                    changed = true;
                    'l'
                }
                '0' if inside || first => {
                    changed = true;
                    'o'
                }
                _ => c,
            }
        })
        .collect();
    changed.then_some(fixed)
}

/// `text` with the words broken at its line ends joined, if it has any.
fn dehyphenated(text: &str) -> Option<String> {
    if !text.contains("-\n") && !text.contains("-\r\n") {
        return None;
    }
    let joined = BROKEN_WORD.replace_all(text, |c: &regex::Captures| {
        if matches!(&c[2], "och" | "eller" | "samt") {
            c[0].to_string()
        } else {
            format!("{}{}", &c[1], &c[2])
        }
    });
    Some(joined.into_owned())
}

/// A short line without a sentence's end that names the application:
/// "ANSÖKAN AVSER", "## Ansökan".
fn is_applied_heading(line: &str) -> bool {
    line.split_whitespace().count() <= 4
        && !line.ends_with(['.', '!', '?'])
        && line.to_lowercase().contains("ansök")
}

static CHILD: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?i)(?:\bär\s+(\d{1,2})\s+år|\b(\d{1,2})\s+år\s+gammal|,\s*(\d{1,2})\s+år\b|\b(\d{1,2})-årig[aet]?|\bbarnet|\bbarnets|\bvårdnadshavare|\bvårdnadshavaren|\bvårdnadshavarna|\bBBIC)\b",
    )
});

/// Whether the running text is about a person under 18: an age under 18, or
/// words used about children ("barnet", "vårdnadshavare").
fn about_a_child(text: &str, paragraphs: &[Range<usize>]) -> bool {
    paragraphs.iter().any(|p| {
        CHILD.captures_iter(&text[p.clone()]).any(|(_, c)| {
            match c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4)) {
                Some(age) => age.as_str().parse::<u32>().is_ok_and(|a| a < 18),
                None => true,
            }
        })
    })
}

#[cfg(test)]
mod tests;
