//! Masking personal identity numbers on the way out.
//!
//! Personnummer and samordningsnummer (10 or 12 digits, with or without `-` or
//! `+` before the last four) have every digit replaced by `X`, so the text keeps
//! its length and every byte offset stays valid.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::criteria::word_regex::WordRegex;

static PERSONNUMMER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"\b(?:\d{8}|\d{6})[-+]?\d{4}\b").expect("the pattern is valid")
});

/// `text` with every personal identity number masked.
pub fn mask(text: &str) -> Cow<'_, str> {
    // Most strings have no run of ten digits at all.
    if text.bytes().filter(u8::is_ascii_digit).nth(9).is_none() {
        return Cow::Borrowed(text);
    }
    let found = PERSONNUMMER.find_iter(text);
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

/// Applies [`mask`] unless `show` is set.
pub fn mask_if<'a>(text: &'a str, show: bool) -> Cow<'a, str> {
    if show {
        Cow::Borrowed(text)
    } else {
        mask(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_all_forms_and_keeps_length() {
        for (input, expected) in [
            ("pnr 19420315-1234.", "pnr XXXXXXXX-XXXX."),
            ("420315-1234", "XXXXXX-XXXX"),
            ("4203151234", "XXXXXXXXXX"),
            ("194203151234", "XXXXXXXXXXXX"),
            ("100101+1234", "XXXXXX+XXXX"),
        ] {
            assert_eq!(mask(input), expected);
            assert_eq!(mask(input).len(), input.len());
        }
    }

    #[test]
    fn leaves_dates_and_case_numbers_alone() {
        for text in ["2026-03-14", "Ärende 2025-0318", "kl. 10:30", "123456789"] {
            assert_eq!(mask(text), text);
        }
    }
}
