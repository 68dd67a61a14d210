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

mod csv_rows;

pub use csv_rows::*;

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

#[cfg(test)]
mod tests;
