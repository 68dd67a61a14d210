//! Generates a large, deterministic, synthetic benchmark corpus of Swedish
//! social-services case documents: utredningar and beslut under SoL and LSS.
//!
//! ```text
//! cargo run --release --example generera_korpus -- --antal 10000 --frö 42 --ut /tmp/korpus10k
//! ```
//!
//! Flags (parsed by hand):
//!
//! - `--ut KATALOG` (required): the output directory, created if missing;
//! - `--antal N` (default 1000): the number of documents, 1–999 999;
//! - `--frö FRÖ` or `--seed FRÖ` (default 42): the seed, an unsigned 64-bit integer.
//!
//! The files are named `dok-000001.md` / `dok-000002.txt` …; odd numbers are
//! utredningar and even numbers beslut. Each document is 2–10.5 KB: a target
//! size is drawn uniformly from 2048..=10240 bytes and body text is added
//! until the target is reached.
//!
//! Every document is drawn from its own ChaCha8 stream (the seed plus the
//! document number as stream id), so the same seed gives byte-identical files
//! on every machine, and document *k* is the same whatever `--antal` is.
//! Nothing depends on time, locale, environment or hash-map order.
//!
//! The documents come in three house styles:
//!
//! - A: YAML-like front matter and Markdown headings (`#`, `##`, `###`);
//! - B: header field lines (`Ärende: …`) and plain short headings;
//! - C: header field lines and headings in CAPITALS or ending with a colon.
//!
//! Text is composed from a few hundred sentence templates with slots (names,
//! ages, dates in varied Swedish forms, insatser, relatives, staff, ICF codes,
//! legal references, abbreviations). Sections are omitted at random, so the
//! documents range from excellent to poor. Everything is invented: there are
//! no real persons and no personnummer.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

// ---------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------

/// Smallest target size of a document, in bytes.
const MIN_BYTES: usize = 2048;
/// Largest target size of a document, in bytes.
const MAX_TARGET: usize = 10240;
/// Hard ceiling of a document, in bytes (10.5 KB).
const MAX_BYTES: usize = 10752;
/// The largest `--antal` that fits six-digit file numbers.
const MAX_ANTAL: usize = 999_999;

const USAGE: &str = "\
Användning: generera_korpus --ut KATALOG [--antal N] [--frö FRÖ]

Skapar en syntetisk testkorpus med påhittade utredningar och beslut enligt
SoL och LSS. Samma frö och antal ger alltid byte-identiska filer.

Flaggor:
  --ut KATALOG   katalog att skriva till (skapas om den saknas)
  --antal N      antal dokument, 1–999999 (standard 1000)
  --frö FRÖ      frö till slumptalsgeneratorn, 0–18446744073709551615
                 (standard 42); --seed går också bra
  -h, --hjälp    visa den här hjälpen
";

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

struct Args {
    antal: usize,
    seed: u64,
    ut: PathBuf,
}

enum Command {
    Run(Args),
    Help,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("generera_korpus: fel: {message}");
            eprintln!("Kör med --hjälp för att se hur programmet används.");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match run(&args) {
        Ok(stats) => {
            eprintln!(
                "{}",
                stats.summary(&args.ut, started.elapsed().as_secs_f64())
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("generera_korpus: fel: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Parses the arguments after the program name.
fn parse_args(raw: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut antal = 1000;
    let mut seed = 42;
    let mut ut = None;
    let mut it = raw.into_iter();
    while let Some(arg) = it.next() {
        let arg = arg
            .into_string()
            .map_err(|a| format!("argumentet {} är inte giltig UTF-8", a.to_string_lossy()))?;
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        match flag {
            "-h" | "--help" | "--hjälp" | "--hjalp" => return Ok(Command::Help),
            "--antal" | "-n" => {
                let value = flag_value(flag, inline, &mut it)?;
                antal = parse_antal(&value)?;
            }
            "--frö" | "--fro" | "--seed" => {
                let value = flag_value(flag, inline, &mut it)?;
                seed = value.trim().parse::<u64>().map_err(|_| {
                    format!(
                        "{flag} ska vara ett heltal mellan 0 och {}, inte ”{value}”",
                        u64::MAX
                    )
                })?;
            }
            "--ut" | "-o" => {
                let value = flag_value(flag, inline, &mut it)?;
                if value.trim().is_empty() {
                    return Err(format!("{flag} kräver ett katalognamn"));
                }
                ut = Some(PathBuf::from(value));
            }
            _ if flag.starts_with('-') => return Err(format!("okänd flagga ”{flag}”")),
            _ => return Err(format!("oväntat argument ”{arg}”")),
        }
    }
    let ut = ut.ok_or("ange en utkatalog med --ut KATALOG")?;
    Ok(Command::Run(Args { antal, seed, ut }))
}

/// The value of a flag: after `=` or the next argument.
fn flag_value(
    flag: &str,
    inline: Option<String>,
    rest: &mut impl Iterator<Item = OsString>,
) -> Result<String, String> {
    if let Some(value) = inline {
        return Ok(value);
    }
    match rest.next() {
        Some(value) => value
            .into_string()
            .map_err(|_| format!("värdet till {flag} är inte giltig UTF-8")),
        None => Err(format!("{flag} kräver ett värde")),
    }
}

fn parse_antal(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_ANTAL).contains(&n) => Ok(n),
        _ => Err(format!(
            "--antal ska vara ett heltal mellan 1 och {MAX_ANTAL}, inte ”{value}”"
        )),
    }
}

// ---------------------------------------------------------------------------
// Writing the corpus
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Stats {
    files: usize,
    utredningar: usize,
    bytes: u64,
    smallest: usize,
    largest: usize,
}

impl Stats {
    fn add(&mut self, doc: &Dokument) {
        let len = doc.text.len();
        if self.files == 0 || len < self.smallest {
            self.smallest = len;
        }
        self.largest = self.largest.max(len);
        self.files += 1;
        self.bytes += len as u64;
        if doc.kind == Kind::Utredning {
            self.utredningar += 1;
        }
    }

    fn summary(&self, dir: &Path, seconds: f64) -> String {
        let comma = |x: f64, decimals: usize| format!("{x:.decimals$}").replace('.', ",");
        format!(
            "Klart: {} filer ({} utredningar, {} beslut) om totalt {} MB, {}–{} byte per fil, i {} på {} s.",
            self.files,
            self.utredningar,
            self.files - self.utredningar,
            comma(self.bytes as f64 / 1_000_000.0, 1),
            self.smallest,
            self.largest,
            dir.display(),
            comma(seconds, 1),
        )
    }
}

/// Generates and writes every document, one at a time.
fn run(args: &Args) -> Result<Stats, String> {
    fs::create_dir_all(&args.ut)
        .map_err(|e| format!("kunde inte skapa katalogen {}: {e}", args.ut.display()))?;
    if has_corpus_files(&args.ut) {
        eprintln!(
            "generera_korpus: varning: {} innehåller redan dok-filer; filer med samma namn skrivs över",
            args.ut.display()
        );
    }
    let mut stats = Stats::default();
    for number in 1..=args.antal {
        let doc = generate(args.seed, number);
        let path = args.ut.join(format!("dok-{number:06}.{}", doc.ext));
        fs::write(&path, &doc.text)
            .map_err(|e| format!("kunde inte skriva {}: {e}", path.display()))?;
        stats.add(&doc);
    }
    Ok(stats)
}

fn has_corpus_files(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("dok-") && (name.ends_with(".md") || name.ends_with(".txt"))
        })
    })
}

/// One generated document.
struct Dokument {
    text: String,
    ext: &'static str,
    kind: Kind,
}

/// Document `number` (from 1) of the corpus with `seed`.
fn generate(seed: u64, number: usize) -> Dokument {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(number as u64);
    let kind = if number % 2 == 1 {
        Kind::Utredning
    } else {
        Kind::Beslut
    };
    let case = Case::new(&mut rng, kind);
    Gen {
        rng,
        c: case,
        used: HashSet::new(),
        last: Vec::new(),
        freq: None,
    }
    .document()
}

// ---------------------------------------------------------------------------
// Kinds, styles and the case
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utredning,
    Beslut,
}

/// House style of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Front matter and Markdown headings.
    A,
    /// Header fields and plain short headings.
    B,
    /// Header fields and headings in capitals or ending with a colon.
    C,
}

/// Who the case is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Aldre,
    Vuxen,
    Barn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lag {
    SoL,
    Lss,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utfall {
    Bifall,
    Avslag,
    Delvis,
}

/// Life areas of the Behov section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    PersonligVard,
    Hemliv,
    Forflyttning,
    Kommunikation,
    SocialtLiv,
    Halsa,
    Trygghet,
    Sysselsattning,
    Larande,
}

/// Sections of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sec {
    Ansokan,
    Underlag,
    Situation,
    Uppfattning,
    Behov,
    Omrade(Area),
    Resurser,
    Mal,
    Bedomning,
    Kommunicering,
    Beslut,
    Bakgrund,
    /// A third-person summary of the investigation inside a beslut.
    Sammanfattning,
    Motivering,
    Lagrum,
    Uppfoljning,
    Avgift,
    Overklagande,
    Beslutsfattare,
    Information,
}

/// Features sprinkled into a document.
#[derive(Debug, Clone, Copy)]
struct Traits {
    /// The person's own view, in its own section and elsewhere.
    egen_rost: bool,
    /// Relatives' and staff's views.
    ombud: bool,
    resurser: bool,
    mal: bool,
    /// Deficit wording ("är dement", "vägrar").
    brist: bool,
    kanslisvenska: bool,
    passiv: bool,
    icf: bool,
    icf_fel: bool,
    /// Sentences longer than 25 words.
    langa: bool,
    /// Shared boilerplate paragraphs.
    standardtext: bool,
}

struct Insats {
    namn: &'static str,
    lag: Lag,
    /// The point of 9 § LSS (0 for SoL).
    punkt: u8,
    forkortning: Option<&'static str>,
    /// How much or how often, to follow the name.
    frekvenser: &'static [&'static str],
    grupper: &'static [Group],
}

struct Anhorig {
    /// Definite form: "dottern".
    best: &'static str,
    /// With a second-person possessive: "din dotter".
    din: &'static str,
    grupper: &'static [Group],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Datum {
    y: i32,
    m: u32,
    d: u32,
}

struct Dates {
    ansokan: Datum,
    besok: Datum,
    kommunicering: Datum,
    beslut: Datum,
    start: Datum,
    uppfoljning: Datum,
    giltig: Datum,
}

/// Everything fixed for one document.
struct Case {
    kind: Kind,
    style: Style,
    /// Style C: capital headings (otherwise "Rubrik:").
    caps: bool,
    /// Style C: a blank line between a heading and its paragraph.
    blank_after_heading: bool,
    group: Group,
    insats: &'static Insats,
    /// Which of the insats's amounts this case is about.
    omfattning: usize,
    /// Hours a month, where hours are mentioned.
    timmar: u32,
    annan: &'static Insats,
    namn: &'static str,
    kvinna: bool,
    alder: u32,
    anhorig: &'static Anhorig,
    handlaggare: String,
    hl_kod: String,
    enhet: &'static str,
    namnd: &'static str,
    ort: &'static str,
    diagnos: &'static str,
    boende: &'static str,
    /// Rooms of the home, as a word.
    rum: &'static str,
    /// School class of a child.
    klass: String,
    /// Chores the person needs help with, and chores they manage (indices
    /// into the group's chore table).
    behov: Vec<usize>,
    egna: Vec<usize>,
    arende: String,
    dates: Dates,
    utfall: Utfall,
    /// Whether the decision holds until further notice (else to a date).
    tills_vidare: bool,
    tredje_person: bool,
    quality: f64,
    traits: Traits,
    /// Abbreviations: `None` writes them out; `Some(mask)` uses them and
    /// explains abbreviation *i* at its first use when bit *i* is set.
    forkortningar: Option<u32>,
    target: usize,
    ext: &'static str,
}

/// The chore table of a group.
fn chores(group: Group) -> &'static [Syssla] {
    match group {
        Group::Barn => SYSSLOR_BARN,
        _ => SYSSLOR,
    }
}

/// Splits the chores into two to four needs and two the person manages.
fn split_chores(rng: &mut ChaCha8Rng, group: Group) -> (Vec<usize>, Vec<usize>) {
    let table = chores(group);
    let n = rng.random_range(2..=4);
    let order = rand::seq::index::sample(rng, table.len(), n + 2).into_vec();
    (order[..n].to_vec(), order[n..].to_vec())
}

/// The school form and class of a child of `age`.
fn school_class(rng: &mut ChaCha8Rng, age: u32) -> String {
    match age {
        0..=6 => "förskoleklass".to_string(),
        7..=15 if rng.random_bool(0.3) => "anpassad grundskola".to_string(),
        7..=15 => format!("årskurs {}", age - 6),
        _ => "anpassad gymnasieskola".to_string(),
    }
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, xs: &[T]) -> T {
    *xs.choose(rng).expect("tom tabell")
}

fn in_group<T>(xs: &[T], group: Group, groups: impl Fn(&T) -> &[Group]) -> Vec<&T> {
    xs.iter().filter(|x| groups(x).contains(&group)).collect()
}

impl Case {
    fn new(rng: &mut ChaCha8Rng, kind: Kind) -> Case {
        let style = match rng.random_range(0..20) {
            0..=7 => Style::A,
            8..=14 => Style::B,
            _ => Style::C,
        };
        let group = match rng.random_range(0..20) {
            0..=9 => Group::Aldre,
            10..=16 => Group::Vuxen,
            _ => Group::Barn,
        };
        let insatser = in_group(INSATSER, group, |i| i.grupper);
        let insats = pick(rng, &insatser);
        let annan = loop {
            let other = pick(rng, &insatser);
            if other.namn != insats.namn {
                break other;
            }
        };
        let (namn, kvinna) = pick(rng, FORNAMN);
        let alder = match group {
            Group::Aldre => rng.random_range(67..=98),
            Group::Vuxen => rng.random_range(19..=64),
            Group::Barn => rng.random_range(5..=17),
        };
        // Adults past their mid-forties are seldom helped by their parents.
        let anhoriga: Vec<&Anhorig> = in_group(ANHORIGA, group, |a| a.grupper)
            .into_iter()
            .filter(|a| {
                let parent = matches!(a.best, "modern" | "fadern");
                !(parent && group == Group::Vuxen && alder > 45)
            })
            .collect();
        let anhorig = pick(rng, &anhoriga);
        let handlaggare = format!("{} {}", pick(rng, HL_FORNAMN), pick(rng, EFTERNAMN));
        let hl_kod = format!("H{}", rng.random_range(1..=40));
        let (enhet, namnd) = match (group, insats.lag) {
            (Group::Aldre, _) => (pick(rng, ENHETER_ALDRE), pick(rng, NAMNDER_ALDRE)),
            (_, Lag::SoL) => (pick(rng, ENHETER_FUNK_SOL), pick(rng, NAMNDER_FUNK)),
            (_, Lag::Lss) => (pick(rng, ENHETER_FUNK), pick(rng, NAMNDER_FUNK)),
        };
        let (diagnoser, boenden) = match group {
            Group::Aldre => (DIAGNOS_ALDRE, BOENDE_ALDRE),
            Group::Vuxen => (DIAGNOS_VUXEN, BOENDE_VUXEN),
            Group::Barn => (DIAGNOS_BARN, BOENDE_BARN),
        };
        let (behov, egna) = split_chores(rng, group);
        let dates = Dates::new(rng);
        let arende = format!("{}-{:04}", dates.ansokan.y, rng.random_range(1..=2999));
        let utfall = match rng.random_range(0..20) {
            0..=11 => Utfall::Bifall,
            12..=16 => Utfall::Avslag,
            _ => Utfall::Delvis,
        };
        let quality: f64 = rng.random();
        let traits = Traits::new(rng, kind, quality);
        let tredje_person = kind == Kind::Beslut && rng.random_bool(0.35 - 0.2 * quality);
        let forkortningar = if rng.random_bool(0.35) {
            let explained = rng.random_bool(quality);
            Some(if explained {
                rng.random::<u32>() | rng.random::<u32>()
            } else {
                0
            })
        } else {
            None
        };
        let ext = match style {
            Style::A => "md",
            _ if rng.random_bool(0.2) => "md",
            _ => "txt",
        };
        Case {
            kind,
            style,
            caps: rng.random_bool(0.5),
            blank_after_heading: rng.random_bool(0.3),
            group,
            insats,
            omfattning: rng.random_range(0..insats.frekvenser.len()),
            timmar: rng.random_range(4..=60),
            annan,
            namn,
            kvinna,
            alder,
            anhorig,
            handlaggare,
            hl_kod,
            enhet,
            namnd,
            ort: pick(rng, ORTER),
            diagnos: pick(rng, diagnoser),
            boende: pick(rng, boenden),
            rum: pick(rng, RUM),
            klass: school_class(rng, alder),
            behov,
            egna,
            arende,
            dates,
            utfall,
            tills_vidare: rng.random_bool(0.4),
            tredje_person,
            quality,
            traits,
            forkortningar,
            target: rng.random_range(MIN_BYTES..=MAX_TARGET),
            ext,
        }
    }

    fn lag(&self) -> Lag {
        self.insats.lag
    }

    fn du(&self) -> bool {
        self.kind == Kind::Beslut && !self.tredje_person
    }
}

impl Traits {
    fn new(rng: &mut ChaCha8Rng, kind: Kind, q: f64) -> Traits {
        let utredning = kind == Kind::Utredning;
        let icf = utredning && rng.random_bool(0.35);
        Traits {
            egen_rost: rng.random_bool(if utredning { 0.2 + 0.7 * q } else { 0.3 }),
            ombud: rng.random_bool(0.35),
            resurser: rng.random_bool(if utredning { 0.15 + 0.5 * q } else { 0.15 }),
            mal: rng.random_bool(if utredning { 0.1 + 0.5 * q } else { 0.1 }),
            brist: rng.random_bool(0.45 - 0.35 * q),
            kanslisvenska: rng.random_bool(0.5 - 0.4 * q),
            passiv: rng.random_bool(0.35),
            icf,
            icf_fel: icf && rng.random_bool(0.25),
            langa: rng.random_bool(0.45 - 0.3 * q),
            standardtext: rng.random_bool(0.3),
        }
    }
}

impl Dates {
    fn new(rng: &mut ChaCha8Rng) -> Dates {
        // Applications from 2025-01-01 to about 2026-06-30.
        let ansokan = Datum::new(2025, 1, 1).plus(rng.random_range(0..545));
        let besok = ansokan.plus(rng.random_range(4..=21));
        let kommunicering = besok.plus(rng.random_range(7..=20));
        let beslut = kommunicering.plus(rng.random_range(3..=14));
        let start = beslut.plus(rng.random_range(3..=14));
        let uppfoljning = beslut.plus(rng.random_range(90..=183));
        let giltig = beslut.plus(rng.random_range(184..=366));
        Dates {
            ansokan,
            besok,
            kommunicering,
            beslut,
            start,
            uppfoljning,
            giltig,
        }
    }
}

impl Datum {
    fn new(y: i32, m: u32, d: u32) -> Datum {
        Datum { y, m, d }
    }

    fn days_in_month(self) -> u32 {
        match self.m {
            2 if self.y % 4 == 0 && (self.y % 100 != 0 || self.y % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    fn plus(mut self, days: u32) -> Datum {
        for _ in 0..days {
            if self.d < self.days_in_month() {
                self.d += 1;
            } else if self.m < 12 {
                self.m += 1;
                self.d = 1;
            } else {
                self.y += 1;
                self.m = 1;
                self.d = 1;
            }
        }
        self
    }

    fn iso(self) -> String {
        format!("{}-{:02}-{:02}", self.y, self.m, self.d)
    }

    fn long(self) -> String {
        format!("{} {} {}", self.d, MANADER[self.m as usize - 1], self.y)
    }

    fn short(self) -> String {
        format!("{}/{} {}", self.d, self.m, self.y)
    }
}

// ---------------------------------------------------------------------------
// Building a document
// ---------------------------------------------------------------------------

/// A paragraph; `open` paragraphs may take more sentences.
struct Para {
    text: String,
    open: bool,
}

/// A section with its heading and paragraphs.
struct Part {
    sec: Sec,
    title: String,
    /// 1 for sections, 2 for life areas under Behov.
    level: u8,
    paras: Vec<Para>,
    /// How likely the section is to grow when text is added.
    weight: u32,
    /// About how many of its templates are still unused.
    fresh: usize,
}

/// The generator of one document.
struct Gen {
    rng: ChaCha8Rng,
    c: Case,
    /// Templates already used in this document, by content (the set is only
    /// looked up, never iterated, so its order cannot leak into the output).
    used: HashSet<&'static str>,
    /// The last value of some slots, to avoid "städning och städning".
    last: Vec<(&'static str, String)>,
    /// Frequencies fitting the insats or chore last named in the sentence.
    freq: Option<&'static [&'static str]>,
}

type Pools = Vec<(&'static [&'static str], u32)>;

impl Gen {
    /// Plans the sections, then adds paragraphs and sentences until the
    /// target size is reached.
    fn document(mut self) -> Dokument {
        let mut parts = self.plan();
        let target = self.c.target;
        let mut approx = self.render(&parts).len();
        let mut added = Vec::new();
        let mut misses = 0;
        while misses < 3 {
            let i = self.pick_part(&mut parts);
            let n = match parts[i].fresh {
                0 => self.rng.random_range(2..=5),
                fresh => self.rng.random_range(2..=5).min(fresh),
            };
            let text = self.paragraph(parts[i].sec, n, false);
            parts[i].fresh = parts[i].fresh.saturating_sub(n);
            if approx + text.len() + 2 > target {
                misses += 1;
                continue;
            }
            approx += text.len() + 2;
            parts[i].paras.push(Para { text, open: true });
            added.push(i);
        }
        let mut text = self.render(&parts);
        while text.len() > target {
            let Some(i) = added.pop() else { break };
            parts[i].paras.pop();
            text = self.render(&parts);
        }
        while text.len() < target {
            self.add_sentence(&mut parts, text.len());
            text = self.render(&parts);
        }
        debug_assert!(
            text.len() <= MAX_BYTES,
            "för stort dokument: {}",
            text.len()
        );
        Dokument {
            text,
            ext: self.c.ext,
            kind: self.c.kind,
        }
    }

    /// Appends one sentence to a growable section, keeping under the ceiling.
    fn add_sentence(&mut self, parts: &mut [Part], len: usize) {
        for _ in 0..20 {
            let i = self.pick_part(parts);
            let sentence = self.sentence(parts[i].sec);
            parts[i].fresh = parts[i].fresh.saturating_sub(1);
            // Abbreviations may grow by their explanation when rendered.
            if len + sentence.len() + 40 > MAX_BYTES {
                continue;
            }
            match parts[i].paras.last_mut().filter(|p| p.open) {
                Some(p) => {
                    p.text.push(' ');
                    p.text.push_str(&sentence);
                }
                None => parts[i].paras.push(Para {
                    text: sentence,
                    open: true,
                }),
            }
            return;
        }
        // Fall back on a short sentence that always fits.
        let i = self.growable(parts);
        parts[i].paras.push(Para {
            text: "Inga ytterligare uppgifter har tillförts ärendet.".to_string(),
            open: false,
        });
    }

    /// A section to grow, preferring ones with unused templates.
    fn pick_part(&mut self, parts: &mut [Part]) -> usize {
        loop {
            let i = self.growable(parts);
            parts[i].fresh = self.unused(parts[i].sec);
            if parts[i].fresh > 0 || !parts.iter().any(|p| p.weight > 0 && p.fresh > 0) {
                return i;
            }
        }
    }

    /// The number of templates of a section not yet used in the document.
    fn unused(&self, sec: Sec) -> usize {
        self.pools(sec)
            .iter()
            .flat_map(|(pool, _)| pool.iter())
            .filter(|t| !self.used.contains(*t))
            .count()
    }

    /// A section to grow: one with unused templates if there is any; the
    /// weight of a section falls as it grows, to spread the text.
    fn growable(&mut self, parts: &[Part]) -> usize {
        let fresh_left = parts.iter().any(|p| p.weight > 0 && p.fresh > 0);
        let weight = |p: &Part| match p.weight {
            0 => 0,
            _ if fresh_left && p.fresh == 0 => 0,
            w => (w * 12 / (p.paras.len() as u32 + 2)).max(1),
        };
        let total: u32 = parts.iter().map(weight).sum();
        let mut x = self.rng.random_range(0..total);
        for (i, p) in parts.iter().enumerate() {
            if x < weight(p) {
                return i;
            }
            x -= weight(p);
        }
        unreachable!("vikterna summerar till {total}")
    }

    fn keep(&mut self, poor: f64, excellent: f64) -> bool {
        let p = poor + (excellent - poor) * self.c.quality;
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    /// How long the document is meant to be, from 0 (2 KB) to 1 (10 KB).
    fn bigness(&self) -> f64 {
        (self.c.target - MIN_BYTES) as f64 / (MAX_TARGET - MIN_BYTES) as f64
    }

    /// Like `keep`, but longer documents keep more of their content sections.
    fn keep_content(&mut self, poor: f64, excellent: f64) -> bool {
        let p = poor + (excellent - poor) * self.c.quality;
        let p = p + (1.0 - p) * 0.6 * self.bigness();
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    /// The sections of the document with one paragraph each.
    fn plan(&mut self) -> Vec<Part> {
        let mut secs = Vec::new();
        match self.c.kind {
            Kind::Utredning => {
                secs.push(Sec::Ansokan);
                if self.keep_content(0.5, 0.98) {
                    secs.push(Sec::Underlag);
                }
                if self.keep_content(0.25, 0.7) {
                    secs.push(Sec::Situation);
                }
                if self.c.traits.egen_rost {
                    secs.push(Sec::Uppfattning);
                }
                if self.keep_content(0.6, 1.0) {
                    secs.push(Sec::Behov);
                    secs.extend(self.areas().into_iter().map(Sec::Omrade));
                }
                if self.c.traits.resurser && self.keep(0.2, 0.8) {
                    secs.push(Sec::Resurser);
                }
                if self.c.traits.mal && self.keep(0.3, 0.9) {
                    secs.push(Sec::Mal);
                }
                if self.keep(0.85, 1.0) {
                    secs.push(Sec::Bedomning);
                }
                if self.keep(0.3, 0.95) {
                    secs.push(Sec::Kommunicering);
                }
            }
            Kind::Beslut => {
                secs.push(Sec::Beslut);
                if self.keep_content(0.2, 0.6) {
                    secs.push(Sec::Bakgrund);
                }
                if self.keep_content(0.15, 0.5) {
                    secs.push(Sec::Sammanfattning);
                }
                if self.keep_content(0.5, 1.0) {
                    secs.push(Sec::Motivering);
                }
                if self.keep(0.3, 0.95) {
                    secs.push(Sec::Lagrum);
                }
                if self.keep(0.2, 0.9) {
                    secs.push(Sec::Uppfoljning);
                }
                if self.keep(0.1, 0.4) {
                    secs.push(Sec::Avgift);
                }
                if self.keep(0.3, 0.98) {
                    secs.push(Sec::Overklagande);
                }
                if self.keep(0.5, 0.98) {
                    secs.push(Sec::Beslutsfattare);
                }
                if self.keep(0.2, 0.7) {
                    secs.push(Sec::Information);
                }
            }
        }
        self.ensure_capacity(&mut secs);
        secs.sort_by_key(|s| s.order());
        let motivering = secs.contains(&Sec::Motivering);
        let mut parts: Vec<Part> = secs
            .into_iter()
            .map(|sec| self.part(sec, motivering))
            .collect();
        self.add_list(&mut parts);
        self.add_boilerplate(&mut parts);
        parts
    }

    /// Adds content sections until there are enough distinct templates to
    /// reach the target size without repeating sentences much: a long poor
    /// document rambles on in the sections it has, but not in circles.
    fn ensure_capacity(&self, secs: &mut Vec<Sec>) {
        // Rough bytes per sentence, and for headings and header.
        const PER_SENTENCE: usize = 65;
        const SKELETON: usize = 1200;
        let candidates: Vec<Sec> = match (self.c.kind, self.c.group) {
            (Kind::Utredning, group) => {
                let areas = match group {
                    Group::Aldre => AREAS_ALDRE,
                    Group::Vuxen => AREAS_VUXEN,
                    Group::Barn => AREAS_BARN,
                };
                [Sec::Situation, Sec::Underlag, Sec::Behov]
                    .into_iter()
                    .chain(areas.iter().map(|a| Sec::Omrade(*a)))
                    .chain([Sec::Bedomning])
                    .collect()
            }
            (Kind::Beslut, _) => vec![
                Sec::Sammanfattning,
                Sec::Bakgrund,
                Sec::Motivering,
                Sec::Uppfoljning,
                Sec::Information,
            ],
        };
        let motivering = secs.contains(&Sec::Motivering);
        // Distinct templates over all growing sections, not counting shared
        // pools twice.
        let capacity = |g: &Self, secs: &[Sec]| -> usize {
            let mut seen = HashSet::new();
            for sec in secs.iter().filter(|s| g.weight(**s, motivering) > 0) {
                for (pool, _) in g.pools(*sec) {
                    seen.extend(pool.iter().copied());
                }
            }
            SKELETON + seen.len() * PER_SENTENCE
        };
        for sec in candidates {
            if capacity(self, secs) >= self.c.target + self.c.target / 4 {
                break;
            }
            if !secs.contains(&sec) {
                secs.push(sec);
            }
        }
        // An area needs its Behov heading.
        if secs.iter().any(|s| matches!(s, Sec::Omrade(_))) && !secs.contains(&Sec::Behov) {
            secs.push(Sec::Behov);
        }
    }

    /// How likely a section is to grow when text is added.
    fn weight(&self, sec: Sec, motivering: bool) -> u32 {
        match sec {
            Sec::Behov | Sec::Lagrum | Sec::Avgift => 0,
            Sec::Overklagande | Sec::Beslutsfattare => 0,
            Sec::Ansokan | Sec::Kommunicering | Sec::Uppfoljning | Sec::Information => 1,
            Sec::Mal | Sec::Underlag | Sec::Resurser => 2,
            Sec::Beslut if !motivering => 4,
            Sec::Beslut => 1,
            Sec::Situation | Sec::Uppfattning | Sec::Omrade(_) | Sec::Bakgrund => 3,
            Sec::Sammanfattning => 4,
            Sec::Bedomning => 4,
            Sec::Motivering => 5,
        }
    }

    /// Life areas of the Behov section: more in better documents.
    fn areas(&mut self) -> Vec<Area> {
        let all = match self.c.group {
            Group::Aldre => AREAS_ALDRE,
            Group::Vuxen => AREAS_VUXEN,
            Group::Barn => AREAS_BARN,
        };
        let q = self.c.quality;
        let n = if q > 0.6 {
            self.rng.random_range(3..=4)
        } else if q > 0.3 {
            self.rng.random_range(2..=3)
        } else {
            self.rng.random_range(1..=2)
        };
        let n = (n + (self.bigness() * 2.5) as usize).min(all.len());
        let mut chosen = rand::seq::index::sample(&mut self.rng, all.len(), n).into_vec();
        chosen.sort_unstable();
        chosen.into_iter().map(|i| all[i]).collect()
    }

    /// One section with its opening paragraph.
    fn part(&mut self, sec: Sec, motivering: bool) -> Part {
        let title = self.title(sec);
        let n = match sec {
            Sec::Beslutsfattare | Sec::Lagrum | Sec::Avgift => self.rng.random_range(1..=2),
            Sec::Overklagande | Sec::Beslut => self.rng.random_range(2..=4),
            Sec::Behov => 1,
            _ => self.rng.random_range(1..=3),
        };
        let text = self.paragraph(sec, n, true);
        Part {
            sec,
            title,
            level: if matches!(sec, Sec::Omrade(_)) { 2 } else { 1 },
            paras: vec![Para { text, open: true }],
            weight: self.weight(sec, motivering),
            fresh: self.unused(sec),
        }
    }

    /// Sometimes a granting decision lists what is granted.
    fn add_list(&mut self, parts: &mut [Part]) {
        if self.c.utfall == Utfall::Avslag || !self.rng.random_bool(0.25) {
            return;
        }
        let Some(part) = parts.iter_mut().find(|p| p.sec == Sec::Beslut) else {
            return;
        };
        let lead = if self.c.du() {
            "Du får hjälp med följande:"
        } else {
            "Insatsen omfattar hjälp med följande:"
        };
        let mut text = lead.to_string();
        let table = chores(self.c.group);
        for i in self.c.behov.clone() {
            let (chore, frequencies) = table[i];
            text.push_str("\n- ");
            text.push_str(chore);
            text.push(' ');
            text.push_str(pick(&mut self.rng, frequencies));
        }
        part.paras.push(Para { text, open: false });
    }

    /// Shared boilerplate paragraphs in some documents.
    fn add_boilerplate(&mut self, parts: &mut [Part]) {
        if !self.c.traits.standardtext {
            return;
        }
        let (texts, homes): (&[&str], &[Sec]) = match self.c.kind {
            Kind::Utredning => (
                STANDARD_UTREDNING,
                &[
                    Sec::Underlag,
                    Sec::Bedomning,
                    Sec::Ansokan,
                    Sec::Kommunicering,
                ],
            ),
            Kind::Beslut if self.c.du() => (
                STANDARD_BESLUT,
                &[
                    Sec::Information,
                    Sec::Overklagande,
                    Sec::Motivering,
                    Sec::Beslut,
                ],
            ),
            Kind::Beslut => (
                STANDARD_UTREDNING,
                &[Sec::Motivering, Sec::Bakgrund, Sec::Beslut],
            ),
        };
        let n = if self.rng.random_bool(0.3) { 2 } else { 1 };
        for _ in 0..n {
            let text = pick(&mut self.rng, texts);
            let home = homes
                .iter()
                .find_map(|h| parts.iter().position(|p| p.sec == *h));
            let Some(i) = home else { return };
            if !parts[i].paras.iter().any(|p| p.text == text) {
                parts[i].paras.push(Para {
                    text: text.to_string(),
                    open: false,
                });
            }
        }
    }

    /// The heading of a section, in one of its wordings.
    fn title(&mut self, sec: Sec) -> String {
        let du = self.c.du();
        let variants: &[&str] = match sec {
            Sec::Ansokan => &["Ansökan", "Ansökan", "Ärendet", "Ansökan och aktualisering"],
            Sec::Underlag => &[
                "Underlag",
                "Underlag för utredningen",
                "Utredningens underlag",
            ],
            Sec::Situation => &["Aktuell situation", "Bakgrund", "Social situation"],
            Sec::Uppfattning => &[
                "Den enskildes uppfattning",
                "Personens egen uppfattning",
                "Egen uppfattning",
                "{Namn_s} uppfattning",
            ],
            Sec::Behov => &[
                "Behov",
                "Behov",
                "Behov per livsområde",
                "Behov och resurser",
            ],
            Sec::Omrade(area) => return area.title().to_string(),
            Sec::Resurser => &["Resurser", "Egna resurser", "Styrkor och resurser"],
            Sec::Mal => &["Mål", "Mål med insatsen", "{Namn_s} mål"],
            Sec::Bedomning => &[
                "Bedömning",
                "Bedömning",
                "Sammanfattande bedömning",
                "Handläggarens bedömning",
            ],
            Sec::Kommunicering => &["Kommunicering", "Kommunicering av utredningen"],
            Sec::Beslut if du => &["Beslut", "Beslut", "Vårt beslut"],
            Sec::Beslut => &["Beslut"],
            Sec::Bakgrund if du => &["Din ansökan", "Bakgrund", "Ärendet"],
            Sec::Bakgrund => &["Ärendet", "Bakgrund"],
            Sec::Sammanfattning if du => {
                &["Sammanfattning av utredningen", "Det här har kommit fram"]
            }
            Sec::Sammanfattning => &["Utredning", "Sammanfattning av utredningen", "Utredningen"],
            Sec::Motivering if du => {
                if self.c.insats.namn.split(' ').count() <= 2 && self.rng.random_bool(0.3) {
                    return match self.c.utfall {
                        Utfall::Avslag => self.fill("Varför du inte får {insats_namn}"),
                        _ => self.fill("Varför du får {insats_namn}"),
                    };
                }
                &["Motivering", "Skäl för beslutet", "Motivering"]
            }
            Sec::Motivering => &[
                "Skäl",
                "Skäl för beslutet",
                "Motivering",
                "Beslutsmotivering",
            ],
            Sec::Lagrum => &["Lagrum", "Lagrum", "Lagstöd"],
            Sec::Uppfoljning if du => &["Uppföljning", "Uppföljning", "Så följer vi upp beslutet"],
            Sec::Uppfoljning => &["Uppföljning"],
            Sec::Avgift => &["Avgift"],
            Sec::Overklagande if du => &["Hur du överklagar", "Om du inte är nöjd", "Överklagande"],
            Sec::Overklagande => &[
                "Överklagande",
                "Hur man överklagar",
                "Information om överklagande",
            ],
            Sec::Beslutsfattare => &["Beslutsfattare", "Beslutsfattare", "Beslutet är fattat av"],
            Sec::Information if du => &["Information om beslutet", "Bra att veta", "Frågor"],
            Sec::Information => &["Information om beslutet", "Övrigt"],
        };
        let t = pick(&mut self.rng, variants);
        self.fill(t)
    }

    /// A paragraph of `n` sentences; an opening paragraph may start with a
    /// sentence from the section's opening pool.
    fn paragraph(&mut self, sec: Sec, n: usize, opening: bool) -> String {
        let mut text = String::new();
        for k in 0..n {
            let template = match self.opening(sec) {
                Some(pool) if opening && k == 0 => self.choose_template(&[(pool, 1)]),
                _ => self.template(sec),
            };
            self.freq = None;
            let sentence = self.fill(template);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence);
        }
        text
    }

    fn sentence(&mut self, sec: Sec) -> String {
        let template = self.template(sec);
        self.freq = None;
        self.fill(template)
    }

    fn template(&mut self, sec: Sec) -> &'static str {
        let pools = self.pools(sec);
        self.choose_template(&pools)
    }

    /// A weighted random template, avoiding ones already used if possible.
    fn choose_template(&mut self, pools: &[(&'static [&'static str], u32)]) -> &'static str {
        let total: u32 = pools.iter().map(|(_, w)| w).sum();
        let mut template = "";
        for _ in 0..12 {
            let mut x = self.rng.random_range(0..total);
            let pool = pools
                .iter()
                .find(|(_, w)| {
                    let hit = x < *w;
                    if !hit {
                        x -= w;
                    }
                    hit
                })
                .map(|(p, _)| *p)
                .expect("vikt utanför intervallet");
            template = pick(&mut self.rng, pool);
            if reusable(template) {
                return template;
            }
            if self.used.insert(template) {
                return template;
            }
        }
        // Unlucky or nearly exhausted: any unused template, else a repeat.
        let unused: Vec<&'static str> = pools
            .iter()
            .flat_map(|(pool, _)| pool.iter().copied())
            .filter(|t| !self.used.contains(*t))
            .collect();
        if let Some(t) = unused.choose(&mut self.rng) {
            template = t;
        }
        self.used.insert(template);
        template
    }

    /// The pool for the first sentence of a section, if it has one.
    fn opening(&self, sec: Sec) -> Option<&'static [&'static str]> {
        let du = self.c.du();
        Some(match sec {
            Sec::Ansokan => ANSOKAN_FORST,
            Sec::Behov => BEHOV_INTRO,
            Sec::Beslut => match (du, self.c.utfall) {
                (true, Utfall::Bifall) => BESLUT_DU_BIFALL,
                (true, Utfall::Avslag) => BESLUT_DU_AVSLAG,
                (true, Utfall::Delvis) => BESLUT_DU_DELVIS,
                (false, Utfall::Bifall) => BESLUT_3P_BIFALL,
                (false, Utfall::Avslag) => BESLUT_3P_AVSLAG,
                (false, Utfall::Delvis) => BESLUT_3P_DELVIS,
            },
            Sec::Overklagande if du => OVERKLAGA_DU_FORST,
            Sec::Overklagande => OVERKLAGA_3P_FORST,
            Sec::Kommunicering => KOMMUNICERING_FORST,
            _ => return None,
        })
    }

    /// The template pools of a section, with weights, given the traits.
    fn pools(&self, sec: Sec) -> Pools {
        let t = self.c.traits;
        let du = self.c.du();
        let lss = self.c.lag() == Lag::Lss;
        // Whether the outcome (proposed in an utredning) grants or denies.
        let yes = self.c.utfall != Utfall::Avslag;
        let no = self.c.utfall == Utfall::Avslag;
        let mut pools: Pools = Vec::new();
        let mut add = |on: bool, pool: &'static [&'static str], weight: u32| {
            if on {
                pools.push((pool, weight));
            }
        };
        let abbr = self.c.forkortningar.is_some();
        match sec {
            Sec::Ansokan => {
                add(true, ANSOKAN, 6);
                add(abbr, FORKORTNINGAR, 1);
            }
            Sec::Underlag => {
                add(true, UNDERLAG, 6);
                add(t.ombud, OMBUD, 2);
                add(t.passiv, PASSIV, 1);
                add(t.kanslisvenska, KANSLI, 1);
                add(abbr, FORKORTNINGAR, 1);
            }
            Sec::Situation => {
                let pool = match self.c.group {
                    Group::Aldre => SITUATION_ALDRE,
                    Group::Vuxen => SITUATION_VUXEN,
                    Group::Barn => SITUATION_BARN,
                };
                add(true, pool, 6);
                add(t.brist, BRIST, 2);
                add(t.ombud, OMBUD, 1);
                add(t.langa, LANGA, 1);
                for (pool, weight) in self.varied(false, 1) {
                    add(true, pool, weight);
                }
            }
            Sec::Uppfattning => {
                add(true, EGEN, 6);
                add(true, CITAT, 1);
                add(t.ombud, OMBUD, 3);
            }
            Sec::Behov => add(true, BEHOV_INTRO, 1),
            Sec::Omrade(area) => {
                add(true, area.pool(self.c.group), 6);
                add(t.resurser, RESURSER, 2);
                add(t.mal, MAL, 1);
                add(t.brist, BRIST, 2);
                add(t.egen_rost, EGEN, 2);
                add(t.ombud, OMBUD, 1);
                add(t.langa, LANGA, 1);
                add(t.icf, ICF, 1);
                add(t.icf_fel, ICF_FEL, 1);
                add(abbr, FORKORTNINGAR, 1);
                for (pool, weight) in self.varied(false, 1) {
                    add(true, pool, weight);
                }
            }
            Sec::Resurser => {
                add(true, RESURSER, 6);
                add(t.egen_rost, EGEN, 1);
            }
            Sec::Mal => add(true, MAL, 6),
            Sec::Bedomning => {
                add(true, BEDOMNING, 3);
                add(yes, BEDOMNING_BIFALL, 6);
                add(no, BEDOMNING_AVSLAG, 4);
                add(yes, if lss { BEDOMNING_LSS } else { BEDOMNING_SOL }, 3);
                add(t.kanslisvenska, KANSLI, 2);
                add(t.kanslisvenska && yes, KANSLI_BIFALL, 1);
                add(t.kanslisvenska && no, KANSLI_AVSLAG, 1);
                add(t.passiv, PASSIV, 1);
                add(t.passiv && yes, PASSIV_BIFALL, 1);
                add(t.passiv && no, PASSIV_AVSLAG, 1);
                add(t.langa, LANGA, 1);
                add(t.langa && yes, LANGA_BIFALL, 1);
                add(t.langa && no, LANGA_AVSLAG, 1);
                add(t.egen_rost, EGEN, 1);
                add(t.mal, MAL, 1);
                add(t.icf, ICF, 1);
            }
            Sec::Kommunicering => add(true, KOMMUNICERING, 1),
            Sec::Beslut => {
                let utfall = self.c.utfall;
                let detalj = match (du, utfall) {
                    (true, Utfall::Avslag) => BESLUT_DU_AVSLAG_DETALJ,
                    (true, _) => BESLUT_DU_DETALJ,
                    (false, Utfall::Avslag) => BESLUT_3P_AVSLAG_DETALJ,
                    (false, _) => BESLUT_3P_DETALJ,
                };
                add(true, detalj, 4);
                for (pool, weight) in self.motivering() {
                    add(true, pool, weight);
                }
                add(t.kanslisvenska, KANSLI, 1);
                add(t.kanslisvenska && yes, KANSLI_BIFALL, 1);
                add(t.kanslisvenska && no, KANSLI_AVSLAG, 1);
                add(t.passiv && !du && yes, PASSIV_BIFALL, 1);
                add(t.passiv && !du && no, PASSIV_AVSLAG, 1);
            }
            Sec::Bakgrund => {
                add(true, if du { BAKGRUND_DU } else { BAKGRUND_3P }, 6);
                add(t.langa && !du, LANGA, 1);
                add(t.brist && !du, BRIST, 1);
                add(t.ombud && !du, OMBUD, 1);
                for (pool, weight) in self.varied(du, 2) {
                    add(true, pool, weight);
                }
            }
            Sec::Sammanfattning => {
                let (situation, areas) = match self.c.group {
                    Group::Aldre => (SITUATION_ALDRE, AREAS_ALDRE),
                    Group::Vuxen => (SITUATION_VUXEN, AREAS_VUXEN),
                    Group::Barn => (SITUATION_BARN, AREAS_BARN),
                };
                add(true, situation, 4);
                for area in areas {
                    add(true, area.pool(self.c.group), 2);
                }
                add(true, UNDERLAG, 2);
                add(t.egen_rost, EGEN, 2);
                add(t.ombud, OMBUD, 2);
                add(t.brist, BRIST, 2);
                add(t.resurser, RESURSER, 1);
                add(t.langa, LANGA, 1);
                add(t.kanslisvenska, KANSLI, 1);
                for (pool, weight) in self.varied(false, 3) {
                    add(true, pool, weight);
                }
            }
            Sec::Motivering => {
                for (pool, weight) in self.motivering() {
                    add(true, pool, weight);
                }
                add(t.kanslisvenska, KANSLI, 1);
                add(t.kanslisvenska && yes, KANSLI_BIFALL, 1);
                add(t.kanslisvenska && no, KANSLI_AVSLAG, 1);
                add(t.passiv, PASSIV, 1);
                add(t.passiv && yes, PASSIV_BIFALL, 1);
                add(t.passiv && no, PASSIV_AVSLAG, 1);
                add(t.langa && !du, LANGA, 1);
                add(t.langa && yes, LANGA_BIFALL, 1);
                add(t.langa && no, LANGA_AVSLAG, 1);
                add(t.mal, if du { MAL_DU } else { MAL }, 1);
                for (pool, weight) in self.varied(du, 1) {
                    add(true, pool, weight);
                }
            }
            Sec::Lagrum => {
                add(true, if du { LAGRUM_DU } else { LAGRUM_3P }, 3);
                add(true, if lss { LAGRUM_LSS } else { LAGRUM_SOL }, 2);
            }
            Sec::Uppfoljning => add(true, if du { UPPFOLJNING_DU } else { UPPFOLJNING_3P }, 1),
            Sec::Avgift => add(true, if du { AVGIFT_DU } else { AVGIFT_3P }, 1),
            Sec::Overklagande => {
                add(true, if du { OVERKLAGA_DU } else { OVERKLAGA_3P }, 1);
            }
            Sec::Beslutsfattare => add(true, BESLUTSFATTARE, 1),
            Sec::Information => add(true, if du { INFO_DU } else { INFO_3P }, 1),
        }
        pools
    }

    /// Templates with alternatives, by address and traits.
    fn varied(&self, du: bool, weight: u32) -> Pools {
        let t = self.c.traits;
        let mut pools: Pools = vec![(if du { VARIERAT_DU } else { VARIERAT_3P }, weight)];
        if t.egen_rost {
            pools.push((
                if du {
                    VARIERAT_DU_EGEN
                } else {
                    VARIERAT_3P_EGEN
                },
                weight,
            ));
        }
        if t.ombud {
            pools.push((
                if du {
                    VARIERAT_DU_OMBUD
                } else {
                    VARIERAT_3P_OMBUD
                },
                weight,
            ));
        }
        pools
    }

    /// Reasons for the decision, by address and outcome.
    fn motivering(&self) -> Pools {
        let du = self.c.du();
        let (bifall, avslag) = if du {
            (MOTIV_DU_BIFALL, MOTIV_DU_AVSLAG)
        } else {
            (MOTIV_3P_BIFALL, MOTIV_3P_AVSLAG)
        };
        let delvis = if du { MOTIV_DU_DELVIS } else { MOTIV_3P_DELVIS };
        let mut pools: Pools = match self.c.utfall {
            Utfall::Bifall => vec![(bifall, 5)],
            Utfall::Avslag => vec![(avslag, 5)],
            Utfall::Delvis => vec![(bifall, 3), (delvis, 3)],
        };
        let t = self.c.traits;
        pools.push((if du { MOTIV_DU } else { MOTIV_3P }, 3));
        if t.egen_rost {
            pools.push((if du { MOTIV_DU_EGEN } else { MOTIV_3P_EGEN }, 2));
        }
        if t.ombud {
            pools.push((if du { MOTIV_DU_OMBUD } else { MOTIV_3P_OMBUD }, 1));
        }
        if du && self.c.lag() == Lag::Lss {
            pools.push((MOTIV_DU_LSS, 2));
        }
        pools
    }

    // -----------------------------------------------------------------------
    // Slots
    // -----------------------------------------------------------------------

    /// Fills the `{slot}`s of a template. A slot written with a capital
    /// letter gives a capitalised value. `{f:ABBR}` is left for rendering.
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + matching_brace(&rest[open..]);
            let key = &rest[open + 1..close];
            rest = &rest[close + 1..];
            let choices = alternatives(key);
            if choices.len() > 1 {
                let choice = pick(&mut self.rng, &choices);
                let filled = self.fill(choice);
                out.push_str(&filled);
                continue;
            }
            if key.starts_with("f:") || key.starts_with("F:") {
                out.push('{');
                out.push_str(key);
                out.push('}');
                continue;
            }
            let capital = key.starts_with(|c: char| c.is_uppercase());
            let lower = lower_first(key);
            let value = self.slot(&lower);
            if capital {
                out.push_str(&capitalise(&value));
            } else {
                out.push_str(&value);
            }
        }
        out.push_str(rest);
        out
    }

    /// A value from a phrase table, re-drawn once or twice if it repeats the
    /// previous value of the same slot; phrases may contain slots.
    fn phrase(&mut self, key: &'static str, table: &[&'static str]) -> String {
        let previous = self
            .last
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone());
        let mut value = pick(&mut self.rng, table);
        for _ in 0..3 {
            if previous.as_deref() != Some(value) {
                break;
            }
            value = pick(&mut self.rng, table);
        }
        match self.last.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value.to_string(),
            None => self.last.push((key, value.to_string())),
        }
        if value.contains('{') {
            self.fill(value)
        } else {
            value.to_string()
        }
    }

    fn date(&mut self, d: Datum) -> String {
        match self.rng.random_range(0..10) {
            0..=4 => d.long(),
            5..=7 => d.iso(),
            _ => d.short(),
        }
    }

    fn slot(&mut self, key: &str) -> String {
        if let Some(code) = key.strip_prefix("icf:") {
            return self.icf(code);
        }
        let c = &self.c;
        let kvinna = c.kvinna;
        let group = c.group;
        let d = &c.dates;
        let (ans, besok, komm, beslut, start, uppf, giltig) = (
            d.ansokan,
            d.besok,
            d.kommunicering,
            d.beslut,
            d.start,
            d.uppfoljning,
            d.giltig,
        );
        match key {
            "namn" => c.namn.to_string(),
            "namn_s" => genitive(c.namn),
            "hon" => if kvinna { "hon" } else { "han" }.to_string(),
            "henne" => if kvinna { "henne" } else { "honom" }.to_string(),
            "hennes" => if kvinna { "hennes" } else { "hans" }.to_string(),
            "anka" => if kvinna { "änka" } else { "änkling" }.to_string(),
            "alder" => c.alder.to_string(),
            "insats" => self.insats(false),
            "annan_insats" => self.insats(true),
            "insats_namn" => c.insats.namn.to_string(),
            "anhorig" => c.anhorig.best.to_string(),
            "din_anhorig" => c.anhorig.din.to_string(),
            "handlaggare" => c.handlaggare.clone(),
            "titel" => match c.lag() {
                Lag::SoL => "biståndshandläggare",
                Lag::Lss => "LSS-handläggare",
            }
            .to_string(),
            "enhet" => c.enhet.to_string(),
            "namnd" => c.namnd.to_string(),
            "namnd_gen" => format!("{}s", c.namnd),
            "ort" => c.ort.to_string(),
            "diagnos" => c.diagnos.to_string(),
            "boende" => {
                let boende = c.boende;
                self.fill(boende)
            }
            "arende" => c.arende.clone(),
            "lagrum" => self.lagrum(false),
            "lagrum_kort" => self.lagrum(true),
            "ansdatum" => self.date(ans),
            "besoksdatum" => self.date(besok),
            "kommdatum" => self.date(komm),
            "beslutsdatum" => self.date(beslut),
            "startdatum" => self.date(start),
            "uppfdatum" => self.date(uppf),
            "giltighet" if c.tills_vidare => "tills vidare".to_string(),
            "giltighet" => format!("till och med den {}", self.date(giltig)),
            "datum" => {
                let day = self.rng.random_range(0..45);
                let when = ans.plus(day).min(beslut);
                self.date(when)
            }
            "ar" => (ans.y - self.rng.random_range(1..=6)).to_string(),
            "timmar" => c.timmar.to_string(),
            "punkt" => format!(
                "{}.{}",
                self.rng.random_range(1..=9),
                self.rng.random_range(1..=9)
            ),
            "personal" => self.personal(),
            "frekvens" => {
                let table = self.freq.unwrap_or(FREKVENSER);
                self.phrase("frekvens", table)
            }
            "aktivitet" => self.phrase("aktivitet", AKTIVITETER),
            "onskan" => self.phrase("onskan", ONSKNINGAR),
            "syssla" => self.syssla(false),
            "egen_syssla" => self.syssla(true),
            "vardagssyssla" => match group {
                Group::Barn => self.phrase("vardagssyssla", VARDAG_BARN),
                _ => self.phrase("vardagssyssla", VARDAG),
            },
            "brist" => match group {
                Group::Aldre => self.phrase("brist", BRIST_ALDRE),
                Group::Vuxen => self.phrase("brist", BRIST_VUXEN),
                Group::Barn => self.phrase("brist", BRIST_BARN),
            },
            "gang" => match group {
                Group::Aldre => self.phrase("gang", GANGHJALPMEDEL),
                _ => self.phrase("gang", FORFLYTTNINGSHJALPMEDEL),
            },
            "hjalpmedel" => self.phrase("hjalpmedel", HJALPMEDEL),
            "badrum" => self.phrase("badrum", BADRUMSHJALPMEDEL),
            "sprak" => self.phrase("sprak", SPRAK),
            "manad" => self.phrase("manad", MANADER),
            "manader" => self.phrase("manader", MANADER_ANTAL),
            "rum" => c.rum.to_string(),
            "klass" => c.klass.clone(),
            "utbildning" if c.alder <= 29 => "har gått ut anpassad gymnasieskola".to_string(),
            "utbildning" => "har tidigare arbetat på en lagercentral".to_string(),
            "ersattning" if c.alder <= 29 => "aktivitetsersättning".to_string(),
            "ersattning" => "sjukersättning".to_string(),
            "sysselsattning_slut" if c.alder <= 29 => "skolan slutade".to_string(),
            "sysselsattning_slut" => {
                format!("{} slutade arbeta", if kvinna { "hon" } else { "han" })
            }
            "arbete" => self.phrase("arbete", ARBETEN),
            "yrke" => self.phrase("yrke", YRKEN),
            "lagrum_forklaring" => match c.lag() {
                Lag::SoL => "Den paragrafen handlar om rätten till stöd och hjälp från kommunen",
                Lag::Lss => "Den paragrafen räknar upp de insatser som man kan få enligt LSS",
            }
            .to_string(),
            other => panic!("okänd plats i mall: {{{other}}}"),
        }
    }

    /// A chore the person needs help with (or, with `own`, one they manage),
    /// not the same as the previous one; sets the frequencies.
    fn syssla(&mut self, own: bool) -> String {
        let table = chores(self.c.group);
        let key = if own { "egen_syssla" } else { "syssla" };
        let indices = if own { &self.c.egna } else { &self.c.behov };
        let previous = self.last.iter().position(|(k, _)| *k == key);
        let mut chosen = table[pick(&mut self.rng, indices)];
        for _ in 0..3 {
            if previous.is_none_or(|i| self.last[i].1 != chosen.0) {
                break;
            }
            chosen = table[pick(&mut self.rng, indices)];
        }
        match previous {
            Some(i) => self.last[i].1 = chosen.0.to_string(),
            None => self.last.push((key, chosen.0.to_string())),
        }
        self.freq = Some(chosen.1);
        chosen.0.to_string()
    }

    /// The applied-for insats (or another one), sometimes abbreviated; sets
    /// the frequencies.
    fn insats(&mut self, other: bool) -> String {
        let insats = if other { self.c.annan } else { self.c.insats };
        self.freq = Some(if other {
            insats.frekvenser
        } else {
            let i = self.c.omfattning;
            &insats.frekvenser[i..=i]
        });
        match insats.forkortning {
            Some(abbr) if self.c.forkortningar.is_some() && self.rng.random_bool(0.5) => {
                format!("{{f:{abbr}}}")
            }
            _ => insats.namn.to_string(),
        }
    }

    fn personal(&mut self) -> String {
        let staff = in_group(PERSONAL, self.c.group, |p| p.2);
        let (role, abbr, _) = *pick(&mut self.rng, &staff);
        match abbr {
            Some(abbr) if self.c.forkortningar.is_some() && self.rng.random_bool(0.4) => {
                format!("{{f:{abbr}}}")
            }
            _ => role.to_string(),
        }
    }

    fn lagrum(&mut self, short: bool) -> String {
        let punkt = self.c.insats.punkt;
        let long_forms: &[&str] = match self.c.lag() {
            Lag::SoL => &[
                "4 kap. 1 § socialtjänstlagen (2001:453)",
                "4 kap. 1 § socialtjänstlagen",
                "4 kap. 1 § SoL",
            ],
            Lag::Lss => &[
                "9 § {p} lagen (1993:387) om stöd och service till vissa funktionshindrade",
                "9 § {p} LSS",
                "7 § och 9 § {p} LSS",
            ],
        };
        let form = if short {
            match self.c.lag() {
                Lag::SoL => "4 kap. 1 § SoL",
                Lag::Lss => "9 § {p} LSS",
            }
        } else {
            pick(&mut self.rng, long_forms)
        };
        form.replace("{p}", &punkt.to_string())
    }

    /// " (d510)" after a need, in documents with ICF codes; now and then a
    /// malformed code.
    fn icf(&mut self, code: &str) -> String {
        if !self.c.traits.icf || !self.rng.random_bool(0.7) {
            return String::new();
        }
        if self.c.traits.icf_fel && self.rng.random_bool(0.3) {
            return format!(" ({})", pick(&mut self.rng, ICF_FELAKTIGA));
        }
        format!(" ({code})")
    }

    // -----------------------------------------------------------------------
    // Rendering
    // -----------------------------------------------------------------------

    fn render(&self, parts: &[Part]) -> String {
        let mut out = String::with_capacity(self.c.target + 2048);
        self.header(&mut out);
        let mut explained = 0u32;
        for part in parts {
            self.heading(part, &mut out);
            for para in &part.paras {
                self.expand(&para.text, &mut explained, &mut out);
                out.push_str("\n\n");
            }
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    fn heading(&self, part: &Part, out: &mut String) {
        let title = &part.title;
        match self.c.style {
            Style::A => {
                out.push_str(if part.level == 1 { "## " } else { "### " });
                out.push_str(title);
                out.push_str("\n\n");
            }
            Style::B => {
                out.push_str(title);
                out.push('\n');
            }
            Style::C => {
                if self.c.caps && part.level == 1 {
                    out.push_str(&title.to_uppercase());
                } else {
                    out.push_str(title);
                    out.push(':');
                }
                out.push('\n');
                if self.c.blank_after_heading {
                    out.push('\n');
                }
            }
        }
    }

    /// Writes `text` with its abbreviation placeholders expanded.
    fn expand(&self, text: &str, explained: &mut u32, out: &mut String) {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("oavslutad förkortning");
            let key = &rest[open + 1..close];
            rest = &rest[close + 1..];
            let capital = key.starts_with('F');
            let abbr = &key[2..];
            let i = FORKORTNINGAR_TABELL
                .iter()
                .position(|(a, _)| *a == abbr)
                .unwrap_or_else(|| panic!("okänd förkortning {abbr}"));
            let full = FORKORTNINGAR_TABELL[i].1;
            let word = match self.c.forkortningar {
                None => full.to_string(),
                Some(mask) if mask & (1 << i) != 0 && *explained & (1 << i) == 0 => {
                    *explained |= 1 << i;
                    format!("{full} ({abbr})")
                }
                Some(_) => abbr.to_string(),
            };
            out.push_str(&if capital { capitalise(&word) } else { word });
        }
        out.push_str(rest);
    }

    fn doc_title(&self) -> String {
        let insats = self.c.insats.namn;
        let lagnamn = match self.c.lag() {
            Lag::SoL => "socialtjänstlagen",
            Lag::Lss => "LSS",
        };
        // Deterministic from the case, so that rendering stays pure.
        let variant = (self.c.arende.len() + self.c.alder as usize + self.c.namn.len()) % 3;
        match (self.c.kind, variant) {
            (Kind::Utredning, 0) => format!("Utredning enligt {lagnamn}"),
            (Kind::Utredning, 1) => format!("Utredning om {insats}"),
            (Kind::Utredning, _) => format!("Utredning – ansökan om {insats}"),
            (Kind::Beslut, 0) => format!("Beslut enligt {lagnamn}"),
            (Kind::Beslut, 1) => format!("Beslut om {insats}"),
            (Kind::Beslut, _) => "Meddelande om beslut".to_string(),
        }
    }

    fn header(&self, out: &mut String) {
        let title = self.doc_title();
        match self.c.style {
            Style::A => {
                self.front_matter(out);
                if self.c.quality > 0.7 {
                    self.fields(out);
                    out.push('\n');
                }
                out.push_str("# ");
                out.push_str(&title);
                out.push_str("\n\n");
            }
            Style::B => {
                if self.c.quality < 0.4 {
                    out.push_str(&title);
                    out.push('\n');
                    self.fields(out);
                    out.push('\n');
                } else {
                    self.fields(out);
                    out.push('\n');
                    out.push_str(&title);
                    out.push_str("\n\n");
                }
            }
            Style::C => {
                self.fields(out);
                out.push('\n');
                out.push_str(&title.to_uppercase());
                out.push_str("\n\n");
            }
        }
    }

    fn front_matter(&self, out: &mut String) {
        let c = &self.c;
        let beslut = c.kind == Kind::Beslut;
        let prefix = if beslut { 'B' } else { 'U' };
        let handlaggare = if c.alder % 2 == 0 {
            &c.hl_kod
        } else {
            &c.handlaggare
        };
        out.push_str("---\n");
        out.push_str(&format!("id: {prefix}-{}\n", c.arende));
        out.push_str(if beslut {
            "typ: beslut\n"
        } else {
            "typ: utredning\n"
        });
        out.push_str(&format!("enhet: {}\n", c.enhet));
        out.push_str(&format!("handlaggare: {handlaggare}\n"));
        out.push_str(&format!("insats: {}\n", c.insats.namn));
        out.push_str(match c.lag() {
            Lag::SoL => "lag: SoL\n",
            Lag::Lss => "lag: LSS\n",
        });
        if beslut {
            out.push_str(match c.utfall {
                Utfall::Bifall => "utfall: bifall\n",
                Utfall::Avslag => "utfall: avslag\n",
                Utfall::Delvis => "utfall: delvis_bifall\n",
            });
        }
        out.push_str(&format!("ansokningsdatum: {}\n", c.dates.ansokan.iso()));
        if beslut {
            out.push_str(&format!("beslutsdatum: {}\n", c.dates.beslut.iso()));
        }
        if c.group == Group::Barn && c.arende.ends_with(['0', '1', '2', '3', '4', '5', '6']) {
            out.push_str("barn: ja\n");
        }
        out.push_str("---\n");
    }

    /// Header field lines; which ones and their labels vary with the case.
    fn fields(&self, out: &mut String) {
        let c = &self.c;
        // A number that varies between documents, for choosing labels.
        let v = c
            .arende
            .bytes()
            .fold(c.alder as usize, |a, b| a * 31 + b as usize);
        let arende_label = ["Ärende", "Dnr", "Diarienummer", "Ärende"][v % 4];
        let ans_label = ["Ansökningsdatum", "Ansökan inkom", "Ansökningsdatum"][v / 4 % 3];
        let hl_label = match c.lag() {
            Lag::SoL => ["Handläggare", "Biståndshandläggare", "Handläggare"][v / 12 % 3],
            Lag::Lss => "Handläggare",
        };
        out.push_str(&format!("{arende_label}: {}\n", c.arende));
        if c.quality > 0.15 {
            out.push_str(&format!("{ans_label}: {}\n", c.dates.ansokan.iso()));
        }
        if c.kind == Kind::Beslut {
            out.push_str(&format!("Beslutsdatum: {}\n", c.dates.beslut.iso()));
        } else if v / 36 % 3 == 0 {
            out.push_str(&format!("Datum: {}\n", c.dates.kommunicering.iso()));
        }
        if c.quality > 0.1 {
            let titel = match c.lag() {
                Lag::SoL => "biståndshandläggare",
                Lag::Lss => "LSS-handläggare",
            };
            if v / 108 % 2 == 0 {
                out.push_str(&format!("{hl_label}: {}, {titel}\n", c.handlaggare));
            } else {
                out.push_str(&format!("{hl_label}: {}\n", c.handlaggare));
            }
        }
        if v / 216 % 3 == 0 {
            out.push_str(&format!("Insats: {}\n", capitalise(c.insats.namn)));
        }
        if v / 648 % 3 == 0 {
            out.push_str(&format!("Enhet: {}\n", c.enhet));
        }
    }
}

impl Sec {
    /// Position of the section in a document.
    fn order(self) -> u8 {
        match self {
            Sec::Ansokan | Sec::Beslut => 0,
            Sec::Underlag | Sec::Bakgrund => 1,
            Sec::Situation | Sec::Sammanfattning => 2,
            Sec::Uppfattning | Sec::Motivering => 3,
            Sec::Behov | Sec::Lagrum => 4,
            Sec::Uppfoljning => 5,
            Sec::Avgift => 6,
            Sec::Overklagande => 7,
            Sec::Beslutsfattare => 8,
            Sec::Information => 9,
            Sec::Omrade(area) => 10 + area as u8,
            Sec::Resurser => 30,
            Sec::Mal => 31,
            Sec::Bedomning => 32,
            Sec::Kommunicering => 33,
        }
    }
}

impl Area {
    fn title(self) -> &'static str {
        match self {
            Area::PersonligVard => "Personlig vård",
            Area::Hemliv => "Hemliv",
            Area::Forflyttning => "Förflyttning",
            Area::Kommunikation => "Kommunikation",
            Area::SocialtLiv => "Socialt liv",
            Area::Halsa => "Hälsa",
            Area::Trygghet => "Trygghet",
            Area::Sysselsattning => "Sysselsättning",
            Area::Larande => "Lärande och skola",
        }
    }

    fn pool(self, group: Group) -> &'static [&'static str] {
        match self {
            Area::PersonligVard => PERSONLIG_VARD,
            Area::Hemliv => HEMLIV,
            Area::Forflyttning => FORFLYTTNING,
            Area::Kommunikation => KOMMUNIKATION,
            Area::SocialtLiv if group == Group::Barn => SOCIALT_LIV_BARN,
            Area::SocialtLiv => SOCIALT_LIV,
            Area::Halsa => HALSA,
            Area::Trygghet if group == Group::Barn => TRYGGHET_BARN,
            Area::Trygghet => TRYGGHET,
            Area::Sysselsattning => SYSSELSATTNING,
            Area::Larande => LARANDE,
        }
    }
}

/// The byte offset of the `}` closing the `{` that starts `s`.
fn matching_brace(s: &str) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    panic!("oavslutad plats i mall: {s}")
}

/// The `|`-separated alternatives of a `{…}` group, at the top level.
fn alternatives(key: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in key.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '|' if depth == 0 => {
                out.push(&key[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&key[start..]);
    out
}

/// Templates with `{a|b}` alternatives vary enough to be used again.
fn reusable(template: &str) -> bool {
    template.contains('|')
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Swedish genitive of a name: "Karins", "Jonas".
fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z']) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

// ---------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------

use Group::{Aldre, Barn, Vuxen};

const INSATSER: &[Insats] = &[
    Insats {
        namn: "hemtjänst",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: Some("HTJ"),
        frekvenser: &[
            "två gånger i veckan",
            "morgon och kväll",
            "varje vardag",
            "med cirka {timmar} timmar i månaden",
        ],
        grupper: &[Aldre, Vuxen],
    },
    Insats {
        namn: "trygghetslarm",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: None,
        frekvenser: &["dygnet runt", "med en larmknapp som bärs runt handleden"],
        grupper: &[Aldre],
    },
    Insats {
        namn: "särskilt boende",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: Some("SÄBO"),
        frekvenser: &[
            "med ett eget rum med pentry",
            "på ett boende med demensinriktning",
            "på ett boende nära {anhorig}",
        ],
        grupper: &[Aldre],
    },
    Insats {
        namn: "korttidsvistelse",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: Some("KTV"),
        frekvenser: &[
            "en vecka i månaden",
            "tio dygn per månad",
            "under två veckor efter sjukhusvistelsen",
        ],
        grupper: &[Aldre],
    },
    Insats {
        namn: "dagverksamhet",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: None,
        frekvenser: &["två dagar i veckan", "tre dagar i veckan"],
        grupper: &[Aldre],
    },
    Insats {
        namn: "ledsagning",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: None,
        frekvenser: &[
            "tio timmar i månaden",
            "åtta timmar i månaden",
            "två gånger i månaden",
        ],
        grupper: &[Aldre, Vuxen],
    },
    Insats {
        namn: "boendestöd",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: None,
        frekvenser: &[
            "fyra timmar i veckan",
            "två gånger i veckan",
            "tre gånger i veckan",
        ],
        grupper: &[Vuxen],
    },
    Insats {
        namn: "kontaktperson",
        lag: Lag::SoL,
        punkt: 0,
        forkortning: None,
        frekvenser: &["en gång i veckan", "två gånger i månaden"],
        grupper: &[Vuxen],
    },
    Insats {
        namn: "personlig assistans",
        lag: Lag::Lss,
        punkt: 2,
        forkortning: Some("PA"),
        frekvenser: &[
            "under vaken tid",
            "dygnet runt",
            "med cirka {timmar} timmar i månaden",
        ],
        grupper: &[Vuxen, Barn],
    },
    Insats {
        namn: "ledsagarservice",
        lag: Lag::Lss,
        punkt: 3,
        forkortning: None,
        frekvenser: &["tolv timmar i månaden", "sexton timmar i månaden"],
        grupper: &[Vuxen, Barn],
    },
    Insats {
        namn: "kontaktperson",
        lag: Lag::Lss,
        punkt: 4,
        forkortning: None,
        frekvenser: &["en gång i veckan", "två gånger i månaden"],
        grupper: &[Vuxen, Barn],
    },
    Insats {
        namn: "avlösarservice",
        lag: Lag::Lss,
        punkt: 5,
        forkortning: None,
        frekvenser: &["åtta timmar i månaden", "varannan lördag"],
        grupper: &[Barn],
    },
    Insats {
        namn: "korttidsvistelse",
        lag: Lag::Lss,
        punkt: 6,
        forkortning: Some("KTV"),
        frekvenser: &[
            "två helger i månaden",
            "fyra dygn i månaden",
            "en helg i månaden",
        ],
        grupper: &[Vuxen, Barn],
    },
    Insats {
        namn: "korttidstillsyn",
        lag: Lag::Lss,
        punkt: 7,
        forkortning: None,
        frekvenser: &["efter skoltid alla vardagar", "under skolloven"],
        grupper: &[Barn],
    },
    Insats {
        namn: "bostad med särskild service",
        lag: Lag::Lss,
        punkt: 9,
        forkortning: Some("BmSS"),
        frekvenser: &[
            "i form av en lägenhet i en gruppbostad",
            "i en servicebostad",
        ],
        grupper: &[Vuxen],
    },
    Insats {
        namn: "daglig verksamhet",
        lag: Lag::Lss,
        punkt: 10,
        forkortning: Some("DV"),
        frekvenser: &["fem dagar i veckan", "på halvtid", "tre dagar i veckan"],
        grupper: &[Vuxen],
    },
];

/// Abbreviations and what they stand for (at most 32).
const FORKORTNINGAR_TABELL: &[(&str, &str)] = &[
    ("SÄBO", "särskilt boende"),
    ("HTJ", "hemtjänst"),
    ("KTV", "korttidsvistelse"),
    ("DV", "daglig verksamhet"),
    ("PA", "personlig assistans"),
    ("BmSS", "bostad med särskild service"),
    ("SSK", "sjuksköterskan"),
    ("USK", "undersköterskan"),
    ("AT", "arbetsterapeuten"),
    ("IBIC", "Individens behov i centrum"),
    ("SIP", "samordnad individuell plan"),
    ("FK", "Försäkringskassan"),
    ("HSL", "hälso- och sjukvårdslagen"),
    ("LOV", "lagen om valfrihetssystem"),
];

const FORNAMN: &[(&str, bool)] = &[
    ("Karin", true),
    ("Anna", true),
    ("Maria", true),
    ("Margareta", true),
    ("Elisabeth", true),
    ("Eva", true),
    ("Birgitta", true),
    ("Kristina", true),
    ("Ingrid", true),
    ("Britt", true),
    ("Gunnel", true),
    ("Marianne", true),
    ("Ulla", true),
    ("Astrid", true),
    ("Elsa", true),
    ("Alva", true),
    ("Maja", true),
    ("Ella", true),
    ("Wilma", true),
    ("Linnea", true),
    ("Sofia", true),
    ("Sara", true),
    ("Emma", true),
    ("Lena", true),
    ("Inger", true),
    ("Siv", true),
    ("Majken", true),
    ("Ebba", true),
    ("Saga", true),
    ("Nora", true),
    ("Aisha", true),
    ("Fatima", true),
    ("Leyla", true),
    ("Lars", false),
    ("Karl", false),
    ("Erik", false),
    ("Per", false),
    ("Anders", false),
    ("Johan", false),
    ("Bengt", false),
    ("Sven", false),
    ("Gunnar", false),
    ("Rolf", false),
    ("Lennart", false),
    ("Åke", false),
    ("Göran", false),
    ("Bo", false),
    ("Kjell", false),
    ("Stig", false),
    ("Olle", false),
    ("Elias", false),
    ("Liam", false),
    ("Noah", false),
    ("Hugo", false),
    ("Oskar", false),
    ("Viktor", false),
    ("Ali", false),
    ("Omar", false),
    ("Mehmet", false),
    ("Jonas", false),
    ("Nils", false),
    ("Arvid", false),
    ("Ove", false),
];

const HL_FORNAMN: &[&str] = &[
    "Sara", "Johan", "Per", "Maria", "Jonas", "Linda", "Emelie", "Ahmed", "Anna", "Fredrik",
    "Camilla", "Mikael", "Hanna", "Petra", "Daniel", "Jessica", "Tobias", "Malin",
];

const EFTERNAMN: &[&str] = &[
    "Holm",
    "Berg",
    "Lindqvist",
    "Nordin",
    "Ek",
    "Sjöberg",
    "Lund",
    "Åberg",
    "Hedlund",
    "Falk",
    "Strand",
    "Nyberg",
    "Forsberg",
    "Sandberg",
    "Wallin",
    "Engström",
    "Hassan",
    "Karlsson",
    "Johansson",
    "Nilsson",
    "Persson",
    "Öberg",
    "Björk",
    "Lindgren",
    "Mattsson",
];

const ANHORIGA: &[Anhorig] = &[
    Anhorig {
        best: "dottern",
        din: "din dotter",
        grupper: &[Aldre],
    },
    Anhorig {
        best: "sonen",
        din: "din son",
        grupper: &[Aldre],
    },
    Anhorig {
        best: "maken",
        din: "din make",
        grupper: &[Aldre],
    },
    Anhorig {
        best: "hustrun",
        din: "din fru",
        grupper: &[Aldre],
    },
    Anhorig {
        best: "sambon",
        din: "din sambo",
        grupper: &[Aldre, Vuxen],
    },
    Anhorig {
        best: "systern",
        din: "din syster",
        grupper: &[Aldre, Vuxen],
    },
    Anhorig {
        best: "brodern",
        din: "din bror",
        grupper: &[Aldre, Vuxen],
    },
    Anhorig {
        best: "barnbarnet",
        din: "ditt barnbarn",
        grupper: &[Aldre],
    },
    Anhorig {
        best: "modern",
        din: "din mamma",
        grupper: &[Vuxen, Barn],
    },
    Anhorig {
        best: "fadern",
        din: "din pappa",
        grupper: &[Vuxen, Barn],
    },
    Anhorig {
        best: "den gode mannen",
        din: "din gode man",
        grupper: &[Vuxen],
    },
    Anhorig {
        best: "vårdnadshavarna",
        din: "dina föräldrar",
        grupper: &[Barn],
    },
    Anhorig {
        best: "mormodern",
        din: "din mormor",
        grupper: &[Barn],
    },
];

/// Staff: definite form, abbreviation, groups.
type Personal = (&'static str, Option<&'static str>, &'static [Group]);

const PERSONAL: &[Personal] = &[
    ("undersköterskan", Some("USK"), &[Aldre]),
    ("distriktssköterskan", None, &[Aldre]),
    ("sjuksköterskan", Some("SSK"), &[Aldre, Vuxen]),
    ("arbetsterapeuten", Some("AT"), &[Aldre, Vuxen, Barn]),
    ("fysioterapeuten", None, &[Aldre, Vuxen, Barn]),
    ("kontaktmannen i hemtjänsten", None, &[Aldre]),
    ("enhetschefen", None, &[Aldre, Vuxen]),
    ("läkaren på vårdcentralen", None, &[Aldre, Vuxen]),
    ("boendestödjaren", None, &[Vuxen]),
    ("kuratorn", None, &[Vuxen, Barn]),
    ("psykologen på habiliteringen", None, &[Vuxen, Barn]),
    ("mentorn på skolan", None, &[Barn]),
    ("klassläraren", None, &[Barn]),
    ("habiliteringens sjuksköterska", None, &[Barn]),
];

const ENHETER_ALDRE: &[&str] = &[
    "Myndighet äldre norr",
    "Myndighet äldre söder",
    "Biståndsenheten",
    "Myndighetsenheten för äldre",
];

const ENHETER_FUNK: &[&str] = &[
    "LSS-enheten",
    "Myndighetsenheten funktionsstöd",
    "Enheten för funktionsnedsättning",
];

const ENHETER_FUNK_SOL: &[&str] = &[
    "Biståndsenheten",
    "Socialpsykiatri och funktionsstöd",
    "Myndighetsenheten funktionsstöd",
];

const NAMNDER_ALDRE: &[&str] = &["äldrenämnden", "socialnämnden", "vård- och omsorgsnämnden"];

const NAMNDER_FUNK: &[&str] = &[
    "socialnämnden",
    "omsorgsnämnden",
    "vård- och omsorgsnämnden",
];

const ORTER: &[&str] = &[
    "Uppsala",
    "Göteborg",
    "Luleå",
    "Malmö",
    "Växjö",
    "Umeå",
    "Karlstad",
    "Örebro",
    "Gävle",
    "Kalmar",
    "Sjövik",
    "Norrby",
];

/// The month names, from granska itself.
const MANADER: &[&str] = granska::language::dates::MONTHS;

const MANADER_ANTAL: &[&str] = &["tre månader", "sex månader", "sex månader", "ett år"];

/// Frequencies when no insats or chore gives them.
const FREKVENSER: &[&str] = &[
    "en gång i veckan",
    "två gånger i veckan",
    "varannan vecka",
    "en gång i månaden",
    "varje helg",
    "några gånger i månaden",
];

const AKTIVITETER: &[&str] = &[
    "baka",
    "lösa korsord",
    "promenera",
    "lyssna på radio",
    "sticka",
    "titta på fotboll",
    "spela kort",
    "gå på träffpunkten",
    "odla tomater på balkongen",
    "läsa deckare",
    "sjunga i kör",
    "fiska",
    "spela dataspel",
    "rita",
    "simma",
    "åka buss in till stan",
    "laga mat",
    "gå på bio",
    "titta på hockey",
    "lyssna på musik",
];

const ONSKNINGAR: &[&str] = &[
    "bo kvar hemma",
    "klara så mycket som möjligt på egen hand",
    "komma ut oftare",
    "få hjälp på förmiddagarna",
    "ha samma personal varje dag",
    "slippa flytta",
    "träffa andra människor",
    "kunna duscha i lugn och ro",
    "känna trygghet på nätterna",
    "ha något meningsfullt att göra på dagarna",
    "kunna handla själv",
    "delta i aktiviteter på fritiden",
    "ha mer kontakt med familjen",
    "klara vardagen utan att familjen behöver hjälpa till",
];

/// A chore and how often help with it is usually given.
type Syssla = (&'static str, &'static [&'static str]);

const SYSSLOR: &[Syssla] = &[
    ("dusch", &["en gång i veckan", "två gånger i veckan"]),
    ("städning", &["varannan vecka", "en gång i veckan"]),
    ("tvätt", &["varannan vecka", "en gång i veckan"]),
    ("inköp", &["en gång i veckan", "två gånger i veckan"]),
    ("matlagning", &["varje dag", "vid lunch och middag"]),
    ("påklädning", &["varje morgon", "morgon och kväll"]),
    ("disk", &["varje kväll", "en gång om dagen"]),
    ("bäddning", &["varje morgon", "en gång om dagen"]),
    ("promenader", &["en gång i veckan", "två gånger i veckan"]),
    ("hårtvätt", &["en gång i veckan"]),
    (
        "post och räkningar",
        &["en gång i månaden", "två gånger i månaden"],
    ),
];

const SYSSLOR_BARN: &[Syssla] = &[
    ("påklädning", &["varje morgon"]),
    ("måltider", &["varje dag", "vid frukost och middag"]),
    ("hygien", &["morgon och kväll"]),
    ("läxor", &["efter skolan", "tre eftermiddagar i veckan"]),
    ("fritidsaktiviteter", &["en gång i veckan", "varannan helg"]),
    ("resor till skolan", &["varje skoldag"]),
    ("toalettbesök", &["under hela dagen"]),
];

const VARDAG: &[&str] = &[
    "laga enklare mat",
    "handla",
    "sköta tvätten",
    "städa",
    "ta medicinerna i tid",
    "betala räkningar",
    "byta kläder",
];

const VARDAG_BARN: &[&str] = &[
    "ta på kläderna",
    "äta själv",
    "borsta tänderna",
    "packa skolväskan",
];

const DIAGNOS_ALDRE: &[&str] = &[
    "en demenssjukdom",
    "Parkinsons sjukdom",
    "KOL",
    "hjärtsvikt",
    "artros i båda knäna",
    "diabetes",
    "nedsatt syn efter en ögonsjukdom",
    "benskörhet",
];

const DIAGNOS_VUXEN: &[&str] = &[
    "en lindrig intellektuell funktionsnedsättning",
    "autism",
    "cerebral pares",
    "en förvärvad hjärnskada efter en trafikolycka",
    "MS",
    "en psykisk funktionsnedsättning",
    "epilepsi",
];

const DIAGNOS_BARN: &[&str] = &[
    "autism",
    "en intellektuell funktionsnedsättning",
    "ADHD och autism",
    "cerebral pares",
    "epilepsi",
    "en muskelsjukdom",
];

const BOENDE_ALDRE: &[&str] = &[
    "ensam i en hyreslägenhet på andra våningen",
    "i en bostadsrätt med hiss",
    "i ett hus på landet utanför {ort}",
    "ensam i en lägenhet i ett hus utan hiss",
    "tillsammans med {anhorig} i ett radhus",
];

const BOENDE_VUXEN: &[&str] = &[
    "i en egen lägenhet med förstahandskontrakt",
    "hemma hos {anhorig}",
    "i en lägenhet i centrala {ort}",
    "i ett träningsboende",
];

const BOENDE_BARN: &[&str] = &[
    "hemma med föräldrarna och två syskon",
    "växelvis hos mamma och pappa",
    "med mamma och en lillebror i en lägenhet",
    "med båda föräldrarna i ett hus utanför {ort}",
];

const BRIST_ALDRE: &[&str] = &["dement", "förvirrad", "sängliggande", "inkontinent"];
const BRIST_VUXEN: &[&str] = &["utvecklingsstörd", "rullstolsbunden", "psykiskt sjuk"];
const BRIST_BARN: &[&str] = &["utagerande", "utvecklingsstörd", "svår att hantera"];

const GANGHJALPMEDEL: &[&str] = &["rollator", "käpp", "gåbord", "kryckkäppar"];
const FORFLYTTNINGSHJALPMEDEL: &[&str] = &["rullstol", "elrullstol", "rollator", "käpp"];
const BADRUMSHJALPMEDEL: &[&str] = &["duschpall", "toalettförhöjning", "duschstol"];
const HJALPMEDEL: &[&str] = &[
    "en griptång",
    "en vändskiva",
    "ett bildschema",
    "en höj- och sänkbar säng",
    "en duschstol",
    "en taklyft",
];

const SPRAK: &[&str] = &[
    "arabiska",
    "finska",
    "somaliska",
    "persiska",
    "bosniska",
    "tigrinja",
    "polska",
];

const RUM: &[&str] = &["två", "tre", "fyra"];

const ARBETEN: &[&str] = &[
    "djur",
    "trädgårdsskötsel",
    "matlagning",
    "datorer",
    "butiksarbete",
    "tvätt och textil",
    "montering",
];

const YRKEN: &[&str] = &[
    "undersköterska",
    "snickare",
    "lärare",
    "busschaufför",
    "kontorist",
    "sjuksköterska",
    "lantbrukare",
    "svetsare",
];

const AREAS_ALDRE: &[Area] = &[
    Area::PersonligVard,
    Area::Hemliv,
    Area::Forflyttning,
    Area::Kommunikation,
    Area::SocialtLiv,
    Area::Halsa,
    Area::Trygghet,
];

const AREAS_VUXEN: &[Area] = &[
    Area::PersonligVard,
    Area::Hemliv,
    Area::Forflyttning,
    Area::Kommunikation,
    Area::SocialtLiv,
    Area::Sysselsattning,
];

const AREAS_BARN: &[Area] = &[
    Area::PersonligVard,
    Area::Kommunikation,
    Area::SocialtLiv,
    Area::Trygghet,
    Area::Larande,
];

const ICF_FELAKTIGA: &[&str] = &["d55", "d999", "d64", "b999", "e99"];

// ---------------------------------------------------------------------------
// Sentence templates
//
// Slots: {namn} {namn_s} {hon} {henne} {hennes} {alder} {insats} {annan_insats}
// {anhorig} {din_anhorig} {personal} {syssla} {vardagssyssla} {aktivitet}
// {onskan} {frekvens} {timmar} {diagnos} {brist} {boende} dates ({ansdatum},
// {besoksdatum}, {kommdatum}, {beslutsdatum}, {startdatum}, {uppfdatum},
// {giltighet}, {datum}) and more. {a|b} picks one alternative (and such
// templates may be used again in a document); {icf:d510} gives " (d510)" in
// documents with ICF codes; {f:SÄBO} is an abbreviation expanded when the
// document is rendered. A capital first letter capitalises the value.
// ---------------------------------------------------------------------------

const ANSOKAN_FORST: &[&str] = &[
    "{Namn} ansökte om {insats} den {ansdatum}.",
    "Ansökan om {insats} inkom till {enhet} den {ansdatum}.",
    "{Anhorig} kontaktade kommunen den {ansdatum} och ansökte om {insats} för {namn_s} räkning.",
    "{Namn} har den {ansdatum} ansökt om {insats}.",
    "Den {ansdatum} ringde {namn} till kommunens kontaktcenter och ansökte om {insats}.",
];

const ANSOKAN: &[&str] = &[
    "{Namn} är {alder} år och bor {boende}.",
    "{Hon} vill ha hjälp med {syssla} och {syssla}.",
    "Ansökan gäller {insats} {frekvens}.",
    "Ansökan gjordes muntligen vid ett telefonsamtal med handläggaren.",
    "{Namn} ansöker om {insats} eftersom {hon} inte längre klarar {syssla} på egen hand.",
    "Ansökan har kommit in via {anhorig}, som har fullmakt att företräda {namn}.",
    "{Namn} har sedan tidigare {annan_insats}.",
    "Ärendet aktualiserades efter en vårdplanering på sjukhuset den {datum}.",
    "{Hon} har ansökt om {insats} enligt {lagrum_kort}.",
    "Ansökan avser främst hjälp med {syssla}.",
];

const UNDERLAG: &[&str] = &[
    "Utredningen bygger på ett hembesök den {besoksdatum}.",
    "Handläggaren gjorde ett hembesök hos {namn} den {besoksdatum}, och {anhorig} var med.",
    "Med {namn_s} samtycke har handläggaren hämtat in uppgifter från {personal}.",
    "Ett läkarintyg daterat {datum} finns i akten.",
    "Handläggaren har också haft telefonkontakt med {personal} den {datum}.",
    "Uppgifter har hämtats från tidigare utredningar i akten.",
    "{Namn} har tagit del av de uppgifter som har hämtats in.",
    "Underlaget består även av ett intyg från {personal} om {hennes} förmåga i vardagen.",
    "Vid hembesöket deltog även {personal}.",
    "En arbetsterapeutisk bedömning gjordes den {datum}.",
    "Handläggaren har inte träffat {namn} ensam, eftersom {hon} ville att {anhorig} skulle vara med.",
    "Utredningen bygger också på ett telefonsamtal med {anhorig} den {datum}.",
];

const SITUATION_ALDRE: &[&str] = &[
    "{Namn} är {alder} år och bor {boende}.",
    "{Hon} har {diagnos} och har kontakt med vårdcentralen.",
    "{Hon} har tidigare arbetat som {yrke}.",
    "{Hon} har haft {annan_insats} sedan {ar}.",
    "{Anhorig} bor i {ort} och hälsar på {frekvens}.",
    "{Hon} blev {anka} för några år sedan och har sedan dess bott ensam.",
    "{Namn} har två vuxna barn och flera barnbarn.",
    "Bostaden har {rum} rum och kök.",
];

const SITUATION_VUXEN: &[&str] = &[
    "{Namn} är {alder} år och bor {boende}.",
    "{Hon} har {diagnos} och tillhör personkretsen enligt 1 § LSS.",
    "{Namn} {utbildning}.",
    "{Hon} har haft {annan_insats} sedan {ar}.",
    "{Anhorig} har varit ett viktigt stöd för {namn} i många år.",
    "{Namn} har {ersattning} från {f:FK}.",
    "{Hon} har en god man som hjälper till med ekonomin.",
];

const SITUATION_BARN: &[&str] = &[
    "{Namn} är {alder} år och bor {boende}.",
    "{Namn} går i {klass}.",
    "{Hon} har {diagnos} och har kontakt med barn- och ungdomshabiliteringen.",
    "Familjen har haft {annan_insats} sedan {ar}.",
    "Vårdnadshavarna arbetar båda heltid.",
    "{Namn} har svårt att sova på nätterna, vilket påverkar hela familjen.",
    "{Namn} har en {f:SIP} som följs upp två gånger per år.",
];

const EGEN: &[&str] = &[
    "{Namn} berättar att {hon} vill {onskan}.",
    "{Hon} önskar hjälp med {syssla} {frekvens}.",
    "{Namn} säger att {hon} helst vill {onskan}.",
    "{Namn} berättar att {hon} känner sig trygg hemma men att {syssla} har blivit svårt.",
    "{Hon} tycker att dagarna blir långa och vill {onskan}.",
    "{Namn} vill inte ha hjälp med {egen_syssla}, eftersom {hon} klarar det själv.",
    "Enligt {namn} fungerar det bra med {annan_insats} i dag.",
    "{Hon} vill att hjälpen kommer på förmiddagen, eftersom {hon} är piggast då.",
    "{Namn} berättar att {hon} oroar sig för att bli en börda för {anhorig}.",
    "{Namn} har själv beskrivit hur en vanlig dag ser ut.",
    "{Hon} önskar att det blir samma personal som kommer, så långt det är möjligt.",
    "{Namn} berättar att {hon} saknar att kunna {aktivitet}.",
    "{Hon} önskar att få {insats} så snart som möjligt.",
];

const CITAT: &[&str] = &[
    "”Jag vill klara mig själv så länge det går”, säger {namn}.",
    "”Jag vill inte flytta härifrån”, säger {namn}.",
    "”Det viktigaste för mig är att få {aktivitet} igen”, säger {namn}.",
    "”Jag är inte van att be om hjälp”, säger {namn}.",
    "”Jag vill bestämma själv när jag ska duscha”, säger {namn}.",
];

const OMBUD: &[&str] = &[
    "{Anhorig} berättar att {namn} har blivit mer glömsk det senaste året.",
    "{Anhorig} anser att {namn} behöver mer hjälp än {hon} själv tycker.",
    "Enligt {anhorig} klarar {namn} inte längre att {vardagssyssla}.",
    "{Anhorig} önskar att {namn} får {insats} så snart som möjligt.",
    "{Anhorig} berättar att familjen har hjälpt till mycket men inte orkar längre.",
    "{Personal} berättar att {namn} ofta tackar nej till hjälp.",
    "{Anhorig} upplever att {namn} blir orolig när {hon} är ensam på kvällarna.",
    "Enligt {personal} har {namn} blivit sämre sedan {manad}.",
];

const BEHOV_INTRO: &[&str] = &[
    "Här beskriver handläggaren {namn_s} behov, resurser och mål per livsområde.",
    "Behoven beskrivs nedan utifrån de livsområden som är aktuella för {namn}.",
    "Nedan beskrivs vad {namn} klarar själv och vad {hon} behöver hjälp med.",
    "Utredningen av behoven utgår från samtalen med {namn} och från underlaget.",
];

const PERSONLIG_VARD: &[&str] = &[
    "{Namn} tvättar sig vid handfatet men behöver hjälp att duscha{icf:d510}.",
    "{Hon} behöver hjälp med på- och avklädning morgon och kväll{icf:d540}.",
    "Vid toalettbesök klarar {hon} sig själv dagtid men behöver stöd nattetid{icf:d530}.",
    "{Hon} har svårt att sköta sin hårvård och behöver påminnelse om att byta kläder{icf:d520}.",
    "{Namn} äter själv om maten är uppskuren och serverad{icf:d550}.",
    "{Hon} använder {badrum} i badrummet och har handtag vid toaletten.",
    "Enligt {personal} behöver {namn} stöd med hudvård efter duschen{icf:d520}.",
    "{Namn} vill sköta sin hygien själv så långt det går, men behöver någon i närheten när {hon} duschar.",
    "{Hon} tar sina läkemedel med hjälp av en dosett som {anhorig} fyller på varje vecka{icf:d570}.",
];

const HEMLIV: &[&str] = &[
    "{Namn} lagar enklare mat själv men orkar inte stå vid spisen länge{icf:d630}.",
    "{Hon} behöver hjälp med städning {frekvens}{icf:d640}.",
    "Tvätten sköter {anhorig} i dag, men det fungerar inte längre.",
    "{Hon} klarar inte att bära matkassar och behöver hjälp med inköp{icf:d620}.",
    "{Namn} har svårt att nå de övre skåpen i köket.",
    "{Namn} diskar själv och bäddar sin säng varje morgon.",
    "Det är svårt för {henne} att planera inköp och hålla ordning på räkningar{icf:d620}.",
    "{Hon} har tidigare fått hjälp med städning av {anhorig}, som nu har flyttat till {ort}.",
];

const FORFLYTTNING: &[&str] = &[
    "{Namn} använder {gang} inomhus och behöver stöd utomhus{icf:d450}.",
    "{Hon} har svårt att resa sig från sängen och behöver hjälp vid förflyttning{icf:d420}.",
    "Trapporna i huset är ett hinder, eftersom det saknas hiss{icf:d455}.",
    "{Hon} föll i hallen i {manad} och har sedan dess varit rädd att gå ut ensam.",
    "Utomhus använder {hon} {gang} och klarar kortare sträckor{icf:d460}.",
    "{Namn} åker färdtjänst till vårdcentralen och till affären{icf:d470}.",
    "Arbetsterapeuten har provat ut {hjalpmedel} för att underlätta förflyttningar.",
];

const KOMMUNIKATION: &[&str] = &[
    "{Namn} hör dåligt och använder hörapparat, men det går bra att samtala om man talar tydligt{icf:d310}.",
    "{Hon} uttrycker sig med korta meningar och använder bildstöd{icf:d330}.",
    "Det tar tid för {henne} att hitta orden, och {hon} blir trött av långa samtal{icf:d350}.",
    "{Namn} har svårt att komma ihåg vad som sagts och behöver skriftliga påminnelser{icf:b144}.",
    "{Hon} använder mobiltelefon för att ringa till {anhorig}{icf:d360}.",
    "Vid samtalet behövdes tolk, eftersom {namn} helst talar {sprak}.",
    "{Hon} förstår det som sägs men kan ibland inte svara på frågor om tid och plats{icf:b114}.",
];

const SOCIALT_LIV: &[&str] = &[
    "{Namn} träffar {anhorig} ungefär en gång i månaden.",
    "{Hon} känner sig ensam på eftermiddagarna och saknar någon att prata med{icf:d750}.",
    "Tidigare gick {hon} till träffpunkten varje vecka, men det har {hon} inte orkat det senaste året.",
    "{Namn} vill gärna komma ut och {aktivitet} men behöver sällskap{icf:d920}.",
    "{Hon} har en god vän i huset som hälsar på ibland.",
    "{Namn} har få kontakter utanför familjen{icf:d750}.",
];

const SOCIALT_LIV_BARN: &[&str] = &[
    "{Namn} har få kamrater och träffar sällan jämnåriga på fritiden{icf:d750}.",
    "{Hon} vill gärna {aktivitet} men behöver en vuxen med sig{icf:d920}.",
    "{Hon} tycker om att vara med sina syskon.",
    "{Namn} går på fritids efter skolan några dagar i veckan.",
    "Det är svårt för {henne} att delta i fritidsaktiviteter utan stöd.",
];

const HALSA: &[&str] = &[
    "{Namn} har {diagnos} och har kontakt med vårdcentralen.",
    "Enligt {personal} har {hon} blivit tröttare det senaste halvåret{icf:b130}.",
    "{Hon} har ont i ryggen och höfterna, särskilt på morgonen{icf:b280}.",
    "Minnet har blivit sämre och {hon} glömmer ibland att äta{icf:b144}.",
    "{Hon} sover dåligt och är ofta vaken flera gånger per natt{icf:b134}.",
    "Hemsjukvården ansvarar för {hennes} läkemedel och såromläggning.",
];

const TRYGGHET: &[&str] = &[
    "{Namn} känner sig otrygg nattetid och har larmat flera gånger.",
    "{Hon} har trygghetslarm och vet hur det används.",
    "{Anhorig} oroar sig för att {namn} ska falla när {hon} är ensam.",
    "{Hon} vill veta vem som kommer och när, för att känna sig trygg.",
    "Det finns en risk att {hon} går ut på nätterna och inte hittar hem{icf:b114}.",
];

const TRYGGHET_BARN: &[&str] = &[
    "{Namn} behöver en vuxen i närheten hela tiden, eftersom {hon} inte förstår faror i trafiken.",
    "{Hon} blir orolig vid förändringar och behöver förberedas i god tid.",
    "Det finns en risk att {hon} går iväg på egen hand och inte hittar hem{icf:b114}.",
    "{Anhorig} berättar att {namn} ofta vaknar på natten och behöver tillsyn.",
    "{Hon} känner sig trygg med personal som {hon} känner sedan tidigare.",
];

const SYSSELSATTNING: &[&str] = &[
    "{Namn} har ingen sysselsättning på dagarna sedan {sysselsattning_slut}.",
    "{Hon} vill gärna arbeta med {arbete}.",
    "På praktiken fungerade {hon} bra i arbetsuppgifter med tydlig struktur{icf:d850}.",
    "{Hon} behöver stöd vid nya moment och när många människor rör sig runt {henne}{icf:d230}.",
    "Enligt {personal} orkar {namn} vara i verksamhet ungefär fyra timmar om dagen.",
    "{Hon} saknar förvärvsarbete och studerar inte.",
];

const LARANDE: &[&str] = &[
    "{Namn} går i {klass} och har en elevassistent under delar av dagen.",
    "Skolan beskriver att {namn} behöver tydliga scheman och förberedelse inför förändringar{icf:d230}.",
    "{Hon} lär sig bäst med bildstöd och korta instruktioner{icf:d160}.",
    "Efter skolan är {namn} ofta mycket trött och behöver vila.",
    "{Hon} tycker om att {aktivitet} tillsammans med en vuxen.",
];

const RESURSER: &[&str] = &[
    "{Namn} tycker om att {aktivitet}.",
    "{Hon} klarar själv att {vardagssyssla}.",
    "{Namn} har ett gott stöd av {anhorig}, som ringer varje dag.",
    "{Hon} är van att planera sin dag och vill gärna bestämma själv.",
    "{Namn} har lätt för att ta kontakt med andra människor.",
    "{Hon} har god humor och berättar gärna om sitt liv.",
    "{Namn} klarar själv sin morgonhygien om kläderna ligger framme.",
    "{Hon} är motiverad att träna upp sin gångförmåga tillsammans med fysioterapeuten.",
    "{Namn} har grannar som handlar åt {henne} ibland.",
    "{Hon} vet vad {hon} vill och kan uttrycka sina önskemål tydligt.",
];

const MAL: &[&str] = &[
    "Målet är att {namn} ska kunna {onskan}.",
    "Målet är att {hon} ska känna sig trygg i sitt hem.",
    "{Namn_s} mål är att kunna {aktivitet} igen.",
    "Målet med insatsen är att {namn} ska kunna bo kvar hemma så länge som möjligt.",
    "Målet är att {namn} ska klara {syssla} med så lite hjälp som möjligt.",
    "Ett delmål är att {hon} ska komma ut minst en gång i veckan.",
    "{Namn} och handläggaren har kommit överens om målet att {hon} ska {onskan}.",
    "Målet är att insatsen ska ge {namn} möjlighet att leva ett självständigt liv.",
];

const MAL_DU: &[&str] = &[
    "Målet är att du ska kunna {onskan}.",
    "Målet med insatsen är att du ska känna dig trygg hemma.",
    "Vi har kommit överens om att målet är att du ska klara {syssla} med mindre hjälp.",
];

const BRIST: &[&str] = &[
    "{Namn} är {brist}.",
    "{Hon} lider av {diagnos}.",
    "{Namn} vägrar ta emot hjälp med {syssla}.",
    "{Hon} är helt beroende av andra för sin personliga vård.",
    "{Namn} är omotiverad och vägrar delta i aktiviteter.",
    "{Hon} klarar ingenting själv på morgonen.",
    "{Namn} är en krävande brukare som ofta klagar på personalen.",
    "{Hon} saknar sjukdomsinsikt och vägrar gå till läkaren.",
];

const BEDOMNING: &[&str] = &[
    "{Namn} kan själv sköta {egen_syssla}, och därför föreslås ingen hjälp med det.",
    "Handläggaren har tagit hänsyn till {namn_s} egen uppfattning om hur hjälpen ska utformas.",
    "Behovet bedöms enligt {lagrum}.",
    "Handläggaren har gått igenom underlaget tillsammans med {namn}.",
    "Bedömningen utgår från {namn_s} individuella behov och förutsättningar.",
];

const BEDOMNING_BIFALL: &[&str] = &[
    "Handläggaren bedömer att {namn} behöver hjälp med {syssla}.",
    "{Namn_s} behov kan inte tillgodoses på annat sätt.",
    "Handläggaren föreslår att {namn} får {insats} {frekvens}.",
    "Sammantaget bedömer handläggaren att behovet motsvarar ungefär {timmar} timmar i månaden.",
    "{Anhorig} kan inte förväntas ge den hjälp som {namn} behöver.",
    "Handläggaren föreslår att insatsen följs upp efter {manader}.",
    "Stödet vid {syssla} minskar risken för fall och ökar {namn_s} trygghet.",
    "Det är viktigt att hjälpen ges på ett sätt som stärker {namn_s} möjligheter att leva självständigt.",
    "Behovet av {insats} bedöms vara varaktigt.",
    "Handläggaren föreslår att {namn} beviljas {insats} från och med den {startdatum}.",
];

const BEDOMNING_AVSLAG: &[&str] = &[
    "Handläggaren föreslår att ansökan om {insats} avslås, eftersom behovet kan tillgodoses genom {annan_insats}.",
    "Handläggaren bedömer att {namn} inte har behov av {insats} i nuläget.",
    "{Namn_s} behov tillgodoses genom {annan_insats}.",
    "{Namn} klarar {syssla} med stöd av {anhorig}, och något ytterligare behov har inte framkommit.",
];

const BEDOMNING_SOL: &[&str] = &[
    "Hjälpen behövs för att {namn} ska få en skälig levnadsnivå, alltså ett tryggt och rimligt liv i sitt hem.",
    "Utan hjälpen skulle {namn} inte uppnå skälig levnadsnivå.",
];

const BEDOMNING_LSS: &[&str] = &[
    "{Namn} tillhör personkretsen enligt 1 § LSS.",
    "Insatsen bör utformas så att {namn} får goda levnadsvillkor.",
    "Behovet tillgodoses inte på annat sätt, och {namn} har därför rätt till {insats} enligt {lagrum}.",
];

const KANSLI: &[&str] = &[
    "Beträffande {egen_syssla} föreligger inget behov av bistånd.",
    "Därest behovet förändras kan ny ansökan inges till förvaltningen.",
    "Vederbörande har uppgett att hjälp med {syssla} erhålls från {anhorig}.",
    "Beträffande {namn_s} boendesituation föreligger inga hinder för fortsatt kvarboende.",
    "Erforderliga underlag har inhämtats i enlighet med gällande rutiner.",
    "Den enskilde har jämväl erbjudits {annan_insats} men har avböjt detsamma.",
    "Handläggaren har beträffande frågan om {syssla} inhämtat yttrande från {personal}.",
    "Ärendet har handlagts i enlighet med förvaltningens rutiner för {insats}.",
];

const KANSLI_BIFALL: &[&str] = &[
    "{Namn} bedöms i enlighet med ovanstående vara berättigad att erhålla {insats}.",
    "Med anledning av ovanstående föreligger behov av insatser i hemmet.",
    "Sökanden äger rätt att erhålla bistånd i enlighet med gällande riktlinjer.",
];

const KANSLI_AVSLAG: &[&str] = &[
    "Något behov av {insats} föreligger ej.",
    "Behovet bedöms vara tillgodosett genom befintliga insatser, varför ansökan ej kan bifallas.",
];

const PASSIV: &[&str] = &[
    "Ärendet har utretts av {enhet}.",
    "Uppgifter har inhämtats från {personal}.",
    "Ansökan har handlagts skyndsamt.",
    "Det har bedömts att {egen_syssla} kan utföras av {anhorig}.",
    "Beslutet har fattats på delegation.",
    "Behovet har utretts vid hembesök den {besoksdatum}.",
    "Hjälp med {egen_syssla} bedöms inte vara nödvändig i nuläget.",
];

const PASSIV_BIFALL: &[&str] = &[
    "{Insats} beviljas {frekvens}.",
    "Behovet bedöms kunna tillgodoses genom {insats}.",
    "Insatsen bedöms vara tillräcklig för att tillgodose behovet.",
];

const PASSIV_AVSLAG: &[&str] = &[
    "Ansökan om {insats} har prövats och avslås.",
    "Behovet bedöms redan vara tillgodosett.",
];

const LANGA: &[&str] = &[
    "{Namn}, som enligt uppgift från {personal} under det senaste halvåret har blivit alltmer osäker vid förflyttningar och som vid hembesöket den {besoksdatum} uppgav att {hon} känner sig otrygg i duschen, har ansökt om {insats} för att kunna fortsätta bo kvar i sin nuvarande bostad.",
    "Vid hembesöket framkom att {namn} i dagsläget får hjälp av {anhorig} med både {syssla} och {syssla}, men att {anhorig} på grund av eget arbete och lång resväg inte längre har möjlighet att ge den hjälp som behövs varje vecka.",
    "Med hänsyn till att {namn} har {diagnos} och att tillståndet enligt {personal} successivt har försämrats under året bedöms behovet av stöd i vardagen vara större i dag än när den tidigare insatsen beviljades.",
    "Eftersom {namn} har svårt att komma ihåg tider och överenskommelser och inte alltid själv kan ta kontakt när något har hänt, är det viktigt att personalen som utför insatsen är densamma så långt det är möjligt och att {anhorig} hålls informerad.",
    "I samband med kommuniceringen framförde {anhorig} synpunkter på omfattningen av den föreslagna insatsen, men synpunkterna har inte föranlett någon ändrad bedömning eftersom de inte tillförde några nya uppgifter om behovet.",
];

const LANGA_BIFALL: &[&str] = &[
    "Handläggaren har vid sin bedömning vägt samman {namn_s} egen beskrivning av sina behov, de uppgifter som {anhorig} har lämnat samt de iakttagelser som gjordes vid hembesöket och kommit fram till att behovet inte kan tillgodoses på annat sätt.",
    "Mot bakgrund av vad som framkommit i utredningen, och med beaktande av att {namn} själv tydligt har uttryckt att {hon} vill {onskan}, bedöms {insats} i den omfattning som föreslås vara en lämplig och tillräcklig insats för att tillgodose behovet.",
    "Det har i ärendet inte framkommit några uppgifter som tyder på att {namn_s} behov av hjälp med {syssla} kan tillgodoses genom egna resurser, genom hjälp från närstående eller genom andra insatser som kommunen eller regionen erbjuder.",
];

const LANGA_AVSLAG: &[&str] = &[
    "Av utredningen framgår att {namn} visserligen har svårigheter med {syssla}, men att dessa svårigheter enligt handläggarens bedömning kan hanteras med hjälp av {annan_insats} och det stöd som {anhorig} redan ger, varför något ytterligare behov inte bedöms föreligga.",
    "Även om {namn} har uttryckt en stark önskan om att få {insats} har det vid utredningen inte framkommit att behovet inte kan tillgodoses på annat sätt, och ansökan bedöms därför inte kunna beviljas i nuläget.",
];

/// Templates with alternatives, about the person in the third person.
const VARIERAT_3P: &[&str] = &[
    "{Vid hembesöket framkom|Under samtalet framkom|Vid telefonsamtalet framkom|Av underlaget framgår} att {namn} {har svårt att|behöver stöd för att|inte längre klarar att|ibland glömmer att} {vardagssyssla}{| på morgnarna| på kvällarna| när {hon} är trött}.",
    "Enligt {personal} har {namn} {sedan en tid|under det senaste året|sedan i {manad}} {behövt stöd vid|haft svårt med|fått hjälp av {anhorig} med} {syssla}.",
    "{Hon} {har|uppges ha} svårt att {resa sig från sängen|ta sig ut|gå i trappor|hålla ordning på tider|komma i ordning på morgonen}{| utan hjälp| utan påminnelser}.",
    "Vid {hembesöket|besöket} {noterades|såg handläggaren} att {bostaden var {städad och välordnad|ostädad|belamrad med saker|anpassad med handtag och ramper}|hemmet var {städat och välordnat|ostädat|belamrat med saker}}.",
    "{Namn} har {god|viss|begränsad} kontakt med {anhorig}, som {ringer|hälsar på|hjälper till} {frekvens}.",
    "{Hon} {sover|äter|mår} {dåligt|sämre än tidigare|oregelbundet} enligt {personal}.",
    "{Namn} {har tidigare haft|har sedan {ar} haft|har erbjudits} {annan_insats}.",
    "{Under dagen|På förmiddagarna|På kvällarna} är {namn} {oftast hemma|ute en kortare stund|trött och behöver vila}.",
    "{Namn} {behöver|har behov av} {påminnelser|stöd|tillsyn} {under dagen|på kvällarna|vid måltiderna|i samband med {syssla}}.",
];

/// Varied templates: the person's own view, in the third person.
const VARIERAT_3P_EGEN: &[&str] = &[
    "{Namn} {berättar|uppger|säger} att {hon} {tycker om att|gärna vill|saknar att} {aktivitet}{| och att {hon} vill fortsätta med det| men att det har blivit svårare}.",
    "{Namn} {berättar|säger} att {hon} {vill {onskan}|helst vill {onskan}|inte vill flytta}{| och att det är viktigt för {henne}}.",
];

/// Varied templates: relatives' and staff's views.
const VARIERAT_3P_OMBUD: &[&str] = &[
    "{Anhorig} {berättar|uppger|har framfört} att {namn} {har blivit tröttare|har blivit mer glömsk|har fallit flera gånger|har svårare att klara sig själv} {det senaste året|sedan i {manad}|under hösten|under våren}.",
    "{Personal} {berättar|uppger} att {namn} {ofta tackar nej till hjälp|behöver mer tid på morgnarna|blir orolig på kvällarna}.",
];

/// Templates with alternatives, addressing the person as du.
const VARIERAT_DU: &[&str] = &[
    "Vi {har pratat med|har fått uppgifter från|har läst ett intyg från} {personal}, som {beskriver|bekräftar} att du {behöver stöd vid|har svårt med} {syssla}.",
    "{Hjälpen|Stödet} ska {ges|utformas} {så att du känner dig trygg|på de tider som passar dig|av så få personer som möjligt}.",
    "Vi har gått igenom {underlaget|intyget från {personal}|det du har berättat} för att bedöma {hur mycket hjälp du behöver|vilket stöd du behöver}.",
];

/// Varied templates: the person's own view, as du.
const VARIERAT_DU_EGEN: &[&str] = &[
    "Du har {berättat|sagt|beskrivit} att du {har svårt att|behöver stöd för att|inte längre klarar att} {vardagssyssla}{| på morgnarna| på kvällarna}.",
    "Du {tycker om att|vill gärna|saknar att} {aktivitet}{|, och det ska du kunna fortsätta med}.",
    "När vi {träffades|pratade} den {besoksdatum} {berättade du|sa du} att du {känner dig otrygg på nätterna|vill bo kvar hemma|vill klara så mycket som möjligt själv|behöver hjälp med {syssla}}.",
];

/// Varied templates: relatives' views, as du.
const VARIERAT_DU_OMBUD: &[&str] = &[
    "{Din_anhorig} {har berättat|berättade|har sagt} att du {har blivit tröttare|har svårare att klara dig själv|har fallit flera gånger} {det senaste året|sedan i {manad}|under hösten}.",
];

const ICF: &[&str] = &[
    "Behoven beskrivs med stöd av ICF, Socialstyrelsens klassifikation av funktionstillstånd.",
    "Enligt bedömningen har {namn} betydande svårigheter att tvätta sig (d510) och att klä sig (d540).",
    "Minnesfunktionerna (b144) är nedsatta, vilket påverkar förmågan att planera dagen.",
    "Svårigheterna gäller främst hushållsarbete (d640) och att skaffa varor och tjänster (d620).",
    "{Namn} har nedsatt förmåga att gå långa sträckor (d4501).",
    "Förmågan att sköta sin egen hälsa (d570) bedöms vara nedsatt.",
];

const ICF_FEL: &[&str] = &[
    "{Namn} har svårt att äta och dricka (d55).",
    "Behovet av hjälp i hushållet har kodats som d999.",
    "Förflyttning inom bostaden (d46) fungerar med stöd.",
    "Sömnfunktionerna (b1340x) är påverkade.",
];

const FORKORTNINGAR: &[&str] = &[
    "Utredningen har genomförts enligt arbetssättet {f:IBIC}.",
    "En {f:SIP} har upprättats tillsammans med regionen.",
    "Hemsjukvården ansvarar enligt {f:HSL} för {hennes} läkemedel.",
    "{Namn} har valt utförare enligt {f:LOV}.",
    "Ärendet har stämts av med {f:SSK} och {f:AT}.",
    "{F:AT} har gjort en bedömning av {hennes} förmåga att förflytta sig.",
];

const KOMMUNICERING_FORST: &[&str] = &[
    "Utredningen kommunicerades med {namn} den {kommdatum}.",
    "Handläggaren kommunicerade utredningen med {namn} vid ett besök den {kommdatum}.",
    "Utredningen skickades till {namn} den {kommdatum} för kommunicering.",
    "Utredningen har kommunicerats med {anhorig} den {kommdatum}.",
];

const KOMMUNICERING: &[&str] = &[
    "{Namn} fick möjlighet att lämna synpunkter till den {datum}.",
    "{Hon} sa att beskrivningen stämmer.",
    "Inga synpunkter har inkommit.",
    "Utredningen har skickats till {namn} och {anhorig} för kännedom.",
    "{Namn} läste utredningen tillsammans med handläggaren och ville ändra en uppgift om {syssla}, vilket har gjorts.",
    "{Anhorig} har också fått ta del av utredningen.",
];

const BESLUT_DU_BIFALL: &[&str] = &[
    "Du får {insats} från och med den {startdatum}.",
    "Du beviljas {insats} {frekvens}.",
    "{Namn}, du får {insats} enligt {lagrum_kort}.",
    "Vi har beslutat att du får {insats}.",
];

const BESLUT_DU_AVSLAG: &[&str] = &[
    "Du får inte {insats}.",
    "Din ansökan om {insats} avslås.",
    "Vi har sagt nej till din ansökan om {insats}.",
];

const BESLUT_DU_DELVIS: &[&str] = &[
    "Du beviljas delvis {insats}.",
    "Du får hjälp med {syssla}, men din ansökan om hjälp med {egen_syssla} avslås.",
    "Du får {insats} {frekvens}, men inte i den omfattning som du har ansökt om.",
];

const BESLUT_3P_BIFALL: &[&str] = &[
    "{Namn} beviljas {insats} från och med den {startdatum}.",
    "Sökanden beviljas bistånd i form av {insats} {frekvens}.",
    "Ansökan om {insats} bifalls.",
];

const BESLUT_3P_AVSLAG: &[&str] = &[
    "Sökandens ansökan om bistånd i form av {insats} avslås.",
    "Ansökan om {insats} avslås.",
    "{Namn_s} ansökan om {insats} avslås.",
];

const BESLUT_3P_DELVIS: &[&str] = &[
    "Ansökan om {insats} bifalls delvis.",
    "Sökanden beviljas hjälp med {syssla}, medan ansökan om hjälp med {egen_syssla} avslås.",
];

const BESLUT_DU_DETALJ: &[&str] = &[
    "{Hjälpen|Insatsen} {börjar|startar} den {startdatum} och gäller {giltighet}.",
    "Du får hjälp med {syssla} {frekvens}.",
    "Sammanlagt blir det ungefär {timmar} timmar i månaden.",
    "Beslutet gäller {giltighet}.",
    "Hjälpen börjar den {startdatum}.",
    "Utföraren kontaktar dig innan hjälpen börjar.",
    "Hjälpen ges av personal från den utförare som du har valt.",
    "Du kan ändra tiderna tillsammans med utföraren om det behövs.",
];

const BESLUT_3P_DETALJ: &[&str] = &[
    "{Insatsen|Beslutet} gäller från och med den {startdatum} {giltighet}.",
    "Insatsen omfattar hjälp med {syssla} och {syssla}.",
    "Insatsen ska börja den {startdatum}.",
    "Insatsen omfattar sammanlagt {timmar} timmar per månad.",
    "Beslutet gäller {giltighet}.",
];

const BESLUT_DU_AVSLAG_DETALJ: &[&str] = &[
    "Vi har utrett din ansökan och kommit fram till att du inte har rätt till {insats}.",
    "Du kan fortsätta att ha {annan_insats} som tidigare.",
    "Om dina behov ändras kan du ansöka igen.",
];

const BESLUT_3P_AVSLAG_DETALJ: &[&str] = &[
    "Sökanden bedöms inte ha rätt till {insats}.",
    "Befintliga insatser kvarstår oförändrade.",
    "Ny ansökan kan göras om behoven förändras.",
];

const BAKGRUND_DU: &[&str] = &[
    "Du ansökte om {insats} den {ansdatum}.",
    "Din ansökan kom in till oss den {ansdatum}.",
    "Du är {alder} år och bor {boende}.",
    "Vi träffades hemma hos dig den {besoksdatum}.",
    "Du har berättat att du sedan en tid har svårt med {syssla}.",
    "Vid vårt möte var även {din_anhorig} med.",
    "Du har tidigare haft {annan_insats}.",
    "Du har berättat att {din_anhorig} hjälper dig ibland.",
    "Vi har också pratat med {personal}.",
    "Vi ringde dig den {datum} för att ställa några kompletterande frågor.",
];

const BAKGRUND_3P: &[&str] = &[
    "Sökanden inkom den {ansdatum} med ansökan om {insats}.",
    "Sökanden är {alder} år och bor {boende}.",
    "Hembesök genomfördes den {besoksdatum}.",
    "Den enskilde har {diagnos}.",
    "Sökanden har sedan {ar} {annan_insats}.",
    "Vid hembesöket närvarade även {anhorig}.",
    "Kompletterande uppgifter har inhämtats per telefon den {datum}.",
    "Ärendet aktualiserades genom en ansökan från {anhorig}.",
];

const MOTIV_DU_BIFALL: &[&str] = &[
    "Vi bedömer att du behöver hjälp med {syssla} för att få en skälig levnadsnivå.",
    "Det betyder att du kan leva ett tryggt och rimligt liv i ditt hem.",
    "{Din_anhorig} har inte möjlighet att hjälpa dig varje vecka.",
    "Vi bedömer att ditt behov kan tillgodoses med {insats} {frekvens}.",
    "Med hjälpen kan du fortsätta att bo kvar hemma.",
    "Vi har pratat med {personal}, som bekräftar att du behöver stöd vid {syssla}.",
    "Vi bedömer att du inte kan få hjälpen på något annat sätt.",
    "Hjälpen gör att du kan känna dig tryggare hemma.",
    "Eftersom du har svårt med {syssla} behöver du stöd några gånger i veckan.",
    "Vi har kommit fram till att {insats} är det stöd som passar dig bäst.",
];

const MOTIV_DU_AVSLAG: &[&str] = &[
    "Vi bedömer att du kan få dina behov tillgodosedda på annat sätt.",
    "Du har i dag {annan_insats}, och vi bedömer att det räcker för att du ska få en skälig levnadsnivå.",
    "Vi förstår att du känner dig otrygg, men utredningen visar inte att du behöver {insats}.",
    "Du klarar själv {egen_syssla}, och därför ingår inte hjälp med det.",
    "Vi har inte kunnat se att du har behov som inte kan tillgodoses med det stöd du redan har.",
    "Du kan få hjälp med {syssla} genom {annan_insats} i stället.",
    "Vi har kommit fram till att du klarar vardagen med det stöd du har i dag.",
];

const MOTIV_DU_DELVIS: &[&str] = &[
    "Du har ansökt om hjälp med {egen_syssla}, men vi bedömer att du klarar det själv.",
    "Vi bedömer att du inte behöver hjälp med {egen_syssla}, eftersom {din_anhorig} redan hjälper dig med det.",
    "Hjälpen blir mindre än du ansökte om, eftersom du klarar en del av {egen_syssla} själv.",
    "Vi har inte beviljat hjälp med {egen_syssla}, eftersom det kan ordnas på annat sätt.",
];

const MOTIV_DU: &[&str] = &[
    "Vi har tagit hänsyn till vad du själv har berättat om dina behov.",
    "Du har sedan tidigare {annan_insats}.",
    "Vid hembesöket såg vi att du behöver stöd när du reser dig från sängen.",
    "Du använder {gang} inomhus.",
    "Vi har läst intyget från {personal}.",
    "Du har {diagnos}, och det gör att du blir trött snabbare än tidigare.",
];

const MOTIV_DU_EGEN: &[&str] = &[
    "Du har berättat att du vill {onskan}.",
    "Du har berättat att du tycker om att {aktivitet}.",
    "Du har berättat att du har svårt att {vardagssyssla} själv.",
    "Du har sagt att du känner dig ensam på eftermiddagarna.",
    "Du har berättat att du föll i {manad} och att du sedan dess är rädd att falla igen.",
    "Du vill själv bestämma när hjälpen ska komma.",
    "Du har sagt att {annan_insats} fungerar bra för dig.",
];

const MOTIV_DU_OMBUD: &[&str] = &[
    "{Din_anhorig} har berättat att du har blivit mer glömsk.",
    "{Din_anhorig} tycker att du behöver mer hjälp än i dag.",
];

const MOTIV_DU_LSS: &[&str] = &[
    "Du tillhör den grupp som har rätt till insatser enligt LSS.",
    "Med {insats} får du goda levnadsvillkor.",
    "Insatsen ska ge dig möjlighet att leva som andra.",
];

const MOTIV_3P_BIFALL: &[&str] = &[
    "Sökanden bedöms ha behov av hjälp med {syssla}.",
    "Behovet kan inte tillgodoses på annat sätt.",
    "Sökanden bedöms genom insatsen tillförsäkras en skälig levnadsnivå.",
    "Enligt {personal} föreligger behov av stöd vid {syssla}.",
    "Den enskildes behov bedöms inte kunna tillgodoses av närstående.",
    "Insatsen bedöms vara ändamålsenlig.",
];

const MOTIV_3P_AVSLAG: &[&str] = &[
    "Sökanden bedöms ej ha behov av {insats}.",
    "Behovet bedöms kunna tillgodoses genom befintliga insatser.",
    "Det har inte framkommit att sökanden saknar förmåga att själv sköta {egen_syssla}.",
    "Behovet av trygghet bedöms kunna tillgodoses genom {annan_insats}.",
    "Sökanden bedöms kunna tillgodose behovet på annat sätt.",
];

const MOTIV_3P_DELVIS: &[&str] = &[
    "Behov av hjälp med {egen_syssla} bedöms inte föreligga.",
    "Ansökan i den del som avser {egen_syssla} avslås, då behovet kan tillgodoses på annat sätt.",
    "Sökanden bedöms själv kunna utföra {egen_syssla} med stöd av hjälpmedel.",
];

const MOTIV_3P: &[&str] = &[
    "Utredningen visar att {namn} har {diagnos}.",
    "Enligt intyg från {personal} har {namn} behov av stöd i vardagen.",
    "Vid hembesöket observerades att {namn} har svårt att resa sig från sittande.",
    "{Namn} använder {gang} inomhus.",
];

const MOTIV_3P_EGEN: &[&str] = &[
    "Den enskilde har uppgett att {hon} vill {onskan}.",
    "Sökanden har uppgett att {hon} har svårt att {vardagssyssla}.",
    "Den enskilde har uppgett att {hon} känner sig otrygg nattetid.",
];

const MOTIV_3P_OMBUD: &[&str] = &[
    "{Anhorig} har uppgett att {namn} behöver mer stöd.",
    "{Anhorig} har framfört att {namn} inte längre klarar sig själv.",
];

const LAGRUM_DU: &[&str] = &[
    "Vi har beslutat enligt {lagrum}.",
    "Beslutet är fattat enligt {lagrum}.",
    "{Lagrum_forklaring}.",
];

const LAGRUM_3P: &[&str] = &[
    "Beslutet är fattat i enlighet med {lagrum}.",
    "Beslutet grundar sig på {lagrum}.",
];

const LAGRUM_SOL: &[&str] = &[
    "Enligt 4 kap. 1 § socialtjänstlagen har den som inte själv kan tillgodose sina behov rätt till bistånd för sin livsföring.",
    "Insatsen ska ge en skälig levnadsnivå och stärka möjligheterna att leva ett självständigt liv.",
];

const LAGRUM_LSS: &[&str] = &[
    "Enligt 7 § LSS har den som tillhör personkretsen rätt till insatser om behovet inte tillgodoses på annat sätt.",
    "Insatserna ska ge goda levnadsvillkor.",
    "Personkretsen beskrivs i 1 § LSS.",
];

const UPPFOLJNING_DU: &[&str] = &[
    "Vi {följer upp|tittar på} hur {insatsen|hjälpen} fungerar {senast den {uppfdatum}|inom {manader}|efter {manader}}.",
    "Vi följer upp beslutet senast den {uppfdatum}.",
    "Då frågar vi dig hur hjälpen fungerar och om något behöver ändras.",
    "Du kan alltid höra av dig tidigare om dina behov ändras.",
    "Vid uppföljningen vill vi också höra vad {din_anhorig} tycker, om du vill det.",
    "Vi ringer dig innan uppföljningen för att bestämma en tid.",
    "Om hjälpen inte fungerar som den ska vill vi att du hör av dig till oss.",
];

const UPPFOLJNING_3P: &[&str] = &[
    "{Insatsen|Beslutet} följs upp {senast den {uppfdatum}|inom {manader}|vid behov}.",
    "Insatsen följs upp inom {manader}.",
    "Uppföljning sker senast den {uppfdatum}.",
    "Handläggaren kommer att kontakta {namn} före den {uppfdatum} för att boka en tid.",
];

const AVGIFT_DU: &[&str] = &[
    "Du betalar en avgift för insatsen enligt kommunens taxa.",
    "Du får ett särskilt besked om avgiften.",
    "Avgiften beräknas utifrån din inkomst.",
];

const AVGIFT_3P: &[&str] = &[
    "Avgift tas ut enligt kommunens taxa.",
    "Särskilt avgiftsbeslut fattas.",
];

const OVERKLAGA_DU_FORST: &[&str] = &[
    "Du kan överklaga beslutet till förvaltningsrätten inom tre veckor från den dag du fick del av beslutet.",
    "Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.",
];

const OVERKLAGA_DU: &[&str] = &[
    "Skriv vilket beslut du överklagar och varför du tycker att beslutet ska ändras.",
    "Skicka överklagandet till {namnd}, inte direkt till domstolen.",
    "Vi hjälper dig gärna att skriva överklagandet.",
    "Om vi inte ändrar beslutet skickar vi överklagandet vidare till förvaltningsrätten.",
    "Läs mer i bilagan om hur du överklagar.",
    "Överklagandet måste ha kommit in till oss inom tre veckor.",
];

const OVERKLAGA_3P_FORST: &[&str] = &[
    "Beslutet kan överklagas hos förvaltningsrätten.",
    "Beslutet kan överklagas genom förvaltningsbesvär.",
];

const OVERKLAGA_3P: &[&str] = &[
    "Överklagandet ska ha kommit in till {namnd} inom tre veckor från den dag då sökanden fick del av beslutet.",
    "Information om hur man överklagar bifogas.",
];

const BESLUTSFATTARE: &[&str] = &[
    "{Handlaggare}, {titel}, har beslutat detta på delegation från {namnd}.",
    "Beslutet är fattat på delegation av {handlaggare}, {titel}.",
    "Beslutet följer {namnd_gen} delegationsordning, punkt {punkt}.",
    "{Handlaggare}, {titel}, {enhet}.",
];

const INFO_DU: &[&str] = &[
    "Om du {har frågor|vill veta mer|behöver hjälp} {kan du ringa mig|kan du kontakta mig|är du välkommen att höra av dig} {via kommunens kontaktcenter|på vardagar mellan klockan nio och tolv|på telefon}.",
    "Jag berättade om beslutet för dig när vi träffades den {beslutsdatum}.",
    "Om du har frågor kan du ringa mig via kommunens kontaktcenter.",
    "Du väljer själv vilken utförare du vill ha.",
    "Utföraren kontaktar dig för att planera hur hjälpen ska ges.",
    "Beslutet har skickats till dig och i kopia till {din_anhorig}.",
    "Om du vill ha beslutet på ett annat språk kan du höra av dig till oss.",
];

const INFO_3P: &[&str] = &[
    "{Beslutet|Ett meddelande om beslutet} {har skickats|skickas} till {sökanden|den enskilde}{| och i kopia till {anhorig}}.",
    "Beslutet skickas till sökanden samt i kopia till {anhorig}.",
    "Sökanden har informerats om beslutet per telefon den {beslutsdatum}.",
    "Utföraren meddelas om beslutet.",
];

/// Boilerplate shared across utredningar and third-person beslut (~40 words).
const STANDARD_UTREDNING: &[&str] = &[
    "Socialnämnden ska verka för att den enskilde får leva ett värdigt liv och känna välbefinnande. Insatserna ska utformas tillsammans med den enskilde och så långt det är möjligt utgå från hennes eller hans egna önskemål om hur och när hjälpen ska ges.",
    "Uppgifterna i denna utredning har inhämtats med den enskildes samtycke. Den enskilde har informerats om att uppgifterna dokumenteras i socialtjänstens journalsystem och att hon eller han har rätt att ta del av dokumentationen och att få felaktiga uppgifter rättade.",
    "Handläggningen har skett i enlighet med förvaltningens riktlinjer för handläggning och dokumentation. Bedömningen utgår från den enskildes individuella behov. Riktlinjerna är vägledande och ersätter inte en individuell prövning i varje enskilt ärende.",
];

/// Boilerplate shared across du-addressed beslut (~40 words).
const STANDARD_BESLUT: &[&str] = &[
    "Om du inte är nöjd med hur ditt ärende har handlagts kan du lämna synpunkter till förvaltningen. Du kan lämna synpunkter via kommunens webbplats, per telefon eller genom att skriva till oss. Dina synpunkter hjälper oss att förbättra verksamheten.",
    "Vi behandlar dina personuppgifter enligt dataskyddsförordningen. Uppgifterna används bara för att handlägga ditt ärende och för att följa upp de insatser du får. Du har rätt att få veta vilka uppgifter vi har om dig och att få felaktiga uppgifter rättade.",
    "Du har rätt att ta del av alla uppgifter som finns i ditt ärende. Om du vill läsa din akt kan du kontakta din handläggare. Du kan också be att få en kopia av utredningen och beslutet skickad hem till dig.",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence template of every pool.
    fn all_pools() -> Vec<&'static [&'static str]> {
        vec![
            ANSOKAN_FORST,
            ANSOKAN,
            UNDERLAG,
            SITUATION_ALDRE,
            SITUATION_VUXEN,
            SITUATION_BARN,
            EGEN,
            CITAT,
            OMBUD,
            BEHOV_INTRO,
            PERSONLIG_VARD,
            HEMLIV,
            FORFLYTTNING,
            KOMMUNIKATION,
            SOCIALT_LIV,
            SOCIALT_LIV_BARN,
            HALSA,
            TRYGGHET,
            TRYGGHET_BARN,
            SYSSELSATTNING,
            LARANDE,
            RESURSER,
            MAL,
            MAL_DU,
            BRIST,
            BEDOMNING,
            BEDOMNING_BIFALL,
            BEDOMNING_AVSLAG,
            BEDOMNING_SOL,
            BEDOMNING_LSS,
            KANSLI,
            KANSLI_BIFALL,
            KANSLI_AVSLAG,
            PASSIV,
            PASSIV_BIFALL,
            PASSIV_AVSLAG,
            LANGA,
            LANGA_BIFALL,
            LANGA_AVSLAG,
            ICF,
            ICF_FEL,
            VARIERAT_3P,
            VARIERAT_3P_EGEN,
            VARIERAT_3P_OMBUD,
            VARIERAT_DU,
            VARIERAT_DU_EGEN,
            VARIERAT_DU_OMBUD,
            FORKORTNINGAR,
            KOMMUNICERING_FORST,
            KOMMUNICERING,
            BESLUT_DU_BIFALL,
            BESLUT_DU_AVSLAG,
            BESLUT_DU_DELVIS,
            BESLUT_3P_BIFALL,
            BESLUT_3P_AVSLAG,
            BESLUT_3P_DELVIS,
            BESLUT_DU_DETALJ,
            BESLUT_3P_DETALJ,
            BESLUT_DU_AVSLAG_DETALJ,
            BESLUT_3P_AVSLAG_DETALJ,
            BAKGRUND_DU,
            BAKGRUND_3P,
            MOTIV_DU_BIFALL,
            MOTIV_DU_AVSLAG,
            MOTIV_DU,
            MOTIV_DU_EGEN,
            MOTIV_DU_OMBUD,
            MOTIV_DU_DELVIS,
            MOTIV_3P_DELVIS,
            MOTIV_DU_LSS,
            MOTIV_3P_BIFALL,
            MOTIV_3P_AVSLAG,
            MOTIV_3P,
            MOTIV_3P_EGEN,
            MOTIV_3P_OMBUD,
            LAGRUM_DU,
            LAGRUM_3P,
            LAGRUM_SOL,
            LAGRUM_LSS,
            UPPFOLJNING_DU,
            UPPFOLJNING_3P,
            AVGIFT_DU,
            AVGIFT_3P,
            OVERKLAGA_DU_FORST,
            OVERKLAGA_DU,
            OVERKLAGA_3P_FORST,
            OVERKLAGA_3P,
            BESLUTSFATTARE,
            INFO_DU,
            INFO_3P,
        ]
    }

    #[test]
    fn at_least_150_templates() {
        let n: usize = all_pools().iter().map(|p| p.len()).sum();
        assert!(n >= 150, "{n} mallar");
    }

    #[test]
    fn every_template_fills_for_every_group() {
        for seed in 0..40 {
            for kind in [Kind::Utredning, Kind::Beslut] {
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                let case = Case::new(&mut rng, kind);
                let mut g = Gen {
                    rng,
                    c: case,
                    used: HashSet::new(),
                    last: Vec::new(),
                    freq: None,
                };
                for pool in all_pools() {
                    for template in pool {
                        let s = g.fill(template);
                        let mut out = String::new();
                        g.expand(&s, &mut 0, &mut out);
                        assert!(!out.contains(['{', '}']), "{out}");
                        assert!(out.ends_with(['.', '!', '?']), "{out}");
                        assert!(out.len() < 500, "{out}");
                    }
                }
            }
        }
    }

    #[test]
    fn deterministic_and_within_bounds() {
        for number in 1..=300 {
            let a = generate(7, number);
            let b = generate(7, number);
            assert_eq!(a.text, b.text);
            assert!(
                (MIN_BYTES..=MAX_BYTES).contains(&a.text.len()),
                "dokument {number}: {} byte",
                a.text.len()
            );
        }
    }

    #[test]
    fn arguments() {
        let parse = |xs: &[&str]| parse_args(xs.iter().map(OsString::from));
        assert!(matches!(
            parse(&["--antal", "5", "--frö", "9", "--ut", "x"]),
            Ok(Command::Run(Args {
                antal: 5,
                seed: 9,
                ..
            }))
        ));
        assert!(matches!(
            parse(&["--seed=3", "--ut=x"]),
            Ok(Command::Run(Args { seed: 3, .. }))
        ));
        assert!(parse(&["--antal", "0", "--ut", "x"]).is_err());
        assert!(parse(&["--antal", "tio", "--ut", "x"]).is_err());
        assert!(parse(&["--antal", "5"]).is_err());
        assert!(parse(&["--ut"]).is_err());
        assert!(parse(&["--okänd", "--ut", "x"]).is_err());
    }
}
