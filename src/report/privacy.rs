//! Masking personal identity numbers on the way out.
//!
//! Personnummer and samordningsnummer (10 or 12 digits, with or without `-` or
//! `+` before the last four) have every digit replaced by `X`, so the text keeps
//! its length and every byte offset stays valid.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static PERSONNUMMER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:\d{8}|\d{6})[-+]?\d{4}\b").expect("the pattern is valid"));

/// `text` with every personal identity number masked.
pub fn mask(text: &str) -> Cow<'_, str> {
    PERSONNUMMER.replace_all(text, |caps: &regex::Captures| {
        caps[0]
            .chars()
            .map(|c| if c.is_ascii_digit() { 'X' } else { c })
            .collect::<String>()
    })
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
