//! Patterns: phrases, lexicons, regular expressions and detectors, and the
//! per-document matching that finds them all.
//!
//! Phrases and lexicon entries of the whole template are compiled into one
//! Aho-Corasick automaton over the folded text (lower case, white space folded),
//! so a document is scanned once for all of them; word boundaries are checked on
//! the neighbouring characters.
//!
//! Regular expressions are run one at a time, only when a criterion that
//! applies to the document asks, and each answer is kept for the document. (A
//! `RegexSet` over all of them was measured to be several times slower on
//! Swedish text: with Unicode word boundaries and å/ä/ö in the text it can only
//! run on its slowest engine. See [`super::word_regex`] for how word
//! boundaries are kept on the fast path.)

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::language::word_regex::WordRegex;
use aho_corasick::AhoCorasick;

use super::section;
use super::tables::Tables;
use crate::finding::Severity;
use crate::ingest::Document;
use crate::language::Analysis;
use crate::language::shingles::CaseFingerprints;

/// Something to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Regular expression `i` of the template.
    Regex(usize),
    /// Phrase list `i` (a phrase is a one-entry list).
    List(usize),
    /// Detector use `i` of the template (a built-in detector with its lexicon).
    Detector(usize),
}

/// Where a pattern must occur.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Inside a section of set `i`.
    Section(usize),
    /// In the same sentence as another pattern.
    SameSentence(Box<Pattern>),
}

/// One place where a pattern occurs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hit {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// For lexicons: the entry that matched.
    pub entry: Option<usize>,
    /// A severity other than the criterion's (e.g. `info` for a word that is
    /// only sometimes a problem). An `info` hit does not make a criterion unmet.
    pub severity: Option<Severity>,
    /// A message of the detector's own, instead of the criterion's.
    pub message: Option<String>,
    /// A suggestion of the detector's own.
    pub suggestion: Option<String>,
}

impl Hit {
    /// A plain hit at `range`.
    pub fn at(range: Range<usize>) -> Self {
        Hit {
            range,
            ..Hit::default()
        }
    }
}

/// A word list: lexicon entries or a single phrase.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lexicon {
    pub name: String,
    pub entries: Vec<LexiconEntry>,
    /// Whether an entry also counts as the last part of a compound
    /// (`insats` in `hemtjänstinsats`): letters may stand before it.
    pub compounds: bool,
}

/// One lexicon row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LexiconEntry {
    /// The forms that match (`erhålla`, `erhåller`, `erhöll` …); the first is
    /// the one shown.
    pub forms: Vec<String>,
    /// Plain alternatives, if any.
    pub replacement: Option<String>,
    pub note: Option<String>,
    /// `info` for words that are only sometimes a problem.
    pub severity: Option<Severity>,
    /// For abbreviations: the abbreviation means more than one thing.
    pub ambiguous: bool,
    /// A phrase that is fine (`nivå tillåten`): it hides shorter rows
    /// inside it and is never a hit itself.
    pub allowed: bool,
    /// The document kinds the row applies to; all when empty.
    pub kinds: Vec<crate::ingest::Kind>,
    /// Where the row does not count: section names, or `lagrum`.
    pub except: Vec<String>,
}

impl LexiconEntry {
    /// The entry's main form.
    pub fn term(&self) -> &str {
        self.forms.first().map_or("", String::as_str)
    }
}

/// An SFS number: "(2001:453)", "1993:387".
static SFS_NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(?:19|20)\d{2}:\d{1,4}\b").expect("a valid pattern")
});

/// The most lexicon terms in one automaton.
const TERMS_PER_AUTOMATON: usize = 5_000;

/// The compiled matchers of a template.
#[derive(Debug, Default)]
pub struct Matcher {
    /// The lexicon terms, [`TERMS_PER_AUTOMATON`] to an automaton.
    automata: Vec<AhoCorasick>,
    /// For each term (automaton `k`'s pattern `p` is term
    /// `k * TERMS_PER_AUTOMATON + p`): (list, entry) pairs that use it.
    owners: Vec<Vec<(usize, usize)>>,
    /// Per list: whether its entries also match at the end of a compound.
    compounds: Vec<bool>,
    regexes: Vec<WordRegex>,
}

impl Matcher {
    /// Compiles the lists and the regular expressions (already validated).
    pub fn new(lists: &[Lexicon], regexes: Vec<WordRegex>) -> Result<Matcher, String> {
        let mut terms: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (l, list) in lists.iter().enumerate() {
            for (e, entry) in list.entries.iter().enumerate() {
                for form in &entry.forms {
                    let term = crate::language::Folded::term(form);
                    if term.is_empty() {
                        continue;
                    }
                    let id = *index.entry(term.clone()).or_insert_with(|| {
                        terms.push(term);
                        owners.push(Vec::new());
                        terms.len() - 1
                    });
                    // Entries come in order, so a repeat is the last one.
                    if owners[id].last() != Some(&(l, e)) {
                        owners[id].push((l, e));
                    }
                }
            }
        }
        // Automata of at most TERMS_PER_AUTOMATON terms each: building one
        // is quadratic in its size for some word lists (aho-corasick's state
        // shuffle), so a large lexicon costs linear time in pieces.
        let automata = terms
            .chunks(TERMS_PER_AUTOMATON)
            .map(|chunk| {
                AhoCorasick::builder()
                    .build(chunk)
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Matcher {
            automata,
            owners,
            compounds: lists.iter().map(|l| l.compounds).collect(),
            regexes,
        })
    }

    /// Compiles every regular expression now; the errors of those that are
    /// too large.
    pub fn compile_all(&self) -> Vec<String> {
        self.regexes
            .iter()
            .filter_map(|r| r.compile_now().err())
            .collect()
    }

    /// All hits of every list in a document, per list, non-overlapping
    /// (leftmost, then longest), on word boundaries.
    fn list_hits(&self, analysis: &Analysis) -> Vec<Vec<Hit>> {
        let mut per_list: Vec<Vec<(Range<usize>, usize)>> = vec![Vec::new(); self.compounds.len()];
        let folded = &analysis.folded;
        for (k, automaton) in self.automata.iter().enumerate() {
            for m in automaton.find_overlapping_iter(&folded.text) {
                let (open_start, open_end) = folded.boundaries(m.start(), m.end());
                if !open_end {
                    continue;
                }
                let pattern = k * TERMS_PER_AUTOMATON + m.pattern().as_usize();
                for &(list, entry) in &self.owners[pattern] {
                    if open_start || self.compounds[list] {
                        per_list[list].push((m.start()..m.end(), entry));
                    }
                }
            }
        }
        per_list
            .into_iter()
            .map(|mut hits| {
                hits.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
                let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
                let mut covered = 0;
                for (range, entry) in hits {
                    if range.start < covered {
                        continue;
                    }
                    covered = range.end;
                    out.push(Hit {
                        entry: Some(entry),
                        ..Hit::at(analysis.folded.original(range.start, range.end))
                    });
                }
                out
            })
            .collect()
    }
}

/// One document, analysed and matched against the template's patterns: what
/// every criterion reads.
pub struct Context<'a> {
    pub tables: &'a Tables,
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// What the whole batch says, for criteria that compare cases.
    pub batch: Option<&'a dyn CaseFingerprints>,
    list_hits: Vec<Vec<Hit>>,
    regex_matches: Vec<OnceLock<bool>>,
    detector_hits: Vec<OnceLock<Vec<Hit>>>,
}

impl<'a> Context<'a> {
    /// Matches every phrase, lexicon and regular expression of the template
    /// against the document, once.
    pub fn new(tables: &'a Tables, doc: &'a Document, analysis: &'a Analysis) -> Self {
        let matcher = &tables.matcher;
        let list_hits = matcher.list_hits(analysis);
        let regex_matches = matcher.regexes.iter().map(|_| OnceLock::new()).collect();
        let mut ctx = Context {
            tables,
            doc,
            analysis,
            batch: None,
            list_hits,
            regex_matches,
            detector_hits: tables.detectors.iter().map(|_| OnceLock::new()).collect(),
        };
        // Rows that are fine, or do not apply to this kind of document or
        // in this place, are no hits.
        let mut hits = std::mem::take(&mut ctx.list_hits);
        for (list, hits) in tables.lists.iter().zip(hits.iter_mut()) {
            let needs_filter = list
                .entries
                .iter()
                .any(|e| e.allowed || !e.kinds.is_empty() || !e.except.is_empty());
            if needs_filter {
                hits.retain(|h| h.entry.is_none_or(|e| ctx.counts(&list.entries[e], h)));
            }
        }
        ctx.list_hits = hits;
        ctx
    }

    /// Whether a hit of lexicon row `entry` counts here: the row is not a
    /// phrase that is fine, applies to the document's kind, and the hit does
    /// not stand where the row is excepted.
    fn counts(&self, entry: &LexiconEntry, hit: &Hit) -> bool {
        if entry.allowed {
            return false;
        }
        if !entry.kinds.is_empty() && self.doc.kind.is_none_or(|k| !entry.kinds.contains(&k)) {
            return false;
        }
        !entry
            .except
            .iter()
            .any(|place| self.stands_in(place, &hit.range))
    }

    /// Whether `range` stands in `place`: a section of the template's set of
    /// that name, or (`lagrum`) a sentence that cites a law.
    pub(crate) fn stands_in(&self, place: &str, range: &Range<usize>) -> bool {
        let in_section = self
            .tables
            .section_sets
            .iter()
            .position(|s| s.name == place)
            .is_some_and(|set| {
                section::sections_of(self, set)
                    .any(|s| s.body.start <= range.start && range.end <= s.body.end)
            });
        in_section || (place == "lagrum" && self.cites_law(range.start))
    }

    /// Whether the sentence (or header field line) at `offset` cites a law:
    /// a paragraph sign, or an SFS number such as "(2001:453)".
    pub(crate) fn cites_law(&self, offset: usize) -> bool {
        let text = &self.doc.text;
        let range = match self.analysis.sentence_at(offset) {
            Some(i) => self.analysis.sentences[i].range.clone(),
            None => {
                let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
                start..end
            }
        };
        let sentence = &text[range];
        sentence.contains('§') || SFS_NUMBER.is_match(sentence)
    }

    /// Whether regular expression `i` matches the body (asked once).
    fn regex_matches(&self, i: usize) -> bool {
        *self.regex_matches[i]
            .get_or_init(|| self.tables.matcher.regexes[i].is_match(self.doc.body()))
    }

    /// The same context with a batch index.
    pub fn with_batch(mut self, batch: Option<&'a dyn CaseFingerprints>) -> Self {
        self.batch = batch;
        self
    }

    fn regex_hits(&self, i: usize, range: Range<usize>) -> Vec<Hit> {
        if !self.regex_matches(i) {
            return Vec::new();
        }
        let start = range.start.max(self.doc.body_start);
        let end = range.end.max(start);
        self.tables.matcher.regexes[i]
            .find_iter(&self.doc.text[start..end])
            .into_iter()
            .map(|m| Hit::at(start + m.start..start + m.end))
            .collect()
    }

    fn detector(&self, i: usize) -> &[Hit] {
        self.detector_hits[i].get_or_init(|| self.tables.detectors[i].detect(self))
    }

    /// The hits of list `i` (a lexicon or phrase).
    pub fn list_hits(&self, i: usize) -> &[Hit] {
        &self.list_hits[i]
    }
}

impl Pattern {
    /// Every occurrence in the document, in text order.
    pub fn occurrences<'c>(&self, ctx: &'c Context) -> Cow<'c, [Hit]> {
        match *self {
            Pattern::Regex(i) => Cow::Owned(ctx.regex_hits(i, 0..ctx.doc.text.len())),
            Pattern::List(i) => Cow::Borrowed(&ctx.list_hits[i]),
            Pattern::Detector(d) => Cow::Borrowed(ctx.detector(d)),
        }
    }

    /// Every occurrence inside `scope` (or anywhere).
    pub fn occurrences_in(&self, ctx: &Context, scope: Option<&Scope>) -> Vec<Hit> {
        match scope {
            None => self.occurrences(ctx).into_owned(),
            Some(Scope::Section(set)) => {
                let ranges: Vec<Range<usize>> = section::sections_of(ctx, *set)
                    .map(|s| s.body.clone())
                    .collect();
                self.occurrences(ctx)
                    .iter()
                    .filter(|h| {
                        ranges
                            .iter()
                            .any(|r| r.start <= h.range.start && h.range.end <= r.end)
                    })
                    .cloned()
                    .collect()
            }
            Some(Scope::SameSentence(other)) => {
                let others: Vec<usize> = other
                    .occurrences(ctx)
                    .iter()
                    .filter_map(|h| ctx.analysis.sentence_at(h.range.start))
                    .collect();
                self.occurrences(ctx)
                    .iter()
                    .filter(|h| {
                        ctx.analysis
                            .sentence_at(h.range.start)
                            .is_some_and(|s| others.contains(&s))
                    })
                    .cloned()
                    .collect()
            }
        }
    }

    /// Whether the pattern occurs (within `scope`).
    pub fn occurs(&self, ctx: &Context, scope: Option<&Scope>) -> bool {
        match (self, scope) {
            (Pattern::Regex(i), None) => ctx.regex_matches(*i),
            (_, None) => !self.occurrences(ctx).is_empty(),
            (_, Some(scope)) => !self.occurrences_in(ctx, Some(scope)).is_empty(),
        }
    }

    /// Whether the pattern compares the document with the rest of the batch.
    pub fn needs_batch(&self, ctx: &Context) -> bool {
        matches!(self, Pattern::Detector(i) if ctx.tables.detectors[*i].needs_batch())
    }

    /// The lexicon entry behind a hit, if the pattern is a lexicon.
    pub fn entry<'c>(&self, ctx: &'c Context, hit: &Hit) -> Option<&'c LexiconEntry> {
        let Pattern::List(list) = self else {
            return None;
        };
        ctx.tables.lists[*list].entries.get(hit.entry?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Document, Metadata};

    fn lexicon(name: &str, words: impl Iterator<Item = String>) -> Lexicon {
        Lexicon {
            name: name.to_string(),
            entries: words
                .map(|w| LexiconEntry {
                    forms: vec![w],
                    ..LexiconEntry::default()
                })
                .collect(),
            compounds: false,
        }
    }

    /// A lexicon larger than one automaton finds every term, in every
    /// automaton, with its own entry, as one automaton would.
    #[test]
    fn a_lexicon_over_several_automata_finds_every_term() {
        let n = TERMS_PER_AUTOMATON * 2 + 17;
        let big = lexicon("stor", (0..n).map(|i| format!("ord{i}")));
        let small = lexicon("liten", ["ord3", "annat ord"].map(String::from).into_iter());
        let matcher = Matcher::new(&[big, small], Vec::new()).unwrap();
        assert_eq!(matcher.automata.len(), 3);
        let wanted = [3, TERMS_PER_AUTOMATON + 1, n - 1];
        let text = format!(
            "Ord{} och ord{}. Sedan ord{} och annat  ord, men inte ord{}x.",
            wanted[0], wanted[1], wanted[2], wanted[0]
        );
        let doc = Document::from_text("p.txt", text.clone(), &Metadata::default());
        let analysis = doc.analysis();
        let hits = matcher.list_hits(&analysis);
        let found: Vec<(&str, Option<usize>)> = hits[0]
            .iter()
            .map(|h| (&doc.text[h.range.clone()], h.entry))
            .collect();
        let expected: Vec<(String, Option<usize>)> = wanted
            .iter()
            .map(|&i| (format!("ord{i}"), Some(i)))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        for ((text, entry), (word, index)) in found.iter().zip(&expected) {
            assert_eq!(text.to_lowercase(), *word);
            assert_eq!(entry, index);
        }
        let small: Vec<&str> = hits[1].iter().map(|h| &doc.text[h.range.clone()]).collect();
        assert_eq!(small, ["Ord3", "annat  ord"]);
    }
}
