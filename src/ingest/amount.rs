//! Amounts of an insats as decisions write them — "40 timmar per vecka",
//! "tre besök i veckan", "en gång i veckan", "fyra dygn per månad" — and the
//! comparisons a decision makes with them: "från 62 till 48 timmar", "två
//! dagar i veckan i stället för tre dagar", the amount applied for or had
//! before. Two amounts are compared only when they count the same thing over
//! the same period; "från 15 mars till 1 april" has no unit and is no amount.

use std::sync::LazyLock;

/// One amount: how many of what, per which period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    unit: &'static str,
    /// "v", "m", "d", "å", or "" when no period is written.
    period: &'static str,
    /// Token positions `start..end` in the sentence it was read from.
    start: usize,
    end: usize,
}

impl Amount {
    /// Whether `self` and `other` count the same thing over the same period
    /// (a period left out matches any).
    fn comparable(&self, other: &Amount) -> bool {
        self.unit == other.unit
            && (self.period == other.period || self.period.is_empty() || other.period.is_empty())
    }

    /// Whether this counts events ("fallit två gånger"), not an amount of
    /// help: times without a period.
    pub fn is_events(&self) -> bool {
        self.unit == "gång" && self.period.is_empty()
    }

    /// Whether `self` is less than `other`, counted the same way.
    pub fn less_than(&self, other: &Amount) -> bool {
        self.comparable(other) && self.value < other.value
    }
}

/// The words and numbers of a sentence, lower case ("2,5" stays one token).
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.'))
        .flat_map(|t| {
            // A comma or point belongs to a token only between digits.
            let t = t.trim_matches([',', '.']);
            let decimal = t
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
            if decimal {
                vec![t.to_string()]
            } else {
                t.split([',', '.']).map(str::to_string).collect()
            }
        })
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect()
}

/// Number words up to nineteen.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("en", 1.0),
    ("ett", 1.0),
    ("två", 2.0),
    ("tre", 3.0),
    ("fyra", 4.0),
    ("fem", 5.0),
    ("sex", 6.0),
    ("sju", 7.0),
    ("åtta", 8.0),
    ("nio", 9.0),
    ("tio", 10.0),
    ("elva", 11.0),
    ("tolv", 12.0),
    ("tretton", 13.0),
    ("fjorton", 14.0),
    ("femton", 15.0),
    ("sexton", 16.0),
    ("sjutton", 17.0),
    ("arton", 18.0),
    ("nitton", 19.0),
];

/// Tens that join a unit in one word: "fyrtiofem", "sextiotvå".
const TENS: &[(&str, f64)] = &[
    ("tjugo", 20.0),
    ("trettio", 30.0),
    ("fyrtio", 40.0),
    ("femtio", 50.0),
    ("sextio", 60.0),
    ("sjuttio", 70.0),
    ("åttio", 80.0),
    ("nittio", 90.0),
];

fn number(token: &str) -> Option<f64> {
    if token.starts_with(|c: char| c.is_ascii_digit()) {
        return token.replace(',', ".").parse().ok();
    }
    let word = |token: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == token)
            .map(|(_, n)| *n)
    };
    word(token).or_else(|| {
        TENS.iter().find_map(|(tens, n)| {
            let rest = token.strip_prefix(tens)?;
            if rest.is_empty() {
                return Some(*n);
            }
            // "fyrtiofem", "tjugoen"; not "tjugotolv".
            word(rest).filter(|unit| *unit < 10.0).map(|unit| n + unit)
        })
    })
}

/// What is counted, each form with the name it is compared by.
const UNITS: &[(&str, &str)] = &[
    ("timmar", "h"),
    ("timme", "h"),
    ("timmes", "h"),
    ("tim", "h"),
    ("h", "h"),
    ("dagar", "dag"),
    ("dag", "dag"),
    ("gånger", "gång"),
    ("gång", "gång"),
    ("besök", "besök"),
    ("tillfällen", "tillfälle"),
    ("tillfälle", "tillfälle"),
    ("dygn", "dygn"),
    ("nätter", "natt"),
    ("natt", "natt"),
    ("kvällar", "kväll"),
    ("kväll", "kväll"),
    ("pass", "pass"),
    ("träffar", "träff"),
    ("träff", "träff"),
    ("helger", "helg"),
    ("helg", "helg"),
];

/// Kronor, counted only in a sentence about what is granted or applied for
/// ("Du beviljas försörjningsstöd med 6 100 kr per månad"): a fee, a rent
/// or a line of a budget is no amount of help.
const MONEY: &[(&str, &str)] = &[("kr", "kr"), ("kronor", "kr"), ("sek", "kr")];

/// Words that make a sentence's kronor an amount granted or applied for.
fn about_money_granted(tokens: &[String]) -> bool {
    tokens.iter().any(|t| {
        t.starts_with("bevilja")
            || t.starts_with("ansök")
            || t.starts_with("försörjningsstöd")
            || t.starts_with("bistånd")
    }) && !tokens
        .iter()
        .any(|t| t.starts_with("avgift") || t.starts_with("hyr"))
}

/// A sum of money with spaces between its digit groups: "8 300 kr".
static GROUPED_SUM: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\b\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+[ \u{a0}\u{202f}*]*(?:kr|kronor|SEK)\b")
        .expect("a valid pattern")
});

/// `text` with the spaces inside sums of money taken out ("8 300 kr" is
/// 8300 kronor).
fn sums_joined(text: &str) -> std::borrow::Cow<'_, str> {
    GROUPED_SUM.replace_all(text, |c: &regex::Captures| {
        let sum = &c[0];
        let digits_end = sum
            .char_indices()
            .rfind(|(_, ch)| ch.is_ascii_digit())
            .map_or(0, |(i, _)| i + 1);
        let digits: String = sum[..digits_end]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        format!("{digits}{}", &sum[digits_end..])
    })
}

/// Periods: "i veckan", "per månad", "om dygnet".
const PERIODS: &[(&str, &str)] = &[
    ("vecka", "v"),
    ("veckan", "v"),
    ("månad", "m"),
    ("månaden", "m"),
    ("mån", "m"),
    ("dygn", "d"),
    ("dygnet", "d"),
    ("dag", "d"),
    ("dagen", "d"),
    ("år", "å"),
    ("året", "å"),
];

fn lookup(table: &[(&str, &'static str)], token: Option<&String>) -> Option<&'static str> {
    let token = token?;
    table.iter().find(|(w, _)| w == token).map(|(_, n)| *n)
}

/// Ordinals that count an interval: "var tredje vecka".
const ORDINALS: &[(&str, f64)] = &[
    ("andra", 2.0),
    ("tredje", 3.0),
    ("fjärde", 4.0),
    ("femte", 5.0),
    ("sjätte", 6.0),
    ("åttonde", 8.0),
];

/// A frequency told as an interval: "varannan vecka", "var fjärde vecka"
/// ("varje vecka" tells more often what the person does than what is
/// granted, and is left out). Its unit is its own, so that it is compared only with other
/// intervals ("städning varannan vecka" against "var fjärde vecka"), not
/// with "en gång i veckan" of some other help.
fn interval_at(tokens: &[String], i: usize) -> Option<Amount> {
    let (every, at) = match tokens[i].as_str() {
        "varannan" | "vartannat" => (2.0, i + 1),
        "var" | "vart" => {
            let next = tokens.get(i + 1)?;
            let n = ORDINALS.iter().find(|(w, _)| w == next)?.1;
            (n, i + 2)
        }
        _ => return None,
    };
    let period = lookup(PERIODS, tokens.get(at))?;
    Some(Amount {
        value: 1.0 / every,
        unit: "intervall",
        period,
        start: i,
        end: at + 1,
    })
}

/// The amount that starts at token `i`, if one does: a number, at most one
/// word ("40 beviljade timmar"), a unit, and a period if one follows; or an
/// interval ("varannan vecka").
fn amount_at(tokens: &[String], i: usize, money: bool) -> Option<Amount> {
    if let Some(interval) = interval_at(tokens, i) {
        return Some(interval);
    }
    let value = number(&tokens[i])?;
    let unit_of = |token: Option<&String>| {
        lookup(UNITS, token).or_else(|| money.then(|| lookup(MONEY, token)).flatten())
    };
    let (unit, at) = match unit_of(tokens.get(i + 1)) {
        Some(unit) => (unit, i + 1),
        None => (unit_of(tokens.get(i + 2))?, i + 2),
    };
    let mut end = at + 1;
    let mut period = "";
    if tokens
        .get(end)
        .is_some_and(|t| matches!(t.as_str(), "i" | "per" | "om" | "varje"))
    {
        if let Some(p) = lookup(PERIODS, tokens.get(end + 1)) {
            period = p;
            end += 2;
        }
    } else if let Some(p) = tokens
        .get(end)
        .filter(|t| matches!(t.as_str(), "vecka" | "månad" | "mån" | "dygn" | "år"))
        .and_then(|t| lookup(PERIODS, Some(t)))
    {
        // "4 timmar/vecka", "14 tim/mån" in a table or a field.
        period = p;
        end += 1;
    }
    Some(Amount {
        value,
        unit,
        period,
        start: i,
        end,
    })
}

/// What a sentence says in amounts.
#[derive(Debug, Default)]
pub struct Amounts {
    /// A reduction it states: "från 40 till 30 timmar", "två dagar i stället
    /// för tre dagar".
    pub reduction: bool,
    /// The amount applied for: "ansökt om 20 timmar".
    pub applied: Option<Amount>,
    /// The amount the person has had: "har i dag 25 timmar", "tidigare 14
    /// timmar".
    pub earlier: Option<Amount>,
    /// The first other amount: what the sentence gives.
    pub given: Option<Amount>,
}

/// Words after which an amount is the one applied for.
const APPLIED_CUES: &[&str] = &["ansökt", "ansökte", "ansöker", "ansökan", "ansökningen"];
/// Words after which an amount is the one had until now.
const EARLIER_CUES: &[&str] = &["tidigare", "hittills", "nuvarande", "idag", "haft", "sedan"];

/// How many tokens before an amount a cue may stand ("har sedan 2021 beslut
/// om daglig verksamhet fem dagar").
const CUE_REACH: usize = 6;

/// Whether one of `cues` stands at most [`CUE_REACH`] tokens before `i`.
fn cued(tokens: &[String], i: usize, cues: &[&str]) -> bool {
    tokens[i.saturating_sub(CUE_REACH)..i]
        .iter()
        .any(|t| cues.contains(&t.as_str()))
}

/// Whether "i dag" stands at most [`CUE_REACH`] tokens before `i`.
fn today_before(tokens: &[String], i: usize) -> bool {
    tokens[i.saturating_sub(CUE_REACH)..i]
        .windows(2)
        .any(|p| p[0] == "i" && p[1] == "dag")
}

/// Reads the amounts of one sentence.
pub fn read(text: &str) -> Amounts {
    let tokens = tokens(&sums_joined(text));
    // A table row is read cell by cell ([`read_cell`]), not as a sentence.
    let money = !text.contains('|') && about_money_granted(&tokens);
    read_tokens(&tokens, money)
}

/// Reads the amount of a cell in a decision table ("7 600 kr" under "Nytt
/// beslut"), where kronor are what is decided.
pub fn read_cell(cell: &str) -> Amounts {
    read_tokens(&tokens(&sums_joined(cell)), true)
}

fn read_tokens(tokens: &[String], money: bool) -> Amounts {
    let mut found: Vec<Amount> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match amount_at(tokens, i, money) {
            Some(a) => {
                found.push(a);
                i = a.end;
            }
            None => i += 1,
        }
    }
    let is = |i: usize, w: &str| tokens.get(i).is_some_and(|t| t == w);
    let mut out = Amounts::default();
    for (k, a) in found.iter().enumerate() {
        let next = found.get(k + 1);
        // "från 40 timmar till 30 timmar".
        let from_to = a.start >= 1 && is(a.start - 1, "från") && is(a.end, "till");
        // "två dagar i stället för tre dagar", "6 timmar mot tidigare 10".
        let instead = (is(a.end, "i") && is(a.end + 1, "stället") && is(a.end + 2, "för"))
            || is(a.end, "istället")
            || (is(a.end, "mot") && is(a.end + 1, "tidigare"));
        if let Some(b) = next {
            out.reduction |= from_to && b.start == a.end + 1 && b.less_than(a);
            out.reduction |= instead && b.start <= a.end + 3 && a.less_than(b);
        }
        // "en gång i veckan i stället för två": the number borrows the unit.
        if instead {
            let after = if is(a.end, "i") { a.end + 3 } else { a.end + 1 };
            let bare = tokens.get(after).and_then(|t| number(t));
            let unit_follows = amount_at(tokens, after, money).is_some();
            if let (Some(before), false) = (bare, unit_follows) {
                out.reduction |= a.value < before;
            }
        }
        if cued(tokens, a.start, APPLIED_CUES) {
            out.applied.get_or_insert(*a);
        } else if cued(tokens, a.start, EARLIER_CUES)
            || today_before(tokens, a.start)
            || instead_before(tokens, a)
        {
            out.earlier.get_or_insert(*a);
        } else {
            out.given.get_or_insert(*a);
        }
    }
    // "från 40 till 30 timmar": the first number borrows the unit.
    for (k, t) in tokens.iter().enumerate() {
        if t != "från" || !is(k + 2, "till") {
            continue;
        }
        let (Some(from), Some(to)) = (number(&tokens[k + 1]), amount_at(tokens, k + 3, money))
        else {
            continue;
        };
        out.reduction |= to.value < from;
    }
    out
}

/// Whether "i stället för" or "mot tidigare" stands just before `a`.
fn instead_before(tokens: &[String], a: &Amount) -> bool {
    let before = |n: usize| a.start.checked_sub(n).and_then(|i| tokens.get(i));
    (before(1).is_some_and(|t| t == "för") && before(2).is_some_and(|t| t == "stället"))
        || before(1).is_some_and(|t| t == "istället")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reductions_are_read_in_any_unit() {
        for text in [
            "Assistansen ändras från 62 timmar per vecka till 48 timmar per vecka.",
            "Boendestödet ändras från tre besök per vecka till ett besök per vecka.",
            "Din personliga assistans minskas från 40 till 30 timmar i veckan.",
            "Du beviljas dagverksamhet två dagar i veckan i stället för tre dagar i veckan.",
            "Dusch ges en gång i veckan i stället för två gånger i veckan.",
            "Korttidsvistelse beviljas fyra dygn per månad mot tidigare sex dygn.",
            "Du får hjälp med dusch en gång i veckan i stället för två.",
            "Ditt stöd blir sex dygn per månad i stället för tio.",
        ] {
            assert!(read(text).reduction, "{text}");
        }
        for text in [
            "Assistansen ökas från 48 till 62 timmar i veckan.",
            "Beslutet gäller från 15 mars till 1 april 2026.",
            "Du beviljas tre dagar i veckan i stället för två dagar i veckan.",
            "Dusch två gånger i veckan i stället för fyra timmar hemtjänst.",
            "Du får hjälp från en till två gånger i veckan.",
            "Du får hjälp tre gånger i veckan i stället för två.",
        ] {
            assert!(!read(text).reduction, "{text}");
        }
    }

    #[test]
    fn kronor_count_only_where_help_is_granted_or_applied_for() {
        let a = read("Du beviljas försörjningsstöd med 6 100 kr per månad.");
        assert_eq!(a.given.map(|a| a.value), Some(6100.0));
        let before = read("Du beviljades försörjningsstöd med 8 300 kr per månad.");
        assert!(a.given.unwrap().less_than(&before.given.unwrap()));
        // A fee or a rent is no amount of help; hours are no kronor.
        assert!(
            read("Din avgift blir 1 540 kronor per månad.")
                .given
                .is_none()
        );
        assert!(read("Hyran är 6 240 kr.").given.is_none());
        let hours = read("Du beviljas 20 timmar i månaden.").given.unwrap();
        assert!(!hours.less_than(&before.given.unwrap()));
    }

    #[test]
    fn intervals_compare_only_with_intervals() {
        let every_fourth = read("Du får städning var fjärde vecka.").given.unwrap();
        let every_other = read("Du har haft städning varannan vecka.")
            .earlier
            .unwrap();
        assert!(every_fourth.less_than(&every_other));
        assert!(!every_other.less_than(&every_fourth));
        // "en gång i veckan" counts times, not an interval.
        let weekly = read("Du har inköp en gång i veckan.").given.unwrap();
        assert!(!every_other.less_than(&weekly));
        // "varje vecka" tells what the person does, and is no amount.
        assert!(read("Han handlar varje vecka.").given.is_none());
    }

    #[test]
    fn applied_earlier_and_given_amounts_are_told_apart() {
        let a = read("Du har ansökt om 20 timmar avlösarservice i månaden.");
        assert_eq!(a.applied.map(|a| a.value), Some(20.0));
        assert!(a.given.is_none());
        let a = read("Du har i dag 25 timmar hemtjänst i månaden.");
        assert_eq!(a.earlier.map(|a| a.value), Some(25.0));
        let a = read("Från 1 maj beviljas du 18 timmar i månaden.");
        assert_eq!(a.given.map(|a| a.value), Some(18.0));
        let (given, earlier) = (
            a.given.unwrap(),
            read("Du har haft 25 timmar.").earlier.unwrap(),
        );
        assert!(given.less_than(&earlier));
        // A period after a slash, as fields write it.
        let a = read("Omfattning: 4 timmar/vecka. Tidigare omfattning: 8 timmar/vecka.");
        assert_eq!(a.given.map(|a| a.value), Some(4.0));
        assert_eq!(a.earlier.map(|a| a.value), Some(8.0));
        assert!(a.given.unwrap().less_than(&a.earlier.unwrap()));
        // Number words, compound ones too.
        let a = read("Du beviljas fyrtiofem timmar per månad.");
        assert_eq!(a.given.map(|a| a.value), Some(45.0));
        assert_eq!(number("sextio"), Some(60.0));
        assert_eq!(number("tjugoen"), Some(21.0));
        assert_eq!(number("tjugotolv"), None);
        assert_eq!(number("fyrtion"), None);
        // Hours per week and hours per month are not compared.
        let month = read("Du beviljas 18 timmar i månaden.").given.unwrap();
        let week = read("Du har haft 25 timmar per vecka.").earlier.unwrap();
        assert!(!month.less_than(&week));
    }
}
