//! One sentence judged: whose view it records.

use super::*;

/// One sentence being judged.
pub(super) struct Sentence<'w, 'a> {
    w: &'w Words<'a>,
    names: &'w Names<'a>,
    s: Range<usize>,
    /// Who "han", "hon" or "hen" refer to when they open the sentence.
    referent: Source,
    /// The subject of each clause, in order, with its source.
    subjects: Vec<(usize, Source)>,
    /// Who is quoted in the sentence.
    quoted: Source,
}

impl<'w, 'a> Sentence<'w, 'a> {
    pub(super) fn new(
        w: &'w Words<'a>,
        names: &'w Names<'a>,
        s: Range<usize>,
        referent: Source,
    ) -> Sentence<'w, 'a> {
        let mut sentence = Sentence {
            w,
            names,
            s,
            referent,
            subjects: Vec::new(),
            quoted: Source::Person,
        };
        sentence.quoted = sentence.quote_source();
        sentence.subjects = sentence.find_subjects();
        sentence
    }

    /// Who the words at `i` name, if they name anyone.
    pub(super) fn who(&self, i: usize) -> Option<Who> {
        let w = self.w;
        let word = w.lower[i];
        match word {
            "hon" => return Some(Who::Pronoun(Gender::Female)),
            "han" => return Some(Who::Pronoun(Gender::Male)),
            "hen" => return Some(Who::Pronoun(Gender::Unknown)),
            "du" => return Some(Who::Person),
            "jag" | "vi" => {
                return Some(if w.quoted[i] {
                    Who::Quoted
                } else {
                    Who::Writer
                });
            }
            _ => {}
        }
        if PERSON_NOUNS.contains(&word) {
            return Some(Who::Person);
        }
        if matches!(word, "man" | "mannen")
            && i > self.s.start
            && matches!(w.lower[i - 1], "god" | "gode")
        {
            return Some(Who::Other(Gender::Unknown));
        }
        if let Some(g) = other_gender(word) {
            return Some(Who::Other(g));
        }
        if name_like(w, i) && !self.genitive(i) {
            return Some(self.names.who(word));
        }
        None
    }

    /// Whether the word at `i` is a genitive in front of a noun ("Karins
    /// dotter", "Karins egen uppfattning").
    pub(super) fn genitive(&self, i: usize) -> bool {
        let w = self.w;
        i + 1 < self.s.end
            && w.lower[i].ends_with('s')
            && !w.stop[i + 1]
            && (other_gender(w.lower[i + 1]).is_some()
                || PERSON_NOUNS.contains(&w.lower[i + 1])
                || VIEW_NOUNS.contains(&w.lower[i + 1])
                || matches!(w.lower[i + 1], "egen" | "egna"))
    }

    /// Whether the noun at `i` follows a preposition ("med sin dotter",
    /// "med maken och dottern").
    pub(super) fn governed(&self, i: usize) -> bool {
        let w = self.w;
        let mut j = i;
        let mut steps = 0;
        while j > self.s.start && steps < 4 {
            let before = w.lower[j - 1];
            if PREPOSITIONS.contains(&before) {
                return true;
            }
            let skip = DETERMINERS.contains(&before)
                || (w.capitalised(j - 1) && before.ends_with('s'))
                || (matches!(before, "och" | "eller") && j - 1 > self.s.start);
            if !skip || w.stop[j] {
                return false;
            }
            j -= 1;
            steps += 1;
        }
        false
    }

    /// Who the quoted words of the sentence belong to: the speaker of a verb
    /// outside the quotation ("…”, säger dottern"), or the person.
    pub(super) fn quote_source(&self) -> Source {
        let w = self.w;
        if !self.s.clone().any(|i| w.quoted[i]) {
            return Source::Person;
        }
        for k in self.s.clone() {
            if w.quoted[k] || !self.is_view(k) {
                continue;
            }
            let speaker = self.straight(k).or_else(|| self.inverted(k));
            match speaker.map(|(_, who)| who) {
                Some(Who::Person) => return Source::Person,
                Some(Who::Other(g)) => return Source::Other(g),
                Some(Who::Pronoun(g)) => {
                    return match self.referent {
                        Source::Other(r) if compatible(g, r) => Source::Other(r),
                        _ => Source::Person,
                    };
                }
                _ => {}
            }
        }
        Source::Person
    }

    /// The first naming word of each clause that is not after a
    /// preposition, with whom it names.
    pub(super) fn find_subjects(&self) -> Vec<(usize, Source)> {
        let w = self.w;
        let mut subjects: Vec<(usize, Source)> = Vec::new();
        let mut open = true;
        for i in self.s.clone() {
            if i == self.s.start || w.stop[i] || clause_word(w, &self.s, i) {
                open = true;
            }
            if !open {
                continue;
            }
            let Some(who) = self.who(i) else { continue };
            if self.governed(i) {
                continue;
            }
            let source = self.resolve(who, i, &subjects);
            subjects.push((i, source));
            open = false;
        }
        subjects
    }

    /// Whom `who` at word `i` stands for, given the subjects before it.
    pub(super) fn resolve(&self, who: Who, i: usize, subjects: &[(usize, Source)]) -> Source {
        match who {
            Who::Person => Source::Person,
            Who::Other(g) => Source::Other(g),
            Who::Writer => Source::Writer,
            Who::Quoted => self.quoted,
            Who::Pronoun(g) => {
                let earlier = before(subjects, i);
                for &(_, source) in earlier.iter().rev().take(LOOK_BACK) {
                    match source {
                        Source::Person => return Source::Person,
                        Source::Other(r) if compatible(g, r) => return Source::Other(r),
                        _ => {}
                    }
                }
                match self.referent {
                    Source::Other(r) if earlier.is_empty() && compatible(g, r) => Source::Other(r),
                    _ => Source::Person,
                }
            }
        }
    }

    /// Whether word `k` is a verb or predicate of a view.
    pub(super) fn is_view(&self, k: usize) -> bool {
        let w = self.w;
        let word = w.lower[k];
        let next = |d: usize| (k + d < self.s.end).then(|| w.lower[k + d]);
        if matches!(word, "tycker" | "tyckte" | "tyckt") && next(1) == Some("om") {
            // "tycker om att baka" describes a liking, not a stated view.
            return false;
        }
        if SAYING.contains(&word) || VIEWS.contains(&word) {
            return true;
        }
        match word {
            "känner" | "kände" | "känt" => (1..=3).any(|d| next(d) == Some("sig")),
            "håller" | "höll" | "hållit" => (1..=3).any(|d| next(d) == Some("med")),
            "tackar" | "tackade" | "tackat" => matches!(next(1), Some("nej" | "ja")),
            _ => {
                VIEW_ADJECTIVES.contains(&word)
                    && k > self.s.start
                    && matches!(
                        w.lower[k - 1],
                        "är" | "var" | "blev" | "varit" | "blivit" | "inte" | "mycket" | "helt"
                    )
            }
        }
    }

    /// The subject before verb `k`, with auxiliaries and adverbs between;
    /// past a prepositional phrase ("Personalen på boendet upplever").
    pub(super) fn straight(&self, k: usize) -> Option<(usize, Who)> {
        let w = self.w;
        let mut j = k;
        let mut skipped = 0;
        while j > self.s.start && skipped < 4 && BETWEEN.contains(&w.lower[j - 1]) {
            j -= 1;
            skipped += 1;
        }
        if j > self.s.start && w.stop[j] {
            // "Lena, Karins dotter, berättar": the subject before an
            // apposition between commas.
            let mut p = j - 1;
            while p > self.s.start && !w.stop[p] && j - p < 6 {
                p -= 1;
            }
            if p == self.s.start || !w.stop[p] {
                return None;
            }
            j = p;
        }
        let mut jumps = 0;
        while j > self.s.start && jumps < 2 {
            let c = j - 1;
            let who = self.who(c)?;
            if !self.governed(c) {
                return Some((c, who));
            }
            // Past the prepositional phrase: "Personalen på boendet upplever".
            let mut p = c;
            while p > self.s.start && c - p < 5 && !PREPOSITIONS.contains(&w.lower[p - 1]) {
                p -= 1;
            }
            if p <= self.s.start + 1 || w.stop[p - 1] {
                return None;
            }
            j = p - 1;
            jumps += 1;
        }
        None
    }

    /// The subject right after verb `k` (inverted order), when something
    /// else opens the clause.
    pub(super) fn inverted(&self, k: usize) -> Option<(usize, Who)> {
        let w = self.w;
        if k == self.s.start {
            return None;
        }
        let mut m = k + 1;
        while m < self.s.end && m < k + 3 && AFTER_VERB.contains(&w.lower[m]) {
            m += 1;
        }
        if m >= self.s.end || w.stop[m] {
            return None;
        }
        self.who(m).map(|who| (m, who))
    }

    /// The speaker of verb `k`, with the subjects of the sentence.
    pub(super) fn speaker(&self, k: usize) -> Option<Source> {
        let w = self.w;
        let straight = self.straight(k);
        let inverted = self.inverted(k);
        let chosen = match (straight, inverted) {
            // "Ibland vill dottern …": an unknown capitalised opener is not a
            // name when a clear subject follows the verb.
            (Some((j, Who::Person)), Some((m, who)))
                if j == self.s.start
                    && w.lower[j] != "du"
                    && !PERSON_NOUNS.contains(&w.lower[j])
                    && !matches!(who, Who::Person) =>
            {
                Some((m, who))
            }
            (Some(s), _) => Some(s),
            (None, inverted) => {
                let mut j = k;
                while j > self.s.start && BETWEEN.contains(&w.lower[j - 1]) {
                    j -= 1;
                }
                let coordinated =
                    j > self.s.start && matches!(w.lower[j - 1], "och" | "men" | "samt" | "eller");
                if coordinated {
                    // "Hon ringde och sa att …": the subject of the clause before.
                    return before(&self.subjects, k)
                        .last()
                        .map(|&(_, s)| s)
                        .or(inverted.map(|(m, who)| self.resolve(who, m, &self.subjects)));
                }
                inverted
            }
        };
        chosen.map(|(i, who)| self.resolve(who, i, &self.subjects))
    }

    /// Who is speaking at word `i` when no verb says so: the nearest subject
    /// before it, or whom an opening pronoun refers to.
    pub(super) fn current_source(&self, i: usize) -> Source {
        before(&self.subjects, i)
            .last()
            .map_or(self.referent, |&(_, s)| s)
    }

    /// Whether verb `k` is negated so that it records no view.
    pub(super) fn cancelled(&self, k: usize) -> bool {
        let w = self.w;
        let c = clause(w, self.s.clone(), k, k + 1);
        let negation = |p: usize| {
            NEGATIONS.contains(&w.lower[p])
                && !(p + 1 < self.s.end
                    && matches!(w.lower[p + 1], "bara" | "endast" | "enbart" | "minst"))
        };
        if SAYING.contains(&w.lower[k]) {
            // "har inte framfört", "berättar inget".
            (c.start..k).any(negation) || (k + 1..(k + 3).min(c.end)).any(negation)
        } else {
            // "har inte kunnat uttrycka vad hon vill", "vet inte vad han vill".
            (c.start..k).any(|p| negation(p) && (p + 1..k).any(|q| INABILITY.contains(&w.lower[q])))
        }
    }

    /// Whether verb `k` is in an indirect question or a condition ("berätta
    /// vad du vill ändra", "Därest sökanden önskar …").
    pub(super) fn not_stated(&self, k: usize) -> bool {
        let w = self.w;
        let Some((j, _)) = self.straight(k) else {
            return false;
        };
        j > self.s.start && NOT_STATED.contains(&w.lower[j - 1])
    }

    /// Whether the sentence records the person's own view.
    pub(super) fn own_view(&self) -> bool {
        let w = self.w;
        let mut report: Option<Source> = None;
        for i in self.s.clone() {
            let word = w.lower[i];
            if matches!(word, "men" | "medan") || w.semicolon[i] {
                report = None;
            }
            if report.is_some() {
                continue;
            }
            if word == "enligt" {
                match self.according_to(i) {
                    Source::Person => return true,
                    other => report = Some(other),
                }
                continue;
            }
            if UNCLEAR.contains(&word) {
                report = Some(Source::Unclear);
                continue;
            }
            if word == "egna" && i + 1 < self.s.end && w.lower[i + 1] == "ord" {
                if self.current_source(i) == Source::Person {
                    return true;
                }
                continue;
            }
            if VIEW_NOUNS.contains(&word) {
                match self.possessor(i) {
                    Some(Source::Person) => return true,
                    Some(other) => {
                        report = Some(other);
                        continue;
                    }
                    // "Karin har önskemål om …" is also a verb-like use.
                    None if word == "önskemål" => {}
                    None => continue,
                }
            }
            if !self.is_view(i) {
                continue;
            }
            match self.speaker(i) {
                Some(Source::Person) if !self.cancelled(i) && !self.not_stated(i) => return true,
                Some(Source::Person) | None => {}
                Some(other) => report = Some(other),
            }
        }
        false
    }

    /// Whose words "enligt" at `i` attributes to.
    pub(super) fn according_to(&self, i: usize) -> Source {
        let w = self.w;
        let mut j = i + 1;
        while j < self.s.end && j < i + 3 && (DETERMINERS.contains(&w.lower[j]) || self.genitive(j))
        {
            j += 1;
        }
        if j >= self.s.end {
            return Source::Unclear;
        }
        let who = match w.lower[j] {
            "henne" => Who::Pronoun(Gender::Female),
            "honom" => Who::Pronoun(Gender::Male),
            "hen" => Who::Pronoun(Gender::Unknown),
            "dig" => Who::Person,
            "mig" | "oss" => {
                if w.quoted[j] {
                    Who::Quoted
                } else {
                    Who::Writer
                }
            }
            _ => match self.who(j) {
                Some(who) => who,
                None => return Source::Unclear,
            },
        };
        self.resolve(who, i, &self.subjects)
    }

    /// Whose is the view noun at `i` ("hennes egen uppfattning", "Karins
    /// önskemål", "dotterns uppfattning").
    pub(super) fn possessor(&self, i: usize) -> Option<Source> {
        let w = self.w;
        let mut j = i;
        if j > self.s.start && matches!(w.lower[j - 1], "egen" | "egna") {
            j -= 1;
        }
        if j == self.s.start {
            return None;
        }
        let p = j - 1;
        let word = w.lower[p];
        let who = match word {
            "hennes" => Who::Pronoun(Gender::Female),
            "hans" => Who::Pronoun(Gender::Male),
            "hens" => Who::Pronoun(Gender::Unknown),
            "din" | "ditt" | "dina" => Who::Person,
            _ => {
                let stem = word.strip_suffix('s')?;
                if let Some(g) = other_gender(stem) {
                    Who::Other(g)
                } else if PERSON_NOUNS.contains(&stem) {
                    Who::Person
                } else if w.capitalised(p) && !NOT_NAMES.contains(&word) {
                    self.names.who(stem)
                } else {
                    return None;
                }
            }
        };
        Some(self.resolve(who, p, &self.subjects))
    }

    /// Whom "han", "hon" or "hen" refer to at the start of the next
    /// sentence: the first subject of this one, or as before.
    pub(super) fn referent_after(&self) -> Source {
        match self.subjects.first() {
            Some(&(_, s @ (Source::Person | Source::Other(_)))) => s,
            _ => self.referent,
        }
    }
}
