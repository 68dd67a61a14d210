//! The groups of a grouped run side by side (`--gruppera enhet`): one row
//! per group, one column per perspective, each cell the share of documents
//! where all the perspective's criteria are met and its verdict.

use super::privacy::shown;
use crate::score::Summary;
use crate::score::stats::{Verdict, percent};

/// One group's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The group's value, masked unless shown.
    pub value: String,
    pub documents: usize,
    /// Too few documents to judge.
    pub too_small: bool,
    /// Per perspective, in template order.
    pub cells: Vec<Cell>,
}

/// A perspective's share in a group, and its verdict against the target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub share: Option<f64>,
    pub verdict: Option<Verdict>,
}

impl Cell {
    /// "85 % ✓", "60 % ✗", "70 % ?", "–".
    pub fn text(&self) -> String {
        let Some(share) = self.share else {
            return "–".to_string();
        };
        let mark = match self.verdict {
            Some(Verdict::Achieved) => " ✓",
            Some(Verdict::NotAchieved) => " ✗",
            Some(Verdict::Uncertain) => " ?",
            None => "",
        };
        format!("{}{mark}", percent(share))
    }

    /// The verdict's class in the HTML report.
    pub fn class(&self) -> &'static str {
        match self.verdict {
            Some(Verdict::Achieved) => "uppnatt",
            Some(Verdict::NotAchieved) => "ej-uppnatt",
            Some(Verdict::Uncertain) => "osakert",
            None => "obedomt",
        }
    }
}

/// What the marks mean.
pub const LEGEND: &str = "✓ = målet uppnått, ✗ = ej uppnått, ? = osäkert (intervallet omfattar målet); \
     utan märke: perspektivet har inget mål, eller gruppen är för liten för en bedömning.";

/// The overview of a grouped summary (none when not grouped).
pub fn rows(summary: &Summary, show_pnr: bool) -> Vec<Row> {
    summary
        .groups
        .iter()
        .map(|g| Row {
            value: shown(&g.value, show_pnr).into_owned(),
            documents: g.figures.documents,
            too_small: g.too_small,
            cells: g
                .figures
                .perspectives
                .0
                .iter()
                .map(|(_, p)| Cell {
                    share: p.estimate.weighted_share.or(p.all_met_share),
                    verdict: p.estimate.verdict,
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_say_their_share_and_verdict() {
        let cell = |share, verdict| Cell { share, verdict };
        assert_eq!(cell(Some(0.85), Some(Verdict::Achieved)).text(), "85 % ✓");
        assert_eq!(cell(Some(0.6), Some(Verdict::NotAchieved)).text(), "60 % ✗");
        assert_eq!(cell(Some(0.7), Some(Verdict::Uncertain)).text(), "70 % ?");
        assert_eq!(cell(Some(0.5), None).text(), "50 %");
        assert_eq!(cell(None, None).text(), "–");
        assert_eq!(cell(Some(0.5), None).class(), "obedomt");
    }
}
