//! The summary as a paragraph to paste into a report to the nämnd: what was
//! reviewed, the results against the targets, and the three most common
//! shortcomings with their counts.

use super::provenance::Provenance;
use crate::score::Summary;
use crate::score::stats::{Verdict, percent};

/// The paragraph, in Swedish.
pub fn summary_paragraph(summary: &Summary, provenance: &Provenance) -> String {
    let figures = &summary.figures;
    let mut out = format!("Granskningen omfattade {} dokument", figures.documents);
    if let Some(cases) = figures.cases {
        out += &format!(" i {cases} ärenden");
    }
    match provenance.population(figures.cases.unwrap_or(figures.documents)) {
        Some(n) if provenance.selection.seed.is_some() => {
            out += &format!(", ett slumpmässigt urval ur {n}")
        }
        _ => {}
    }
    out += &format!(
        " och gjordes med mallen ”{}” den {}.",
        provenance.template.name,
        super::provenance::long_date(&provenance.date)
    );
    let judged: Vec<_> = figures
        .perspectives
        .0
        .iter()
        .filter_map(|(_, p)| Some((p, p.estimate.verdict?, p.estimate.target?)))
        .collect();
    if !judged.is_empty() {
        let name = |v: Verdict| {
            judged
                .iter()
                .filter(|(_, verdict, _)| *verdict == v)
                .map(|(p, _, target)| {
                    let share = p.estimate.weighted_share.or(p.all_met_share).unwrap_or(0.0);
                    format!(
                        "{} (alla kriterier uppfyllda i {} av dokumenten, mål {})",
                        p.title.to_lowercase(),
                        percent(share),
                        percent(*target)
                    )
                })
                .collect::<Vec<_>>()
        };
        for (verdict, says) in [
            (Verdict::Achieved, "Målet nåddes för"),
            (Verdict::NotAchieved, "Målet nåddes inte för"),
            (
                Verdict::Uncertain,
                "Underlaget räcker inte för att avgöra målet för",
            ),
        ] {
            let names = name(verdict);
            if !names.is_empty() {
                out += &format!(" {says} {}.", list(&names));
            }
        }
    }
    let targeted: Vec<_> = figures
        .criteria
        .iter()
        .filter(|c| c.estimate.verdict.is_some())
        .collect();
    let uncertain = targeted
        .iter()
        .filter(|c| c.estimate.verdict == Some(Verdict::Uncertain))
        .count();
    if uncertain > 0 {
        out += &format!(
            " För {uncertain} av {} kriterier med mål räcker underlaget inte för att avgöra om målet nås.",
            targeted.len()
        );
    }
    let mut shortcomings: Vec<_> = figures
        .criteria
        .iter()
        .map(|c| (c.applicable - c.met, c))
        .filter(|(missing, _)| *missing > 0)
        .collect();
    shortcomings.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let common: Vec<String> = shortcomings
        .iter()
        .take(3)
        .map(|(missing, c)| {
            format!(
                "”{}” ({}, ej uppfyllt i {missing} av {} dokument)",
                c.title, c.id, c.applicable
            )
        })
        .collect();
    if common.is_empty() {
        if figures.documents > 0 {
            out += " Inget kriterium saknades i något dokument.";
        }
    } else {
        out += &format!(
            " De kriterier som oftast inte var uppfyllda var {}.",
            list(&common)
        );
    }
    out
}

/// "a", "a och b", "a, b och c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Status;
    use crate::score::{self, Facts, Frame, Tally};
    use crate::template::Template;

    #[test]
    fn the_paragraph_names_the_results_and_the_commonest_shortcomings() {
        let t = Template::standard().unwrap();
        let mut tally = Tally::new(&t);
        // Twelve documents; the first criterion is missing in all, the
        // second in four, the third in one.
        for doc in 0..12 {
            let statuses: Vec<Status> = (0..t.criteria.len())
                .map(|i| match i {
                    0 => Status::NotMet,
                    1 if doc < 4 => Status::NotMet,
                    2 if doc < 1 => Status::NotMet,
                    _ => Status::Met,
                })
                .collect();
            let score = score::document(&t, &statuses);
            tally.add(&statuses, &score, Facts::default());
        }
        let summary = Summary::new(&t, &tally, None, &Frame::PLAIN);
        let provenance = Provenance::new(&t, "2026-12-03");
        let text = summary_paragraph(&summary, &provenance);
        assert!(
            text.starts_with("Granskningen omfattade 12 dokument och gjordes med mallen"),
            "{text}"
        );
        let (first, second, third) = (&t.criteria[0], &t.criteria[1], &t.criteria[2]);
        let expected = format!(
            "De kriterier som oftast inte var uppfyllda var ”{}” ({}, ej uppfyllt i 12 av 12 dokument), ”{}” ({}, ej uppfyllt i 4 av 12 dokument) och ”{}” ({}, ej uppfyllt i 1 av 12 dokument).",
            first.title, first.id, second.title, second.id, third.title, third.id
        );
        assert!(text.ends_with(&expected), "{text}");
        assert!(
            text.contains("Målet nåddes inte för rättssäkerhet (alla kriterier uppfyllda i 0 % av dokumenten, mål"),
            "{text}"
        );
    }
}
