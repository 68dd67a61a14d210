//! `stickprov` and `metadata`: drawing a sample, writing its list and
//! judging it.

use super::*;
use granska::report::provenance::{Selection, StratumInfo};
use granska::score::design::Design;

/// `granska stickprov`: the sample size, or a sample drawn, listed and, with
/// `--kontrollera`, judged.
pub(crate) fn stickprov(command: SampleCommand) -> Result<ExitCode, ExitCode> {
    if let Some(SampleSize::Storlek {
        population,
        margin,
        confidence,
        expected,
    }) = command.size
    {
        println!(
            "{}",
            report::prose::sample_size(population, margin, confidence, expected)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut args = command.args;
    // Drawn by case, the review is summed up by case too.
    args.report.per_case = args.per_case;
    let Some(n) = args.draw.n else {
        say!(
            "granska: ange stickprovets storlek med -n, t.ex. `granska stickprov -n 20 MAPP`. \
             `granska stickprov storlek --population N` räknar ut hur stort det behöver vara."
        );
        return Err(ExitCode::from(2));
    };
    let filters = args
        .filters
        .iter()
        .map(|f| sample::Filter::parse(f))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            say!("granska: {e}");
            ExitCode::from(2)
        })?;
    let report::sample_outputs::Outputs {
        list: list_out,
        report: report_out,
    } = sample_outputs(&args)?;
    refuse_overwrite(&args.inputs.paths, list_out)?;
    refuse_overwrite(&args.inputs.paths, report_out)?;
    let template = match args.check {
        true => Some(load_for_review(args.report.template.file.as_deref())?),
        false => None,
    };
    let (inputs, mut errors) = args.inputs.collect();
    let mut population = sample::Population::read(&inputs, &filters, args.strata.as_deref());
    errors.append(&mut population.errors);
    for note in population.key_notes(&filters, args.strata.as_deref()) {
        say!("granska: varning: {note}.");
    }
    let (seed, chosen_seed) = match args.draw.seed {
        Some(seed) => (seed, true),
        None => (random_seed(), false),
    };
    let drawn = match args.per_case {
        true => sample::draw_cases(&population.candidates, n, seed),
        false => sample::draw(&population.candidates, n, seed),
    };
    let show = args.report.show_pnr;
    if let Some(path) = list_out {
        let (file, pending) = create_output(path)?;
        report::sample_list::write_csv(&drawn, io::BufWriter::new(file), show)
            .and_then(|()| pending.commit())
            .map_err(write_error)?;
    } else if !args.check {
        report::sample_list::write_csv(&drawn, io::stdout().lock(), show).map_err(write_error)?;
    }
    let request = report::prose::SampleRequest {
        asked: n,
        seed_given: chosen_seed,
        filters: &args.filters,
        strata: args.strata.as_deref(),
        list: list_out,
        show_pnr: args.report.show_pnr,
    };
    say_part!(
        "{}",
        report::prose::describe_sample(&drawn, &population, request)
    );
    match template {
        Some(template) => {
            let chosen: Vec<ingest::Input> = drawn
                .chosen
                .iter()
                .map(|c| ingest::Input {
                    record: c.record,
                    ..inputs[c.input].clone()
                })
                .collect();
            let selection = Selection {
                unit: drawn.unit,
                design: match args.strata.as_deref() {
                    Some(key) => Design::Stratified {
                        key: key.to_string(),
                        strata: drawn
                            .strata
                            .iter()
                            .map(|s| (s.name.clone(), s.population))
                            .collect(),
                    },
                    None if drawn.drawn >= drawn.population => Design::Census,
                    None => Design::Simple {
                        population: drawn.population,
                    },
                },
                seed: Some(drawn.seed),
                strata: match args.strata {
                    Some(_) => drawn
                        .strata
                        .iter()
                        .map(|s| StratumInfo {
                            name: s.name.clone(),
                            population: s.population,
                            drawn: s.drawn,
                        })
                        .collect(),
                    None => Vec::new(),
                },
                filters: args.filters.clone(),
                filtered_out: population.filtered_out,
                inputs: given(&args.inputs.paths),
            };
            // The sample's documents are compared with every document of the
            // population for passages that recur across cases.
            run_report(
                &template,
                &chosen,
                Some(&inputs),
                errors,
                &args.report,
                report_out,
                selection,
            )
        }
        None if !errors.is_empty() => {
            for e in &errors {
                say!(
                    "granska: kunde inte läsa {}: {}",
                    shown(&e.path, show),
                    shown(&e.message, show)
                );
            }
            Ok(ExitCode::from(3))
        }
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Where `stickprov` writes the list and the review (see
/// [`report::sample_outputs::Asked::outputs`]); a combination that makes no sense, or a
/// review format that does not fit the file, is a usage error.
pub(crate) fn sample_outputs(
    args: &SampleArgs,
) -> Result<report::sample_outputs::Outputs<'_>, ExitCode> {
    let report = &args.report;
    let review_only = [
        ("--format", report.format.is_some()),
        ("--mall", report.template.file.is_some()),
        ("--gruppera", report.group.is_some()),
        ("--strikt", report.strict),
        ("--profil", report.profile),
        ("--rubrik", report.title.is_some()),
        ("--granskare", report.reviewer.is_some()),
        ("--bara-sammanfattning", report.summary_only),
        ("--utan-text", report.without_text),
    ];
    let asked = report::sample_outputs::Asked {
        check: args.check,
        out: args.out.as_deref(),
        list: args.list.as_deref(),
        old_report: args.old_report.is_some(),
        review_flag: review_only
            .iter()
            .find(|(_, given)| *given)
            .map(|(flag, _)| *flag),
    };
    let outputs = asked.outputs().map_err(|e| {
        say!("granska: {e}.");
        ExitCode::from(2)
    })?;
    if outputs.report.is_some() {
        report.output_format(outputs.report)?;
    }
    Ok(outputs)
}

/// `granska metadata`: the keys and values of the documents, with counts.
pub(crate) fn list_metadata(args: &InputArgs, values: usize) -> Result<ExitCode, ExitCode> {
    let (inputs, mut errors) = args.collect();
    let mut population = sample::Population::read(&inputs, &[], None);
    errors.append(&mut population.errors);
    print!("{}", shown(&population.catalogue.render(values), false));
    for e in &errors {
        say!("granska: kunde inte läsa {}: {}", e.path, e.message);
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// A seed short enough to write down, from the clock.
pub(crate) fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    u64::from(nanos % 1_000_000)
}
