//! clap's help and errors in Swedish: the words clap writes itself
//! ("Usage", "[OPTIONS]", "possible values") replaced, and every argument
//! error told in a sentence of our own from what clap knows about it.

use std::sync::LazyLock;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The English words clap puts into help and usage (a line may break
/// inside them), and their Swedish.
static WORDS: LazyLock<Vec<(regex::Regex, &str)>> = LazyLock::new(|| {
    [
        (r"Usage:", "Användning:"),
        (r"\[OPTIONS\]", "[FLAGGOR]"),
        (r"<COMMAND>", "<KOMMANDO>"),
        (r"\[COMMAND\]", "[KOMMANDO]"),
        (r"\[default:", "[standard:"),
        (r"\[possible(\s+)values:", "[möjliga${1}värden:"),
        (r"\[aliases:", "[alias:"),
        (r"(?m)^Arguments:$", "Argument:"),
        (r"(?m)^Options:$", "Flaggor:"),
        (r"(?m)^Commands:$", "Kommandon:"),
    ]
    .into_iter()
    .map(|(en, sv)| (regex::Regex::new(en).expect("a valid pattern"), sv))
    .collect()
});

/// Help or usage text with clap's own words in Swedish.
pub(crate) fn swedish(text: &str) -> String {
    WORDS.iter().fold(text.to_string(), |text, (en, sv)| {
        en.replace_all(&text, *sv).into_owned()
    })
}

/// A context value as text: one value, or several joined with ", ".
fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Why a value was refused, from the parser's own error, in Swedish.
fn reason(source: &str) -> String {
    let known = [
        ("invalid digit", "inte ett heltal"),
        ("cannot parse integer from empty string", "värdet är tomt"),
        ("number too large", "talet är för stort"),
        ("number too small", "talet är för litet"),
        ("invalid float literal", "inte ett tal"),
    ];
    known
        .iter()
        .find(|(en, _)| source.contains(en))
        .map_or_else(|| source.to_string(), |(_, sv)| sv.to_string())
}

/// What is wrong with an invocation, in Swedish, with the usage line and
/// where to read more: the text shown for every argument error.
pub(crate) fn error_text(e: &clap::Error) -> String {
    let arg = value(e, ContextKind::InvalidArg);
    let quoted = |s: Option<String>| s.map_or(String::new(), |s| format!(" '{s}'"));
    let mut lines = vec![match e.kind() {
        ErrorKind::InvalidValue => {
            let mut line = format!(
                "ogiltigt värde{} för {}",
                quoted(value(e, ContextKind::InvalidValue)),
                arg.as_deref().unwrap_or("flaggan")
            );
            if let Some(valid) = value(e, ContextKind::ValidValue) {
                line.push_str(&format!("; möjliga värden: {valid}"));
            }
            line
        }
        ErrorKind::ValueValidation => format!(
            "ogiltigt värde{} för {}: {}",
            quoted(value(e, ContextKind::InvalidValue)),
            arg.as_deref().unwrap_or("flaggan"),
            std::error::Error::source(e)
                .map_or("kan inte tolkas".to_string(), |s| reason(&s.to_string()))
        ),
        ErrorKind::UnknownArgument => format!("okänd flagga eller argument{}", quoted(arg.clone())),
        ErrorKind::InvalidSubcommand => format!(
            "okänt kommando{}",
            quoted(value(e, ContextKind::InvalidSubcommand))
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "det här saknas: {}",
            arg.as_deref().unwrap_or("ett argument")
        ),
        ErrorKind::ArgumentConflict => format!(
            "{} kan inte användas tillsammans med {}",
            arg.as_deref().unwrap_or("flaggan"),
            value(e, ContextKind::PriorArg)
                .as_deref()
                .unwrap_or("en annan flagga")
        ),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues | ErrorKind::TooFewValues => {
            format!(
                "fel antal värden för {}",
                arg.as_deref().unwrap_or("flaggan")
            )
        }
        ErrorKind::NoEquals => format!(
            "{} behöver ett värde efter '='",
            arg.as_deref().unwrap_or("flaggan")
        ),
        _ => "felaktigt kommando".to_string(),
    }];
    let suggestion = value(e, ContextKind::SuggestedArg)
        .or_else(|| value(e, ContextKind::SuggestedSubcommand))
        .or_else(|| value(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        lines.push(format!("Menade du '{s}'?"));
    }
    if let Some(usage) = value(e, ContextKind::Usage) {
        lines.push(String::new());
        lines.push(swedish(usage.trim()));
    }
    lines.push(String::new());
    lines.push("Skriv `granska --hjälp`, eller `granska hjälp KOMMANDO`, för hjälp.".to_string());
    format!("granska: {}\n", lines.join("\n"))
}
