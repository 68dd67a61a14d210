//! A compiled round as text for the terminal, an Excel workbook or one HTML page.

use std::fmt::Write as _;

use super::resultat::{LOW_ALPHA, Results};
use super::sammanstall::Compiled;
use crate::report::privacy::shown;
use crate::score::stats::{CONFIDENCE, percent};
use crate::score::summary::Estimate;

/// " – why" after a figure judged against its target, or nothing.
fn reason(estimate: &Estimate) -> String {
    estimate
        .verdict_reason
        .as_deref()
        .map(|r| format!(" – {r}"))
        .unwrap_or_default()
}

/// "1 ärende", "3 ärenden".
fn cases(n: usize) -> String {
    format!("{n} {}", if n == 1 { "ärende" } else { "ärenden" })
}

/// A perspective's title ("Rättssäkerhet") by its id.
fn perspective_title<'a>(results: &'a Results, id: &'a str) -> &'a str {
    results
        .perspectives
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.title.as_str())
}

/// "3 av 4 (75 %)", or "inga svar".
fn share_text(ja: usize, of: usize) -> String {
    if of == 0 {
        "inga svar".to_string()
    } else {
        format!("{ja} av {of} ({})", percent(ja as f64 / of as f64))
    }
}

fn decimal(x: Option<f64>) -> String {
    x.map_or("–".to_string(), |x| format!("{x:.2}").replace('.', ","))
}

/// The results as text for the terminal, in Swedish.
pub fn render_text(results: &Results, compiled: &Compiled, show_pnr: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Kollegiegranskningen: {} ärenden besvarade, {} svar på frågor, {} av granskas bedömningar prövade.",
        results.cases,
        compiled.answers.len(),
        compiled.verdicts.len()
    );
    if !compiled.problems.is_empty() {
        let _ = writeln!(
            out,
            "\n{} saker i protokollen kunde inte räknas (resten är sammanställt):",
            compiled.problems.len()
        );
        for p in &compiled.problems {
            let _ = writeln!(out, "  {}", shown(&p.to_string(), show_pnr));
        }
    }
    let _ = writeln!(
        out,
        "\nFrågor (svar per ärende; andel ja av ja, delvis och nej):"
    );
    for q in &results.questions {
        let share = match q.share {
            Some(s) => format!(
                "{} ja ({} säkerhet: {}){}",
                percent(s),
                percent(CONFIDENCE),
                q.estimate.interval_text(),
                reason(&q.estimate)
            ),
            None => "inga svar".to_string(),
        };
        let _ = writeln!(
            out,
            "  {} – {}\n    ja {}, delvis {}, nej {}, ej aktuellt {}: {share}",
            q.id, q.title, q.ja, q.delvis, q.nej, q.ej_aktuellt
        );
    }
    if !results.perspectives.is_empty() {
        let _ = writeln!(
            out,
            "\nPerspektiv (ärenden där alla besvarade frågor fick ja):"
        );
        for p in &results.perspectives {
            let _ = writeln!(
                out,
                "  {}: {} av {} ärenden ({}), {} säkerhet: {}{}",
                p.title,
                p.all_ja,
                p.applicable,
                p.share.map_or("–".to_string(), percent),
                percent(CONFIDENCE),
                p.estimate.interval_text(),
                reason(&p.estimate)
            );
        }
    }
    for g in &results.groups {
        let _ = writeln!(
            out,
            "\n{} (ärenden där alla besvarade frågor i perspektivet fick ja):",
            g.title
        );
        for row in &g.rows {
            let shares: Vec<String> = row
                .perspectives
                .iter()
                .map(|p| {
                    format!(
                        "{} {}",
                        perspective_title(results, &p.id),
                        share_text(p.ja, p.of)
                    )
                })
                .collect();
            let line = format!(
                "  {} ({}): {}",
                row.value,
                cases(row.cases),
                shares.join(", ")
            );
            let _ = writeln!(out, "{}", shown(&line, show_pnr));
        }
    }
    let agreed: Vec<&_> = results
        .questions
        .iter()
        .filter(|q| q.agreement.is_some())
        .collect();
    if !agreed.is_empty() {
        let _ = writeln!(
            out,
            "\nSamstämmighet mellan granskare (ärenden som granskats av två):"
        );
        for q in &agreed {
            let a = q.agreement.as_ref().expect("filtered");
            let _ = writeln!(
                out,
                "  {}: {}, lika svar i {}, κ {}, α {}",
                q.id,
                cases(a.cases),
                percent(a.percent),
                decimal(a.kappa),
                decimal(a.alpha)
            );
        }
        let unclear: Vec<&str> = agreed
            .iter()
            .filter(|q| {
                q.agreement
                    .as_ref()
                    .and_then(|a| a.alpha)
                    .is_some_and(|a| a < LOW_ALPHA)
            })
            .map(|q| q.id.as_str())
            .collect();
        if !unclear.is_empty() {
            let _ = writeln!(
                out,
                "  Granskarna svarar för olika på {} (α under 0,67): frågan behöver tydligare vägledning.",
                unclear.join(", ")
            );
        }
    }
    if !results.criteria.is_empty() {
        let _ = writeln!(
            out,
            "\ngranska och granskarna (hur ofta granskarna ändrade granskas bedömning):"
        );
        for c in &results.criteria {
            let _ = writeln!(
                out,
                "  {}: ändrad i {} av {} ({})",
                c.id,
                c.overridden,
                c.verdicts,
                percent(c.overridden as f64 / c.verdicts.max(1) as f64)
            );
        }
    }
    if !results.overrides.is_empty() {
        let _ = writeln!(
            out,
            "\nÄndrade bedömningar (underlag för att justera mallen):"
        );
        for v in &results.overrides {
            let line = format!(
                "  {} {} {}: granska {}, {} {} – ”{}”",
                v.case,
                v.document,
                v.criterion,
                v.granska,
                v.reviewer,
                v.status(),
                v.reason.as_deref().unwrap_or("")
            );
            let _ = writeln!(out, "{}", shown(&line, show_pnr));
        }
    }
    out
}

/// The compiled round as an Excel workbook for the team leader: the
/// questions, the agreement, granska against the reviewers, every override
/// and what could not be counted — one sheet each.
pub fn write_xlsx<W: std::io::Write + std::io::Seek + Send>(
    out: W,
    results: &Results,
    compiled: &Compiled,
    show_pnr: bool,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mask = |s: &str| shown(s, show_pnr).into_owned();
    let bold = Format::new().set_bold();
    let share = Format::new().set_num_format("0%");
    let two = Format::new().set_num_format("0.00");
    let mut book = Workbook::new();
    let headings = |sheet: &mut rust_xlsxwriter::Worksheet, names: &[&str]| {
        for (col, name) in names.iter().enumerate() {
            sheet.write_with_format(0, col as u16, *name, &bold)?;
            sheet.set_column_width(col as u16, if col < 2 { 28 } else { 14 })?;
        }
        sheet.set_freeze_panes(1, 0).map(|_| ())
    };
    let sheet = book.add_worksheet().set_name("Frågor")?;
    headings(
        sheet,
        &[
            "Fråga",
            "Frågan",
            "Perspektiv",
            "ja",
            "delvis",
            "nej",
            "ej aktuellt",
            "Andel ja",
            "95 % KI från",
            "95 % KI till",
            "Mot målet",
        ],
    )?;
    for (r, q) in results.questions.iter().enumerate() {
        let row = r as u32 + 1;
        sheet.write(row, 0, q.id.as_str())?;
        sheet.write(row, 1, q.title.as_str())?;
        sheet.write(row, 2, q.perspective.as_str())?;
        for (col, n) in [(3, q.ja), (4, q.delvis), (5, q.nej), (6, q.ej_aktuellt)] {
            sheet.write(row, col, n as u32)?;
        }
        if let (Some(s), Some(low), Some(high)) = (q.share, q.estimate.ci_low, q.estimate.ci_high) {
            sheet.write_with_format(row, 7, s, &share)?;
            sheet.write_with_format(row, 8, low, &share)?;
            sheet.write_with_format(row, 9, high, &share)?;
        }
        if let Some(reason) = &q.estimate.verdict_reason {
            sheet.write(row, 10, reason.as_str())?;
        }
    }
    for g in &results.groups {
        let sheet = book.add_worksheet().set_name(g.title.as_str())?;
        let mut names = vec![
            g.title.trim_start_matches("Per ").to_string(),
            "Ärenden".to_string(),
        ];
        let first = g.rows.first();
        for p in first.map_or(&[][..], |r| &r.perspectives[..]) {
            names.push(format!("{} ja", p.id));
            names.push(format!("{} av", p.id));
        }
        for q in first.map_or(&[][..], |r| &r.questions[..]) {
            names.push(format!("{} ja", q.id));
            names.push(format!("{} av", q.id));
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        headings(sheet, &names)?;
        for (r, row) in g.rows.iter().enumerate() {
            let line = r as u32 + 1;
            sheet.write(line, 0, mask(&row.value).as_str())?;
            sheet.write(line, 1, row.cases as u32)?;
            let cells = row.perspectives.iter().chain(&row.questions);
            for (i, share) in cells.enumerate() {
                let col = 2 + 2 * i as u16;
                sheet.write(line, col, share.ja as u32)?;
                sheet.write(line, col + 1, share.of as u32)?;
            }
        }
    }
    let sheet = book.add_worksheet().set_name("Samstämmighet")?;
    headings(
        sheet,
        &["Fråga eller kriterium", "Ärenden", "Lika svar", "κ", "α"],
    )?;
    for (i, (id, a)) in results.agreements().enumerate() {
        let row = i as u32 + 1;
        sheet.write(row, 0, id.as_str())?;
        sheet.write(row, 1, a.cases as u32)?;
        sheet.write_with_format(row, 2, a.percent, &share)?;
        if let Some(k) = a.kappa {
            sheet.write_with_format(row, 3, k, &two)?;
        }
        if let Some(alpha) = a.alpha {
            sheet.write_with_format(row, 4, alpha, &two)?;
        }
    }
    let sheet = book.add_worksheet().set_name("granska och granskarna")?;
    headings(sheet, &["Kriterium", "Prövade", "Ändrade", "Andel ändrade"])?;
    for (r, c) in results.criteria.iter().enumerate() {
        let row = r as u32 + 1;
        sheet.write(row, 0, c.id.as_str())?;
        sheet.write(row, 1, c.verdicts as u32)?;
        sheet.write(row, 2, c.overridden as u32)?;
        sheet.write_with_format(
            row,
            3,
            c.overridden as f64 / c.verdicts.max(1) as f64,
            &share,
        )?;
    }
    let sheet = book.add_worksheet().set_name("Ändrade bedömningar")?;
    headings(
        sheet,
        &[
            "Ärende",
            "Dokument",
            "Kriterium",
            "granska",
            "Granskare",
            "Granskarens bedömning",
            "Skäl",
        ],
    )?;
    for (r, v) in results.overrides.iter().enumerate() {
        let row = r as u32 + 1;
        let cells = [
            mask(&v.case),
            mask(&v.document),
            v.criterion.clone(),
            v.granska.clone(),
            v.reviewer.clone(),
            v.status().to_string(),
            mask(v.reason.as_deref().unwrap_or("")),
        ];
        for (col, text) in cells.iter().enumerate() {
            sheet.write(row, col as u16, text.as_str())?;
        }
    }
    let sheet = book.add_worksheet().set_name("Kunde inte räknas")?;
    headings(sheet, &["Fil", "Blad", "Cell", "Problem"])?;
    for (r, p) in compiled.problems.iter().enumerate() {
        let row = r as u32 + 1;
        for (col, text) in [&p.file, &p.sheet, &p.cell, &p.message].iter().enumerate() {
            sheet.write(row, col as u16, mask(text).as_str())?;
        }
    }
    book.save_to_writer(out)
}

/// The compiled round as one HTML page (the report's style), to hand over or
/// print: the questions against their targets, the perspectives, the
/// agreement, granska against the reviewers, the overrides and what could
/// not be counted.
pub fn render_html(results: &Results, compiled: &Compiled, title: &str, show_pnr: bool) -> String {
    use html_escape::encode_text as esc;
    let mask = |s: &str| esc(&shown(s, show_pnr)).into_owned();
    let pct = |x: Option<f64>| x.map_or("–".to_string(), percent);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Kollegiegranskning – {t}</title><style>{style}</style></head><body>\
         <main id=\"innehall\"><h1>Kollegiegranskning – {t}</h1>\
         <p>{} ärenden besvarade, {} svar på frågor, {} av granskas bedömningar prövade.</p>",
        results.cases,
        compiled.answers.len(),
        compiled.verdicts.len(),
        t = esc(title),
        style = crate::report::html::STYLE,
    );
    if !compiled.problems.is_empty() {
        let _ = write!(out, "<h2>Kunde inte räknas</h2><ul>");
        for p in &compiled.problems {
            let _ = write!(out, "<li>{}</li>", mask(&p.to_string()));
        }
        let _ = write!(out, "</ul>");
    }
    let _ = write!(
        out,
        "<h2>Frågor</h2><table><thead><tr><th>Fråga</th><th>ja</th><th>delvis</th><th>nej</th>\
         <th>ej aktuellt</th><th>Andel ja</th><th>95 % KI</th><th>Mot målet</th></tr></thead><tbody>"
    );
    for q in &results.questions {
        let _ = write!(
            out,
            "<tr><td>{}<br><small>{}</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&q.title),
            esc(&q.id),
            q.ja,
            q.delvis,
            q.nej,
            q.ej_aktuellt,
            pct(q.share),
            q.estimate.interval_text(),
            esc(q.estimate.verdict_reason.as_deref().unwrap_or(""))
        );
    }
    let _ = write!(out, "</tbody></table>");
    let _ = write!(
        out,
        "<h2>Perspektiv</h2><p>Ärenden där alla besvarade frågor i perspektivet fick ja.</p>\
         <table><thead><tr><th>Perspektiv</th><th>Ärenden</th><th>Andel</th><th>95 % KI</th>\
         <th>Mot målet</th></tr></thead><tbody>"
    );
    for p in &results.perspectives {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{} av {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&p.title),
            p.all_ja,
            p.applicable,
            pct(p.share),
            p.estimate.interval_text(),
            esc(p.estimate.verdict_reason.as_deref().unwrap_or(""))
        );
    }
    let _ = write!(out, "</tbody></table>");
    for g in &results.groups {
        let _ = write!(
            out,
            "<h2>{}</h2><p>Ärenden där alla besvarade frågor i perspektivet fick ja.</p>\
             <table><thead><tr><th>{}</th><th>Ärenden</th>",
            esc(&g.title),
            esc(g.title.trim_start_matches("Per "))
        );
        for p in g.rows.first().map_or(&[][..], |r| &r.perspectives[..]) {
            let _ = write!(out, "<th>{}</th>", esc(perspective_title(results, &p.id)));
        }
        let _ = write!(out, "</tr></thead><tbody>");
        for row in &g.rows {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td>",
                mask(&row.value),
                row.cases
            );
            for p in &row.perspectives {
                let _ = write!(out, "<td>{}</td>", share_text(p.ja, p.of));
            }
            let _ = write!(out, "</tr>");
        }
        let _ = write!(out, "</tbody></table>");
    }
    let _ = write!(
        out,
        "<h2>Samstämmighet mellan granskare</h2><table><thead><tr><th>Fråga eller kriterium</th>\
         <th>Ärenden</th><th>Lika svar</th><th>κ</th><th>α</th></tr></thead><tbody>"
    );
    for (id, a) in results.agreements() {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(id),
            a.cases,
            percent(a.percent),
            decimal(a.kappa),
            decimal(a.alpha)
        );
    }
    let _ = write!(
        out,
        "</tbody></table><h2>Ändrade bedömningar</h2><table><thead><tr><th>Ärende</th>\
         <th>Dokument</th><th>Kriterium</th><th>granska</th><th>Granskare</th>\
         <th>Granskarens bedömning</th><th>Skäl</th></tr></thead><tbody>"
    );
    for v in &results.overrides {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            mask(&v.case),
            mask(&v.document),
            esc(&v.criterion),
            esc(&v.granska),
            esc(&v.reviewer),
            esc(v.status()),
            mask(v.reason.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(out, "</tbody></table></main></body></html>");
    out
}
