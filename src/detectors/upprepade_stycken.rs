//! `upprepade_stycken`: passages of about 30 words or more that recur nearly
//! unchanged in the documents of other cases in the same batch (see
//! `engine::batch`). Passages with a standard phrase from the lexicon
//! (appeal instructions, contact details) are left out. Each passage is one
//! hit that says how many other cases share it.

use crate::criteria::{Context, Hit};
use crate::language::shingles::{SHINGLE, fingerprints};

/// Every recurring passage.
pub fn detect(ctx: &Context, standard: Option<usize>) -> Vec<Hit> {
    let Some(batch) = ctx.batch else {
        return Vec::new();
    };
    let words = &ctx.analysis.words;
    // Word spans shared with other cases, with the most cases sharing each.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for print in fingerprints(&ctx.doc.text, words) {
        let others = batch.other_cases(print.hash);
        if others == 0 {
            continue;
        }
        let (start, end) = (print.first_word, print.first_word + SHINGLE);
        match spans.last_mut() {
            Some(last) if start <= last.1 => {
                last.1 = last.1.max(end);
                last.2 = last.2.max(others);
            }
            _ => spans.push((start, end, others)),
        }
    }
    let standard_hits = standard.map_or(&[][..], |l| ctx.list_hits(l));
    spans
        .into_iter()
        .filter_map(|(start, end, others)| {
            let range = words[start].range.start..words[end - 1].range.end;
            if standard_hits
                .iter()
                .any(|h| h.range.start < range.end && range.start < h.range.end)
            {
                return None;
            }
            let cases = if others == 1 {
                "ett annat ärende".to_string()
            } else {
                format!("{others} andra ärenden")
            };
            Some(Hit {
                message: Some(format!(
                    "Stycket på omkring {} ord finns nästan oförändrat i {cases}.",
                    end - start
                )),
                suggestion: Some(
                    "Skriv bedömningen utifrån just den här personens situation och behov."
                        .to_string(),
                ),
                ..Hit::at(range)
            })
        })
        .collect()
}
