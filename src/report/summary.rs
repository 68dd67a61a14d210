//! The summary of a run in the terminal: results per perspective and per
//! criterion against the template's targets, with 95 % intervals, then per
//! group when the run was grouped.

use std::fmt::Write as _;

use super::privacy::shown;
use super::writer::End;
use crate::score::compare::{Comparison, Count, Row, Trend, TrendRow};
use crate::score::stats::{Verdict, percent};
use crate::score::summary::{CriterionSummary, Estimate, Figures, MIN_GROUP, Summary};
use crate::template::Template;

/// A count of a share: "12 av 52 (23 %)".
pub(crate) fn count(met: usize, n: usize) -> String {
    if n == 0 {
        return "–".to_string();
    }
    format!("{met} av {n} ({})", percent(met as f64 / n as f64))
}

/// The count, and the share weighted by the strata when it was.
fn judged_count(met: usize, n: usize, e: &Estimate) -> String {
    match e.weighted_share {
        Some(w) if n > 0 => format!("{}; vägd {}", count(met, n), percent(w)),
        _ => count(met, n),
    }
}

fn verdict(v: Option<Verdict>) -> &'static str {
    v.map_or("", Verdict::name)
}

fn target(t: Option<f64>) -> String {
    t.map_or(String::new(), percent)
}

/// "24 utredningar, 28 beslut" from the counts by kind.
fn kinds(figures: &Figures) -> String {
    let words = |kind: &str| match kind {
        "utredning" => ("utredning", "utredningar"),
        "beslut" => ("beslut", "beslut"),
        "genomforandeplan" => ("genomförandeplan", "genomförandeplaner"),
        "uppfoljning" => ("uppföljning", "uppföljningar"),
        _ => ("av okänd typ", "av okänd typ"),
    };
    figures
        .counts
        .kinds
        .iter()
        .map(|(kind, &n)| {
            let (one, many) = words(kind);
            format!("{n} {}", if n == 1 { one } else { many })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The perspective table of some figures, indented by `indent`.
fn perspectives(out: &mut String, template: &Template, figures: &Figures, indent: &str) {
    let width = template
        .perspectives
        .iter()
        .map(|p| p.title.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    let _ = writeln!(
        out,
        "{indent}{:<width$}  {:>10}  {:>18}  {:>9}  {:>5}  Bedömning",
        "Perspektiv", "Medelpoäng", "Alla uppfyllda", "95 % KI", "Mål"
    );
    for (_, p) in &figures.perspectives.0 {
        let _ = writeln!(
            out,
            "{indent}{:<width$}  {:>10}  {:>18}  {:>9}  {:>5}  {}",
            p.title,
            p.mean_score.map_or("–".to_string(), percent),
            judged_count(p.all_met, p.applicable, &p.estimate),
            p.estimate.interval_text(),
            target(p.estimate.target),
            verdict(p.estimate.verdict)
        );
    }
}

/// The run's summary: documents, results per perspective and criterion
/// against the targets, groups, and the files that could not be read.
pub fn render_summary(template: &Template, end: &End) -> String {
    let (summary, errors, show_pnr) = (end.summary, end.errors, end.show_pnr);
    let mut out = String::new();
    let figures = &summary.figures;
    let _ = writeln!(out, "{}", shown(&end.provenance.heading(), show_pnr));
    let unreadable = if errors.is_empty() {
        String::new()
    } else {
        format!(", {} kunde inte läsas", errors.len())
    };
    let kinds = if figures.documents > 0 {
        format!(" ({})", kinds(figures))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{} dokument granskade{kinds}{unreadable}.",
        figures.documents
    );
    if let Some(mean) = figures.mean_score {
        let _ = writeln!(out, "Medelpoäng {}.", percent(mean));
    }
    if figures.documents > 0 {
        let _ = writeln!(out);
        perspectives(&mut out, template, figures, "");
        criteria(&mut out, figures);
        let _ = writeln!(out, "\n{}", end.provenance.legend());
    }
    if let Some(key) = &summary.grouped_by {
        overview(&mut out, template, summary, key, show_pnr);
        let _ = writeln!(out, "\nGrupperat efter {key}:");
        for group in &summary.groups {
            let g = &group.figures;
            let mean = g
                .mean_score
                .map_or(String::new(), |m| format!(", medelpoäng {}", percent(m)));
            let small = if group.too_small {
                format!(" – för litet underlag, minst {MIN_GROUP} dokument behövs för en bedömning")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "\n  ”{}” ({} dokument{mean}){small}",
                shown(&group.value, show_pnr),
                g.documents
            );
            perspectives(&mut out, template, g, "  ");
        }
    }
    if figures.documents > 0 {
        let paragraph = super::paragraph::summary_paragraph(summary, end.provenance);
        let _ = writeln!(out, "\nI ord:\n  {}", shown(&paragraph, show_pnr));
    }
    let _ = writeln!(out, "\nOm granskningen:");
    for (label, text) in end.provenance.rows(summary, show_pnr) {
        let _ = writeln!(out, "  {label}: {text}");
    }
    if !errors.is_empty() {
        let _ = writeln!(out, "\nFiler som inte kunde läsas:");
        for e in errors {
            let _ = writeln!(
                out,
                "  {}: {}",
                shown(&e.path, show_pnr),
                shown(&e.message, show_pnr)
            );
        }
    }
    out
}

/// The groups side by side: a row per group, a column per perspective.
fn overview(out: &mut String, template: &Template, summary: &Summary, key: &str, show_pnr: bool) {
    let rows = super::overview::rows(summary, show_pnr);
    let width = rows
        .iter()
        .map(|r| r.value.chars().count())
        .max()
        .unwrap_or(0)
        .max(key.chars().count());
    let _ = write!(
        out,
        "\nÖversikt per {key}:\n  {key:<width$}  {:>8}",
        "Dokument"
    );
    let widths: Vec<usize> = template
        .perspectives
        .iter()
        .map(|p| p.title.chars().count().max(8))
        .collect();
    for (p, w) in template.perspectives.iter().zip(&widths) {
        let _ = write!(out, "  {:>w$}", p.title);
    }
    out.push('\n');
    for r in &rows {
        let _ = write!(out, "  {:<width$}  {:>8}", r.value, r.documents);
        for (cell, w) in r.cells.iter().zip(&widths) {
            let _ = write!(out, "  {:>w$}", cell.text());
        }
        out.push('\n');
    }
    let _ = writeln!(out, "  {}", super::overview::LEGEND);
}

/// The criterion table: every criterion that applied somewhere.
fn criteria(out: &mut String, figures: &Figures) {
    let rows: Vec<_> = figures
        .criteria
        .iter()
        .filter(|c| c.applicable > 0)
        .collect();
    if rows.is_empty() {
        return;
    }
    let width = rows.iter().map(|c| c.id.len()).max().unwrap_or(10).max(10);
    let _ = writeln!(
        out,
        "\n{:<width$}  {:>18}  {:>9}  {:>5}  {:<10}  Titel",
        "Kriterium", "Uppfyllda", "95 % KI", "Mål", "Bedömning"
    );
    let line =
        |out: &mut String, c: &CriterionSummary, met: usize, applicable: usize, e: &Estimate| {
            let _ = writeln!(
                out,
                "{:<width$}  {:>18}  {:>9}  {:>5}  {:<10}  {}",
                c.id,
                judged_count(met, applicable, e),
                e.interval_text(),
                target(e.target),
                verdict(e.verdict),
                c.title
            );
        };
    for c in &rows {
        line(out, c, c.met, c.applicable, &c.estimate);
    }
    // Counted per case: a case meets a criterion when all its documents
    // where the criterion applies meet it.
    let per_case: Vec<_> = rows
        .iter()
        .filter_map(|c| c.cases.as_ref().map(|k| (c, k)))
        .filter(|(_, k)| k.applicable > 0)
        .collect();
    if per_case.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nPer ärende (ett ärende räknas som uppfyllt när alla dess dokument där kriteriet gäller uppfyller det):"
    );
    let _ = writeln!(
        out,
        "{:<width$}  {:>18}  {:>9}  {:>5}  {:<10}  Titel",
        "Kriterium", "Ärenden", "95 % KI", "Mål", "Bedömning"
    );
    for (c, k) in per_case {
        line(out, c, k.met, k.applicable, &k.estimate);
    }
}

/// Percentage points with a sign: "+20 p.e.".
pub(crate) fn points(value: f64) -> String {
    let rounded = (value * 100.0).round();
    let sign = match rounded {
        r if r > 0.0 => "+",
        r if r < 0.0 => "−",
        _ => "",
    };
    format!("{sign}{:.0} p.e.", rounded.abs())
}

fn comparison_rows(out: &mut String, heading: &str, rows: &[Row], name: fn(&Row) -> &str) {
    let width = rows
        .iter()
        .map(|r| name(r).chars().count())
        .max()
        .unwrap_or(10)
        .max(heading.chars().count());
    let _ = writeln!(
        out,
        "{heading:<width$}  {:>18}  {:>18}  {:>10}  {:>22}  Bedömning",
        "Första", "Andra", "Skillnad", "95 % KI"
    );
    // Rows with no documents in either round (manual questions) say nothing.
    let judged = |c: Option<Count>| c.is_some_and(|c| c.applicable > 0);
    for r in rows.iter().filter(|r| judged(r.first) || judged(r.second)) {
        let counted =
            |c: Option<Count>| c.map_or("–".to_string(), |c| count(c.met, c.applicable));
        let interval = match (r.ci_low, r.ci_high) {
            (Some(low), Some(high)) => format!("{} till {}", points(low), points(high)),
            _ => "–".to_string(),
        };
        let judgement = r.judgement();
        let _ = writeln!(
            out,
            "{:<width$}  {:>18}  {:>18}  {:>10}  {:>22}  {judgement}",
            name(r),
            counted(r.first),
            counted(r.second),
            r.difference.map_or("–".to_string(), points),
            interval,
        );
    }
}

/// Two review rounds compared, for the terminal.
pub fn render_comparison(c: &Comparison, show_pnr: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Jämförelse av två granskningsomgångar");
    for (label, round) in [("Första", &c.first), ("Andra", &c.second)] {
        let version = round
            .template_version
            .as_deref()
            .map_or(String::new(), |v| format!(" version {v}"));
        let _ = writeln!(
            out,
            "{label}: {} – mallen ”{}”{version}, {} dokument",
            shown(&round.file, show_pnr),
            round.template,
            round.documents
        );
    }
    if (&c.first.template, &c.first.template_version)
        != (&c.second.template, &c.second.template_version)
    {
        let _ = writeln!(
            out,
            "Obs! Omgångarna är granskade med olika mallar; jämför med försiktighet."
        );
    }
    let _ = writeln!(
        out,
        "\nPerspektiv: andel dokument där alla kriterier som gäller är uppfyllda."
    );
    comparison_rows(&mut out, "Perspektiv", &c.perspectives, |r| &r.label);
    let _ = writeln!(
        out,
        "\nKriterier: andel uppfyllda av de dokument där kriteriet gäller."
    );
    comparison_rows(&mut out, "Kriterium", &c.criteria, |r| &r.id);
    let _ = writeln!(
        out,
        "\nSkillnaden är andra omgången minus första, i procentenheter (p.e.), med 95 %\n\
         konfidensintervall enligt Newcombe. Tydlig förbättring eller försämring: hela\n\
         intervallet ligger över eller under noll; annars ryms skillnaden inom slumpens variation."
    );
    out
}

/// A series of rounds as text: each row's share per round, then the first
/// round compared with the last.
pub fn render_trend(t: &Trend, show_pnr: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Utveckling över {} granskningsomgångar",
        t.rounds.len()
    );
    for (i, round) in t.rounds.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}: {} – mallen ”{}”, {} dokument eller ärenden",
            i + 1,
            shown(&round.file, show_pnr),
            round.template,
            round.documents
        );
    }
    let table =
        |out: &mut String, heading: &str, rows: &[TrendRow], name: fn(&TrendRow) -> &str| {
            if rows.is_empty() {
                return;
            }
            let width = rows
                .iter()
                .map(|r| name(r).chars().count())
                .max()
                .unwrap_or(10)
                .max(10);
            let _ = write!(out, "\n{heading:<width$}");
            for i in 1..=t.rounds.len() {
                let _ = write!(out, "  {:>7}", format!("{i}."));
            }
            let _ = writeln!(out);
            for r in rows {
                let _ = write!(out, "{:<width$}", name(r));
                for s in &r.shares {
                    let _ = write!(out, "  {:>7}", s.map_or("–".to_string(), percent));
                }
                let _ = writeln!(out);
            }
        };
    table(&mut out, "Perspektiv", &t.perspectives, |r| &r.label);
    table(&mut out, "Kriterium", &t.criteria, |r| &r.id);
    let _ = writeln!(
        out,
        "\nFrån den första omgången till den sista, med 95 %-intervall:\n"
    );
    out += &render_comparison(&t.first_to_last, show_pnr);
    out
}
