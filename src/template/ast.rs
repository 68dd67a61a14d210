//! The syntax tree of a granskningsmall, every node with its byte span.

use std::ops::Range;

pub use crate::criteria::Logic;

/// Byte range into the template source.
pub type Span = Range<usize>;

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    pub node: T,
    pub span: Span,
}

/// A parsed template file.
#[derive(Debug, Default)]
pub struct File {
    pub items: Vec<Item>,
}

#[derive(Debug)]
pub enum Item {
    /// `mall "namn" version "v"`
    Header {
        name: Sp<String>,
        version: Option<Sp<String>>,
    },
    /// `perspektiv id "Titel" vikt 3 mål 90 %`
    Perspective {
        id: Sp<String>,
        title: Sp<String>,
        weight: Option<Sp<f64>>,
        target: Option<Sp<f64>>,
    },
    /// `lexikon namn = "fil.tsv", "fil2.tsv" [sammansättningar]`, or
    /// `lexikon namn += "fil.tsv"` to add entries to a lexicon of the base
    /// template.
    Lexicon {
        name: Sp<String>,
        paths: Vec<Sp<String>>,
        append: bool,
        compounds: bool,
    },
    /// `avsnitt från "avsnitt.tsv"`
    SectionsFrom { path: Sp<String> },
    /// `utgår från "standard"`: start from another template.
    Base { name: Sp<String> },
    /// `stäng av ID, ID`
    Disable { ids: Vec<Sp<String>> },
    /// `avsnitt namn = "Rubrik", "Annan rubrik"`
    Sections {
        name: Sp<String>,
        synonyms: Vec<Sp<String>>,
    },
    /// `kriterium ID "Titel" { … }` or `fråga ID "Titel" { … }`
    Block(Block),
}

/// A criterion or a manual question, or (`ändra ID { … }`) changes to one
/// in the base template.
#[derive(Debug)]
pub struct Block {
    pub question: bool,
    /// `ändra`: the statements replace those of the same kind in the base.
    pub amend: bool,
    pub id: Sp<String>,
    pub title: Sp<String>,
    pub statements: Vec<Sp<Statement>>,
    /// The whole block.
    pub span: Span,
    /// Whether a syntax error was found inside the block; such a block is not
    /// checked for completeness.
    pub broken: bool,
}

#[derive(Debug)]
pub enum Statement {
    Perspective(Sp<String>),
    Applies {
        /// Empty for `alla`.
        kinds: Vec<Sp<String>>,
        condition: Option<Condition>,
    },
    Severity(Sp<String>),
    /// `allvar varning där utfall är bifall`: another severity for the
    /// documents the condition holds for.
    SeverityWhen(Sp<String>, Condition),
    Weight(Sp<f64>),
    Source(Sp<String>),
    Message(Sp<String>),
    Advice(Sp<String>),
    Requires(Requirement),
    Forbids(Pattern, Option<Scope>),
    Measure(Measure),
    /// `viker för KS-TILLTAL`: where that criterion marks the same place,
    /// this one does not.
    YieldsTo(Sp<String>),
    Example {
        met: bool,
        text: Sp<String>,
    },
}

/// A condition on metadata or text (after `där`).
pub type Condition = Logic<ConditionAtom>;

/// One test in a condition.
#[derive(Debug, Clone)]
pub enum ConditionAtom {
    /// `utfall är avslag`
    Metadata(MetadataTest),
    /// `text /…/`, `fras "…"`, `lexikon namn`, `detektor namn`: the text has it.
    Pattern(Pattern),
}

/// `nyckel är värde eller värde`
#[derive(Debug, Clone)]
pub struct MetadataTest {
    pub key: Sp<String>,
    pub values: Vec<Sp<String>>,
}

/// What a criterion requires (after `kräver`).
pub type Requirement = Logic<Need>;

/// One thing a requirement asks for.
#[derive(Debug, Clone)]
pub enum Need {
    /// `avsnitt namn med minst N ord`
    Section {
        name: Sp<String>,
        min_words: Option<Sp<f64>>,
    },
    /// A pattern that must occur, optionally within a scope.
    Pattern(Pattern, Option<Scope>),
}

/// Something to look for in the text.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// `text /uttryck/i`
    Regex {
        source: Sp<String>,
        case_insensitive: bool,
    },
    /// `fras "ord"` or a bare string
    Phrase(Sp<String>),
    /// `lexikon namn`
    Lexicon(Sp<String>),
    /// `detektor namn [med lexikon namn]`
    Detector {
        name: Sp<String>,
        lexicon: Option<Sp<String>>,
    },
}

/// Where a pattern must occur.
#[derive(Debug, Clone)]
pub enum Scope {
    /// `i avsnitt namn`
    Section(Sp<String>),
    /// `i samma mening som <mönster>`
    SameSentence(Box<Pattern>),
}

/// `mått namn [från a till b] högst N [%] [för typ], …`
#[derive(Debug, Clone)]
pub struct Measure {
    pub metric: Sp<String>,
    /// `från a till b`, for measures between two dates.
    pub between: Option<(Sp<String>, Sp<String>)>,
    /// `mönster mot mönster`, for a ratio of occurrences.
    pub ratio: Option<(Pattern, Pattern)>,
    pub bounds: Vec<Bound>,
}

#[derive(Debug, Clone)]
pub struct Bound {
    /// `true` for `högst`, `false` for `minst`.
    pub at_most: bool,
    pub value: Sp<f64>,
    pub percent: bool,
    pub kind: Option<Sp<String>>,
}
