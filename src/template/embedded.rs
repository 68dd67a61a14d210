//! Files embedded in the binary: the standard template and its lexicons.

/// The name the standard template goes by (`--mall` default, diagnostics).
pub const STANDARD_NAME: &str = "standard.gm";

/// The standard template.
pub const STANDARD: &str = include_str!("../../rules/standard.gm");

/// Files the standard template includes, by the path it names them with.
const FILES: &[(&str, &str)] = &[
    (
        "lexikon/kanslisprak.tsv",
        include_str!("../../rules/lexikon/kanslisprak.tsv"),
    ),
    (
        "lexikon/bristsprak.tsv",
        include_str!("../../rules/lexikon/bristsprak.tsv"),
    ),
    (
        "lexikon/foraldrade-termer.tsv",
        include_str!("../../rules/lexikon/foraldrade-termer.tsv"),
    ),
    (
        "lexikon/forkortningar.tsv",
        include_str!("../../rules/lexikon/forkortningar.tsv"),
    ),
    (
        "lexikon/resurser.tsv",
        include_str!("../../rules/lexikon/resurser.tsv"),
    ),
    (
        "lexikon/medverkan.tsv",
        include_str!("../../rules/lexikon/medverkan.tsv"),
    ),
    (
        "lexikon/livsomraden.tsv",
        include_str!("../../rules/lexikon/livsomraden.tsv"),
    ),
    (
        "lexikon/icf.tsv",
        include_str!("../../rules/lexikon/icf.tsv"),
    ),
    (
        "lexikon/avsnitt.tsv",
        include_str!("../../rules/lexikon/avsnitt.tsv"),
    ),
    (
        "lexikon/standardtexter.tsv",
        include_str!("../../rules/lexikon/standardtexter.tsv"),
    ),
];

/// An embedded file by its path relative to `rules/`.
pub fn file(path: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|&(_, text)| text)
}
