//! `mall testa`, `förklara` and `utvärdera`: the template's own examples, a
//! criterion explained, and agreement with an answer key.

use super::*;

/// `granska utvärdera`: judges the documents of the key and prints the
/// comparison. Files the key names that could not be read are listed (exit
/// code 3), like any run.
pub(crate) fn evaluate_against_key(
    template: &Template,
    facit: &Path,
    inputs: &InputArgs,
    format: TextOrJson,
    jobs: usize,
    show_pnr: bool,
) -> Result<ExitCode, ExitCode> {
    let key = std::fs::read_to_string(facit)
        .map_err(|e| e.to_string())
        .and_then(|text| evaluation::AnswerKey::parse(&text))
        .map_err(|e| {
            say!("granska: kunde inte läsa facit {}: {e}", facit.display());
            ExitCode::from(2)
        })?;
    let (found, _) = inputs.collect();
    let (jobs, note) = engine::threads(jobs);
    if let Some(note) = note {
        say!("granska: {note}");
    }
    let (result, errors) = evaluation::run(template, &key, found, jobs).map_err(|e| {
        say!("granska: {e}");
        ExitCode::from(2)
    })?;
    let rendered = match format {
        TextOrJson::Text => report::evaluation::render_text(&result, show_pnr),
        TextOrJson::Json => {
            let mut json = serde_json::to_string_pretty(&result).map_err(|e| {
                say!("granska: {e}");
                ExitCode::from(2)
            })?;
            json.push('\n');
            shown(&json, show_pnr).into_owned()
        }
    };
    io::stdout()
        .lock()
        .write_all(rendered.as_bytes())
        .map_err(write_error)?;
    for e in &errors {
        say!("granska: {}: {}", e.path, e.message);
    }
    Ok(if errors.is_empty() && result.not_judged.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// `mall testa`: every example of the template run; exit 1 when one fails.
pub(crate) fn test_template(template: &Template) -> ExitCode {
    let (count, failures) = engine::test_examples(template);
    print!(
        "{}",
        report::prose::examples_tested(template, count, &failures)
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(crate) fn explain_criterion(template: &Template, id: &str) -> ExitCode {
    match template.criterion(id) {
        Some(c) => {
            print!("{}", explain::explain(template, c));
            ExitCode::SUCCESS
        }
        None => {
            let ids = template.criteria.iter().map(|c| c.id.as_str());
            let hint = match granska::template::did_you_mean(id, ids) {
                Some(s) => format!(" Menade du {s}?"),
                None => " Skriv `granska mall visa` för att se alla kriterier.".to_string(),
            };
            say!("granska: mallen har inget kriterium {id}.{hint}");
            ExitCode::from(2)
        }
    }
}
