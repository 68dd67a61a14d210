//! `datum`: dates written in the text, in any Swedish form.

use crate::criteria::{Context, Hit};
use crate::language::dates;

/// Every date in the body of the document.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let start = ctx.doc.body_start;
    dates::find(ctx.doc.body())
        .into_iter()
        .map(|d| Hit::at(start + d.range.start..start + d.range.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn finds_dates() {
        assert_eq!(
            hits(
                "datum",
                None,
                "Ansökan kom in 14 mars 2026. Beslut 2026-04-02."
            ),
            ["14 mars 2026", "2026-04-02"]
        );
        assert!(hits("datum", None, "Ärende 2025-0318 om 4 kap. 1 §.").is_empty());
    }
}
