//! Helpers shared by the end-to-end tests.
#![allow(dead_code)] // Each test crate uses its own part.

use assert_cmd::Command;

/// The `granska` binary, run from the project root without colours.
pub fn granska() -> Command {
    let mut cmd = Command::cargo_bin("granska").expect("binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

/// The file name of a document or error in a JSON report.
pub fn file_name(item: &serde_json::Value) -> String {
    item["path"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

/// A standard assessment paragraph long enough to count as a recurring
/// passage (RS-INDIVIDUELL) when it is copied into another case.
pub const BOILERPLATE: &str = "Efter en samlad bedömning av samtliga omständigheter i ärendet bedöms den enskilde ha ett behov av stöd i den dagliga livsföringen som inte kan tillgodoses på annat sätt och som är nödvändigt för att den enskilde ska uppnå en skälig levnadsnivå.";

/// The status of criterion `id` in a document of a JSON report.
pub fn status<'a>(doc: &'a serde_json::Value, id: &str) -> &'a str {
    doc["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))["status"]
        .as_str()
        .unwrap()
}

/// Runs `granska kontrollera FOLDER --ut OUT` with `extra` flags and asserts
/// that it exits 0.
pub fn check_to_file(folder: &std::path::Path, out: &std::path::Path, extra: &[&str]) {
    let output = granska()
        .arg("kontrollera")
        .arg(folder)
        .args(extra)
        .arg("--ut")
        .arg(out)
        .output()
        .expect("granska runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
