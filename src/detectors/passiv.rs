//! `passiv`: s-passive verb forms in the running text (see
//! [`crate::language::passive`]).

use crate::criteria::{Context, Hit};
use crate::language::passive::is_passive;

/// Every s-passive form.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let text = &ctx.doc.text;
    let analysis = ctx.analysis;
    let mut hits = Vec::new();
    for sentence in &analysis.sentences {
        let mut previous: Option<&str> = None;
        for i in sentence.words.clone() {
            let word = &analysis.words[i];
            let lower = analysis.lower(i);
            let capitalised = text[word.range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if is_passive(lower, previous, capitalised) {
                hits.push(Hit::at(word.range.clone()));
            }
            previous = Some(lower);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;

    #[test]
    fn finds_passive_forms_only() {
        assert_eq!(
            hits(
                "passiv",
                None,
                "Ansökan beviljas. Hon trivs hemma och det finns hjälp. Beslutet har utretts."
            ),
            ["beviljas", "utretts"]
        );
    }
}
