//! The names a text gives to the person and to others.

use super::*;

/// Names the text gives to someone else, and names it gives to the person.
pub(super) struct Names<'a> {
    others: HashSet<&'a str>,
    person: HashSet<&'a str>,
}

impl<'a> Names<'a> {
    /// Reads appositions ("dottern Lena", "Lena, Karins dotter,") and
    /// applications for someone else ("Emma ansökte … för sin son Noah").
    pub(super) fn collect(w: &Words<'a>, ctx: &Context) -> Names<'a> {
        let mut names = Names {
            others: HashSet::new(),
            person: HashSet::new(),
        };
        for sentence in &ctx.analysis.sentences {
            let s = sentence.words.clone();
            let applies = s
                .clone()
                .any(|i| w.lower[i].starts_with("ansök") || w.lower[i] == "söker");
            for i in s.clone() {
                if other_gender(w.lower[i]).is_some() {
                    let after = name_group(w, &s, i + 1);
                    let for_own = applies
                        && i >= s.start + 2
                        && matches!(w.lower[i - 1], "sin" | "sitt" | "sina")
                        && matches!(w.lower[i - 2], "för" | "åt");
                    if for_own {
                        names.person.extend(after.iter().map(|&j| w.lower[j]));
                        // The applicants: the first names of the sentence.
                        if let Some(first) = (s.start..i - 2).find(|&j| name_like(w, j)) {
                            let applicants = name_group(w, &s, first);
                            names.others.extend(applicants.iter().map(|&j| w.lower[j]));
                        }
                    } else {
                        names.others.extend(after.iter().map(|&j| w.lower[j]));
                    }
                }
                // "Lena, Karins dotter, …"
                if name_like(w, i) && i + 1 < s.end && w.stop[i + 1] {
                    let mut k = i + 1;
                    if k + 1 < s.end && w.lower[k].ends_with('s') && w.capitalised(k) {
                        k += 1;
                    }
                    if other_gender(w.lower[k]).is_some_and(|g| g != Gender::Plural) {
                        names.others.insert(w.lower[i]);
                    }
                }
            }
        }
        // Unless an application for someone else says who the person is, the
        // name the text uses most is the person's, whatever else it says.
        if names.person.is_empty() {
            if let Some(top) = most_used_name(w) {
                names.others.remove(top);
            }
        }
        names
    }

    /// Who the name at word `i` is.
    pub(super) fn who(&self, word: &str) -> Who {
        if self.person.contains(word) || !self.others.contains(word) {
            Who::Person
        } else {
            Who::Other(Gender::Unknown)
        }
    }
}

/// Whether word `i` looks like a name.
pub(super) fn name_like(w: &Words, i: usize) -> bool {
    w.capitalised(i)
        && !NOT_NAMES.contains(&w.lower[i])
        && !PERSON_NOUNS.contains(&w.lower[i])
        && other_gender(w.lower[i]).is_none()
}

/// The name used most often in the text, if one is used more than any
/// other (a genitive "Karins" counts for "Karin").
pub(super) fn most_used_name<'a>(w: &Words<'a>) -> Option<&'a str> {
    let mut counts: std::collections::HashMap<&'a str, usize> = std::collections::HashMap::new();
    for i in 0..w.lower.len() {
        if name_like(w, i) {
            *counts.entry(w.lower[i]).or_default() += 1;
        }
    }
    let genitives: Vec<(&'a str, usize)> = counts
        .iter()
        .filter_map(|(name, &n)| {
            let stem = name.strip_suffix('s')?;
            counts.contains_key(stem).then_some((stem, n))
        })
        .filter_map(|(stem, n)| counts.get_key_value(stem).map(|(k, _)| (*k, n)))
        .collect();
    for (stem, n) in genitives {
        *counts.entry(stem).or_default() += n;
    }
    let mut top: Option<(&'a str, usize)> = None;
    let mut tie = false;
    for (name, n) in counts {
        match top {
            Some((_, m)) if n < m => {}
            Some((_, m)) if n == m => tie = true,
            _ => {
                top = Some((name, n));
                tie = false;
            }
        }
    }
    top.filter(|_| !tie).map(|(name, _)| name)
}

/// Names joined by "och" from word `from`, also past a short aside ("Sofia
/// och Mattias Karlsson", "Elsa, 12 år, och Vilgot").
pub(super) fn name_group(w: &Words, s: &Range<usize>, from: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut start = from;
    for _ in 0..4 {
        let run = name_run(w, s, start);
        if run.is_empty() {
            break;
        }
        found.extend(run.clone());
        let next = (run.end..(run.end + 3).min(s.end)).find(|&q| {
            w.lower[q] == "och"
                && q + 1 < s.end
                && name_like(w, q + 1)
                && (run.end..q).all(|r| !name_like(w, r))
        });
        match next {
            Some(q) => start = q + 1,
            None => break,
        }
    }
    found
}

/// The names that follow one another from word `from` ("Anna Berg").
pub(super) fn name_run(w: &Words, s: &Range<usize>, from: usize) -> Range<usize> {
    let mut to = from;
    while to < s.end && to < from + 3 && (to == from || !w.stop[to]) && name_like(w, to) {
        to += 1;
    }
    if to > from && w.stop[from] && from > s.start {
        // A name after a comma is not in apposition.
        return from..from;
    }
    from..to
}
