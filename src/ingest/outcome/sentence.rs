//! The questions the outcome reader asks about a word of one sentence: is it
//! negated, governed by a decision, inside a condition, the authority's own
//! answer; and what holds for the whole sentence.

use super::words::{ADVERBIALS, BETWEEN, MODALS, NEGATIONS};

/// One sentence's lower-case words, with what holds for all of them.
#[derive(Clone, Copy)]
pub(super) struct Sentence<'a> {
    words: &'a [String],
    /// "Ingen del av ansökan avslås", "Inga insatser beviljas": the subject
    /// negates.
    none_of: bool,
    /// "har övervägt om korttidsvistelse ska beviljas": a question weighed.
    pub(super) weighed: bool,
    /// "ifall …", "om du …" somewhere in the sentence.
    pub(super) condition: bool,
    /// "i våras", "förra", "tidigare": about an earlier decision.
    pub(super) about_earlier: bool,
}

impl<'a> Sentence<'a> {
    pub(super) fn new(words: &'a [String]) -> Sentence<'a> {
        let mut sentence = Sentence {
            words,
            none_of: false,
            weighed: false,
            condition: false,
            about_earlier: false,
        };
        sentence.none_of = sentence.is(0, &["ingen", "inget", "inga"]);
        sentence.weighed = words.windows(2).any(|p| {
            p[1] == "om"
                && matches!(
                    p[0].as_str(),
                    "övervägt" | "överväga" | "överväger" | "prövat" | "undersökt" | "utrett"
                )
        });
        sentence.condition = (0..words.len()).any(|j| sentence.opens_condition(j));
        sentence.about_earlier = words.windows(2).any(|p| {
            p[0] == "i"
                && matches!(
                    p[1].as_str(),
                    "våras" | "höstas" | "vintras" | "somras" | "fjol"
                )
        }) || words
            .iter()
            .any(|w| matches!(w.as_str(), "förra" | "tidigare"));
        sentence
    }

    /// Whether word `i` is one of `set`.
    pub(super) fn is(&self, i: usize, set: &[&str]) -> bool {
        self.words.get(i).is_some_and(|w| set.contains(&w.as_str()))
    }

    /// "Vi säger ja/nej till …" decides; "ett nattbesök, som han har sagt ja
    /// till" and "du har sagt nej till hemtjänst" are the person's answer.
    pub(super) fn answered(&self, i: usize) -> bool {
        // "Det säger vi nej till": inverted, and ours.
        if i >= 2 && self.is(i - 2, &["säger"]) && self.is(i - 1, &["vi"]) {
            return true;
        }
        let said = i >= 1 && self.is(i - 1, &["säger", "sa", "sagt"]);
        let before = &self.words[i.saturating_sub(5)..i.saturating_sub(1)];
        let has = |set: &[&str]| before.iter().any(|w| set.contains(&w.as_str()));
        // "Försäkringskassan sa nej i januari": someone else's answer, told;
        // in the past only the authority's own ("vi sa nej") counts.
        let present = i >= 1 && self.is(i - 1, &["säger"]);
        said && (has(&["vi", "jag"])
            || before.iter().any(|w| w.ends_with("nämnden"))
            || (present && !has(&["du", "han", "hon", "hen", "ni", "de", "som"])))
    }

    /// "beviljas inte", "beviljas därför inte", "inte beviljas", "kan inte
    /// bevilja", "får inte".
    pub(super) fn negated(&self, i: usize) -> bool {
        let is = |i: usize, set: &[&str]| self.is(i, set);
        (self.none_of
            && i <= 6
            && !self.words[1..i]
                .iter()
                .any(|w| w == "att" || w == "som" || MODALS.contains(&w.as_str())))
            || is(i + 1, NEGATIONS)
            || (is(i + 1, BETWEEN) && is(i + 2, NEGATIONS))
            || (is(i + 1, BETWEEN) && is(i + 2, BETWEEN) && is(i + 3, NEGATIONS))
            || (i >= 1 && is(i - 1, NEGATIONS))
            || (i >= 2 && is(i - 2, NEGATIONS) && is(i - 1, BETWEEN))
            // "har inte kunnat bevilja"; not "att du inte kan få hjälpen på
            // annat sätt", the law's condition in a clause.
            || (i >= 2 && is(i - 2, NEGATIONS) && is(i - 1, &["kunnat", "kunna"]))
            // "Ledsagarservice kommer inte att beviljas."
            || (i >= 3 && is(i - 1, &["att"]) && is(i - 2, NEGATIONS) && is(i - 3, &["kommer"]))
    }

    /// "beslutar att bevilja", "BESLUT: att avslå" (a sentence of its own),
    /// "ska upphöra", "kommer att upphöra", "kan inte bevilja".
    pub(super) fn governed(&self, i: usize) -> bool {
        let is = |i: usize, set: &[&str]| self.is(i, set);
        let words = self.words;
        let deciding = |w: &String| {
            w.starts_with("beslut") || w.starts_with("bestäm") || w.starts_with("föreslå")
        };
        (i == 1 && is(0, &["att"]))
            || (i >= 1
                && is(i - 1, &["att"])
                && words[i.saturating_sub(5)..i - 1].iter().any(deciding))
            || (i >= 2
                && is(i - 2, &["att"])
                && words[i.saturating_sub(6)..i - 2].iter().any(deciding))
            // "beslutar att bevilja …, att avslå …": a list of decisions, also
            // "att i övrigt avslå ansökan".
            || {
                let mut j = i;
                while j > 0 && i - j < 3 && is(j - 1, ADVERBIALS) {
                    j -= 1;
                }
                j >= 1
                    && is(j - 1, &["att"])
                    && (j == 1
                        || words[..j - 1]
                            .windows(2)
                            .any(|p| deciding(&p[0]) && p[1] == "att"))
            }
            || (i >= 1 && is(i - 1, &["ska", "skall"]))
            || (i >= 2 && is(i - 1, &["att"]) && is(i - 2, &["kommer"]))
            || self.negated(i)
    }

    /// Whether a condition opens at word `j`: "ifall", "om du", "om vi inte
    /// själva ändrar beslutet".
    fn opens_condition(&self, j: usize) -> bool {
        self.is(j, &["ifall"])
            || (self.is(j, &["om"])
                && self.is(j + 1, &["du", "ni", "hon", "han", "hen", "vi", "jag"]))
    }

    /// "… har du rätt till hjälp om du inte kan få den på annat sätt": a
    /// verb a few words into a condition decides nothing.
    pub(super) fn conditional(&self, i: usize) -> bool {
        (i.saturating_sub(5)..i).any(|j| self.opens_condition(j))
    }
}
