use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;

use super::derive::Untitled;
use super::layout::{Layout, layout};
use super::metadata::{Metadata, fold_key, front_matter, header_metadata};

/// The kind of a case document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An investigation of an application or a report of concern.
    Utredning,
    /// A decision.
    Beslut,
    /// An implementation plan.
    Genomforandeplan,
    /// A follow-up.
    Uppfoljning,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 4] = [
        Kind::Utredning,
        Kind::Beslut,
        Kind::Genomforandeplan,
        Kind::Uppfoljning,
    ];

    /// The names of every kind, in display order.
    pub const NAMES: [&'static str; 4] = [
        Kind::Utredning.name(),
        Kind::Beslut.name(),
        Kind::Genomforandeplan.name(),
        Kind::Uppfoljning.name(),
    ];

    /// The kind's name as written in metadata and templates.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Utredning => "utredning",
            Kind::Beslut => "beslut",
            Kind::Genomforandeplan => "genomforandeplan",
            Kind::Uppfoljning => "uppfoljning",
        }
    }

    /// Parses a kind name as written in metadata (any case, å/ä/ö allowed).
    pub fn parse(value: &str) -> Option<Kind> {
        let folded = super::metadata::fold_key(value);
        Kind::ALL.into_iter().find(|k| k.name() == folded)
    }
}

/// A section of a document: a heading and the text under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's words, without `#` marks or a trailing colon.
    pub title: String,
    /// Byte range of the heading line.
    pub heading: Range<usize>,
    /// Byte range of the section's content, up to the next heading of the same or
    /// a higher level.
    pub body: Range<usize>,
    /// 1 for `#`, 2 for `##` and plain headings, and so on.
    pub level: u8,
}

/// A case document, read and laid out.
#[derive(Debug, Clone)]
pub struct Document {
    /// Identifier: metadata `id`, otherwise the path.
    pub id: String,
    /// The path as given on the command line (or a label for examples).
    pub path: String,
    /// The document kind, from metadata `typ` or from the title.
    pub kind: Option<Kind>,
    /// Metadata from header fields, front matter and manifest.
    pub metadata: Metadata,
    /// The text, as decoded from the file.
    pub text: String,
    /// Where the body starts (after front matter).
    pub body_start: usize,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Paragraphs of running text (no headings, header fields or front matter).
    pub paragraphs: Vec<Range<usize>>,
    /// The text encoding the file was read with (`UTF-8`, `Windows-1252` …),
    /// or its format when it was not text (`docx`, `pdf`).
    pub encoding: &'static str,
    /// Byte offsets in `text` where each page starts (PDF; empty otherwise).
    pub pages: Vec<usize>,
    /// The line or row of the document in a file of many (`.jsonl`, `.csv`).
    pub record: Option<usize>,
}

impl Document {
    /// The value of a metadata key as used for grouping, strata and filters:
    /// `typ` is the document kind (also when found from the title); other
    /// keys are looked up folded (`Handläggare` → `handlaggare`).
    /// The Swedish text analysis of the running text, shared by all
    /// criteria.
    pub fn analysis(&self) -> crate::language::Analysis {
        crate::language::Analysis::of(&self.text, &self.paragraphs, self.body_start)
    }

    pub fn value(&self, key: &str) -> Option<&str> {
        let key = fold_key(key);
        if key == "typ" {
            return self.kind.map(Kind::name);
        }
        self.metadata.get(&key)
    }

    /// Lays out `text` read from `path`. `extra` is metadata from outside the
    /// text (a manifest); it wins over front matter, which wins over header
    /// fields.
    pub fn from_text(path: &str, text: String, extra: &Metadata) -> Document {
        Document::from_text_with(path, text, extra, &Metadata::default())
    }

    /// Like [`Document::from_text`], with `fallback`: metadata the file
    /// carries outside its text (a Word header, a record's fields), used for
    /// keys the text, front matter and manifest do not give.
    pub fn from_text_with(
        path: &str,
        text: String,
        extra: &Metadata,
        fallback: &Metadata,
    ) -> Document {
        let mut doc = Document::laid_out_with(path, text, extra, fallback);
        // A follow-up that tells how to appeal or has a section "Beslut" has
        // decided something ("Uppföljning av din hemtjänst … Kvällsbesöket tas
        // bort … Om du vill överklaga"): it is a decision (fail safe: the
        // appeal information is then asked for).
        if doc.kind == Some(Kind::Uppfoljning)
            && (tells_how_to_appeal(&doc.text)
                || doc.sections.iter().any(|s| is_decision_heading(&s.title)))
        {
            doc.kind = Some(Kind::Beslut);
            doc.metadata.insert("typ", Kind::Beslut.name());
        }
        // A letter with no title ("Hej Lennart!") that decides, tells how to
        // appeal or has a section "Beslut" is a decision, unless a heading
        // says it is an investigation or the text proposes ("Förslaget är
        // att Karin beviljas hemtjänst").
        // A proposal told in a decision ("förvaltningens förslag till beslut
        // … BESLUT: Utskottet beslutar …") does not make it an investigation.
        let decision_section = doc.sections.iter().any(|s| is_decision_heading(&s.title));
        let untitled = if doc.kind.is_some()
            || doc
                .sections
                .iter()
                .any(|s| s.title.to_lowercase().contains("utredning"))
            || (proposes(&doc.text) && !decision_section)
        {
            Untitled::No
        } else if tells_how_to_appeal(&doc.text) || decision_section || states_decision(&doc.text) {
            Untitled::Decision
        } else {
            Untitled::IfItDecides
        };
        super::derive::fill(
            &mut doc.metadata,
            &mut doc.kind,
            untitled,
            &doc.text,
            &doc.paragraphs,
        );
        doc
    }

    /// [`Document::laid_out`] with fallback metadata.
    pub fn laid_out_with(
        path: &str,
        text: String,
        extra: &Metadata,
        fallback: &Metadata,
    ) -> Document {
        let mut doc = Document::laid_out(path, text, extra);
        if !fallback.is_empty() {
            doc.metadata.fill_from(fallback);
            if doc.kind.is_none() {
                doc.kind = doc.metadata.get("typ").and_then(Kind::parse);
            }
            if let Some(id) = fallback.get("id").filter(|_| extra.get("id").is_none()) {
                if doc.id == path {
                    doc.id = id.to_string();
                }
            }
        }
        doc
    }

    /// Like [`Document::from_text`], without the metadata that is read from
    /// the running text (outcome, child, dates): enough to know the case and
    /// the running text.
    pub fn laid_out(path: &str, text: String, extra: &Metadata) -> Document {
        let (mut metadata, body_start) = match front_matter(&text) {
            Some((fm, end)) => (fm, end),
            None => (Metadata::default(), 0),
        };
        let Layout {
            sections,
            paragraphs,
            header_fields,
            titles,
        } = layout(&text, body_start);
        let header = header_metadata(
            header_fields
                .iter()
                .map(|(l, v)| (&text[l.clone()], &text[v.clone()])),
        );
        metadata.fill_from(&header);
        metadata.extend_from(extra);
        let kind = metadata
            .get("typ")
            .and_then(Kind::parse)
            .or_else(|| {
                // A field of the letterhead ("**Ärende:** Uppföljning av
                // boendestöd") names the matter, not the document.
                titles
                    .iter()
                    .enumerate()
                    .filter(|(n, t)| *n == 0 || !is_field_like(&text[(*t).clone()]))
                    .find_map(|(_, t)| kind_from_title(&text[t.clone()]))
            })
            // A document with a decision date in its header is a decision.
            .or_else(|| metadata.get("beslutsdatum").map(|_| Kind::Beslut));
        if let Some(kind) = kind {
            metadata.fill("typ", kind.name());
        }
        let id = metadata
            .get("id")
            .map_or_else(|| path.to_string(), str::to_string);
        Document {
            id,
            path: path.to_string(),
            kind,
            metadata,
            text,
            body_start,
            sections,
            paragraphs,
            encoding: "UTF-8",
            pages: Vec::new(),
            record: None,
        }
    }

    /// The body of the document (after front matter).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Where a finding with no place of its own goes: the first line of the body
    /// that has text.
    pub fn start_of_body(&self) -> Range<usize> {
        let body = self.body();
        let lead = body.len() - body.trim_start().len();
        let start = self.body_start + lead;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |n| start + n);
        start..end.max(start)
    }
}

/// Whether a text proposes a decision rather than makes one: "förslag till
/// beslut", "förslaget är att", "föreslår att", "föreslås"; not a letter's
/// "det här föreslår jag i stället".
fn proposes(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "förslag till beslut",
        "förslaget är att",
        "föreslår att",
        "föreslås",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// "Ärende: …", "**Dnr:** …": a label of at most three words and a colon.
fn is_field_like(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
        !label.is_empty() && label.split_whitespace().count() <= 3
    })
}

/// "Vi har beslutat att …", "Nämnden beslutar att …": who decides, now;
/// "beslutet är fattat med stöd av …", "beslutade enligt förvaltningens
/// förslag": that a decision was made in this matter.
static DECIDES_NOW: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(vi|jag|nämnden|\w+nämnden|utskottet|\w+utskottet)\s+(har\s+)?(beslutat|beslutar|bestämt|bestämmer)\b|\bbeslutet\s+(är|har)\s+(fattat|fattats)\b|\bbeslutade\s+enligt\s+\w+\s+förslag\b",
    )
    .expect("a valid pattern")
});

/// Whether a letter says that it decides, even when what it decides cannot
/// be read (a letter cut off after "Därför har vi beslutat att").
fn states_decision(text: &str) -> bool {
    DECIDES_NOW.is_match(text)
}

/// Whether a text tells how to appeal, which only a decision does.
fn tells_how_to_appeal(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| w.to_lowercase().starts_with("överklag"))
}

/// "Beslut", "2. Beslut", "BESLUT:" as a section's title.
fn is_decision_heading(title: &str) -> bool {
    let mut words = title
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    matches!(
        (words.next().as_deref(), words.next()),
        (Some("beslut" | "beslutet"), None)
    )
}

/// The kind named by a document title such as "Utredning enligt LSS" or "BESLUT".
fn kind_from_title(title: &str) -> Option<Kind> {
    // The first word that names a kind decides: "Delegationsbeslut – …",
    // "Ändrat beslut om …", "Protokollsutdrag …", "Omprövning av …",
    // "Utredning inför beslut om …". A "beslutsunderlag" is an utredning.
    // Only a real title is read word by word; a first line that is a
    // sentence ("Du kan överklaga beslutet …") says its kind by its first
    // word, if at all.
    let title = title.trim_start_matches(['#', ' ']).trim();
    let words = title.split_whitespace().count();
    let sentence = words > 10 || title.ends_with(['.', '!', '?']);
    // "Utredning och beslut enligt LSS" decides: what decides must be read
    // as a decision (its appeal information is a right).
    let lower = title.to_lowercase();
    if !sentence
        && lower.contains("utredning")
        && [" och beslut", "/beslut", "& beslut", "+ beslut"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return Some(Kind::Beslut);
    }
    title
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(if sentence { 1 } else { usize::MAX })
        .map(str::to_lowercase)
        .find_map(|w| {
            if w.starts_with("utredning") || w.ends_with("utredning") || w == "beslutsunderlag" {
                Some(Kind::Utredning)
            } else if w.ends_with("beslut")
                || w == "beslutet"
                || w.starts_with("protokoll")
                || w.starts_with("omprövning")
            {
                Some(Kind::Beslut)
            } else {
                Kind::parse(&w)
            }
        })
}

#[cfg(test)]
mod tests;
