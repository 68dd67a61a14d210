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
use super::writer::End;
use crate::criteria::Status;
use crate::engine::Outcome;
use crate::finding::Severity;
use crate::ingest::Document;
use crate::score::stats::{percent, percent_range};
use crate::score::summary::{Estimate, Figures, MIN_GROUP};
use crate::template::Template;

mod assets;
mod comparison;
mod front;

use assets::SCRIPT;
pub(crate) use assets::STYLE;
use front::*;

pub use comparison::render_comparison;

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
    with_text: bool,
) -> Page {
    let report = DocumentReport::new(template, doc, outcome, show_pnr);
    // Masking keeps every byte offset: digits become X one for one.
    let text = shown(&doc.text, show_pnr);
    let perspective_of = |id: &str| template.perspectives.iter().position(|p| p.id == id);
    let mut html = String::new();
    // Without the texts, no file names either: they often name the person.
    let name = if with_text {
        report.path.clone()
    } else {
        format!("Dokument {NUMBER}")
    };
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
    // The text with each finding marked at its span; without the text, the
    // findings alone.
    if with_text {
        let _ = write!(
            html,
            "<div class=\"sida\"><div class=\"text\" tabindex=\"0\" aria-label=\"Dokumentets text med markerade fynd\">"
        );
        html.push_str(&marked_text(&text, &report, &perspective_of));
        html.push_str("</div>");
    } else {
        html.push_str("<div>");
    }
    html.push_str("<ol class=\"fynd\" aria-label=\"Fynd\">");
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
             <span class=\"allvar\">{sev}</span> <strong>{crit}</strong> {place}</p>\
             <p>{msg}</p>{excerpt}{sugg}{source}</li>",
            n = i + 1,
            sev = Severity::word(f.severity),
            title = esc(title),
            crit = esc(&f.criterion),
            place = if with_text {
                format!("<a href=\"#{ANCHOR}-m{}\">{}</a>", i + 1, esc(&place))
            } else {
                esc(&place).into_owned()
            },
            excerpt = match flagged(&text, f.byte_start, f.byte_end) {
                Some(words) if !with_text => {
                    format!("<p class=\"utdrag\">”{}”</p>", esc(&short_excerpt(words)))
                }
                _ => String::new(),
            },
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

/// The words a finding flags, for a report without the texts: none for a
/// whole line of fields ("Ärende: …") or an empty span.
fn flagged(text: &str, start: usize, end: usize) -> Option<&str> {
    let words = text.get(start..end)?.trim();
    let field = ["ärende", "dnr", "diarienummer", "personnummer", "namn"]
        .iter()
        .any(|f| words.to_lowercase().starts_with(f));
    (!words.is_empty() && !field).then_some(words)
}

/// An excerpt of at most [`EXCERPT`] characters, cut at a word, for a
/// report without the documents' texts (already masked).
fn short_excerpt(excerpt: &str) -> String {
    if excerpt.chars().count() <= EXCERPT {
        return excerpt.to_string();
    }
    let cut: String = excerpt.chars().take(EXCERPT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

/// The longest excerpt a report without texts shows.
const EXCERPT: usize = 60;

/// The placeholder for a document's number, replaced when it is known.
const NUMBER: &str = "\u{1}nummer\u{1}";

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
        let number = (self.rows.len() + 1).to_string();
        let anchor = format!("dok-{number}");
        let html = page.html.replace(ANCHOR, &anchor).replace(NUMBER, &number);
        self.pages.write_all(html.as_bytes())?;
        let name = page.row.name.replace(NUMBER, &number);
        self.rows.push(ListRow {
            anchor,
            name,
            ..page.row
        });
        Ok(())
    }

    /// Writes the front page, the document list and the pages.
    pub fn finish(mut self, template: &Template, end: &End) -> io::Result<W> {
        let (summary, errors, show_pnr) = (end.summary, end.errors, end.show_pnr);
        let heading = esc(&shown(&end.provenance.heading(), show_pnr)).into_owned();
        let mut head = String::new();
        let _ = write!(
            head,
            "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"generator\" content=\"granska {}\">\
             <title>{heading}</title><style>{STYLE}{}</style></head><body>\
             <a class=\"hoppa\" href=\"#innehall\">Hoppa till innehållet</a>\
             <header><h1>{heading}</h1>\
             <p>{} dokument granskade{}. Medelpoäng {}.</p>\
             <nav aria-label=\"Innehåll\"><a href=\"#om\">Om granskningen</a> \
             <a href=\"#sammanfattning\">Sammanfattning</a> \
             <a href=\"#kriterier\">Kriterier</a> {}{}</nav></header>\
             <main id=\"innehall\">",
            env!("CARGO_PKG_VERSION"),
            perspective_styles(template),
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
            if self.rows.is_empty() {
                ""
            } else {
                "<a href=\"#dokument\">Dokument</a>"
            },
        );
        let paragraph = super::paragraph::summary_paragraph(summary, end.provenance);
        let _ = write!(
            head,
            "<section id=\"i-ord\"><h2>Sammanfattning i ord</h2><p class=\"i-ord\">{}</p></section>",
            esc(&shown(&paragraph, show_pnr))
        );
        if end.without_text {
            head.push_str(
                "<p class=\"forklaring\"><strong>Dokumentens texter och filnamn ingår inte.</strong> \
                 Utdragen vid fynden är korta men kan innehålla personuppgifter – hantera rapporten därefter.</p>",
            );
        }
        head.push_str("<section id=\"om\"><h2>Om granskningen</h2><dl class=\"om\">");
        for (label, text) in end.provenance.rows(summary, show_pnr) {
            let _ = write!(head, "<dt>{label}</dt><dd>{}</dd>", esc(&text));
        }
        head.push_str("</dl></section>");
        head.push_str("<section id=\"sammanfattning\"><h2>Resultat per perspektiv</h2>");
        head.push_str(&chart(template, &summary.figures));
        perspective_table(&mut head, &summary.figures, "Perspektiv");
        let _ = write!(
            head,
            "<p class=\"forklaring\">Andel = andel dokument där alla kriterier i perspektivet som gäller är uppfyllda. {}</p></section>",
            end.provenance.legend()
        );
        criteria_table(&mut head, template, &summary.figures);
        if let Some(key) = &summary.grouped_by {
            let _ = write!(
                head,
                "<section id=\"grupper\"><h2>Grupper efter {}</h2>",
                esc(key)
            );
            group_overview(&mut head, template, summary, key, show_pnr);
            // A summary for the nämnd has the overview; the full report
            // also each group's table.
            for g in summary.groups.iter().filter(|_| !end.summary_only) {
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
        if !self.rows.is_empty() {
            document_list(&mut head, &self.rows);
        }
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
