//! Terminal output: a summary per perspective, then each document's findings
//! as diagnostics with the source excerpt.

use std::fmt::{self, Write as _};
use std::sync::{Arc, LazyLock};

use regex::Regex;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::privacy::shown;
use crate::criteria::Status;
use crate::engine::Outcome;
use crate::finding::{Finding, Severity};
use crate::ingest::{Document, LineIndex};
use crate::template::Template;

/// A finding as a miette diagnostic.
#[derive(Debug)]
struct FindingDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: Option<String>,
    label: String,
    span: std::ops::Range<usize>,
    source: NamedSource<Arc<str>>,
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl miette::Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(self.label.clone()),
            self.span.start,
            self.span.len(),
        ))))
    }
}

/// A report handler for the terminal: colour only when asked for.
pub fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
}

fn percent(value: f64) -> String {
    format!("{:.0} %", value * 100.0)
}

/// One document: its heading line, perspective scores and findings.
pub fn render_document(
    template: &Template,
    doc: &Document,
    outcome: &Outcome,
    show_pnr: bool,
    color: bool,
) -> String {
    let mut out = String::new();
    let path = shown(&doc.path, show_pnr);
    let kind = doc.kind.map_or("okänd typ", |k| k.name());
    let utfall = doc
        .metadata
        .get("utfall")
        .map(|u| format!(" · {}", crate::ingest::outcome::shown(u)))
        .unwrap_or_default();
    let score = outcome.score.total.map_or("–".to_string(), percent);
    let _ = writeln!(out, "━━ {path}  ({kind}{utfall})  poäng {score}");
    let parts: Vec<String> = template
        .perspectives
        .iter()
        .zip(&outcome.score.perspectives)
        .filter(|(_, s)| s.applicable > 0)
        .map(|(p, s)| format!("{} {} av {}", p.title, s.met, s.applicable))
        .collect();
    if !parts.is_empty() {
        let _ = writeln!(out, "   {}", parts.join(" · "));
    }
    let manual = outcome
        .statuses
        .iter()
        .filter(|s| **s == Status::Manual)
        .count();
    if manual > 0 {
        let questions = if manual == 1 {
            "fråga väntar"
        } else {
            "frågor väntar"
        };
        let _ = writeln!(out, "   {manual} {questions} på manuell granskning");
    }
    if outcome.findings.is_empty() {
        let _ = writeln!(out, "   Inga fynd.");
        return out;
    }
    let _ = writeln!(
        out,
        "   Fynd: {}",
        crate::finding::count_line(outcome.findings.iter().map(|f| f.severity))
    );
    let text: Arc<str> = Arc::from(shown(&doc.text, show_pnr).as_ref());
    let source = NamedSource::new(path.as_ref(), text);
    let handler = handler(color);
    // Word and PDF documents are shown as read; page and paragraph say where
    // to look in the original.
    let index = matches!(doc.encoding, "docx" | "pdf").then(|| LineIndex::new(&doc.text));
    for finding in outcome.by_severity() {
        let mut diagnostic = finding_diagnostic(template, finding, &source, show_pnr);
        if let Some(index) = &index {
            let place = super::Place::of(doc, index, &finding.range);
            let page = place.page.map(|p| format!("sida {p}"));
            let paragraph = place.paragraph.map(|p| format!("stycke {p}"));
            let at: Vec<String> = page.into_iter().chain(paragraph).collect();
            if !at.is_empty() {
                diagnostic.label = format!("{} · {}", diagnostic.label, at.join(", "));
            }
        }
        let _ = writeln!(out);
        render_report(&handler, &mut out, &diagnostic);
    }
    out
}

/// Renders a diagnostic into `out`, with miette's English label "help" in
/// Swedish ("råd"), colours or not.
pub fn render_report(
    handler: &GraphicalReportHandler,
    out: &mut String,
    d: &dyn miette::Diagnostic,
) {
    static HELP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^([ \t│]*(?:\x1b\[[0-9;]*m)*)help((?:\x1b\[[0-9;]*m)*):")
            .expect("a valid pattern")
    });
    let mut rendered = String::new();
    let _ = handler.render_report(&mut rendered, d);
    out.push_str(&HELP.replace_all(&rendered, "${1}råd${2}:"));
}

fn finding_diagnostic(
    template: &Template,
    finding: &Finding,
    source: &NamedSource<Arc<str>>,
    show_pnr: bool,
) -> FindingDiagnostic {
    let criterion = &template.criteria[finding.criterion];
    let perspective = &template.perspectives[criterion.perspective];
    let mut help = finding.suggestion.clone().unwrap_or_default();
    if let Some(src) = &criterion.source {
        if !help.is_empty() {
            help.push('\n');
        }
        let _ = write!(help, "Källa: {src}");
    }
    FindingDiagnostic {
        message: shown(&finding.message, show_pnr).into_owned(),
        code: criterion.id.clone(),
        severity: finding.severity,
        help: (!help.is_empty()).then(|| shown(&help, show_pnr).into_owned()),
        label: perspective.title.clone(),
        span: finding.range.clone(),
        source: source.clone(),
    }
}

fn seconds(d: std::time::Duration) -> String {
    format!("{:.2} s", d.as_secs_f64()).replace('.', ",")
}

/// The time profile of a run (`--profil`): stages, then criteria, slowest
/// first. Times are summed over all threads.
pub fn render_profile(template: &Template, profile: &crate::engine::Profile) -> String {
    let mut out = String::new();
    let stages = &profile.stages;
    let criteria: std::time::Duration = stages.criteria.iter().sum();
    let total = stages.reading + stages.analysis + criteria + stages.output;
    let share = |d: std::time::Duration| {
        if total.is_zero() {
            "–".to_string()
        } else {
            format!("{:.0} %", d.as_secs_f64() * 100.0 / total.as_secs_f64())
        }
    };
    let _ = writeln!(
        out,
        "\nTidsprofil: {} dokument på {} trådar, {} från start till slut.",
        profile.documents,
        profile.threads,
        seconds(profile.wall)
    );
    if !profile.batch.is_zero() {
        let _ = writeln!(
            out,
            "Jämförelse mellan ärenden (första genomläsningen): {}",
            seconds(profile.batch)
        );
    }
    let _ = writeln!(
        out,
        "\n{:<24} {:>9} {:>6}",
        "Steg (alla trådar)", "tid", "andel"
    );
    for (name, d) in [
        ("läsa filer", stages.reading),
        ("analysera texten", stages.analysis),
        ("pröva kriterier", criteria),
        ("skriva resultat", stages.output),
    ] {
        let _ = writeln!(out, "{name:<24} {:>9} {:>6}", seconds(d), share(d));
    }
    let mut slowest: Vec<(usize, std::time::Duration)> =
        stages.criteria.iter().copied().enumerate().collect();
    slowest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let _ = writeln!(out, "\n{:<24} {:>9} {:>6}", "Kriterium", "tid", "andel");
    for (i, d) in slowest {
        let _ = writeln!(
            out,
            "{:<24} {:>9} {:>6}",
            template.criteria[i].id,
            seconds(d),
            share(d)
        );
    }
    out
}
