//! Text encodings of what case systems export: UTF-8 with or without a byte
//! order mark, UTF-16 (little or big endian) with a byte order mark, and
//! Windows-1252 for bytes that are not valid UTF-8 (older exports from
//! Windows systems).

use encoding_rs::{Encoding, WINDOWS_1252};

/// Decoded text and the encoding it was read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-8 med BOM`, `UTF-16LE`, `UTF-16BE` or `Windows-1252`.
    pub encoding: &'static str,
}

/// Control characters other than tab, line feed, form feed and carriage
/// return: text has none of them, binary files have many.
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r')
}

/// Bytes that are not all valid UTF-8: UTF-8 with a few Windows-1252 bytes
/// (an export with a line pasted from an older system) when valid UTF-8
/// letters outnumber the bytes that are not, each such byte then read as
/// Windows-1252; otherwise Windows-1252 throughout.
pub(crate) fn mixed(bytes: &[u8]) -> (String, &'static str) {
    let mut text = String::with_capacity(bytes.len());
    let (mut letters, mut strays) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                letters += valid.chars().filter(|c| !c.is_ascii()).count();
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // The first `valid_up_to` bytes are valid UTF-8.
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                letters += valid.chars().filter(|c| !c.is_ascii()).count();
                text.push_str(valid);
                let bad = e.error_len().unwrap_or(after.len()).max(1);
                strays += bad;
                let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(&after[..bad]);
                text.push_str(&decoded);
                rest = &after[bad..];
            }
        }
    }
    if letters > strays {
        (text, "UTF-8 med enstaka Windows-1252-tecken")
    } else {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        (text.into_owned(), "Windows-1252")
    }
}

/// Text as every later stage reads it: in Unicode NFC (letters composed, as
/// most systems write them: `ä`, not `a` + `¨`), every line end `\n` (also
/// `\r\n`, a lone `\r`, U+2028, U+2029, U+0085, and the vertical tab and form
/// feed Word and PDF use for breaks), other control characters as spaces, and
/// no byte order marks at the start.
pub fn normalise(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let special = |c: char| {
        matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
            || (c.is_control() && !matches!(c, '\n' | '\t'))
    };
    let has_special = text.contains(special);
    if !has_special && text.is_ascii() {
        return text;
    }
    let text = if has_special {
        let body = text.trim_start_matches('\u{feff}');
        let mut out = String::with_capacity(body.len());
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push('\n');
                }
                '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}' => out.push('\n'),
                // Other control characters (escape sequences, bells) are
                // never text: a space keeps the words apart.
                c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
                c => out.push(c),
            }
        }
        out
    } else {
        text
    };
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Decodes bytes to text; an error (in Swedish) for empty and binary files.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, encoding) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            let name = match encoding.name() {
                "UTF-8" => "UTF-8 med BOM",
                "UTF-16LE" => "UTF-16LE",
                _ => "UTF-16BE",
            };
            (text.into_owned(), name)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), "UTF-8"),
            Err(_) => mixed(bytes),
        },
    };
    if text.trim().is_empty() {
        return Err("filen är tom".to_string());
    }
    // A NUL, or more than one control character in a hundred, is binary.
    let controls = text.chars().filter(|&c| is_control(c)).count();
    if text.contains('\0') || controls * 100 > text.chars().count() {
        return Err("filen innehåller binära data och är ingen textfil".to_string());
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, &'static str) {
        let d = decode(bytes).unwrap();
        (d.text, d.encoding)
    }

    #[test]
    fn reads_every_export_encoding() {
        assert_eq!(decoded("Bo kvar i hemmet".as_bytes()).1, "UTF-8");
        assert_eq!(
            decoded(b"\xEF\xBB\xBFh\xC3\xA4r"),
            ("här".to_string(), "UTF-8 med BOM")
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Söker stöd".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decoded(&le), ("Söker stöd".to_string(), "UTF-16LE"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Åsa".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decoded(&be), ("Åsa".to_string(), "UTF-16BE"));
        // "Beslut för Åsa – hemtjänst" in Windows-1252: å e5, ä e4, Å c5, – 96.
        assert_eq!(
            decoded(b"Beslut f\xf6r \xc5sa \x96 hemtj\xe4nst"),
            ("Beslut för Åsa – hemtjänst".to_string(), "Windows-1252")
        );
    }

    #[test]
    fn a_few_stray_bytes_in_utf_8_are_read_as_windows_1252() {
        let utf8 = "Ärende: 1\nBeslut om hemtjänst för Åsa\n".as_bytes();
        let (text, encoding) = decoded(&[utf8, b"Handl\xe4ggare: Eva\n"].concat());
        assert_eq!(
            text,
            "Ärende: 1\nBeslut om hemtjänst för Åsa\nHandläggare: Eva\n"
        );
        assert_eq!(encoding, "UTF-8 med enstaka Windows-1252-tecken");
        // Mostly Windows-1252 with one valid-looking pair: Windows-1252.
        let (text, encoding) = decoded(b"f\xf6r \xe5 och \xe4 \xc3\xa4");
        assert_eq!(encoding, "Windows-1252");
        assert!(text.starts_with("för å och ä"));
    }

    #[test]
    fn normalised_text_is_nfc_with_one_kind_of_line_end_and_no_marks() {
        let nfd = "Be\u{301}slut fo\u{308}r A\u{30a}sa";
        assert_eq!(
            normalise(nfd.to_string()),
            "Beslut för Åsa".replace("Beslut", "Béslut")
        );
        assert_eq!(
            normalise("\u{feff}\u{feff}a\rb\r\nc\u{2028}d\u{2029}e\u{85}f".to_string()),
            "a\nb\nc\nd\ne\nf"
        );
        let plain = "Beslut om hemtjänst\n".to_string();
        assert_eq!(normalise(plain.clone()), plain);
        assert_eq!(
            normalise("a\u{1b}[31mb\u{7}c\u{b}d\u{c}e\tf".to_string()),
            "a [31mb c\nd\ne\tf"
        );
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert_eq!(decode(b"").unwrap_err(), "filen är tom");
        assert_eq!(decode(b" \n\t").unwrap_err(), "filen är tom");
        assert_eq!(decode(b"\xEF\xBB\xBF").unwrap_err(), "filen är tom");
        assert!(decode(b"a\0b").unwrap_err().contains("binära"));
        assert!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").is_err());
        let noise: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(decode(&noise).unwrap_err().contains("binära"));
    }
}
