//! Nothing leaks: personal identity numbers are masked wherever they are
//! written and in every format and message, control characters never reach
//! a terminal, and nothing outside the folder given is read through a link.

use std::io::Read as _;
use std::path::Path;

mod common;

use common::granska;
use proptest::prelude::*;

const DECISION: &str = "Beslut om hemtjänst\nÄrende: 2025-0411\nBeslutsdatum: 2025-04-14\n\n\
                        Du får hemtjänst två timmar i veckan.\n\n## Motivering\n\n\
                        Du har berättat att du vill bo kvar hemma. Vi bedömer att du behöver stöd.\n";

/// The separators people write between date and number.
const SEPARATORS: [&str; 8] = ["", "-", "+", " ", "\u{a0}", "\u{2013}", "\n", "-\n"];

/// A valid personnummer or samordningsnummer: its date part (with century
/// when `long`) and its last four digits.
fn identity_number(long: bool, year: u32, month: u32, day: u32, birth: u32) -> (String, String) {
    let short = format!("{:02}{month:02}{day:02}{birth:03}", year % 100);
    let sum: u32 = short
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            if d > 9 { d - 9 } else { d }
        })
        .sum();
    let check = (10 - sum % 10) % 10;
    let date = if long {
        format!("{year:04}{month:02}{day:02}")
    } else {
        short[..6].to_string()
    };
    (date, format!("{birth:03}{check}"))
}

/// Everything a run wrote, as text: the report in `format` (an xlsx's XML
/// parts), or stdout, and stderr.
fn outputs(args: &[&str], out: Option<&Path>) -> String {
    let output = granska().args(args).output().unwrap();
    let mut all = String::from_utf8_lossy(&output.stdout).into_owned();
    all += &String::from_utf8_lossy(&output.stderr);
    if let Some(out) = out.filter(|o| o.exists()) {
        let bytes = std::fs::read(out).unwrap();
        if out.extension().is_some_and(|e| e == "xlsx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                zip.by_index(i).unwrap().read_to_string(&mut all).unwrap();
            }
        } else {
            all += &String::from_utf8_lossy(&bytes);
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A number in the text, in metadata, in a file name and a folder name,
    /// in a path typed on the command line: masked in all six formats, the
    /// stickprov list and every message.
    #[test]
    fn an_identity_number_written_anywhere_is_masked_everywhere(
        long in any::<bool>(),
        year in 1900u32..2024,
        month in 1u32..=12,
        day in 1u32..=28,
        coordination in any::<bool>(),
        birth in 0u32..1000,
        sep in prop::sample::select(SEPARATORS.to_vec()),
    ) {
        let day = if coordination { day + 60 } else { day };
        let (date, last) = identity_number(long, year, month, day, birth);
        let written = format!("{date}{sep}{last}");
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("export").join(format!("Karin_{written}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join(format!("beslut_{written}.md")),
            format!("---\nenhet: Söder {written}\n---\n{DECISION}\nPersonnummer: {written}. Karin_{written} har ansökt.\n"),
        )
        .unwrap();
        std::fs::write(folder.join(format!("tom {written}.md")), "").unwrap();
        let export = dir.path().join("export");
        let input = export.to_str().unwrap();
        let mut seen = String::new();
        for format in ["text", "json", "csv", "sarif", "xlsx", "html"] {
            let out = dir.path().join(format!("rapport.{format}"));
            seen += &outputs(
                &["kontrollera", input, "--gruppera", "enhet", "--ut", out.to_str().unwrap()],
                Some(&out),
            );
        }
        seen += &outputs(&["kontrollera", input, "--gruppera", "enhet"], None);
        let list = dir.path().join(format!("lista {written}.csv"));
        seen += &outputs(
            &["stickprov", input, "-n", "1", "--frö", "1", "--skikta", "enhet", "--ut", list.to_str().unwrap()],
            Some(&list),
        );
        // Paths typed by the user, in messages.
        let nowhere = format!("/finns/inte/rapport {written}.txt");
        seen += &outputs(&["kontrollera", input, "--ut", &nowhere], None);
        seen += &outputs(&["jämför", &format!("runda {written}.json"), "b.json"], None);
        prop_assert!(seen.contains("XXXX"), "nothing was masked at all");
        for (i, _) in seen.match_indices(&date) {
            let after = &seen[i + date.len()..];
            let gap: String = after.chars().take(3 + last.len()).collect();
            prop_assert!(!gap.contains(&last), "unmasked {written:?} near {:?}", &seen[i.saturating_sub(40)..(i + 40).min(seen.len())]);
        }
    }
}

/// Numbers that look alike but fail the date or the check digit — a phone
/// number, an organisation number, a case number — are left as written.
#[test]
fn other_ten_digit_numbers_are_not_masked() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{DECISION}\nRing 0701234560 eller 070-123 45 67. Organisationsnummer 556036-0793. \
         Ärende 2025-04-1411.\n"
    );
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let output = granska()
        .args([
            "kontrollera",
            dir.path().to_str().unwrap(),
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    for kept in ["0701234560", "556036-0793", "2025-04-1411"] {
        assert!(report.contains(kept), "{kept} was masked");
    }
}

/// Escape sequences in a document or a file name reach neither the terminal
/// report nor any other format raw.
#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let hostile =
        "Vederbörande \u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[31mRÖTT\u{1b}[0m kan ansöka.\u{9b}31m";
    // Enough text around it not to be taken for a binary file.
    let text = format!("{DECISION}{hostile}\n{}", DECISION.repeat(3));
    std::fs::write(dir.path().join("doc.md"), text).unwrap();
    std::fs::write(dir.path().join("esc\u{1b}[31mRED\u{1b}[0m.md"), DECISION).unwrap();
    std::fs::write(dir.path().join("tom\u{1b}[2J.md"), "").unwrap();
    let folder = dir.path().to_str().unwrap();
    for format in ["text", "json", "csv", "sarif", "html"] {
        let output = granska()
            .args(["kontrollera", folder, "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(3), "{format}");
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains('\u{1b}'), "{format} {stream}: {text}");
            assert!(!text.contains('\u{9b}'), "{format} {stream}");
            assert!(!text.contains('\u{7}'), "{format} {stream}");
        }
        let text = String::from_utf8_lossy(&output.stdout);
        if format == "text" {
            assert!(text.contains("esc?[31mRED?[0m.md"), "{text}");
            assert!(text.contains("RÖTT"), "{text}");
        }
    }
}

/// A link in the folder to a file or folder outside it is listed, not read.
#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_listed_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("hemligt");
    std::fs::create_dir(&secret).unwrap();
    std::fs::write(secret.join("h.txt"), "HEMLIG RAD: lösenord=hunter2\n").unwrap();
    let export = dir.path().join("export");
    std::fs::create_dir(&export).unwrap();
    std::fs::write(export.join("a.md"), DECISION).unwrap();
    std::os::unix::fs::symlink(secret.join("h.txt"), export.join("x.txt")).unwrap();
    std::os::unix::fs::symlink(&secret, export.join("mapp")).unwrap();
    let out = dir.path().join("r.html");
    let output = granska()
        .args([
            "kontrollera",
            export.to_str().unwrap(),
            "--ut",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("hunter2"));
    assert!(
        html.contains("x.txt") && html.contains("utanför mappen"),
        "listed"
    );
}
