//! Feedback that respects staff: one private report per handläggare, about
//! their own cases only — what works and two or three things to develop,
//! with granska's evidence and the template's advice — and one anonymous
//! summary for the unit, with no names at all.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::plan::same_person;
use super::sammanstall::{Compiled, Verdict};
use crate::criteria::Status;
use crate::report::privacy::shown;
use crate::score::stats::percent;
use crate::template::Template;

/// A handläggare's private feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub handlaggare: String,
    /// The cases the report is about.
    pub cases: Vec<String>,
    pub text: String,
}

/// How many things to develop a report names.
const TO_DEVELOP: usize = 3;
/// How many strengths a report names.
const STRENGTHS: usize = 3;

/// Per (case, document, criterion) the verdict that stands: the first
/// reviewer's in plan order, as after review.
fn standing(compiled: &Compiled) -> Vec<&Verdict> {
    let order = |v: &Verdict| compiled.plan_order(&v.case, &v.reviewer);
    let mut first: BTreeMap<(&str, &str, &str), &Verdict> = BTreeMap::new();
    for v in &compiled.verdicts {
        let key = (v.case.as_str(), v.document.as_str(), v.criterion.as_str());
        match first.get(&key) {
            Some(known) if order(known) <= order(v) => {}
            _ => {
                first.insert(key, v);
            }
        }
    }
    first.into_values().collect()
}

/// Per criterion in template order: documents judged and not met.
fn tally<'a>(template: &'a Template, verdicts: &[&Verdict]) -> Vec<(&'a str, usize, usize)> {
    template
        .criteria
        .iter()
        .filter_map(|c| {
            let mine: Vec<&&Verdict> = verdicts.iter().filter(|v| v.criterion == c.id).collect();
            let not_met = mine
                .iter()
                .filter(|v| v.status() == Status::NotMet.word())
                .count();
            (!mine.is_empty()).then_some((c.id.as_str(), mine.len(), not_met))
        })
        .collect()
}

fn title<'a>(template: &'a Template, id: &'a str) -> &'a str {
    template.criterion(id).map_or(id, |c| c.title.as_str())
}

/// The private reports, one per handläggare with cases in the round.
pub fn feedback(template: &Template, compiled: &Compiled) -> Vec<Feedback> {
    let verdicts = standing(compiled);
    let mut people: Vec<String> = Vec::new();
    for names in compiled.handlaggare.values() {
        for n in names {
            if !people.iter().any(|p| same_person(p, n)) {
                people.push(n.clone());
            }
        }
    }
    people.sort();
    people
        .into_iter()
        .map(|person| {
            let cases: Vec<String> = compiled
                .handlaggare
                .iter()
                .filter(|(_, names)| names.iter().any(|n| same_person(n, &person)))
                .map(|(case, _)| case.clone())
                .collect();
            let set: BTreeSet<&str> = cases.iter().map(String::as_str).collect();
            let mine: Vec<&Verdict> = verdicts
                .iter()
                .copied()
                .filter(|v| set.contains(v.case.as_str()))
                .collect();
            let text = report(template, compiled, &person, &cases, &mine);
            Feedback {
                handlaggare: person,
                cases,
                text,
            }
        })
        .collect()
}

fn report(
    template: &Template,
    compiled: &Compiled,
    person: &str,
    cases: &[String],
    mine: &[&Verdict],
) -> String {
    let mut out = String::new();
    let name = person.split(',').next().unwrap_or(person).trim();
    let _ = writeln!(
        out,
        "Återkoppling från kollegiegranskningen – till {name}\n"
    );
    let _ = writeln!(
        out,
        "Den här sammanställningen är bara till dig. Den gäller dina ärenden i omgången: {}.\n",
        cases.join(", ")
    );
    if mine.is_empty() {
        let _ = writeln!(
            out,
            "Granskningen av dina ärenden är inte sammanställd: protokollen är inte ifyllda eller gick inte att läsa."
        );
        return shown(&out, false).into_owned();
    }
    let tallied = tally(template, mine);
    let mut strengths: Vec<&(&str, usize, usize)> = tallied
        .iter()
        .filter(|(_, n, not)| *n > 0 && *not == 0)
        .collect();
    strengths.sort_by_key(|(_, n, _)| std::cmp::Reverse(*n));
    let _ = writeln!(out, "Det här fungerar bra");
    if strengths.is_empty() {
        let _ = writeln!(
            out,
            "  (Inget kriterium var uppfyllt i alla dina dokument i omgången.)"
        );
    }
    for (id, n, _) in strengths.iter().take(STRENGTHS) {
        let _ = writeln!(
            out,
            "  – {} (uppfyllt i alla {n} dokument)",
            title(template, id)
        );
    }
    let mut develop: Vec<&(&str, usize, usize)> =
        tallied.iter().filter(|(_, _, not)| *not > 0).collect();
    develop.sort_by_key(|(_, _, not)| std::cmp::Reverse(*not));
    let _ = writeln!(out, "\nAtt utveckla");
    if develop.is_empty() {
        let _ = writeln!(
            out,
            "  Inget av granskas kriterier var ej uppfyllt i dina dokument."
        );
    }
    for (id, n, not) in develop.iter().take(TO_DEVELOP) {
        let _ = writeln!(
            out,
            "  – {} (ej uppfyllt i {not} av {n} dokument)",
            title(template, id)
        );
        if let Some(evidence) = mine
            .iter()
            .filter(|v| v.criterion == *id && v.status() == Status::NotMet.word())
            .find_map(|v| v.evidence.as_deref())
        {
            let first = evidence.lines().next().unwrap_or(evidence);
            let _ = writeln!(out, "    Till exempel: {first}");
        }
        if let Some(advice) = template.criterion(id).and_then(|c| c.advice.as_deref()) {
            let _ = writeln!(out, "    Råd: {advice}");
        }
    }
    let set: BTreeSet<&str> = cases.iter().map(String::as_str).collect();
    let remarks: Vec<_> = compiled
        .answers
        .iter()
        .filter(|a| set.contains(a.case.as_str()) && matches!(a.answer.as_str(), "nej" | "delvis"))
        .collect();
    if !remarks.is_empty() {
        let _ = writeln!(
            out,
            "\nKollegornas svar på granskningsnyckelns frågor (delvis eller nej)"
        );
        for a in remarks {
            let question = title(template, &a.question);
            let comment = a
                .comment
                .as_deref()
                .map(|c| format!(": ”{c}”"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  – Ärende {}, {question} – {}{comment}",
                a.case, a.answer
            );
        }
    }
    shown(&out, false).into_owned()
}

/// The unit's summary for the team meeting: the same figures over all cases,
/// without any names.
pub fn unit_summary(template: &Template, compiled: &Compiled) -> String {
    let verdicts = standing(compiled);
    let cases: BTreeSet<&str> = verdicts.iter().map(|v| v.case.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(out, "Kollegiegranskningen – sammanfattning för enheten\n");
    let _ = writeln!(
        out,
        "{} ärenden granskades. Inga namn står i den här sammanfattningen.\n",
        cases.len()
    );
    let mut tallied = tally(template, &verdicts);
    tallied.sort_by(|a, b| {
        let share = |t: &(&str, usize, usize)| t.2 as f64 / t.1.max(1) as f64;
        share(b).total_cmp(&share(a))
    });
    let _ = writeln!(out, "Det som oftast saknades");
    for (id, n, not) in tallied.iter().filter(|t| t.2 > 0).take(5) {
        let _ = writeln!(
            out,
            "  – {}: ej uppfyllt i {not} av {n} dokument ({})",
            title(template, id),
            percent(*not as f64 / (*n).max(1) as f64)
        );
    }
    let _ = writeln!(out, "\nDet som fungerade i alla granskade dokument");
    for (id, n, _) in tallied.iter().filter(|t| t.2 == 0) {
        let _ = writeln!(out, "  – {} ({n} dokument)", title(template, id));
    }
    shown(&out, false).into_owned()
}

/// Writes the private reports (`återkoppling-NAMN.txt`) and the unit's
/// summary (`enhetens-sammanfattning.txt`) into `folder`, which must not
/// exist or be empty. Returns the files written.
pub fn write(
    folder: &std::path::Path,
    template: &Template,
    compiled: &Compiled,
) -> Result<Vec<std::path::PathBuf>, super::PrepareError> {
    use super::PrepareError;
    if std::fs::read_dir(folder).is_ok_and(|mut d| d.next().is_some()) {
        return Err(PrepareError::FolderNotEmpty(folder.to_path_buf()));
    }
    let fail = |path: &std::path::Path, e: std::io::Error| {
        PrepareError::Write(path.to_path_buf(), crate::ingest::io_message(&e))
    };
    std::fs::create_dir_all(folder).map_err(|e| fail(folder, e))?;
    let mut files = Vec::new();
    for (i, f) in feedback(template, compiled).iter().enumerate() {
        let name = super::round::slug(f.handlaggare.split(',').next().unwrap_or(""))
            .unwrap_or_else(|| (i + 1).to_string());
        let path = folder.join(format!("återkoppling-{name}.txt"));
        std::fs::write(&path, &f.text).map_err(|e| fail(&path, e))?;
        files.push(path);
    }
    let path = folder.join("enhetens-sammanfattning.txt");
    std::fs::write(&path, unit_summary(template, compiled)).map_err(|e| fail(&path, e))?;
    files.push(path);
    Ok(files)
}
