use super::*;
use crate::ingest::formats::Format;

const LIMIT: u64 = 1_000_000;

#[test]
fn json_lines_with_a_bad_line_in_the_middle() {
    let input = "{\"id\": \"B-1\", \"text\": \"Du får hemtjänst.\", \"metadata\": {\"enhet\": \"Norr\", \"år\": 2025}}\n\
                     {\"id\": \"B-2\", \"text\": \n\
                     \n\
                     [1, 2]\n\
                     {\"id\": \"B-3\"}\n\
                     {\"text\": \"Andra beslutet.\"}\n";
    let read = all(Format::JsonLines, input.as_bytes(), LIMIT);
    assert_eq!(read.len(), 5);
    let first = read[0].as_ref().unwrap();
    assert_eq!(first.metadata.get("id"), Some("B-1"));
    assert_eq!(first.metadata.get("enhet"), Some("Norr"));
    assert_eq!(first.metadata.get("ar"), Some("2025"));
    assert_eq!(first.record, Some(1));
    assert!(
        read[1]
            .as_ref()
            .unwrap_err()
            .starts_with("rad 2: ogiltig JSON")
    );
    assert!(
        read[2]
            .as_ref()
            .unwrap_err()
            .starts_with("rad 4: raden är inget")
    );
    assert!(
        read[3]
            .as_ref()
            .unwrap_err()
            .contains("rad 5: fältet ”text” saknas")
    );
    assert_eq!(read[4].as_ref().unwrap().record, Some(6));
}

#[test]
fn a_json_line_over_the_limit_is_an_error_and_the_next_is_read() {
    let long = format!("{{\"text\": \"{}\"}}\n", "a".repeat(5_000));
    let input = format!("{long}{{\"text\": \"Kort.\"}}\n{long}");
    let read = all(Format::JsonLines, input.as_bytes(), 1_000);
    assert_eq!(read.len(), 3);
    assert!(
        read[0]
            .as_ref()
            .unwrap_err()
            .starts_with("rad 1: raden är längre")
    );
    assert_eq!(read[1].as_ref().unwrap().text, "Kort.");
    assert_eq!(read[1].as_ref().unwrap().record, Some(2));
    assert!(
        read[2]
            .as_ref()
            .unwrap_err()
            .starts_with("rad 3: raden är längre")
    );
}

#[test]
fn json_lines_in_utf16_and_with_a_windows_1252_line() {
    let text = "{\"text\": \"Du får stöd.\"}\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let read = all(Format::JsonLines, &utf16, LIMIT);
    assert_eq!(read[0].as_ref().unwrap().text, "Du får stöd.");
    assert_eq!(read[0].as_ref().unwrap().encoding, "UTF-16LE");
    let mixed = b"{\"text\": \"R\xc3\xa4tt.\"}\n{\"text\": \"F\xe5r.\"}\n";
    let read = all(Format::JsonLines, mixed, LIMIT);
    assert_eq!(read[0].as_ref().unwrap().text, "Rätt.");
    assert_eq!(read[0].as_ref().unwrap().encoding, "UTF-8");
    assert_eq!(read[1].as_ref().unwrap().text, "Får.");
    assert_eq!(read[1].as_ref().unwrap().encoding, "Windows-1252");
}

#[test]
fn csv_with_semicolons_windows_1252_and_a_bad_row() {
    // "Dokumenttext;Enhet;id" and rows in Windows-1252 (ä = e4, ö = f6).
    let input = b"id;Enhet;Dokumenttext\nB-1;S\xf6der;\"Du f\xe5r st\xf6d; ett beslut.\"\nB-2;Norr;\nB-3;Norr;\"Text\"\"\n";
    let read = all(Format::Csv, input, LIMIT);
    let first = read[0].as_ref().unwrap();
    assert_eq!(first.text, "Du får stöd; ett beslut.");
    assert_eq!(first.encoding, "Windows-1252");
    assert_eq!(first.metadata.get("enhet"), Some("Söder"));
    assert_eq!(first.record, Some(2));
    assert_eq!(read[1].as_ref().unwrap_err(), "rad 3: texten är tom");
    assert!(read.len() >= 3);
    let no_text = all(Format::Csv, b"id,namn\n1,Eva\n", LIMIT);
    assert!(no_text[0].as_ref().unwrap_err().contains("saknar kolumnen"));
}

#[test]
fn a_csv_row_with_more_or_fewer_cells_than_the_header_is_an_error() {
    // Text not last: where the text ends cannot be known.
    for (input, delimiter) in [
        (
            "text;id\nDu får hemtjänst; RESTEN kan överklagas.;B-1\nHel text.;B-2\n",
            ';',
        ),
        (
            "id,text,enhet\nB-1,Du får hemtjänst, RESTEN kan överklagas.,Norr\nB-2,Hel text.,Norr\n",
            ',',
        ),
    ] {
        let read = all(Format::Csv, input.as_bytes(), LIMIT);
        let message = read[0].as_ref().unwrap_err();
        assert!(
            message.starts_with("rad 2: raden har ")
                && message.contains(" fält men rubrikraden har "),
            "{message}"
        );
        assert!(message.contains(&format!("ett {delimiter} ")), "{message}");
        assert_eq!(read[1].as_ref().unwrap().text, "Hel text.");
    }
    // A line break inside an unquoted text makes rows of too few cells.
    let read = all(
        Format::Csv,
        "id;text;enhet\nB-1;Du får hemtjänst.\nRESTEN;Norr\n".as_bytes(),
        LIMIT,
    );
    assert_eq!(read.len(), 2);
    assert!(read.iter().all(Result::is_err), "{read:?}");
}

#[test]
fn a_last_text_column_with_unquoted_delimiters_is_read_whole() {
    for input in [
        "id;text\nB-1;Du får hemtjänst; RESTEN; och mer.\n",
        "id,text\nB-1,Du får hemtjänst, RESTEN, och mer.\n",
    ] {
        let read = all(Format::Csv, input.as_bytes(), LIMIT);
        let text = &read[0].as_ref().unwrap().text;
        let d = if input.contains(';') { ";" } else { "," };
        assert_eq!(text, &format!("Du får hemtjänst{d} RESTEN{d} och mer."));
    }
}

/// Records without end: reading must take one at a time.
struct Endless {
    row: Vec<u8>,
    at: usize,
    header: Option<Vec<u8>>,
}

impl io::Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(header) = self.header.take() {
            buf[..header.len()].copy_from_slice(&header);
            return Ok(header.len());
        }
        let mut n = 0;
        while n < buf.len() {
            buf[n] = self.row[self.at];
            self.at = (self.at + 1) % self.row.len();
            n += 1;
        }
        Ok(n)
    }
}

#[test]
fn records_are_read_one_at_a_time_from_a_stream_without_end() {
    let json = Endless {
        row: b"{\"text\": \"Du f\xc3\xa5r st\xc3\xb6d.\"}\n".to_vec(),
        at: 0,
        header: None,
    };
    let records = Records::new(Format::JsonLines, Box::new(json), LIMIT).unwrap();
    let first: Vec<_> = records.take(1000).collect();
    assert_eq!(first.len(), 1000);
    assert_eq!(first[999].0, 1000);
    assert_eq!(first[999].1.as_ref().unwrap().text, "Du får stöd.");

    let csv = Endless {
        row: b"B;Du f\xe5r st\xf6d.\n".to_vec(),
        at: 0,
        header: Some(b"id;text\n".to_vec()),
    };
    let records = Records::new(Format::Csv, Box::new(csv), LIMIT).unwrap();
    let first: Vec<_> = records.take(1000).collect();
    assert_eq!(first[999].1.as_ref().unwrap().text, "Du får stöd.");
    assert_eq!(first[999].1.as_ref().unwrap().encoding, "Windows-1252");
}

#[test]
fn skipping_lands_on_the_record_asked_for() {
    let json = "{\"text\": \"Ett.\"}\n\n{trasig\n{\"text\": \"Fyra.\"}\n{\"text\": \"Fem.\"}\n";
    for (wanted, text) in [(1, "Ett."), (4, "Fyra."), (5, "Fem.")] {
        let mut records =
            Records::new(Format::JsonLines, Box::new(io::Cursor::new(json)), LIMIT).unwrap();
        records.skip_to(wanted);
        let (number, read) = records.next().unwrap();
        assert_eq!((number, read.unwrap().text.as_str()), (wanted, text));
    }
    let csv = "id;text\n1;Ett.\n2;\"Två\nrader.\"\n3;Tre.\n";
    for (wanted, text) in [(2, "Ett."), (3, "Två\nrader."), (5, "Tre.")] {
        let mut records = Records::new(Format::Csv, Box::new(io::Cursor::new(csv)), LIMIT).unwrap();
        records.skip_to(wanted);
        let (number, read) = records.next().unwrap();
        assert_eq!((number, read.unwrap().text.as_str()), (wanted, text));
    }
}

#[test]
fn a_csv_row_over_the_limit_ends_the_file_with_a_reason() {
    let input = format!(
        "id;text\n1;Kort text.\n2;\"{}\"\n3;Aldrig läst.\n",
        "x".repeat(200_000)
    );
    let read = all(Format::Csv, input.as_bytes(), 100_000);
    assert_eq!(read[0].as_ref().unwrap().text, "Kort text.");
    let error = read[1].as_ref().unwrap_err();
    assert!(
        error.starts_with("rad 3: raden är längre än gränsen 0,1 MB"),
        "{error}"
    );
    assert_eq!(read.len(), 2);
}
