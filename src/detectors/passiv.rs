//! `passiv`: s-passive verb forms in the running text (see
//! [`crate::language::passive`]).

use crate::criteria::{Context, Hit};
use crate::language::passive::is_passive;

/// Every s-passive form.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    let text = &ctx.doc.text;
    let mut hits = Vec::new();
    for sentence in &ctx.analysis.sentences {
        let mut previous: Option<String> = None;
        for word in &ctx.analysis.words[sentence.words.clone()] {
            let written = &text[word.range.clone()];
            let lower = written.to_lowercase();
            let capitalised = written.chars().next().is_some_and(char::is_uppercase);
            if is_passive(&lower, previous.as_deref(), capitalised) {
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
