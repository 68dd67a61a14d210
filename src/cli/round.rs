//! `granskning förbered|sammanställ` and `jämför`: review rounds.

use super::*;

/// `granskning förbered`: a review round's plan and protocols.
pub(crate) fn prepare_round(args: PrepareArgs) -> Result<ExitCode, ExitCode> {
    let text = std::fs::read(&args.reviewers).map_err(|e| {
        say!(
            "granska: kunde inte läsa granskarlistan {}: {}",
            args.reviewers.display(),
            ingest::io_message(&e)
        );
        ExitCode::from(2)
    })?;
    let reviewers =
        granskning::read_reviewers(&String::from_utf8_lossy(&text)).map_err(|problems| {
            for p in problems {
                say!("granska: {p}");
            }
            ExitCode::from(2)
        })?;
    let listed = match &args.sample {
        Some(path) => {
            let text = std::fs::read(path).map_err(|e| {
                say!(
                    "granska: kunde inte läsa stickprovslistan {}: {}",
                    path.display(),
                    ingest::io_message(&e)
                );
                ExitCode::from(2)
            })?;
            let files =
                granskning::read_sample_list(&String::from_utf8_lossy(&text)).map_err(|e| {
                    say!("granska: {e}");
                    ExitCode::from(2)
                })?;
            Some(files)
        }
        None => None,
    };
    let template = load_for_review(args.run.template.file.as_deref())?;
    let (inputs, mut errors) = args.inputs.collect();
    let seed = args.draw.seed.unwrap_or_else(random_seed);
    let date = report::today_iso();
    let prepared = granskning::prepare(granskning::Preparation {
        template: &template,
        inputs: &inputs,
        reviewers,
        cases: args.draw.n,
        listed,
        seed,
        double: args.double,
        folder: &args.out,
        name: args
            .name
            .unwrap_or_else(|| format!("Kollegiegranskning {date}")),
        date,
        jobs: args.run.jobs,
        show_pnr: args.run.show_pnr,
    })
    .map_err(|e| {
        say!("granska: {e}");
        ExitCode::from(2)
    })?;
    let show_pnr = args.run.show_pnr;
    say_part!("{}", prepared.describe(&args.out, show_pnr));
    if args.draw.seed.is_none() {
        say!("Fröet slumpades; ange --frö {seed} för att göra samma omgång igen.");
    }
    errors.extend(prepared.errors);
    for e in &errors {
        say!(
            "granska: kunde inte läsa {}: {}",
            shown(&e.path, show_pnr),
            shown(&e.message, show_pnr)
        );
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Where `granskning sammanställ` writes.
pub(crate) struct RoundOutputs<'a> {
    pub(crate) format: RoundFormatArg,
    pub(crate) file: Option<&'a Path>,
    pub(crate) feedback: Option<&'a Path>,
}

/// `granskning sammanställ`: the returned protocols compiled; exit code 3 when
/// something in them could not be counted.
pub(crate) fn compile_round(
    template: &Template,
    folder: &Path,
    to: RoundOutputs,
    shown_as: granskning::resultat::Shown,
) -> Result<ExitCode, ExitCode> {
    let RoundOutputs {
        format,
        file,
        feedback,
    } = to;
    let compiled = granskning::sammanstall::compile(folder).map_err(|e| {
        say!("granska: {e}");
        ExitCode::from(2)
    })?;
    if let Some(to) = feedback {
        let files = granskning::aterkoppling::write(to, template, &compiled).map_err(|e| {
            say!("granska: {e}");
            ExitCode::from(2)
        })?;
        say!(
            "Återkopplingen skrevs till {}: {} rapporter till handläggare och en sammanfattning för enheten.",
            to.display(),
            files.len().saturating_sub(1)
        );
    }
    use granskning::resultat::{RoundFormat, write_round};
    let asked = match format {
        RoundFormatArg::Text => RoundFormat::Text,
        RoundFormatArg::Json => RoundFormat::Json,
        RoundFormatArg::Csv => RoundFormat::Csv,
        RoundFormatArg::Sarif => RoundFormat::Sarif,
    };
    let format = RoundFormat::of(file, asked);
    let title = folder.display().to_string();
    match file {
        None => {
            let mut out = io::Cursor::new(Vec::new());
            write_round(&mut out, format, template, &title, &compiled, shown_as)
                .and_then(|()| io::stdout().lock().write_all(out.get_ref()))
                .map_err(write_error)?;
        }
        Some(path) => {
            let (out, pending) = create_output(path)?;
            let mut w = io::BufWriter::new(out);
            write_round(&mut w, format, template, &title, &compiled, shown_as)
                .and_then(|()| w.flush())
                .and_then(|()| pending.commit())
                .map_err(write_error)?;
            say!("Sammanställningen skrevs till {}.", path.display());
        }
    }
    if format != RoundFormat::Text || file.is_some() {
        for p in &compiled.problems {
            say!("granska: {p}");
        }
    }
    Ok(if compiled.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// `granska jämför`: two rounds' JSON reports compared.
pub(crate) fn compare_rounds(
    rounds: &[PathBuf],
    format: Option<CompareFormat>,
    out_path: Option<&Path>,
    show_pnr: bool,
) -> Result<ExitCode, ExitCode> {
    let format = compare_format(format, out_path)?;
    refuse_overwrite(rounds, out_path)?;
    // The same report twice compares a round with itself.
    let places: Vec<Option<PathBuf>> = rounds.iter().map(|p| p.canonicalize().ok()).collect();
    for (i, place) in places.iter().enumerate() {
        if let Some(j) = place
            .as_ref()
            .and_then(|p| places[..i].iter().position(|q| q.as_ref() == Some(p)))
        {
            say!(
                "granska: {} och {} är samma fil; en omgång jämförs inte med sig själv.",
                rounds[j].display(),
                rounds[i].display()
            );
            return Err(ExitCode::from(2));
        }
    }
    let read = |path: &Path| {
        File::open(path)
            .map_err(|e| ingest::io_message(&e))
            .and_then(compare::Round::read)
            .map_err(|e| {
                say!("granska: kunde inte läsa {}: {e}", path.display());
                ExitCode::from(2)
            })
    };
    let read: Vec<(String, compare::Round)> = rounds
        .iter()
        .map(|path| read(path).map(|r| (ingest::display_path(path), r)))
        .collect::<Result<_, _>>()?;
    // Rounds that share documents are not independent samples.
    for pair in read.windows(2) {
        let ((first, a), (second, b)) = (&pair[0], &pair[1]);
        let shared = a.shared(b);
        if shared > 0 {
            say!(
                "granska: obs: {shared} dokument finns i både {first} och {second}; \
                 jämförelsen räknar omgångarna som oberoende stickprov, så skillnaden kan \
                 vara osäkrare än intervallet säger."
            );
        }
    }
    let (comparison, trend) = match read.as_slice() {
        [(first, a), (second, b)] => (compare::compare(a, b, (first, second)), None),
        _ => {
            let trend = compare::trend(&read);
            (trend.first_to_last.clone(), Some(trend))
        }
    };
    let rendered = match format {
        CompareFormat::Text => match &trend {
            Some(t) => report::summary::render_trend(t, show_pnr),
            None => report::summary::render_comparison(&comparison, show_pnr),
        },
        CompareFormat::Json => {
            let json = match &trend {
                Some(t) => serde_json::to_string_pretty(t),
                None => serde_json::to_string_pretty(&comparison),
            };
            let mut json = json.map_err(|e| {
                say!("granska: {e}");
                ExitCode::from(2)
            })?;
            json.push('\n');
            shown(&json, show_pnr).into_owned()
        }
        CompareFormat::Html => {
            report::html::render_comparison(&comparison, trend.as_ref(), show_pnr)
        }
        CompareFormat::Xlsx => String::new(),
    };
    let (mut out, pending) = open_output(out_path)?;
    let written = match format {
        CompareFormat::Xlsx => {
            report::xlsx::write_comparison(&comparison, trend.as_ref(), show_pnr, &mut out)
                .map(drop)
        }
        _ => out
            .write_all(rendered.as_bytes())
            .and_then(|()| out.flush()),
    };
    drop(out);
    written
        .and_then(|()| pending.map_or(Ok(()), OutputFile::commit))
        .map_err(write_error)?;
    Ok(ExitCode::SUCCESS)
}

/// The format of `jämför`: as asked, else after the file's ending, else
/// text; an Excel workbook is never written to a terminal.
fn compare_format(
    asked: Option<CompareFormat>,
    out: Option<&Path>,
) -> Result<CompareFormat, ExitCode> {
    let by_ending = out.and_then(writer::Format::of_file).map(|f| match f {
        writer::Format::Html => CompareFormat::Html,
        writer::Format::Xlsx => CompareFormat::Xlsx,
        writer::Format::Json => CompareFormat::Json,
        _ => CompareFormat::Text,
    });
    let format = asked.or(by_ending).unwrap_or(CompareFormat::Text);
    if format == CompareFormat::Xlsx && out.is_none() && io::stdout().is_terminal() {
        say!(
            "granska: en Excel-arbetsbok skrivs inte till skärmen; ange en fil, t.ex. \
             --ut jamforelse.xlsx."
        );
        return Err(ExitCode::from(2));
    }
    Ok(format)
}
