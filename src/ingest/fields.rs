//! A decision's outcome as fields, forms and tables state it: "Beslut:
//! Bifall", a field whose value is a clause, what the person has had
//! ("Gällande insats: …"), a ticked box, and the decision column of a table
//! of insatser. Each is turned into the words of a sentence that decides the
//! same, for the outcome reader.

use std::sync::LazyLock;

use crate::language::segment;
use crate::language::word_regex::CapturingRegex;

/// "Beslut: Bifall", "Beslut: Beviljas fortsatt", "Beslut: Avslag" as fields;
/// also a case system's "Beslutsstatus ...... Delvis beviljad".
static DECISION_FIELD: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?im)\b(?:beslut(?:et|sstatus|sutfall)?|utfall)(?:\s*:|[ \t]*\.{3,})[ \t*_]*(delvis\s+bifall|delvis\s+beviljad|delvis\s+beviljat|bifall|avslag|beviljas|beviljat|beviljad|avslås|avslaget|avslagen|fortsätter)(?:[ \t]+(fortsatt|delvis|ej|inte))?(?:[ \t]*$|\s*[.;,(]|\s+\p{Lu})",
    )
});

/// A decision field whose value is a clause ("Beslut: Noah beviljas
/// korttidsvistelse på …", wrapped onto the next line): the layout takes the
/// line for a header field, so its words are no sentence of the text.
static DECISION_CLAUSE: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(r"(?im)^[ \t*_]*beslut(?:et)?[ \t*_]*:[ \t*_]*(\S[^\n]*)$")
});

/// A field with what the person has had until now ("Gällande insats:
/// Ledsagning, 16 timmar per månad"): its amount is the one before.
static EARLIER_FIELD: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?im)^[ \t*_]*(?:gällande|nuvarande|tidigare|befintlig|befintliga)\s+(?:insats|insatser|beslut|omfattning|stöd)[ \t*_]*:[ \t*_]*(\S[^\n]*)$",
    )
});

/// The value of a decision field and the lines that continue it, up to the
/// end of its sentence (or a blank line, at most six lines).
fn clause_from(text: &str, start: usize) -> &str {
    lines_from(
        text,
        start,
        |_, _| false,
        |line| line.trim_end().ends_with(['.', '!', '?']),
    )
}

/// The lines from `start`: at most six, up to a blank line, before the
/// first line `stops_before` (given its number and text) or with the first
/// line `stops_after`.
fn lines_from(
    text: &str,
    start: usize,
    stops_before: impl Fn(usize, &str) -> bool,
    stops_after: impl Fn(&str) -> bool,
) -> &str {
    let mut end = start;
    for (n, line) in text[start..].split_inclusive('\n').enumerate() {
        if n >= 6 || line.trim().is_empty() || stops_before(n, line) {
            break;
        }
        end += line.len();
        if stops_after(line) {
            break;
        }
    }
    &text[start..end]
}

/// The lower-case words of `clause`, after `first` when given.
pub(super) fn clause_words(clause: &str, first: Option<&str>) -> Vec<String> {
    let (words, _) = segment(clause, std::iter::once(0..clause.len()));
    first
        .map(str::to_string)
        .into_iter()
        .chain(words.iter().map(|w| clause[w.range.clone()].to_lowercase()))
        .collect()
}

/// A ticked box on a decision form: "[X] Delvis bifall".
static CHECKED_BOX: LazyLock<CapturingRegex> = LazyLock::new(|| {
    CapturingRegex::new(
        r"(?i)\[\s*[x✓✔]\s*\]\s*(delvis\s+bifall|bifall|avslag|ändring|upphör|avskrivs)",
    )
});

/// The words of a sentence that decides what a field or a table cell says
/// ("Bifall", "Nej", "Beviljas delvis"); none for what decides nothing.
fn decided_as(value: &str) -> Option<&'static [&'static str]> {
    // "☒ Bifall  ☐ Delvis bifall  ☐ Avslag": the option after the ticked box.
    if let Some(option) = ticked_option(value) {
        return option.and_then(decided_as);
    }
    let value = value.trim().trim_matches('*').trim().to_lowercase();
    let mut words = value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    // "Oförändrat": what the person has goes on.
    let unchanged = first == "fortsätter" || first.starts_with("oförändr");
    let grant = first == "ja" || first.starts_with("bevilja") || first == "bifall" || unchanged;
    // "Fortsätter, men i mindre omfattning."
    let less = [
        "mindre omfattning",
        "minskad omfattning",
        "lägre omfattning",
        "färre timmar",
    ]
    .iter()
    .any(|p| value.contains(p));
    Some(if less {
        &["minskas"]
    } else if first == "delvis" || second == "delvis" {
        &["delvis", "beviljas"]
    } else if grant && matches!(second, "ej" | "inte") {
        &["avslås"]
    } else if grant && (second == "fortsatt" || unchanged) {
        &["beviljas", "fortsatt"]
    } else if grant {
        &["beviljas"]
    } else if first == "nej" || first.starts_with("avslag") || first.starts_with("avslå") {
        &["avslås"]
    } else if value.is_empty() || value.chars().all(|c| matches!(c, '-' | '–' | '0' | ' ')) {
        return None;
    } else if first.starts_with("upphör") || first.starts_with("avslut") {
        &["upphör"]
    } else if first.starts_with("minsk") || first.starts_with("sänk") || first.starts_with("ändr")
    {
        &["minskas"]
    } else {
        return None;
    })
}

/// The marks of a ticked box and of an empty one, as forms write them.
const TICKED: &[&str] = &["☒", "☑", "[x]", "[X]", "(x)", "(X)", "✓", "✔"];
const EMPTY: &[&str] = &["☐", "□", "[ ]", "( )"];

/// For a list of boxes, the text after the one ticked box (up to the next
/// box): `Some(None)` when none or several are ticked; `None` when the value
/// is no list of boxes.
fn ticked_option(value: &str) -> Option<Option<&str>> {
    let marks: Vec<(usize, usize, bool)> = TICKED
        .iter()
        .map(|m| (m, true))
        .chain(EMPTY.iter().map(|m| (m, false)))
        .flat_map(|(m, ticked)| {
            value
                .match_indices(*m)
                .map(move |(at, _)| (at, at + m.len(), ticked))
        })
        .collect();
    if marks.len() < 2 {
        return None;
    }
    let mut ticked = marks.iter().filter(|(_, _, t)| *t);
    let (Some(&(_, from, _)), None) = (ticked.next(), ticked.next()) else {
        return Some(None);
    };
    let to = marks
        .iter()
        .filter(|(at, _, _)| *at >= from)
        .map(|(at, _, _)| *at)
        .min()
        .unwrap_or(value.len());
    Some(Some(&value[from..to]))
}

/// The words of a sentence, as the outcome reader takes them.
fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// The lines from `start` to the end of its block (a blank line, or the
/// next line that states an insats or a decision of its own), at most six:
/// where a field's amounts are ("Omfattning: 4 timmar/vecka").
fn block_from(text: &str, start: usize) -> &str {
    lines_from(
        text,
        start,
        |n, line| {
            let lower = line.trim_start().to_lowercase();
            n > 0 && (lower.starts_with("beslut") || lower.starts_with("insats"))
        },
        |_| false,
    )
}

/// The outcomes a decision states in fields ("Beslut: Bifall") and in the
/// decision column of a table of insatser, each as the words of a sentence
/// that decides the same, with the text of its block for the amounts.
pub(super) fn decision_fields(text: &str) -> Vec<(Vec<String>, &str)> {
    let fields = DECISION_FIELD.captures_iter(text).filter_map(|(at, c)| {
        let (field, value) = (c.get(0)?, c.get(1)?);
        let words = decided_as(&field.as_str()[value.start() - field.start()..])?;
        let start = at + field.start();
        Some((owned(words), block_from(text, start)))
    });
    let mut out: Vec<_> = fields.collect();
    // A clause as the field's value is read as the sentence it is.
    out.extend(DECISION_CLAUSE.captures_iter(text).filter_map(|(at, c)| {
        let value = c.get(1)?;
        if decided_as(value.as_str()).is_some() || value.as_str().split_whitespace().count() < 3 {
            return None;
        }
        let clause = clause_from(text, at + value.start());
        Some((clause_words(clause, None), clause))
    }));
    // What the person has had, as a sentence that tells it ("har …").
    out.extend(EARLIER_FIELD.captures_iter(text).filter_map(|(at, c)| {
        let line = clause_from(text, at + c.get(0)?.start());
        Some((clause_words(line, Some("har")), line))
    }));
    out.extend(CHECKED_BOX.captures_iter(text).filter_map(|(_, c)| {
        let words = decided_as(c.get(1)?.as_str())?;
        Some((owned(words), ""))
    }));
    out.extend(table_decisions(text));
    out
}

/// The gap between the columns of a fixed-width table: a tab, or two
/// spaces or more.
static COLUMN_GAP: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\t+| {2,}").expect("a valid pattern"));

/// The cells of a table row (`| a | b |` or `a | b | c`); none for a line
/// that is no row.
fn cells(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    // "Hyra       8 450 kr    8 450 kr    Bifall": a fixed-width row, its
    // columns apart by two spaces (or a tab) or more, three of them at least.
    if !line.contains('|') {
        if !line.contains("  ") && !line.contains('\t') {
            return None;
        }
        let columns: Vec<&str> = COLUMN_GAP
            .split(line)
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        return (columns.len() >= 3).then_some(columns);
    }
    // "a | b" or "| a | b |"; a lone "|" at an edge is no row.
    if !line.trim_matches('|').contains('|') && line.matches('|').count() < 2 {
        return None;
    }
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(str::trim).collect())
}

/// Where a table of insatser says what: the decision ("Beslut", "Nytt
/// beslut", "Beviljat"), what was applied for ("Du ansökte om") and what
/// the person had ("Tidigare beslut", "Nuvarande omfattning").
#[derive(Clone)]
struct Columns {
    decision: usize,
    applied: Option<usize>,
    earlier: Option<usize>,
    /// A column of what was refused ("Avslagen insats", "Ej beviljat").
    refused: Option<usize>,
    /// Whether the decision column is headed by what is granted
    /// ("Beviljad insats"): any insats named in it is granted.
    names_granted: bool,
    /// Columns of boxes, each headed by what a tick in it decides
    /// ("Beviljas | Avslås", "Fortsätter | Upphör" with ☒ and ☐).
    boxes: Vec<(usize, &'static [&'static str])>,
}

impl Columns {
    /// The columns of a header row (lower case), if it has a decision column.
    fn of(header: &[String]) -> Option<Columns> {
        let before = |c: &str| {
            ["tidigare", "förra", "nuvarande", "gällande"]
                .iter()
                .any(|w| c.contains(w))
        };
        // "Beslut", "Nytt beslut", "Beviljas", "Utfall"; not "Berörs av
        // beslutet", "Beslutsdatum" or "BESLUTSMEDDELANDE" (a form's title).
        let decides = |c: &str| {
            let words: Vec<&str> = c.split_whitespace().collect();
            let is_decision = |w: &&str| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphabetic()),
                    "beslut" | "beslutet"
                )
            };
            (words.first().is_some_and(is_decision)
                || (words.len() <= 3 && words.last().is_some_and(is_decision)))
                && !before(c)
                && !c.contains("av beslut")
        };
        let boxes: Vec<_> = header
            .iter()
            .enumerate()
            .filter_map(|(i, c)| decided_as(c).map(|words| (i, words)))
            .collect();
        // A column "Beslut" before one "Beviljat" (which may hold amounts).
        let decision = header
            .iter()
            .position(|c| decides(c) || c == "utfall")
            .or_else(|| header.iter().position(|c| c.starts_with("bevilja")))
            .or_else(|| (boxes.len() >= 2).then(|| boxes[0].0))?;
        Some(Columns {
            decision,
            // Not a two-column table of fields ("| Beviljad omfattning | 0
            // tim |"), whose every row would otherwise be read as a header.
            names_granted: header.len() >= 3 && header[decision].starts_with("bevilja"),
            applied: header
                .iter()
                .position(|c| c.contains("ansök") || c.contains("sökt")),
            earlier: header.iter().position(|c| before(c)),
            refused: header
                .iter()
                .position(|c| {
                    [
                        "avslag",
                        "avslå",
                        "ej bevilj",
                        "inte bevilj",
                        "nekad",
                        "nekas",
                    ]
                    .iter()
                    .any(|w| c.starts_with(w))
                })
                .filter(|_| header.len() >= 3),
            boxes: if boxes.len() >= 2 { boxes } else { Vec::new() },
        })
    }
}

/// A cell without its spaces ("[ X ]" is "[X]").
fn compact(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a table cell is a ticked box: one of [`TICKED`], or a mark on
/// its own ("X", "■").
fn ticked(cell: &str) -> bool {
    let cell = compact(cell);
    TICKED.iter().any(|m| compact(m) == cell) || matches!(cell.as_str(), "x" | "X" | "✗" | "■")
}

/// Whether a table cell is an empty box, or empty.
fn unticked(cell: &str) -> bool {
    let cell = compact(cell);
    cell.is_empty() || EMPTY.iter().any(|m| compact(m) == cell)
}

/// Whether a cell names something: not empty, a dash, "nej" or "ingen".
fn says_something(cell: &str) -> bool {
    cell.chars().any(char::is_alphanumeric)
        && !matches!(
            cell.trim().to_lowercase().as_str(),
            "nej" | "ingen" | "inget" | "inga" | "0" | "ej aktuellt"
        )
}

/// The decisions in tables of insatser: the column headed "Beslut",
/// "Beviljas" or "Beviljat" in each row, compared with the column "Ansökt"
/// when it holds an amount ("20 tim/mån" applied, "12 tim/mån" granted is a
/// part), and two-cell rows `| Beslut | Avslag |`.
fn table_decisions(text: &str) -> Vec<(Vec<String>, &str)> {
    let mut out = Vec::new();
    // The columns of the table being read.
    let mut columns: Option<Columns> = None;
    for line in text.lines() {
        // "+------+-----+": a border between rows of an ASCII table.
        let border = line.trim();
        if border.starts_with('+') && border.chars().all(|c| matches!(c, '+' | '-' | '=')) {
            continue;
        }
        let Some(row) = cells(line) else {
            columns = None;
            continue;
        };
        if row
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            continue;
        }
        let lower: Vec<String> = row
            .iter()
            .map(|c| c.trim_matches('*').to_lowercase())
            .collect();
        if row.len() == 2 && lower[0].starts_with("beslut") {
            if let Some(words) = decided_as(row[1]) {
                out.push((owned(words), line));
            }
            continue;
        }
        let Some(Columns {
            decision,
            applied,
            earlier,
            refused,
            names_granted,
            ref boxes,
        }) = columns
        else {
            columns = Columns::of(&lower);
            continue;
        };
        // "| Korttidsvistelse | … | Utöver en vecka per månad |" under
        // "Avslagen insats": that part is refused; "–" refuses nothing.
        if refused
            .and_then(|r| lower.get(r))
            .is_some_and(|c| says_something(c))
        {
            out.push((owned(&["avslås"]), line));
        }
        // "| Nattpatrull | ☐ | ☒ |": of the columns whose cells are boxes,
        // the one ticked decides; two ticked, or none, decide nothing.
        let in_boxes: Vec<_> = boxes
            .iter()
            .filter_map(|(i, words)| {
                row.get(*i)
                    .map(|cell| (ticked(cell), unticked(cell), *words))
            })
            .filter(|(tick, empty, _)| *tick || *empty)
            .collect();
        if in_boxes.len() >= 2 {
            let mut ticks = in_boxes.iter().filter(|(tick, _, _)| *tick);
            if let (Some((_, _, words)), None) = (ticks.next(), ticks.next()) {
                out.push((owned(words), line));
            }
            continue;
        }
        // "Trygghetslarm | Oförändrat": an insats the decision leaves as it
        // is, not part of what is decided.
        let Some(cell) = row
            .get(decision)
            .filter(|c| !c.to_lowercase().starts_with("oförändr"))
        else {
            continue;
        };
        let given = super::amount::read_cell(cell).given;
        let asked = applied
            .and_then(|a| row.get(a))
            .and_then(|a| super::amount::read_cell(a).given);
        let before = earlier
            .and_then(|e| row.get(e))
            .and_then(|e| super::amount::read_cell(e).given);
        let words: &[&str] = match (decided_as(cell), given, asked, before) {
            // "Tidigare beslut 8 timmar/vecka | Nytt beslut 5 timmar/vecka".
            (
                Some(["beviljas"] | ["beviljas", "fortsatt"]) | None,
                Some(given),
                _,
                Some(before),
            ) if given.less_than(&before) => &["minskas"],
            (Some(words), _, _, _) => words,
            // "14 500 kr | 0 kr": nothing of what was applied for.
            (None, Some(given), Some(asked), _) if given.value == 0.0 && asked.value > 0.0 => {
                &["avslås"]
            }
            (None, Some(given), Some(asked), _) if given.less_than(&asked) => {
                &["delvis", "beviljas"]
            }
            (None, Some(_), _, _) => &["beviljas"],
            // "| Ledsagning |" under "Beviljad insats".
            (None, None, _, _) if names_granted && says_something(cell) => &["beviljas"],
            _ => continue,
        };
        out.push((owned(words), line));
    }
    out
}
