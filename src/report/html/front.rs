//! The front page: the perspectives against their targets as a chart and a
//! table, the criteria, the groups and the document list.

use super::*;
use crate::score::Summary;

/// CSS classes `.pN` for the perspectives' colours.
pub(super) fn perspective_styles(template: &Template) -> String {
    let mut css = String::new();
    for i in 0..template.perspectives.len() {
        let (strong, light) = colour(i);
        let _ = write!(
            css,
            "mark.p{i}{{background:{light};border-bottom:3px solid {strong}}}\
             li.p{i}{{border-left:6px solid {strong}}}.etikett.p{i}{{background:{strong}}}"
        );
    }
    css
}

/// The SVG chart: per perspective, the share of documents with all criteria
/// met as a bar, its 95 % interval as a whisker, and the target as a line.
pub(super) fn chart(template: &Template, figures: &Figures) -> String {
    let rows = &figures.perspectives.0;
    let (label_w, bar_w, row_h) = (230.0, 420.0, 40.0);
    let height = row_h * rows.len() as f64 + 50.0;
    let width = label_w + bar_w + 70.0;
    let x = |share: f64| label_w + share * bar_w;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<figure class=\"diagram\"><svg role=\"img\" aria-labelledby=\"diagram-titel diagram-text\" \
         viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"diagram-titel\">Andel dokument där alla kriterier är uppfyllda, per perspektiv</title>\
         <desc id=\"diagram-text\">Staplar visar andelen, strecken 95 %-intervallet och de lodräta linjerna målen.</desc>"
    );
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let _ = write!(
            svg,
            "<line x1=\"{0}\" x2=\"{0}\" y1=\"10\" y2=\"{1}\" stroke=\"#ccc\"/>\
             <text x=\"{0}\" y=\"{2}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">{3}</text>",
            x(tick),
            height - 30.0,
            height - 12.0,
            percent(tick)
        );
    }
    for (i, (id, p)) in rows.iter().enumerate() {
        let index = template
            .perspectives
            .iter()
            .position(|q| &q.id == id)
            .unwrap_or(i);
        let (strong, _) = colour(index);
        let y = 15.0 + row_h * i as f64;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"end\" fill=\"#222\">{}</text>",
            label_w - 10.0,
            y + 17.0,
            esc(&p.title)
        );
        if let Some(share) = p.all_met_share {
            let _ = write!(
                svg,
                "<rect class=\"stapel\" x=\"{label_w}\" y=\"{y}\" width=\"{}\" height=\"24\" fill=\"{strong}\">\
                 <title>{}: {}</title></rect>",
                share * bar_w,
                esc(&p.title),
                percent(share)
            );
        }
        if let (Some(low), Some(high)) = (p.estimate.ci_low, p.estimate.ci_high) {
            let mid = y + 12.0;
            let _ = write!(
                svg,
                "<g class=\"intervall\" stroke=\"#111\" stroke-width=\"2\"><line x1=\"{0}\" x2=\"{1}\" y1=\"{mid}\" y2=\"{mid}\"/>\
                 <line x1=\"{0}\" x2=\"{0}\" y1=\"{2}\" y2=\"{3}\"/><line x1=\"{1}\" x2=\"{1}\" y1=\"{2}\" y2=\"{3}\"/>\
                 <title>95 % KI {4}</title></g>",
                x(low),
                x(high),
                mid - 6.0,
                mid + 6.0,
                percent_range(crate::score::stats::Interval { low, high })
            );
        }
        if let Some(target) = p.estimate.target {
            let _ = write!(
                svg,
                "<line class=\"mal\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#000\" stroke-width=\"3\" stroke-dasharray=\"4 2\">\
                 <title>Mål {3}</title></line>",
                x(target),
                y - 4.0,
                y + 28.0,
                percent(target)
            );
        }
    }
    svg.push_str(
        "</svg><figcaption>Stapel: andel dokument där alla kriterier i perspektivet är uppfyllda. \
                  Streck: 95 %-konfidensintervall. Streckad linje: målet.</figcaption></figure>",
    );
    svg
}

pub(super) fn cell(value: Option<f64>) -> String {
    value.map_or("–".to_string(), percent)
}

/// A table row of a judged share: name, a second column, met of n, share,
/// interval, target and verdict.
pub(super) fn judged_row(
    out: &mut String,
    name: &str,
    second: &str,
    met: usize,
    n: usize,
    share: Option<f64>,
    e: &Estimate,
) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{met} av {n}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"bedomning\">{}</td></tr>",
        esc(name),
        esc(second),
        cell(share),
        e.interval_text(),
        e.target.map_or(String::new(), percent),
        e.verdict.map_or("", |v| v.name())
    );
}

pub(super) fn perspective_table(out: &mut String, figures: &Figures, caption: &str) {
    let _ = write!(
        out,
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">Perspektiv</th>\
         <th scope=\"col\">Medelpoäng</th><th scope=\"col\">Alla uppfyllda</th><th scope=\"col\">Andel</th>\
         <th scope=\"col\">95 % KI</th><th scope=\"col\">Mål</th><th scope=\"col\">Bedömning</th></tr></thead><tbody>",
        esc(caption)
    );
    for (_, p) in &figures.perspectives.0 {
        let mean = cell(p.mean_score);
        judged_row(
            out,
            &p.title,
            &mean,
            p.all_met,
            p.applicable,
            p.all_met_share,
            &p.estimate,
        );
    }
    out.push_str("</tbody></table>");
}

pub(super) fn criteria_table(out: &mut String, template: &Template, figures: &Figures) {
    out.push_str(
        "<section id=\"kriterier\"><h2>Kriterier</h2><table><caption>Andel uppfyllda av de dokument där kriteriet gäller</caption>\
         <thead><tr><th scope=\"col\">Kriterium</th><th scope=\"col\">Perspektiv</th><th scope=\"col\">Uppfyllda</th>\
         <th scope=\"col\">Andel</th><th scope=\"col\">95 % KI</th><th scope=\"col\">Mål</th><th scope=\"col\">Bedömning</th></tr></thead><tbody>",
    );
    for c in figures.criteria.iter().filter(|c| c.applicable > 0) {
        judged_row(
            out,
            &format!("{} – {}", c.id, c.title),
            template.perspective_title(&c.perspective),
            c.met,
            c.applicable,
            c.share,
            &c.estimate,
        );
    }
    out.push_str("</tbody></table>");
    // Counted per case (`--per-ärende`).
    let per_case: Vec<_> = figures
        .criteria
        .iter()
        .filter_map(|c| c.cases.as_ref().map(|k| (c, k)))
        .filter(|(_, k)| k.applicable > 0)
        .collect();
    if !per_case.is_empty() {
        out.push_str(
            "<table><caption>Per ärende: ett ärende är uppfyllt när alla dess dokument där kriteriet gäller uppfyller det</caption>\
             <thead><tr><th scope=\"col\">Kriterium</th><th scope=\"col\">Perspektiv</th><th scope=\"col\">Ärenden uppfyllda</th>\
             <th scope=\"col\">Andel</th><th scope=\"col\">95 % KI</th><th scope=\"col\">Mål</th><th scope=\"col\">Bedömning</th></tr></thead><tbody>",
        );
        for (c, k) in per_case {
            judged_row(
                out,
                &c.id,
                template.perspective_title(&c.perspective),
                k.met,
                k.applicable,
                k.share,
                &k.estimate,
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
}

pub(super) fn document_list(out: &mut String, rows: &[ListRow]) {
    out.push_str(
        "<section id=\"dokument\"><h2>Dokument</h2>\
         <p><label for=\"filter\">Filtrera listan: </label><input id=\"filter\" type=\"search\" \
         placeholder=\"t.ex. beslut eller Klarspråk\"></p>\
         <table id=\"dokumentlista\"><caption>Klicka på en kolumnrubrik för att sortera.</caption><thead><tr>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-kolumn=\"0\">Dokument</button></th>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-kolumn=\"1\">Typ</button></th>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-kolumn=\"2\" data-tal=\"1\">Poäng</button></th>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-kolumn=\"3\" data-tal=\"1\">Fynd</button></th>\
         <th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-kolumn=\"4\">Svagaste perspektiv</button></th>\
         </tr></thead><tbody>",
    );
    for r in rows {
        let _ = write!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td data-varde=\"{}\">{}</td><td data-varde=\"{}\">{}</td><td>{}</td></tr>",
            r.anchor,
            esc(&r.name),
            esc(&r.kind),
            r.score.map_or(-1.0, |s| s),
            r.score.map_or("–".to_string(), percent),
            r.findings,
            r.findings,
            esc(r.worst.as_deref().unwrap_or("–"))
        );
    }
    out.push_str("</tbody></table></section>");
}

/// The groups side by side: a row per group, a column per perspective, each
/// cell coloured by its verdict.
pub(super) fn group_overview(
    out: &mut String,
    template: &Template,
    summary: &Summary,
    key: &str,
    show_pnr: bool,
) {
    let _ = write!(
        out,
        "<table class=\"oversikt\"><caption>Översikt per {}: andel dokument där alla kriterier i perspektivet är uppfyllda</caption>\
         <thead><tr><th scope=\"col\">{}</th><th scope=\"col\">Dokument</th>",
        esc(key),
        esc(key)
    );
    for p in &template.perspectives {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&p.title));
    }
    out.push_str("</tr></thead><tbody>");
    for row in super::super::overview::rows(summary, show_pnr) {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            esc(&row.value),
            row.documents
        );
        for cell in &row.cells {
            let _ = write!(out, "<td class=\"{}\">{}</td>", cell.class(), cell.text());
        }
        out.push_str("</tr>");
    }
    let _ = write!(
        out,
        "</tbody></table><p class=\"forklaring\">{}</p>",
        super::super::overview::LEGEND
    );
}
