//! `granska utvärdera`: the comparison with an answer key, as text for the
//! screen and as JSON. Excerpts are masked like every other output.

use super::privacy::shown;
use crate::criteria::Status;
use crate::engine::evaluation::{Evaluation, FindingScore, Unmatched};

/// A share with two decimals and a decimal comma; "–" when undefined.
fn decimal(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |v| format!("{v:.2}").replace('.', ","))
}

/// The Swedish word of a status as the key writes it.
fn status(word: &str) -> &str {
    match Status::from_id(word) {
        Some(s) => s.word(),
        None => word,
    }
}

fn findings_line(id: &str, f: &FindingScore) -> String {
    format!(
        "{id:<22} precision {:>4} ({} av {})   täckning {:>4} ({} av {})   förslag (info) {}",
        decimal(f.precision()),
        f.true_positives,
        f.reported,
        decimal(f.recall()),
        f.found,
        f.expected,
        f.suggestions
    )
}

fn place(u: &Unmatched, show_pnr: bool) -> String {
    let line = u.line.map_or(String::new(), |l| format!(":{l}"));
    let excerpt: String = u.excerpt.split_whitespace().collect::<Vec<_>>().join(" ");
    let excerpt: String = excerpt.chars().take(70).collect();
    format!(
        "  {}{line}  {}  ”{}”",
        shown(&u.file, show_pnr),
        u.criterion,
        shown(&excerpt, show_pnr)
    )
}

/// The evaluation as text: the table per criterion, findings, and every
/// disagreement.
pub fn render_text(e: &Evaluation, show_pnr: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Jämförelse med facit: {} dokument granskade.\n\n",
        e.documents
    ));
    out.push_str(&format!(
        "{:<22} {:>4} {:>6} {:>6}   {}\n",
        "kriterium", "n", "rätt", "κ", "facit uppfyllt/ej"
    ));
    for c in &e.criteria {
        out.push_str(&format!(
            "{:<22} {:>4} {:>6} {:>6}   {}/{}\n",
            c.id,
            c.n,
            decimal(Some(c.accuracy)),
            decimal(c.kappa),
            c.key_met,
            c.key_not_met
        ));
    }
    if let Some(o) = &e.overall {
        out.push_str(&format!(
            "{:<22} {:>4} {:>6} {:>6}\n",
            "totalt",
            o.n,
            decimal(Some(o.accuracy)),
            decimal(o.kappa)
        ));
    }
    let scored: Vec<_> = e
        .criteria
        .iter()
        .filter_map(|c| c.findings.as_ref().map(|f| (c, f)))
        .collect();
    if !scored.is_empty() {
        out.push_str("\nFynd (precision: andel av granskas fynd som facit också har; täckning: andel av facits fynd som granska hittar):\n");
        for (c, f) in scored {
            out.push_str(&findings_line(&c.id, f));
            out.push('\n');
        }
    }
    if !e.disagreements.is_empty() {
        out.push_str("\nOenigheter (facit → granska):\n");
        for d in &e.disagreements {
            out.push_str(&format!(
                "  {}  {}  {} → {}\n",
                shown(&d.file, show_pnr),
                d.criterion,
                status(&d.key),
                status(&d.granska)
            ));
        }
    }
    for (title, list) in [
        ("Fynd i facit som granska inte hittade", &e.missed),
        ("Fynd från granska som facit inte har", &e.extra),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n{title}:\n"));
            for u in list {
                out.push_str(&place(u, show_pnr));
                out.push('\n');
            }
        }
    }
    if !e.not_judged.is_empty() {
        out.push_str("\nI facit men inte granskade (saknas eller kunde inte läsas):\n");
        for f in &e.not_judged {
            out.push_str(&format!("  {}\n", shown(f, show_pnr)));
        }
    }
    if !e.unknown_criteria.is_empty() {
        out.push_str(&format!(
            "\nFacit nämner kriterier som mallen inte har: {}\n",
            e.unknown_criteria.join(", ")
        ));
    }
    out
}
