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
            Err(_) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                (text.into_owned(), "Windows-1252")
            }
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
