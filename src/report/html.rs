//! `--format html`: one self-contained file a team leader opens in a browser
//! or attaches to an e-mail — no external scripts, fonts or images. A front
//! page with the results per perspective against the targets (an SVG chart
//! with interval whiskers and target lines), the criteria and the groups; a
//! document list that sorts and filters without a server; and a page per
//! document with every finding marked in the text, its message and
//! suggestion beside it, and the criteria with their statuses. Prints on A4.
//!
//! Document pages are rendered on the worker threads and kept in a temporary
//! file until the summary, which comes first, is known.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};

use super::model::DocumentReport;
use super::privacy::shown;
use crate::criteria::Status;
use crate::engine::Outcome;
use crate::finding::Severity;
use crate::ingest::{Document, IngestError};
use crate::score::Summary;
use crate::score::stats::{percent, percent_range};
use crate::score::summary::{Estimate, Figures, MIN_GROUP};
use crate::template::Template;

/// Colours of the perspectives, in template order (contrast ≥ 4.5:1 on
/// white for text; the marks use a light tint of the same hue).
const COLOURS: [(&str, &str); 6] = [
    ("#1f5fa8", "#dbe8f7"),
    ("#2f7d32", "#dcefdc"),
    ("#8a5a00", "#f6e7c8"),
    ("#7b3fa0", "#ecdff4"),
    ("#b3261e", "#f8dcda"),
    ("#00666b", "#d3eeee"),
];

fn colour(perspective: usize) -> (&'static str, &'static str) {
    COLOURS[perspective % COLOURS.len()]
}

/// One row of the document list.
#[derive(Debug, Clone)]
pub struct ListRow {
    pub anchor: String,
    pub name: String,
    pub kind: String,
    pub score: Option<f64>,
    pub findings: usize,
    /// The perspective with the lowest score, if any applied.
    pub worst: Option<String>,
}

/// A document's page and its list row.
#[derive(Debug)]
pub struct Page {
    pub row: ListRow,
    pub html: String,
}

/// Renders a document's page (on the worker thread). `number` is set by the
/// writer; the page uses a placeholder that is replaced there.
pub fn render_document(
    template: &Template,
    doc: &Document,
    outcome: &Outcome,
    show_pnr: bool,
) -> Page {
    let report = DocumentReport::new(template, doc, outcome, show_pnr);
    // Masking keeps every byte offset: digits become X one for one.
    let text = shown(&doc.text, show_pnr);
    let perspective_of = |id: &str| template.perspectives.iter().position(|p| p.id == id);
    let mut html = String::new();
    let name = report.path.clone();
    let score = report.score.map_or("–".to_string(), percent);
    let kind = report.kind.unwrap_or("okänd typ");
    let _ = write!(
        html,
        "<section class=\"dokument\" id=\"{ANCHOR}\" aria-labelledby=\"{ANCHOR}-rubrik\">\
         <h2 id=\"{ANCHOR}-rubrik\">{}</h2>\
         <p class=\"fakta\">{} · poäng {} · {} · <a href=\"#dokument\">till dokumentlistan</a></p>",
        esc(&name),
        esc(kind),
        score,
        if report.findings.is_empty() {
            "inga fynd".to_string()
        } else {
            crate::finding::count_line(report.findings.iter().map(|f| f.severity))
        }
    );
    // The text with each finding marked at its span.
    let _ = write!(
        html,
        "<div class=\"sida\"><div class=\"text\" tabindex=\"0\" aria-label=\"Dokumentets text med markerade fynd\">"
    );
    html.push_str(&marked_text(&text, &report, &perspective_of));
    html.push_str("</div><ol class=\"fynd\" aria-label=\"Fynd\">");
    // Errors first, then warnings, then info; the numbers stay those of the
    // marks in the text.
    let mut order: Vec<usize> = (0..report.findings.len()).collect();
    order.sort_by_key(|&i| report.findings[i].severity);
    for i in order {
        let f = &report.findings[i];
        let p = perspective_of(&f.perspective).unwrap_or(0);
        let title = &template.perspectives[p].title;
        let place = match (f.page, f.paragraph) {
            (Some(page), Some(par)) => format!("sida {page}, stycke {par}, rad {}", f.line),
            (None, Some(par)) => format!("stycke {par}, rad {}", f.line),
            _ => format!("rad {}", f.line),
        };
        let _ = write!(
            html,
            "<li id=\"{ANCHOR}-f{n}\" class=\"p{p} {sev}\"><p><span class=\"etikett p{p}\">{title}</span> \
             <span class=\"allvar\">{sev}</span> <strong>{crit}</strong> <a href=\"#{ANCHOR}-m{n}\">{place}</a></p>\
             <p>{msg}</p>{sugg}{source}</li>",
            n = i + 1,
            sev = Severity::word(f.severity),
            title = esc(title),
            crit = esc(&f.criterion),
            place = esc(&place),
            msg = esc(&f.message),
            sugg = f
                .suggestion
                .as_deref()
                .map(|s| format!("<p class=\"forslag\">Förslag: {}</p>", esc(s)))
                .unwrap_or_default(),
            source = f
                .source
                .as_deref()
                .map(|s| format!("<p class=\"kalla\">Källa: {}</p>", esc(s)))
                .unwrap_or_default(),
        );
    }
    html.push_str("</ol></div>");
    // The criteria and their statuses.
    html.push_str(
        "<table class=\"kriterier\"><caption>Kriterier</caption><thead><tr>\
         <th scope=\"col\">Kriterium</th><th scope=\"col\">Perspektiv</th><th scope=\"col\">Status</th>\
         </tr></thead><tbody>",
    );
    for (c, status) in template.criteria.iter().zip(&outcome.statuses) {
        let _ = write!(
            html,
            "<tr class=\"{}\"><td>{} <span class=\"titel\">{}</span></td><td>{}</td><td>{}</td></tr>",
            match status {
                Status::Met => "ok",
                Status::NotMet => "brist",
                _ => "annat",
            },
            esc(&c.id),
            esc(&c.title),
            esc(&template.perspectives[c.perspective].title),
            Status::word(*status)
        );
    }
    html.push_str("</tbody></table></section>\n");
    let worst = report
        .perspectives
        .0
        .iter()
        .filter_map(|(id, p)| Some((id, p.score?)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .filter(|(_, s)| *s < 1.0)
        .and_then(|(id, _)| perspective_of(id))
        .map(|p| template.perspectives[p].title.clone());
    Page {
        row: ListRow {
            anchor: String::new(),
            name,
            kind: kind.to_string(),
            score: report.score,
            findings: report.findings.len(),
            worst,
        },
        html,
    }
}

/// The placeholder for a document's anchor, replaced when its number is known.
const ANCHOR: &str = "\u{1}ankare\u{1}";

/// The text with every finding marked. Overlapping findings split the text
/// into segments; each segment is marked by the first finding that covers it.
fn marked_text(
    text: &str,
    report: &DocumentReport,
    perspective_of: &dyn Fn(&str) -> Option<usize>,
) -> String {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in &report.findings {
        cuts.push(f.byte_start.min(text.len()));
        cuts.push(f.byte_end.min(text.len()));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    let mut first_mark = vec![true; report.findings.len()];
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let segment = esc(&text[start..end]);
        let covering: Vec<usize> = report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.byte_start <= start && end <= f.byte_end && f.byte_start < f.byte_end
            })
            .map(|(i, _)| i)
            .collect();
        match covering.first() {
            None => out.push_str(&segment),
            Some(&i) => {
                let f = &report.findings[i];
                let p = perspective_of(&f.perspective).unwrap_or(0);
                let id = if first_mark[i] {
                    first_mark[i] = false;
                    format!(" id=\"{ANCHOR}-m{}\"", i + 1)
                } else {
                    String::new()
                };
                let refs: Vec<String> = covering
                    .iter()
                    .map(|i| format!("{ANCHOR}-f{}", i + 1))
                    .collect();
                let _ = write!(
                    out,
                    "<mark{id} class=\"p{p} {}\" title=\"{}\" aria-describedby=\"{}\">{segment}</mark>",
                    Severity::word(f.severity),
                    attr(&format!("{}: {}", f.criterion, f.message)),
                    refs.join(" ")
                );
            }
        }
    }
    out
}

/// Writes the HTML report.
pub struct HtmlWriter<W: Write> {
    out: W,
    pages: BufWriter<File>,
    rows: Vec<ListRow>,
}

impl<W: Write> HtmlWriter<W> {
    /// Starts a report; document pages wait in a temporary file.
    pub fn start(out: W) -> io::Result<Self> {
        Ok(HtmlWriter {
            out,
            pages: BufWriter::new(tempfile::tempfile()?),
            rows: Vec::new(),
        })
    }

    /// Adds a document's page.
    pub fn document(&mut self, page: Page) -> io::Result<()> {
        let anchor = format!("dok-{}", self.rows.len() + 1);
        self.pages
            .write_all(page.html.replace(ANCHOR, &anchor).as_bytes())?;
        self.rows.push(ListRow { anchor, ..page.row });
        Ok(())
    }

    /// Writes the front page, the document list and the pages.
    pub fn finish(
        mut self,
        template: &Template,
        summary: &Summary,
        errors: &[IngestError],
        show_pnr: bool,
    ) -> io::Result<W> {
        let mut head = String::new();
        let version = template
            .version
            .as_deref()
            .map(|v| format!(" version {}", esc(v)))
            .unwrap_or_default();
        let _ = write!(
            head,
            "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"generator\" content=\"granska {}\">\
             <title>Granskning – {}</title><style>{STYLE}{}</style></head><body>\
             <a class=\"hoppa\" href=\"#innehall\">Hoppa till innehållet</a>\
             <header><h1>Granskning med mallen ”{}”{version}</h1>\
             <p>{} dokument granskade{}. Medelpoäng {}.</p>\
             <nav aria-label=\"Innehåll\"><a href=\"#sammanfattning\">Sammanfattning</a> \
             <a href=\"#kriterier\">Kriterier</a> {}<a href=\"#dokument\">Dokument</a></nav></header>\
             <main id=\"innehall\">",
            env!("CARGO_PKG_VERSION"),
            esc(&template.name),
            perspective_styles(template),
            esc(&template.name),
            summary.figures.documents,
            if errors.is_empty() {
                String::new()
            } else {
                format!(", {} filer kunde inte läsas", errors.len())
            },
            summary.figures.mean_score.map_or("–".to_string(), percent),
            if summary.grouped_by.is_some() {
                "<a href=\"#grupper\">Grupper</a> "
            } else {
                ""
            },
        );
        head.push_str("<section id=\"sammanfattning\"><h2>Resultat per perspektiv</h2>");
        head.push_str(&chart(template, &summary.figures));
        perspective_table(&mut head, &summary.figures, "Perspektiv");
        head.push_str(
            "<p class=\"forklaring\">Andel = andel dokument där alla kriterier i perspektivet som gäller är uppfyllda. \
             Uppnått = hela 95 %-intervallet ligger på eller över målet; ej uppnått = hela intervallet ligger under; \
             osäkert = intervallet omfattar målet.</p></section>",
        );
        criteria_table(&mut head, &summary.figures);
        if let Some(key) = &summary.grouped_by {
            let _ = write!(
                head,
                "<section id=\"grupper\"><h2>Grupper efter {}</h2>",
                esc(key)
            );
            for g in &summary.groups {
                let value = shown(&g.value, show_pnr);
                let small = if g.too_small {
                    format!(
                        " – för litet underlag, minst {MIN_GROUP} dokument behövs för en bedömning"
                    )
                } else {
                    String::new()
                };
                let caption = format!("”{}”: {} dokument{small}", value, g.figures.documents);
                perspective_table(&mut head, &g.figures, &caption);
            }
            head.push_str("</section>");
        }
        if !errors.is_empty() {
            head.push_str("<section id=\"fel\"><h2>Filer som inte kunde läsas</h2><ul>");
            for e in errors {
                let _ = write!(
                    head,
                    "<li><code>{}</code>: {}</li>",
                    esc(&shown(&e.path, show_pnr)),
                    esc(&shown(&e.message, show_pnr))
                );
            }
            head.push_str("</ul></section>");
        }
        document_list(&mut head, &self.rows);
        self.out.write_all(head.as_bytes())?;
        let mut pages = self
            .pages
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        pages.rewind()?;
        io::copy(&mut pages, &mut self.out)?;
        writeln!(self.out, "</main><script>{SCRIPT}</script></body></html>")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// CSS classes `.pN` for the perspectives' colours.
fn perspective_styles(template: &Template) -> String {
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
fn chart(template: &Template, figures: &Figures) -> String {
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

fn cell(value: Option<f64>) -> String {
    value.map_or("–".to_string(), percent)
}

/// A table row of a judged share: name, a second column, met of n, share,
/// interval, target and verdict.
fn judged_row(
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

fn perspective_table(out: &mut String, figures: &Figures, caption: &str) {
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

fn criteria_table(out: &mut String, figures: &Figures) {
    out.push_str(
        "<section id=\"kriterier\"><h2>Kriterier</h2><table><caption>Andel uppfyllda av de dokument där kriteriet gäller</caption>\
         <thead><tr><th scope=\"col\">Kriterium</th><th scope=\"col\">Perspektiv</th><th scope=\"col\">Uppfyllda</th>\
         <th scope=\"col\">Andel</th><th scope=\"col\">95 % KI</th><th scope=\"col\">Mål</th><th scope=\"col\">Bedömning</th></tr></thead><tbody>",
    );
    for c in figures.criteria.iter().filter(|c| c.applicable > 0) {
        judged_row(
            out,
            &c.id,
            &c.perspective,
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
                &c.perspective,
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

fn document_list(out: &mut String, rows: &[ListRow]) {
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

pub(crate) const STYLE: &str = r#"
:root{color-scheme:light;--text:#1a1a1a;--muted:#555;--line:#d0d0d0}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--text);background:#fff;margin:0;line-height:1.5}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.3rem;margin-top:2rem}
nav a{margin-right:1rem}
a{color:#0b4f9c}a:focus,button:focus,input:focus,.text:focus{outline:3px solid #f5a300;outline-offset:2px}
.hoppa{position:absolute;left:-999px}.hoppa:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem}
table{border-collapse:collapse;margin:1rem 0;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
.forklaring,.fakta,figcaption{color:var(--muted)}
.diagram{margin:1rem 0}
.sida{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
.text{white-space:pre-wrap;font-family:ui-monospace,Consolas,monospace;font-size:.9rem;border:1px solid var(--line);padding:1rem;overflow-wrap:anywhere}
mark{color:inherit;padding:0 1px}
mark.fel{font-weight:600}mark.info{border-bottom-style:dotted!important}
ol.fynd{list-style:none;padding:0;margin:0}
ol.fynd li{padding:.25rem .75rem;margin:0 0 .75rem;background:#fafafa}
ol.fynd p{margin:.2rem 0}
.etikett{color:#fff;border-radius:3px;padding:0 .35rem;font-size:.8rem}
.allvar{font-size:.8rem;text-transform:uppercase;color:var(--muted)}
.forslag{font-style:italic}
.kalla{font-size:.85em;color:#555}
.titel{color:var(--muted)}
tr.brist td:last-child{color:#b3261e;font-weight:600}
tr.ok td:last-child{color:#2f7d32}
section.dokument{border-top:2px solid #333;margin-top:3rem}
@media (max-width:60rem){.sida{grid-template-columns:1fr}}
@media print{
  @page{size:A4;margin:15mm}
  body{font-size:10pt}
  nav,.hoppa,#filter,label[for=filter]{display:none}
  header,main{max-width:none;padding:0}
  section.dokument{break-before:page;border:0}
  table,li,figure{break-inside:avoid}
  .sida{grid-template-columns:3fr 2fr}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{color:inherit;text-decoration:none}
}
"#;

const SCRIPT: &str = r#"
(function(){
  var table=document.getElementById('dokumentlista');
  if(!table)return;
  var body=table.tBodies[0];
  var filter=document.getElementById('filter');
  filter.addEventListener('input',function(){
    var q=filter.value.toLowerCase();
    Array.prototype.forEach.call(body.rows,function(r){
      r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;
    });
  });
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button'),function(b){
    b.addEventListener('click',function(){
      var col=+b.dataset.kolumn,num=b.dataset.tal==='1',th=b.parentNode;
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.setAttribute('aria-sort','none');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,c){
        var x=a.cells[col],y=c.cells[col];
        var d=num?(+x.dataset.varde)-(+y.dataset.varde):x.textContent.localeCompare(y.textContent,'sv');
        return asc?d:-d;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
})();
"#;
