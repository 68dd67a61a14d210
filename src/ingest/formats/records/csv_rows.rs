//! CSV exports read row by row within a budget, as rows or as records with their metadata.

use super::*;

/// Reads from `inner` but fails once more than `limit` bytes have been read
/// since the last [`Budget::reset`]: a CSV record is never longer than the
/// limit in memory.
pub(super) struct Budgeted<R> {
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

pub(super) const TOO_LONG: &str = "posten är för lång";

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
    pub(super) fn skip_to(&mut self, number: usize) {
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

pub(super) fn csv_reason(e: &csv::Error, limit: u64) -> String {
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
        format: super::super::Format,
        source: Box<dyn io::Read + Send>,
        limit: u64,
    ) -> Result<Records, String> {
        match format {
            super::super::Format::JsonLines => JsonLines::new(source, limit)
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
pub fn all(format: super::super::Format, bytes: &[u8], limit: u64) -> Vec<Read> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err("filen är tom".to_string())];
    }
    match Records::new(format, Box::new(io::Cursor::new(bytes.to_vec())), limit) {
        Ok(records) => records.map(|(_, read)| read).collect(),
        Err(e) => vec![Err(e)],
    }
}
