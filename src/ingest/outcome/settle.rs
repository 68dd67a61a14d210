//! What a sentence decides once its amounts are weighed against what was
//! applied for and what the person had.

use super::amount::{Amount, Amounts};
use super::words::NEGATIONS;
use super::{Acts, Tier};

/// What a sentence decides once its amounts are weighed: a reduction told
/// in amounts, fewer hours than applied for or had, a part left out.
pub(super) fn settle(
    words: &[String],
    amounts: &Amounts,
    applied: Option<Amount>,
    earlier: Option<Amount>,
    tier: Option<Tier>,
    mut acts: Acts,
) -> Option<(Tier, Acts)> {
    let is = |i: usize, set: &[&str]| words.get(i).is_some_and(|w| set.contains(&w.as_str()));
    // "Ditt stöd blir sex dygn i stället för tio": a reduction told in
    // amounts decides, if weakly, without a decision verb.
    // "Fortsätter, men i mindre omfattning."
    // "i mindre omfattning än du ansökt om" grants part.
    let mut than_applied = false;
    let smaller = words.windows(2).enumerate().any(|(k, p)| {
        let less = (matches!(p[0].as_str(), "mindre" | "minskad" | "lägre" | "begränsad")
            && p[1] == "omfattning")
            // "men med tre timmar mindre i veckan".
            || (matches!(
                p[0].as_str(),
                "timmar" | "timme" | "dagar" | "dag" | "dygn" | "besök" | "gånger" | "gång"
            ) && p[1] == "mindre");
        if less && is(k + 2, &["än"]) {
            than_applied = true;
        }
        less && !is(k + 2, &["än"])
    });
    let tier = match tier {
        Some(tier) => tier,
        None if amounts.reduction || smaller => Tier::Weak,
        None => return None,
    };
    acts.reduce |= smaller;
    acts.part |= than_applied;
    acts.continues = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "fortsatt" | "fortsätter" | "alltjämt" | "fortfarande" | "fortsättningsvis"
        )
    });
    // "Nämnden beslutar att assistansen fortsätter men med 52 timmar i
    // stället för 68": the authority's own decision verb makes it firm.
    // Not "som vi beslutade om i februari": an earlier decision.
    let decides = words.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "beslutar" | "beslutade" | "beslöt" | "beslutat")
            && !words[k.saturating_sub(2)..k].iter().any(|w| w == "som")
    });
    let tier = if decides {
        tier.max(Tier::Present)
    } else {
        tier
    };
    // Part of what was applied for: "men inte", "dock inte", "ingår inte",
    // "delvis", or fewer hours than applied for.
    let pairs = words.windows(2);
    // "Ansökan avslås i övrigt", "vi säger nej till resten": the rest is
    // refused, so something was granted.
    let the_rest = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "övrigt" | "resten" | "därutöver" | "överstigande"
        )
    });
    acts.part |= (acts.refuse && the_rest)
        || words.iter().any(|w| w == "delvis")
        || pairs
            .clone()
            .any(|p| matches!(p[0].as_str(), "men" | "dock") && NEGATIONS.contains(&p[1].as_str()))
        || (acts.grant
            && pairs
                .clone()
                .any(|p| p[0] == "utom" || (p[0] == "med" && p[1] == "undantag")))
        // "alla dagar förutom helger" leaves something out; "förutom
        // hemtjänst beviljas du även larm" adds.
        || (acts.grant
            && words.iter().any(|w| w == "förutom")
            && !words.iter().any(|w| w == "även" || w == "också"));
    // "Nämnden har beslutat att ändra beslutet så att Ni får tillsyn en gång
    // per natt i stället för tre gånger": a change to less; "Omfattningen
    // justeras till 26 timmar" where the person had 20: a grant of more.
    if acts.change && !acts.any() {
        if let (Some(before), Some(given)) = (amounts.earlier.or(earlier), amounts.given) {
            acts.reduce |= given.less_than(&before);
            acts.grant |= before.less_than(&given);
        }
    }
    if acts.grant {
        if let (Some(applied), Some(given)) = (amounts.applied.or(applied), amounts.given) {
            acts.part |= given.less_than(&applied);
        }
        // "beviljas fortsatt 8 timmar" where the person has had 14: less
        // than before is a change to the person's disadvantage.
        if let (Some(before), Some(given)) = (amounts.earlier.or(earlier), amounts.given) {
            if given.less_than(&before) {
                acts.reduce = true;
                acts.grant = false;
            }
        }
    }
    // "Därför får du boendestöd färre timmar", "med kortare tid vid varje
    // besök".
    let fewer = pairs.clone().any(|p| {
        matches!(p[0].as_str(), "färre" | "kortare")
            && matches!(
                p[1].as_str(),
                "tid" | "timmar" | "besök" | "dagar" | "dygn" | "gånger" | "tillfällen" | "nätter"
            )
    });
    if amounts.reduction || (acts.grant && fewer) {
        acts.reduce = true;
        acts.grant = false;
    }
    (acts.any() || acts.change).then_some((tier, acts))
}
