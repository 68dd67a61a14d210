//! Reading case documents: files and folders, front matter, header fields,
//! manifests, sections and running text, from text files (UTF-8, UTF-16,
//! Windows-1252), Word, PDF, HTML, JSON Lines and CSV.
//!
//! Every format ends up as one [`Document`]: the text as read, its metadata, its
//! sections and the paragraphs of running text, all as byte ranges into the text.
//! A file that cannot be read becomes an [`IngestError`] with a Swedish reason;
//! it never stops the batch.

mod amount;
pub mod catalogue;
mod derive;
mod document;
pub mod encoding;
mod fields;
mod files;
pub mod formats;
pub mod isolate;
mod layout;
mod manifest;
mod metadata;
pub mod outcome;
pub mod vocabulary;

pub use crate::language::LineIndex;
pub use catalogue::Catalogue;
pub use document::{Document, Kind, Section};
pub use files::{
    DEFAULT_MAX_BYTES, IngestError, Input, Reader, Unit, Units, collect_inputs, create_message,
    display as display_path, io_message, output_conflict, units,
};
pub use isolate::Limits;
pub use metadata::{Metadata, fold_key};
