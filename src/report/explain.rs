//! Describing a template: the list of criteria (`mall visa`) and one criterion
//! in full (`förklara`).

use std::fmt::Write as _;

use crate::criteria::{Applicability, Check, Condition, ConditionAtom, Criterion, Logic};
use crate::template::Template;

/// Where a criterion applies, in words: "beslut där utfall är avslag eller delvis_bifall".
pub fn applicability(a: &Applicability) -> String {
    let mut out = if a.kinds.is_empty() {
        "alla".to_string()
    } else {
        a.kinds
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(c) = &a.condition {
        let _ = write!(out, " där {}", condition(c));
    }
    out
}

/// A criterion's severity, in words: "fel; varning där utfall är bifall".
fn severity(c: &Criterion) -> String {
    let mut out = c.severity.word().to_string();
    for (when, level) in &c.severity_when {
        let _ = write!(out, "; {} där {}", level.word(), condition(when));
    }
    out
}

fn condition(c: &Condition) -> String {
    match c {
        Logic::Atom(ConditionAtom::Metadata(test)) => {
            format!("{} är {}", test.key, test.values.join(" eller "))
        }
        Logic::Atom(ConditionAtom::Pattern(_)) => "texten har ett visst mönster".to_string(),
        Logic::And(parts) => parts.iter().map(nested).collect::<Vec<_>>().join(" och "),
        Logic::Or(parts) => parts.iter().map(nested).collect::<Vec<_>>().join(" eller "),
        Logic::Not(inner) => format!("inte {}", nested(inner)),
    }
}

fn nested(c: &Condition) -> String {
    match c {
        Logic::And(_) | Logic::Or(_) => format!("({})", condition(c)),
        _ => condition(c),
    }
}

/// The criteria of a template, one line each.
pub fn list(template: &Template) -> String {
    let mut out = String::new();
    let version = template
        .version
        .as_deref()
        .map(|v| format!(", version {v}"))
        .unwrap_or_default();
    let _ = writeln!(out, "{} ({}{version})", template.name, template.origin);
    for (i, p) in template.perspectives.iter().enumerate() {
        let target = p
            .target
            .map(|t| format!(", mål {:.0} %", t * 100.0))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{} ({}, vikt {}{target})",
            p.title,
            p.id,
            crate::criteria::measure::format_number(p.weight)
        );
        for c in template.criteria.iter().filter(|c| c.perspective == i) {
            let kind = if matches!(c.check, Check::Question) {
                "fråga"
            } else {
                c.severity.word()
            };
            let _ = writeln!(
                out,
                "  {:<22} {:<8} {:<40} gäller {}",
                c.id,
                kind,
                c.title,
                applicability(&c.applies)
            );
        }
    }
    let questions = template
        .criteria
        .iter()
        .filter(|c| matches!(c.check, Check::Question))
        .count();
    let _ = writeln!(
        out,
        "\n{} kriterier och {} frågor för manuell granskning.",
        template.criteria.len() - questions,
        questions
    );
    out
}

/// Everything the template says about one criterion.
pub fn explain(template: &Template, c: &Criterion) -> String {
    let mut out = String::new();
    let perspective = &template.perspectives[c.perspective];
    let _ = writeln!(out, "{} — {}", c.id, c.title);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Perspektiv:  {} ({})",
        perspective.title, perspective.id
    );
    let _ = writeln!(out, "Gäller:      {}", applicability(&c.applies));
    if matches!(c.check, Check::Question) {
        let _ = writeln!(
            out,
            "Typ:         fråga som besvaras vid kollegiegranskning"
        );
    } else {
        let _ = writeln!(out, "Allvar:      {}", severity(c));
    }
    if let Some(source) = &c.source {
        let _ = writeln!(out, "Källa:       {source}");
    }
    if !matches!(c.check, Check::Question) {
        let _ = writeln!(out, "Meddelande:  {}", c.message);
    }
    if let Some(advice) = &c.advice {
        let _ = writeln!(out, "Råd:         {advice}");
    }
    for (met, heading) in [
        (true, "Exempel som uppfyller kriteriet"),
        (false, "Exempel som inte uppfyller kriteriet"),
    ] {
        let examples: Vec<_> = c.examples.iter().filter(|e| e.met == met).collect();
        if examples.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{heading}:");
        for e in examples {
            let _ = writeln!(out);
            for line in e.text.lines() {
                let _ = writeln!(out, "{}", format!("    {line}").trim_end());
            }
        }
    }
    out
}
