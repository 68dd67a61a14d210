//! The units a batch reads: one per file, or one per record of a CSV or JSON Lines export, each made into documents.

use super::*;

/// One piece of reading: a file of one document, or a record already read
/// from a file of many.
pub struct Unit<'a> {
    /// The input's place in the inputs.
    pub index: usize,
    pub input: &'a Input,
    /// The record, when the input is a file of many documents.
    record: Option<formats::Read>,
}

/// The reading of `inputs` in order, as [`Unit`]s: files of many documents
/// are opened and read one record at a time as the units are taken, so only
/// the records being worked on are in memory.
pub struct Units<'a> {
    inputs: std::iter::Enumerate<std::slice::Iter<'a, Input>>,
    open: Option<(usize, &'a Input, Records)>,
}

/// The units of `inputs`, in order.
pub fn units(inputs: &[Input]) -> Units<'_> {
    Units {
        inputs: inputs.iter().enumerate(),
        open: None,
    }
}

impl<'a> Units<'a> {
    /// The units in chunks of `n` (the last may be smaller), each read only
    /// when it is taken: what a parallel stage works on at a time.
    pub fn chunks(mut self, n: usize) -> impl Iterator<Item = Vec<Unit<'a>>> {
        std::iter::from_fn(move || {
            let chunk: Vec<Unit<'a>> = self.by_ref().take(n).collect();
            (!chunk.is_empty()).then_some(chunk)
        })
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = Unit<'a>;

    fn next(&mut self) -> Option<Unit<'a>> {
        loop {
            if let Some((index, input, records)) = &mut self.open {
                let (index, input): (usize, &'a Input) = (*index, input);
                let unit = |read| Unit {
                    index,
                    input,
                    record: Some(read),
                };
                let next = records.next();
                match (next, input.record) {
                    (Some((_, read)), None) => return Some(unit(read)),
                    (None, None) => self.open = None,
                    (Some((number, read)), Some(wanted)) if number == wanted => {
                        self.open = None;
                        return Some(unit(read));
                    }
                    (Some((number, _)), Some(wanted)) if number < wanted => {}
                    (_, Some(wanted)) => {
                        // Passed or ended without it: the file has changed
                        // since the sample was drawn.
                        self.open = None;
                        return Some(unit(Err(format!(
                            "rad {wanted} finns inte längre i filen (har den ändrats sedan \
                             stickprovet drogs?)"
                        ))));
                    }
                }
                continue;
            }
            let (index, input) = self.inputs.next()?;
            match Format::of(&input.path) {
                Some(format) if format.is_records() => {
                    let limit = input.reader.limits.max_bytes;
                    let opened = open_regular(&input.path, None)
                        .and_then(|file| Records::new(format, Box::new(file), limit));
                    match opened {
                        Ok(mut records) => {
                            if let Some(wanted) = input.record {
                                records.skip_to(wanted);
                            }
                            self.open = Some((index, input, records));
                        }
                        Err(e) => {
                            return Some(Unit {
                                index,
                                input,
                                record: Some(Err(e)),
                            });
                        }
                    }
                }
                _ => {
                    return Some(Unit {
                        index,
                        input,
                        record: None,
                    });
                }
            }
        }
    }
}

impl Unit<'_> {
    /// Whether this unit is a whole file (not a record of a file of many).
    pub fn whole_file(&self) -> bool {
        self.record.is_none()
    }

    /// The documents of this unit, with metadata derived from the running
    /// text. What cannot be read is an error each.
    pub fn read(self) -> Vec<Result<Document, IngestError>> {
        self.read_with(Document::from_text_with)
    }

    /// Like [`Unit::read`], without the metadata derived from the running
    /// text (see [`Document::laid_out`]).
    pub fn read_laid_out(self) -> Vec<Result<Document, IngestError>> {
        self.read_with(Document::laid_out_with)
    }

    pub(super) fn read_with(self, make: Make) -> Vec<Result<Document, IngestError>> {
        match self.record {
            None => read_file(self.input)
                .into_iter()
                .map(|read| make_document(self.input, read, make))
                .collect(),
            Some(read) => vec![make_document(self.input, read, make)],
        }
    }
}

/// How a document is made from its text, path and metadata (manifest first,
/// then what the file carries outside its text).
pub(super) type Make = fn(&str, String, &Metadata, &Metadata) -> Document;

/// The documents of a file of one document (or of any file, whole).
pub(super) fn read_file(input: &Input) -> Vec<formats::Read> {
    let Some(format) = Format::of(&input.path) else {
        return vec![Err(format!(
            "filformatet läses inte: granska läser {SUPPORTED}"
        ))];
    };
    let limits = &input.reader.limits;
    match &input.reader.isolation {
        Some(isolation) if format.is_risky() => {
            // Checked here too, so that a pipe or an oversized file never
            // costs a reader process.
            match open_regular(&input.path, Some(limits.max_bytes)) {
                Ok(_) => isolation.extract(&input.path, format, limits),
                Err(e) => vec![Err(e)],
            }
        }
        _ => read_whole(&input.path, format, limits.max_bytes),
    }
}

pub(super) fn make_document(
    input: &Input,
    read: formats::Read,
    make: Make,
) -> Result<Document, IngestError> {
    let extracted = read.map_err(|m| IngestError::new(&input.path, m))?;
    let path = display(&input.path);
    let label = match extracted.record {
        Some(n) => format!("{path}#{n}"),
        None => path,
    };
    let text = crate::ingest::encoding::normalise(extracted.text);
    let mut doc = make(&label, text, &input.metadata, &extracted.metadata);
    if doc.id == label {
        doc.id = match extracted.record {
            Some(n) => format!("{}#{n}", input.name),
            None => input.name.clone(),
        };
    }
    doc.encoding = extracted.encoding;
    doc.pages = extracted.pages;
    doc.record = extracted.record;
    Ok(doc)
}

/// A Swedish reason for an I/O error ("filen finns inte").
pub fn io_message(err: &std::io::Error) -> String {
    io_reason(Some(err))
}

/// A Swedish reason why a file could not be created: a missing folder
/// is said as such.
pub fn create_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "mappen finns inte".into(),
        _ => io_reason(Some(err)),
    }
}

/// A Swedish reason for an I/O error.
pub(super) fn io_reason(err: Option<&std::io::Error>) -> String {
    use std::io::ErrorKind;
    match err.map(std::io::Error::kind) {
        Some(ErrorKind::NotFound) => "filen finns inte".into(),
        Some(ErrorKind::PermissionDenied) => "behörighet saknas".into(),
        Some(ErrorKind::InvalidData) => "ogiltiga data".into(),
        Some(ErrorKind::IsADirectory) => "är en mapp".into(),
        Some(ErrorKind::NotADirectory) => "en del av sökvägen är ingen mapp".into(),
        Some(ErrorKind::AlreadyExists) => "filen finns redan".into(),
        Some(ErrorKind::StorageFull) => "disken är full".into(),
        Some(ErrorKind::ReadOnlyFilesystem) => "filsystemet är skrivskyddat".into(),
        Some(ErrorKind::BrokenPipe) => "mottagaren slutade läsa".into(),
        Some(kind) => format!("fel vid läsning ({kind})"),
        None => "okänt fel".into(),
    }
}

/// A path as shown to users: with `/` separators.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
