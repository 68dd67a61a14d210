//! `passiv`: s-passive verb forms in the running text (see
//! [`crate::language::passive`]).

use crate::criteria::{Context, Hit};
use crate::language::passive::passive_forms;

/// Every s-passive form.
pub fn detect(ctx: &Context) -> Vec<Hit> {
    passive_forms(&ctx.doc.text, ctx.analysis)
        .into_iter()
        .map(Hit::at)
        .collect()
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
