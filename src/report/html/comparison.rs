//! `jämför --format html`: two or more review rounds compared, as a page a
//! nämnd can take as it is: the change per perspective as a chart, and per
//! perspective and criterion the shares, the difference with its interval
//! and what it means.

use super::*;
use crate::report::summary::{count, points};
use crate::score::compare::{Comparison, Count, Row, Trend};

fn counted(c: Option<Count>) -> String {
    c.map_or("–".to_string(), |c| count(c.met, c.applicable))
}

/// The differences of the perspectives as horizontal bars from zero, with
/// their intervals.
fn chart(rows: &[Row]) -> String {
    let rows: Vec<&Row> = rows.iter().filter(|r| r.difference.is_some()).collect();
    if rows.is_empty() {
        return String::new();
    }
    let (label_w, plot_w, row_h) = (220.0, 440.0, 34.0);
    let height = row_h * rows.len() as f64 + 40.0;
    let x = |d: f64| label_w + plot_w / 2.0 + d.clamp(-1.0, 1.0) * plot_w / 2.0;
    let mut svg = format!(
        "<figure class=\"diagram\"><svg role=\"img\" aria-labelledby=\"skillnad-titel\" \
         viewBox=\"0 0 {w} {height}\" width=\"100%\" style=\"max-width:{w}px\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"skillnad-titel\">Förändring per perspektiv i procentenheter, med 95 %-intervall</title>\
         <line x1=\"{zero}\" x2=\"{zero}\" y1=\"0\" y2=\"{}\" stroke=\"#333\"/>",
        height - 20.0,
        w = label_w + plot_w + 10.0,
        zero = x(0.0),
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 8.0 + i as f64 * row_h;
        let d = r.difference.unwrap_or(0.0);
        let (from, to) = if d < 0.0 {
            (x(d), x(0.0))
        } else {
            (x(0.0), x(d))
        };
        let fill = match r.change {
            Some(crate::score::stats::Change::Improvement) => "#2f7d32",
            Some(crate::score::stats::Change::Decline) => "#b3261e",
            _ => "#8a8a8a",
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\">{}</text>\
             <rect class=\"skillnad\" x=\"{from}\" y=\"{y}\" width=\"{}\" height=\"20\" fill=\"{fill}\"><title>{}: {}</title></rect>",
            label_w - 8.0,
            y + 15.0,
            esc(&r.label),
            (to - from).max(1.0),
            esc(&r.label),
            points(d)
        );
        if let (Some(low), Some(high)) = (r.ci_low, r.ci_high) {
            let mid = y + 10.0;
            let _ = write!(
                svg,
                "<line x1=\"{}\" x2=\"{}\" y1=\"{mid}\" y2=\"{mid}\" stroke=\"#111\" stroke-width=\"2\"/>",
                x(low),
                x(high)
            );
        }
    }
    let axis = height - 5.0;
    for tick in [-0.5, 0.0, 0.5] {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{axis}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            x(tick),
            points(tick)
        );
    }
    svg.push_str(
        "</svg><figcaption>Stapel: andra omgången minus första, i procentenheter. Streck: 95 %-intervall. \
         Grön: tydlig förbättring, röd: tydlig försämring, grå: inom slumpens variation.</figcaption></figure>",
    );
    svg
}

fn table(out: &mut String, caption: &str, heading: &str, rows: &[Row], names: (&str, &str)) {
    let _ = write!(
        out,
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{heading}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">Skillnad</th>\
         <th scope=\"col\">95 % KI</th><th scope=\"col\">Bedömning</th></tr></thead><tbody>",
        esc(caption),
        esc(names.0),
        esc(names.1)
    );
    let judged = |c: Option<Count>| c.is_some_and(|c| c.applicable > 0);
    for r in rows.iter().filter(|r| judged(r.first) || judged(r.second)) {
        let name = if heading == "Kriterium" && r.label != r.id {
            format!("{} – {}", r.id, r.label)
        } else {
            r.label.clone()
        };
        let interval = match (r.ci_low, r.ci_high) {
            (Some(low), Some(high)) => format!("{} till {}", points(low), points(high)),
            _ => "–".to_string(),
        };
        let judgement = r.judgement();
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"bedomning\">{}</td></tr>",
            esc(&name),
            counted(r.first),
            counted(r.second),
            r.difference.map_or("–".to_string(), points),
            interval,
            esc(&judgement)
        );
    }
    out.push_str("</tbody></table>");
}

/// Two rounds compared (or, with `trend`, a series and its first and last
/// round), as a standalone HTML page.
pub fn render_comparison(c: &Comparison, trend: Option<&Trend>, show_pnr: bool) -> String {
    let first = shown(&c.first.file, show_pnr).into_owned();
    let second = shown(&c.second.file, show_pnr).into_owned();
    let heading = match trend {
        Some(t) => format!("Utveckling över {} granskningsomgångar", t.rounds.len()),
        None => "Jämförelse av två granskningsomgångar".to_string(),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"granska {}\"><title>{heading}</title><style>{STYLE}</style></head><body>\
         <header><h1>{heading}</h1></header><main><section id=\"omgangar\"><h2>Omgångarna</h2><ul>",
        env!("CARGO_PKG_VERSION"),
    );
    let rounds: Vec<_> = match trend {
        Some(t) => t.rounds.iter().collect(),
        None => vec![&c.first, &c.second],
    };
    for round in rounds {
        let version = round
            .template_version
            .as_deref()
            .map_or(String::new(), |v| format!(" version {v}"));
        let _ = write!(
            out,
            "<li>{}: mallen ”{}”{}, {} dokument</li>",
            esc(&shown(&round.file, show_pnr)),
            esc(&round.template),
            esc(&version),
            round.documents
        );
    }
    out.push_str("</ul>");
    if (&c.first.template, &c.first.template_version)
        != (&c.second.template, &c.second.template_version)
    {
        out.push_str(
            "<p><strong>Obs!</strong> Omgångarna är granskade med olika mallar; jämför med försiktighet.</p>",
        );
    }
    out.push_str("</section>");
    if let Some(t) = trend {
        out.push_str(
            "<section id=\"utveckling\"><h2>Andel per omgång</h2><table><caption>Perspektiv: andel dokument där alla kriterier som gäller är uppfyllda</caption><thead><tr><th scope=\"col\">Perspektiv</th>",
        );
        for round in &t.rounds {
            let _ = write!(
                out,
                "<th scope=\"col\">{}</th>",
                esc(&shown(&round.file, show_pnr))
            );
        }
        out.push_str("</tr></thead><tbody>");
        for row in &t.perspectives {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&row.label));
            for share in &row.shares {
                let _ = write!(out, "<td>{}</td>", share.map_or("–".to_string(), percent));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></section>");
    }
    let names = (first.as_str(), second.as_str());
    out.push_str("<section id=\"perspektiv\"><h2>Förändring per perspektiv</h2>");
    out.push_str(&chart(&c.perspectives));
    table(
        &mut out,
        "Andel dokument där alla kriterier i perspektivet som gäller är uppfyllda",
        "Perspektiv",
        &c.perspectives,
        names,
    );
    out.push_str("</section><section id=\"kriterier\"><h2>Förändring per kriterium</h2>");
    table(
        &mut out,
        "Andel uppfyllda av de dokument där kriteriet gäller",
        "Kriterium",
        &c.criteria,
        names,
    );
    out.push_str(
        "<p class=\"forklaring\">Skillnaden är andra omgången minus första, i procentenheter (p.e.), med 95 % \
         konfidensintervall enligt Newcombe. Tydlig förbättring eller försämring: hela intervallet ligger över \
         eller under noll; annars ryms skillnaden inom slumpens variation.</p></section></main></body></html>\n",
    );
    out
}
