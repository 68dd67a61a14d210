//! What may be shown of a text on the way out: personal identity numbers
//! masked, control characters made harmless.
//!
//! A personnummer is a date (`ÅÅMMDD`, or `ÅÅÅÅMMDD` with century 18, 19 or
//! 20), a birth number of three digits and a check digit computed with the
//! Luhn algorithm over the ten digits; a samordningsnummer is the same with 60
//! added to the day. (Skatteverket SKV 704 and SKV 707, as summarised at
//! <https://wiki.sunet.se/x/hoAuB> and
//! <https://sv.wikipedia.org/wiki/Personnummer_i_Sverige>.)
//!
//! People write them with `-` or `+` between date and number, but also with a
//! space, a non-breaking space, a dash, a line break, or nothing, and glued to
//! a name or a file name (`Karin_811218-9876`). So the date and the last four
//! digits are found as runs of digits with at most a short separator between
//! them, and only runs whose date and check digit hold are masked: an
//! organisation number, a phone number or a case number of ten digits that
//! fails them is left alone.
//!
//! Masking replaces every digit of the number with `X`, and control
//! characters are replaced by as many bytes, so a text keeps its length and
//! every byte offset into it stays valid.

use std::borrow::Cow;

/// `text` as it may be shown: identity numbers masked unless `show_pnr`, and
/// control characters that would act on a terminal replaced (see [`harmless`]).
pub fn shown(text: &str, show_pnr: bool) -> Cow<'_, str> {
    let masked = if show_pnr {
        Cow::Borrowed(text)
    } else {
        mask(text)
    };
    match harmless(&masked) {
        Cow::Borrowed(_) => masked,
        Cow::Owned(clean) => Cow::Owned(clean),
    }
}

/// `text` with every personal identity number masked.
pub fn mask(text: &str) -> Cow<'_, str> {
    // Most strings have fewer than the ten digits a number needs.
    if text.bytes().filter(u8::is_ascii_digit).nth(9).is_none() {
        return Cow::Borrowed(text);
    }
    let found = identity_numbers(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for range in found {
        for b in &mut bytes[range] {
            if b.is_ascii_digit() {
                *b = b'X';
            }
        }
    }
    Cow::Owned(String::from_utf8(bytes).expect("only ASCII digits were replaced"))
}

/// `text` with control characters (other than line break and tab) replaced by
/// `?`, one per byte, and bidirectional overrides by U+FFFD (as long as
/// they): what a file name or a document holds can then neither move the
/// cursor, recolour nor retitle a terminal, nor turn text around.
pub fn harmless(text: &str) -> Cow<'_, str> {
    let dangerous = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !dangerous(c) {
            out.push(c);
        } else if c.is_control() {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push('\u{fffd}');
        }
    }
    Cow::Owned(out)
}

/// The byte ranges of the identity numbers in `text`, separators included.
fn identity_numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(start) = bytes[i..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| p + i)
    {
        let end = digits_end(bytes, start);
        i = end;
        let run = &bytes[start..end];
        match run.len() {
            10 | 12 if is_identity_number(run, &[]) => found.push(start..end),
            6 | 8 => {
                let Some(last) = separated_last_four(text, end) else {
                    continue;
                };
                if is_identity_number(run, &bytes[last.clone()]) {
                    found.push(start..last.end);
                    i = last.end;
                }
            }
            _ => {}
        }
    }
    found
}

/// Where the run of ASCII digits starting at `start` ends.
fn digits_end(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .map_or(bytes.len(), |p| p + start)
}

/// The run of exactly four digits that follows `at` after a separator
/// someone might write between date and number: at most one dash or plus
/// sign and at most two spaces or one line break.
fn separated_last_four(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let rest = &text[at..];
    let (mut dashes, mut spaces, mut breaks) = (0, 0, 0);
    let mut offset = None;
    for (i, c) in rest.char_indices() {
        match c {
            '-' | '+' | '\u{2010}'..='\u{2015}' | '\u{2212}' => dashes += 1,
            '\n' => breaks += 1,
            ' ' | '\t' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' => spaces += 1,
            _ => {
                offset = Some(i);
                break;
            }
        }
        if dashes > 1 || spaces > 2 || breaks > 1 {
            return None;
        }
    }
    let start = at + offset?;
    let bytes = text.as_bytes();
    let end = digits_end(bytes, start);
    (end - start == 4).then_some(start..end)
}

/// Whether `date` (six or eight digits) followed by `number` (four digits,
/// or none when `date` holds all ten or twelve) is a personnummer or
/// samordningsnummer: century 18–20 when given, a real date (day + 60 for a
/// samordningsnummer) and a valid check digit.
fn is_identity_number(date: &[u8], number: &[u8]) -> bool {
    let all: Vec<u32> = date
        .iter()
        .chain(number)
        .map(|b| u32::from(b - b'0'))
        .collect();
    let (century, ten) = match all.len() {
        12 => (Some(all[0] * 10 + all[1]), &all[2..]),
        10 => (None, &all[..]),
        _ => return false,
    };
    if century.is_some_and(|c| !(18..=20).contains(&c)) {
        return false;
    }
    let year = ten[0] * 10 + ten[1];
    let month = ten[2] * 10 + ten[3];
    let mut day = ten[4] * 10 + ten[5];
    if day > 60 {
        day -= 60;
    }
    let leap = match century {
        Some(c) => {
            let full = c * 100 + year;
            full % 4 == 0 && (full % 100 != 0 || full % 400 == 0)
        }
        None => year % 4 == 0,
    };
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day) && luhn(ten)
}

/// The Luhn check over ten digits: weights 2, 1, 2, 1 … from the left, the
/// digits of each product summed; the total ends in 0.
fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            if v > 9 { v - 9 } else { v }
        })
        .sum();
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Separators people write between date and number.
    const SEPARATORS: [&str; 10] = [
        "", "-", "+", " ", "\u{a0}", "\u{2013}", "\n", "-\n", " - ", "\u{202f}",
    ];

    /// The check digit that makes nine digits a valid number.
    fn check_digit(nine: &[u32]) -> u32 {
        (0..10)
            .find(|&c| {
                let mut all = nine.to_vec();
                all.push(c);
                luhn(&all)
            })
            .expect("one digit always fits")
    }

    /// A valid number: date (with century when `long`), separator, last four.
    fn number(
        long: bool,
        year: u32,
        month: u32,
        day: u32,
        birth: u32,
        sep: &str,
    ) -> (String, String) {
        let nine: Vec<u32> = format!("{:02}{month:02}{day:02}{birth:03}", year % 100)
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .collect();
        let check = check_digit(&nine);
        let date = if long {
            format!("{year:04}{month:02}{day:02}")
        } else {
            format!("{:02}{month:02}{day:02}", year % 100)
        };
        let last = format!("{birth:03}{check}");
        (format!("{date}{sep}{last}"), last)
    }

    #[test]
    fn masks_the_forms_people_write_and_keeps_length() {
        // 811218-9876 passes the check, as do the others.
        for (input, expected) in [
            ("pnr 19811218-9876.", "pnr XXXXXXXX-XXXX."),
            ("811218-9876", "XXXXXX-XXXX"),
            ("8112189876", "XXXXXXXXXX"),
            ("198112189876", "XXXXXXXXXXXX"),
            ("Pnr 19811218 9876", "Pnr XXXXXXXX XXXX"),
            ("Pnr 811218\u{a0}9876", "Pnr XXXXXX\u{a0}XXXX"),
            ("Pnr 811218\u{2013}9876", "Pnr XXXXXX\u{2013}XXXX"),
            ("Pnr 811218-\n9876.", "Pnr XXXXXX-\nXXXX."),
            ("pnr811218-9876", "pnrXXXXXX-XXXX"),
            ("Karin_811218-9876/beslut.md", "Karin_XXXXXX-XXXX/beslut.md"),
            ("utredning_198112189876.md", "utredning_XXXXXXXXXXXX.md"),
            // Samordningsnummer: day 18 + 60.
            ("811278-9873", "XXXXXX-XXXX"),
        ] {
            assert_eq!(mask(input), expected, "{input:?}");
            assert_eq!(mask(input).len(), input.len());
        }
    }

    #[test]
    fn leaves_numbers_that_fail_the_date_or_check_digit_alone() {
        for text in [
            "2026-03-14",
            "Ärende 2025-0318",
            "kl. 10:30",
            "123456789",
            // Wrong check digit.
            "811218-9875",
            "8112189877",
            // Organisation number (month 60).
            "556036-0793",
            // No such date: 31 April, 29 February 1981, month 13.
            "810431-1239",
            "810229-1234",
            "811318-9876",
            // Century 21 does not exist yet.
            "218112189876",
            // Part of a longer number.
            "18112189876",
            "811218-98760",
            // Too wide a gap.
            "811218   9876",
            "811218--9876",
        ] {
            assert_eq!(mask(text), text, "{text:?}");
        }
    }

    #[test]
    fn control_characters_become_as_many_question_marks() {
        let text = "a\u{1b}]0;titel\u{7}b\u{1b}[2Jc\r\u{85}d\u{202e}e\nf\tg";
        let clean = harmless(text);
        assert_eq!(clean, "a?]0;titel?b?[2Jc???d\u{fffd}e\nf\tg");
        assert_eq!(clean.len(), text.len());
        assert!(matches!(harmless("vanlig text\n"), Cow::Borrowed(_)));
        assert_eq!(
            shown("Karin_811218-9876\u{1b}", false),
            "Karin_XXXXXX-XXXX?"
        );
        assert_eq!(shown("811218-9876", true), "811218-9876");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any valid number, in any form, in any surroundings, is masked
        /// completely and the text keeps its length.
        #[test]
        fn every_valid_number_is_masked(
            long in any::<bool>(),
            year in 1890u32..2025,
            month in 1u32..=12,
            day in 1u32..=28,
            coordination in any::<bool>(),
            birth in 0u32..1000,
            sep in prop::sample::select(SEPARATORS.to_vec()),
            before in "[a-zåäöA-Z_ /.:(]{0,3}",
            after in "[a-zåäö_ /.,)]{0,3}",
        ) {
            let day = if coordination { day + 60 } else { day };
            let (pnr, last) = number(long, year, month, day, birth, sep);
            let text = format!("{before}{pnr}{after}");
            let masked = mask(&text);
            prop_assert_eq!(masked.len(), text.len());
            prop_assert!(!masked.contains(&last), "{:?} -> {:?}", text, masked);
            prop_assert_eq!(masked.bytes().filter(u8::is_ascii_digit).count(), 0);
        }

        /// Ten digits that fail the check digit are never masked.
        #[test]
        fn numbers_with_a_wrong_check_digit_are_left_alone(
            digits in "[0-9]{9}",
            sep in prop::sample::select(SEPARATORS.to_vec()),
            wrong in 1u32..10,
        ) {
            let nine: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
            let bad = (check_digit(&nine) + wrong) % 10;
            let text = format!("tel {}{sep}{}{bad}.", &digits[..6], &digits[6..]);
            prop_assert_eq!(mask(&text), text.as_str());
        }
    }
}
