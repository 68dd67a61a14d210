//! Files of many documents: JSON Lines (`.jsonl`, one object per line with
//! `text`, optional `id` and `metadata`) and CSV (a `text` or `dokumenttext`
//! column, the other columns as metadata; comma or semicolon). A bad line or
//! row is an error with its number; the rest are read.
//!
//! Both are read as a stream, one record at a time: memory follows the
//! longest record, never the file, and no record may be longer than the size
//! limit. The encoding is found per record (UTF-16 by its byte order mark for
//! the whole file; otherwise each record is UTF-8 when it is valid UTF-8 and
//! Windows-1252 when not).

use std::io::{self, BufRead, BufReader, Read as _};

use super::{Extracted, Read};
use crate::ingest::encoding;
use crate::ingest::metadata::{Metadata, fold_key};

/// A JSON value as metadata text.
fn value_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(if *b { "ja" } else { "nej" }.to_string()),
        _ => None,
    }
}

/// A record's document: its text, with `id` and the other fields as metadata.
fn record(
    number: usize,
    encoding: &'static str,
    text: &str,
    fields: impl Iterator<Item = (String, String)>,
) -> Read {
    if text.trim().is_empty() {
        return Err(format!("rad {number}: texten är tom"));
    }
    let mut metadata = Metadata::default();
    for (key, value) in fields {
        metadata.insert(&key, &value);
    }
    Ok(Extracted {
        text: text.to_string(),
        encoding,
        metadata,
        record: Some(number),
        ..Extracted::default()
    })
}

/// Bytes as text: UTF-8 when they are, else as a whole file would be read
/// (see `encoding::mixed`); `file` is the file's encoding when its byte order
/// mark named one.
fn decode(bytes: &[u8], file: Option<&'static str>) -> (String, &'static str) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), file.unwrap_or("UTF-8")),
        Err(_) => encoding::mixed(bytes),
    }
}

/// A byte stream as UTF-8 where a byte order mark says UTF-16, without the
/// mark; other bytes pass as they are (decoded per record). Returns the
/// encoding the mark named.
fn unmarked(
    source: Box<dyn io::Read + Send>,
) -> io::Result<(Box<dyn BufRead + Send>, Option<&'static str>)> {
    let mut buffered = BufReader::with_capacity(64 * 1024, source);
    let start = buffered.fill_buf()?;
    let marked = encoding_rs::Encoding::for_bom(start).map(|(e, bom)| (e.name(), bom));
    Ok(match marked {
        Some(("UTF-8", bom)) => {
            buffered.consume(bom);
            (Box::new(buffered), Some("UTF-8 med BOM"))
        }
        Some((name, _)) => {
            let label = if name == "UTF-16LE" {
                "UTF-16LE"
            } else {
                "UTF-16BE"
            };
            let decoder = encoding_rs_io::DecodeReaderBytesBuilder::new().build(buffered);
            (
                Box::new(BufReader::with_capacity(64 * 1024, decoder)),
                Some(label),
            )
        }
        None => (Box::new(buffered), None),
    })
}

/// The size limit in MB, for messages.
fn mb(limit: u64) -> String {
    format!("{:.1}", limit as f64 / 1e6)
        .trim_end_matches(".0")
        .replace('.', ",")
}

/// The records of a JSON Lines stream, each with its line number.
pub struct JsonLines {
    source: Box<dyn BufRead + Send>,
    encoding: Option<&'static str>,
    line: usize,
    limit: u64,
    done: bool,
}

impl JsonLines {
    pub fn new(source: Box<dyn io::Read + Send>, limit: u64) -> io::Result<JsonLines> {
        let (source, encoding) = unmarked(source)?;
        Ok(JsonLines {
            source,
            encoding,
            line: 0,
            limit,
            done: false,
        })
    }

    /// The next line's bytes, at most `limit`; `Ok(None)` at the end, and
    /// `Err` (the rest of the line skipped) for a longer one.
    fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Result<(), ()>>> {
        buf.clear();
        let read = (&mut self.source)
            .take(self.limit.saturating_add(1))
            .read_until(b'\n', buf)?;
        if read == 0 {
            return Ok(None);
        }
        if buf.last() == Some(&b'\n') || (buf.len() as u64) <= self.limit {
            return Ok(Some(Ok(())));
        }
        // Too long: skip to the end of the line without keeping it.
        loop {
            let available = self.source.fill_buf()?;
            if available.is_empty() {
                break;
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(at) => {
                    self.source.consume(at + 1);
                    break;
                }
                None => {
                    let n = available.len();
                    self.source.consume(n);
                }
            }
        }
        Ok(Some(Err(())))
    }

    fn parse(&self, number: usize, bytes: &[u8]) -> Read {
        let (line, encoding) = decode(bytes, self.encoding);
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("rad {number}: ogiltig JSON ({e})"))?;
        let object = value
            .as_object()
            .ok_or_else(|| format!("rad {number}: raden är inget JSON-objekt"))?;
        let text = object
            .get("text")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| format!("rad {number}: fältet ”text” saknas"))?;
        let id = object
            .get("id")
            .and_then(value_text)
            .map(|v| ("id".to_string(), v));
        let metadata = object
            .get("metadata")
            .and_then(serde_json::Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(k, v)| Some((k.clone(), value_text(v)?)));
        record(number, encoding, text, metadata.chain(id))
    }
}

impl JsonLines {
    /// Moves past the lines before line `number` without reading them as
    /// JSON.
    fn skip_to(&mut self, number: usize) {
        let mut buf = Vec::new();
        while !self.done && self.line + 1 < number {
            self.line += 1;
            match self.next_line(&mut buf) {
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => self.done = true,
            }
        }
    }
}

impl Iterator for JsonLines {
    type Item = (usize, Read);

    fn next(&mut self) -> Option<(usize, Read)> {
        let mut buf = Vec::new();
        while !self.done {
            self.line += 1;
            let number = self.line;
            match self.next_line(&mut buf) {
                Ok(None) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some((number, Err(format!("rad {number}: kunde inte läsas ({e})"))));
                }
                Ok(Some(Err(()))) => {
                    return Some((
                        number,
                        Err(format!(
                            "rad {number}: raden är längre än gränsen {} MB (ändra med --max-storlek)",
                            mb(self.limit)
                        )),
                    ));
                }
                Ok(Some(Ok(()))) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some((number, self.parse(number, &buf)));
                }
            }
        }
        None
    }
}

/// Reads from `inner` but fails once more than `limit` bytes have been read
/// since the last [`Budget::reset`]: a CSV record is never longer than the
/// limit in memory.
struct Budgeted<R> {
    inner: R,
    used: std::sync::Arc<std::sync::atomic::AtomicU64>,
    limit: u64,
}

impl<R: io::Read> io::Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::sync::atomic::Ordering;
        if self.used.load(Ordering::Relaxed) > self.limit {
            return Err(io::Error::other(TOO_LONG));
        }
        let n = self.inner.read(buf)?;
        self.used.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

const TOO_LONG: &str = "posten är för lång";

/// The rows of a CSV stream with a header row, each with its line number.
pub struct CsvRows {
    reader: csv::Reader<Budgeted<Box<dyn BufRead + Send>>>,
    used: std::sync::Arc<std::sync::atomic::AtomicU64>,
    limit: u64,
    encoding: Option<&'static str>,
    /// The header row's cells.
    pub headers: Vec<String>,
    /// The character between cells.
    pub delimiter: char,
    done: bool,
}

/// A row of a CSV file: its cells as text and the encoding they were read in.
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
    pub encoding: &'static str,
}

impl CsvRows {
    /// Opens a CSV stream: separated by semicolons when the header row has
    /// more of them than commas (Swedish Excel), otherwise by commas.
    pub fn new(source: Box<dyn io::Read + Send>, limit: u64) -> Result<CsvRows, String> {
        let (mut source, encoding) =
            unmarked(source).map_err(|e| format!("filen kunde inte läsas ({e})"))?;
        let start = source
            .fill_buf()
            .map_err(|e| format!("filen kunde inte läsas ({e})"))?;
        let header = start.split(|&b| b == b'\n').next().unwrap_or_default();
        let count = |c: u8| header.iter().filter(|&&b| b == c).count();
        let delimiter = if count(b';') > count(b',') {
            b';'
        } else {
            b','
        };
        let used = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(Budgeted {
                inner: source,
                used: used.clone(),
                limit,
            });
        let headers = reader
            .byte_headers()
            .map_err(|e| format!("rubrikraden kunde inte läsas: {}", csv_reason(&e, limit)))?
            .iter()
            .map(|h| decode(h, encoding).0)
            .collect();
        used.store(0, std::sync::atomic::Ordering::Relaxed);
        Ok(CsvRows {
            reader,
            used,
            limit,
            encoding,
            headers,
            delimiter: char::from(delimiter),
            done: false,
        })
    }
}

impl CsvRows {
    /// Moves past the rows that start before line `number` without decoding
    /// them.
    fn skip_to(&mut self, number: usize) {
        let mut row = csv::ByteRecord::new();
        while !self.done && (self.reader.position().line() as usize) < number {
            let read = self.reader.read_byte_record(&mut row);
            self.used.store(0, std::sync::atomic::Ordering::Relaxed);
            if !matches!(read, Ok(true)) {
                // An error or the end: the next read says which.
                break;
            }
        }
    }
}

fn csv_reason(e: &csv::Error, limit: u64) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) if io.to_string() == TOO_LONG => format!(
            "raden är längre än gränsen {} MB (ändra med --max-storlek); resten av filen lästes inte",
            mb(limit)
        ),
        _ => e.to_string(),
    }
}

impl Iterator for CsvRows {
    type Item = Result<Row, String>;

    fn next(&mut self) -> Option<Result<Row, String>> {
        if self.done {
            return None;
        }
        let mut row = csv::ByteRecord::new();
        let starts_at = self.reader.position().line();
        let read = self.reader.read_byte_record(&mut row);
        self.used.store(0, std::sync::atomic::Ordering::Relaxed);
        match read {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                let line = row.position().map_or(0, |p| p.line()) as usize;
                let mut encoding = self.encoding.unwrap_or("UTF-8");
                let cells = row
                    .iter()
                    .map(|cell| {
                        let (text, used) = decode(cell, self.encoding);
                        if used == "Windows-1252" {
                            encoding = used;
                        }
                        text
                    })
                    .collect();
                Some(Ok(Row {
                    line,
                    cells,
                    encoding,
                }))
            }
            Err(e) => {
                let line = e.position().map_or(starts_at, |p| p.line());
                // An I/O error (or a row over the limit) ends the file: the
                // reader cannot find the next row's start.
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    self.done = true;
                }
                Some(Err(format!("rad {line}: {}", csv_reason(&e, self.limit))))
            }
        }
    }
}

/// The documents of a CSV stream with a text column.
pub struct CsvRecords {
    rows: Option<CsvRows>,
    keys: Vec<String>,
    text_column: usize,
    /// Why the file could not be read at all, given once.
    failed: Option<String>,
}

impl CsvRecords {
    pub fn new(source: Box<dyn io::Read + Send>, limit: u64) -> CsvRecords {
        let failed = |message: String| CsvRecords {
            rows: None,
            keys: Vec::new(),
            text_column: 0,
            failed: Some(message),
        };
        let rows = match CsvRows::new(source, limit) {
            Ok(rows) => rows,
            Err(e) => return failed(e),
        };
        let keys: Vec<String> = rows.headers.iter().map(|h| fold_key(h)).collect();
        let Some(text_column) = keys.iter().position(|k| k == "text" || k == "dokumenttext") else {
            return failed(
                "CSV-filen saknar kolumnen ”text” (eller ”dokumenttext”) med dokumentens text"
                    .to_string(),
            );
        };
        CsvRecords {
            rows: Some(rows),
            keys,
            text_column,
            failed: None,
        }
    }
}

impl Iterator for CsvRecords {
    type Item = (usize, Read);

    fn next(&mut self) -> Option<(usize, Read)> {
        if let Some(message) = self.failed.take() {
            return Some((1, Err(message)));
        }
        let rows = self.rows.as_mut()?;
        let mut row = match rows.next()? {
            Ok(row) => row,
            Err(e) => return Some((0, Err(e))),
        };
        let d = rows.delimiter;
        let last = self.keys.len().saturating_sub(1);
        if row.cells.len() > self.keys.len() && self.text_column == last {
            // The text is the last column: the cells after it are the rest
            // of a text with the delimiter in it, unquoted, and joined with
            // it they give the text back as written.
            let rest = row.cells.split_off(last);
            row.cells.push(rest.join(&d.to_string()));
        }
        if row.cells.len() != self.keys.len() {
            // A text cut at a delimiter or a line break would be judged as
            // if it were the whole text.
            return Some((
                row.line,
                Err(format!(
                    "rad {}: raden har {} fält men rubrikraden har {}; troligen står ett {d} \
                     eller en radbrytning i texten utan citattecken runt. Sätt texten inom \
                     citattecken (\"…\") och läs filen igen",
                    row.line,
                    row.cells.len(),
                    self.keys.len()
                )),
            ));
        }
        let text = row.cells.get(self.text_column).map_or("", String::as_str);
        let fields = self
            .keys
            .iter()
            .zip(row.cells.iter())
            .enumerate()
            .filter(|(i, _)| *i != self.text_column)
            .map(|(_, (k, v))| (k.clone(), v.clone()));
        Some((row.line, record(row.line, row.encoding, text, fields)))
    }
}

/// The records of a file of many documents, as a stream.
pub enum Records {
    Json(JsonLines),
    Csv(Box<CsvRecords>),
}

impl Records {
    /// The records of `source` read as `format` (JSON Lines or CSV).
    pub fn new(
        format: super::Format,
        source: Box<dyn io::Read + Send>,
        limit: u64,
    ) -> Result<Records, String> {
        match format {
            super::Format::JsonLines => JsonLines::new(source, limit)
                .map(Records::Json)
                .map_err(|e| format!("kunde inte läsas ({e})")),
            _ => Ok(Records::Csv(Box::new(CsvRecords::new(source, limit)))),
        }
    }
}

impl Records {
    /// Moves past the records before the one on line `number`, reading as
    /// little as it can: a record drawn from a large export is found without
    /// reading every record before it.
    pub fn skip_to(&mut self, number: usize) {
        match self {
            Records::Json(r) => r.skip_to(number),
            Records::Csv(r) => {
                if let Some(rows) = r.rows.as_mut() {
                    rows.skip_to(number);
                }
            }
        }
    }
}

impl Iterator for Records {
    type Item = (usize, Read);

    fn next(&mut self) -> Option<(usize, Read)> {
        match self {
            Records::Json(r) => r.next(),
            Records::Csv(r) => r.next(),
        }
    }
}

/// All records of `bytes`, for reading a file held in memory.
pub fn all(format: super::Format, bytes: &[u8], limit: u64) -> Vec<Read> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err("filen är tom".to_string())];
    }
    match Records::new(format, Box::new(io::Cursor::new(bytes.to_vec())), limit) {
        Ok(records) => records.map(|(_, read)| read).collect(),
        Err(e) => vec![Err(e)],
    }
}

#[cfg(test)]
mod tests {
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
            let mut records =
                Records::new(Format::Csv, Box::new(io::Cursor::new(csv)), LIMIT).unwrap();
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
}
