//! What case systems export: the same document as text, Word and PDF gives
//! the same statuses; old encodings give the same findings; a batch with one
//! of every kind of broken file finishes, lists each with its reason and still
//! reports every good document.

use std::collections::BTreeMap;
use std::path::Path;

mod common;

use granska::testkit::zip as docx;

use common::{file_name, granska};
use serde_json::Value;

fn check(args: &[&str]) -> (Option<i32>, Value) {
    let output = granska()
        .arg("kontrollera")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stderr));
    });
    (output.status.code(), json)
}

/// (criterion, status) of every criterion of a document.
fn statuses(doc: &Value) -> Vec<(String, String)> {
    doc["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().into(),
                c["status"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn the_same_document_as_text_word_and_pdf_gets_the_same_statuses() {
    let (code, json) = check(&["fixtures/format"]);
    assert_eq!(code, Some(0), "{json}");
    let mut by_stem: BTreeMap<String, BTreeMap<String, Vec<(String, String)>>> = BTreeMap::new();
    for doc in json["documents"].as_array().unwrap() {
        let name = file_name(doc);
        let (stem, ext) = name.rsplit_once('.').unwrap();
        by_stem
            .entry(stem.to_string())
            .or_default()
            .insert(ext.to_string(), statuses(doc));
        let expected = match ext {
            "docx" => "docx",
            "pdf" => "pdf",
            _ => "UTF-8",
        };
        assert_eq!(doc["encoding"], expected);
    }
    assert_eq!(by_stem.len(), 4);
    let not_met: usize = by_stem
        .values()
        .map(|f| f["txt"].iter().filter(|(_, s)| s == "not_met").count())
        .sum();
    assert!(not_met > 20, "the fixtures have criteria that are not met");
    for (stem, formats) in &by_stem {
        assert_eq!(formats.len(), 3, "{stem}: txt, docx and pdf");
        let text = &formats["txt"];
        assert_eq!(&formats["docx"], text, "{stem}.docx");
        assert_eq!(&formats["pdf"], text, "{stem}.pdf");
    }
}

/// Findings as (criterion, line, excerpt, message).
fn findings(doc: &Value) -> Vec<(String, u64, String, String)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["criterion"].as_str().unwrap().into(),
                f["line"].as_u64().unwrap(),
                f["excerpt"].as_str().unwrap().into(),
                f["message"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn windows_1252_and_utf_16_twins_give_the_same_findings() {
    let source = "fixtures/korpus/u03-sarskilt-boende-astrid.txt";
    let text = std::fs::read_to_string(source).unwrap();
    assert!(text.contains('å') && text.contains('ö'));
    let dir = tempfile::tempdir().unwrap();
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("a-utf8.txt"), &text).unwrap();
    std::fs::write(dir.path().join("b-cp1252.txt"), &cp1252[..]).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(dir.path().join("c-utf16.txt"), utf16).unwrap();
    // Each alone, so that RS-INDIVIDUELL does not compare the twins.
    let read = |name: &str| {
        let (code, json) = check(&[dir.path().join(name).to_str().unwrap()]);
        assert_eq!(code, Some(0));
        json["documents"][0].clone()
    };
    let (utf8, cp, u16) = (
        read("a-utf8.txt"),
        read("b-cp1252.txt"),
        read("c-utf16.txt"),
    );
    assert_eq!(cp["encoding"], "Windows-1252");
    assert_eq!(u16["encoding"], "UTF-16LE");
    assert!(!findings(&utf8).is_empty());
    assert_eq!(findings(&cp), findings(&utf8));
    assert_eq!(findings(&u16), findings(&utf8));
    assert_eq!(statuses(&cp), statuses(&utf8));
}

const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Beslut om hemtjänst</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Du får hemtjänst &amp; trygghetslarm från den 1 maj 2025. </w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Insats</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Omfattning</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;

const HEADER: &str = r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Beslutsdatum: 2025-04-14</w:t></w:r></w:p></w:hdr>"#;

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#;

#[test]
fn a_word_document_gives_headings_tables_and_header_fields() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = docx(&[
        ("word/document.xml", DOCUMENT.as_bytes()),
        ("word/styles.xml", STYLES.as_bytes()),
        ("word/header1.xml", HEADER.as_bytes()),
    ]);
    std::fs::write(dir.path().join("beslut.docx"), bytes).unwrap();
    let (code, json) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{json}");
    let doc = &json["documents"][0];
    assert_eq!(doc["kind"], "beslut", "from the heading");
    assert_eq!(
        doc["metadata"]["beslutsdatum"], "2025-04-14",
        "from the header"
    );
    assert_eq!(doc["encoding"], "docx");
    let words = doc["metrics"]["words"].as_u64().unwrap();
    assert!(words >= 9, "{words} words in {doc}");
}

#[test]
fn a_batch_with_every_kind_of_broken_file_finishes_and_lists_each() {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    // Good documents in every format.
    std::fs::copy(
        "fixtures/format/b15-personlig-assistans-avslag.docx",
        dir.path().join("bra.docx"),
    )
    .unwrap();
    std::fs::copy(
        "fixtures/format/b03-sarskilt-boende-avslag.pdf",
        dir.path().join("bra.pdf"),
    )
    .unwrap();
    std::fs::copy(
        "fixtures/exempel/beslut-avslag-bra.md",
        dir.path().join("bra.md"),
    )
    .unwrap();
    put(
        "bra.html",
        "<h1>Beslut om ledsagning</h1><p>Du får ledsagning två gånger i månaden.</p>".as_bytes(),
    );
    put(
        "poster.jsonl",
        "{\"id\": \"J-1\", \"text\": \"Du får hemtjänst.\"}\n{trasig\n{\"id\": \"J-2\", \"text\": \"Du får inte hemtjänst.\"}\n".as_bytes(),
    );
    put(
        "rader.csv",
        "id;text\nC-1;Du får trygghetslarm.\nC-2;\n".as_bytes(),
    );
    // Broken ones.
    put("tom.txt", b"");
    put(
        "binar.txt",
        &[
            0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0,
        ],
    );
    put("stor.txt", &vec![b'a'; 1_200_000]);
    let good = std::fs::read("fixtures/format/u15-personlig-assistans-thomas.docx").unwrap();
    put("avklippt.docx", &good[..good.len() / 2]);
    put("inte-zip.docx", b"PK\x03\x04 det har ar ingen zip");
    put(
        "bomb.docx",
        &docx(&[("word/document.xml", &vec![b' '; 3_000_000])]),
    );
    put(
        "felaktig-xml.docx",
        &docx(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]),
    );
    put(
        "trasig.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nstream\n\xff\xfe garbage",
    );
    // A PDF with a blank page and no text layer, as a scan has (LibreOffice,
    // from a text file with one space).
    std::fs::copy("tests/data/skannad.pdf", dir.path().join("skannad.pdf")).unwrap();
    let deep = format!(
        "{}<p>Djup text.</p>{}",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    put("djup.html", deep.as_bytes());
    #[cfg(unix)]
    {
        std::fs::create_dir(dir.path().join("ring")).unwrap();
        std::os::unix::fs::symlink("/", dir.path().join("ring/ut-ur-mappen")).unwrap();
    }
    let (code, json) = check(&[dir.path().to_str().unwrap(), "--max-storlek", "1"]);
    assert_eq!(code, Some(3), "{json}");
    let errors: Vec<(String, String)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (file_name(e), e["message"].as_str().unwrap().to_string()))
        .collect();
    let reason = |file: &str| -> Vec<&str> {
        errors
            .iter()
            .filter(|(f, _)| f == file)
            .map(|(_, m)| m.as_str())
            .collect()
    };
    let expect = |file: &str, words: &str| {
        let reasons = reason(file);
        assert!(
            reasons.iter().any(|m| m.contains(words)),
            "{file}: expected “{words}” in {reasons:?} (all: {errors:?})"
        );
    };
    expect("tom.txt", "filen är tom");
    expect("binar.txt", "binära data");
    expect("stor.txt", "större än gränsen 1 MB");
    expect("avklippt.docx", "Word-filen är trasig");
    expect("inte-zip.docx", "Word-filen är trasig");
    expect("bomb.docx", "zip-bomb");
    expect("felaktig-xml.docx", "felaktig XML");
    expect("trasig.pdf", "PDF-filen är trasig");
    expect("skannad.pdf", "PDF:en saknar textlager (inskannad?)");
    expect("poster.jsonl", "rad 2: ogiltig JSON");
    expect("rader.csv", "rad 3: texten är tom");
    #[cfg(unix)]
    expect("ut-ur-mappen", "utanför mappen");
    // Every good document is reported.
    let documents: Vec<String> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_name)
        .collect();
    for good in [
        "bra.docx",
        "bra.pdf",
        "bra.md",
        "bra.html",
        "poster.jsonl#1",
        "poster.jsonl#3",
        "rader.csv#2",
        "djup.html",
    ] {
        assert!(
            documents.contains(&good.to_string()),
            "{good} missing from {documents:?}"
        );
    }
    assert_eq!(documents.len(), 8, "{documents:?}");
    let ids: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"J-1") && ids.contains(&"C-1"), "{ids:?}");
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_listed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("låst.txt");
    std::fs::write(&file, "Beslut om hemtjänst.\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        // Running as root: permissions do not stop reading, so there is
        // nothing to test.
        return;
    }
    let (code, json) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(3));
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("behörighet saknas")
    );
    let _ = Path::new(&file);
}

#[test]
fn html_nested_a_hundred_thousand_deep_is_read_like_the_same_page_shallow() {
    // A decision as HTML, one paragraph a line, then wrapped in deep nesting of
    // several kinds: the tree builder would take minutes, so these are read
    // flat, and the layout (and with it every status) stays the same.
    let text = std::fs::read_to_string("fixtures/format/b03-sarskilt-boende-avslag.txt").unwrap();
    let page: String = text
        .lines()
        .map(|line| {
            format!(
                "<p>{}</p>\n",
                line.replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, open: &str, close: &str, depth: usize| {
        let html = format!(
            "<!DOCTYPE html><html><head><title>Beslut</title></head><body>{}{page}{}</body></html>",
            open.repeat(depth),
            close.repeat(depth)
        );
        std::fs::write(dir.path().join(name), html).unwrap();
    };
    put("grund.html", "<div>", "</div>", 5);
    put("div.html", "<div>", "</div>", 100_000);
    put("blockquote.html", "<blockquote>", "</blockquote>", 100_000);
    put(
        "tabell.html",
        "<table><tr><td>",
        "</td></tr></table>",
        30_000,
    );
    put(
        "blandat.html",
        "<section><ul><li><b><span>",
        "</span></b></li></ul></section>",
        20_000,
    );
    let (code, json) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["errors"].as_array().unwrap().len(), 0, "{json}");
    let documents: BTreeMap<String, &Value> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (file_name(d), d))
        .collect();
    assert_eq!(documents.len(), 5, "{documents:?}");
    let shallow = documents["grund.html"];
    assert!(
        shallow["metrics"]["words"].as_u64().unwrap() > 100,
        "{shallow}"
    );
    assert!(
        statuses(shallow).iter().any(|(_, s)| s == "met"),
        "{shallow}"
    );
    for name in ["div.html", "blockquote.html", "tabell.html", "blandat.html"] {
        let deep = documents[name];
        assert_eq!(statuses(deep), statuses(shallow), "{name}");
        assert_eq!(deep["metrics"], shallow["metrics"], "{name}");
    }
}

/// A denial with an appeal paragraph that is there, hidden or visible.
fn denial_with_appeal(hidden_html: &str, hidden_word: &str) -> (String, String) {
    let appeal = "Du kan överklaga beslutet till förvaltningsrätten. Skriv till oss inom tre \
                  veckor från den dag du fick veta om beslutet. Vi skickar överklagandet \
                  vidare till förvaltningsrätten.";
    let html = format!(
        "<html><body><h1>Beslut om hemtjänst</h1><p>Du får inte hemtjänst. Ansökan avslås.</p>\
         <p{hidden_html}>{appeal}</p></body></html>"
    );
    let p = |text: &str, run: &str| format!("<w:p><w:r>{run}<w:t>{text}</w:t></w:r></w:p>");
    let word = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}{}{}</w:body></w:document>",
        p("Beslut om hemtjänst", ""),
        p("Du får inte hemtjänst. Ansökan avslås.", ""),
        p(appeal, hidden_word)
    );
    (html, word)
}

/// Text the reader cannot see (Word's hidden text, HTML's `hidden` and
/// `display: none`) never satisfies a criterion; how much was left out is in
/// the document's metadata.
#[test]
fn hidden_text_never_satisfies_a_criterion_and_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("synlig", "", "", "met"),
        ("dold", " hidden", "<w:rPr><w:vanish/></w:rPr>", "not_met"),
        (
            "stil",
            " style=\"color:red; DISPLAY : none\"",
            "<w:rPr><w:vanish w:val=\"true\"/></w:rPr>",
            "not_met",
        ),
        (
            "inte-dold",
            " aria-hidden=\"true\"",
            "<w:rPr><w:vanish w:val=\"0\"/></w:rPr>",
            "met",
        ),
    ];
    for (name, hidden_html, hidden_word, _) in cases {
        let (html, word) = denial_with_appeal(hidden_html, hidden_word);
        std::fs::write(dir.path().join(format!("{name}.html")), html).unwrap();
        std::fs::write(
            dir.path().join(format!("{name}.docx")),
            docx(&[("word/document.xml", word.as_bytes())]),
        )
        .unwrap();
    }
    let (code, json) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{json}");
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 8);
    for doc in documents {
        let file = file_name(doc);
        let (_, _, _, expected) = cases
            .iter()
            .find(|c| file.starts_with(&format!("{}.", c.0)))
            .unwrap();
        assert_eq!(common::status(doc, "RS-OVERKLAGANDE"), *expected, "{file}");
        let counted = doc["metadata"]["dold_text"].as_str();
        if *expected == "not_met" {
            let n: usize = counted
                .unwrap_or_else(|| panic!("{file}: not counted"))
                .parse()
                .unwrap();
            assert!(n > 100, "{file}: {n}");
        } else {
            assert_eq!(counted, None, "{file}");
        }
    }
}

/// Text in footnotes, embedded chunks, CDATA, text boxes and tracked moves
/// of a Word file, and text drawn with PDF's `'` and `"` operators, is read,
/// and read once.
#[test]
fn word_and_pdf_text_is_read_whole_and_once() {
    let dir = tempfile::tempdir().unwrap();
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
              xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
              xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let textbox = format!("<w:txbxContent>{}</w:txbxContent>", p("TEXTRUTA"));
    let body = format!(
        "{}<w:p><w:r><w:t>Se fotnot.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>\
         <w:altChunk r:id=\"rId9\"/><w:p><w:r><w:t><![CDATA[CDATATEXT]]></w:t></w:r></w:p>\
         <w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{textbox}</w:drawing></mc:Choice>\
         <mc:Fallback><w:pict>{textbox}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>\
         <w:p><w:moveFrom w:id=\"1\"><w:r><w:t>FLYTTAD</w:t></w:r></w:moveFrom></w:p>\
         <w:p><w:moveTo w:id=\"2\"><w:r><w:t>FLYTTAD</w:t></w:r></w:moveTo></w:p>",
        p("Beslut om hemtjänst")
    );
    let document = format!("<w:document {ns}><w:body>{body}</w:body></w:document>");
    let notes = format!(
        "<w:footnotes {ns}><w:footnote w:type=\"separator\" w:id=\"0\">{}</w:footnote>\
         <w:footnote w:id=\"1\">{}</w:footnote></w:footnotes>",
        p("SKILJELINJE"),
        p("FOTNOTTEXT")
    );
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                <Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"afchunk.html\"/></Relationships>";
    let word = docx(&[
        ("word/document.xml", document.as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
        (
            "word/afchunk.html",
            b"<html><body><p>ALTCHUNKTEXT</p></body></html>",
        ),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
    ]);
    std::fs::write(dir.path().join("a.docx"), word).unwrap();
    let content = b"BT /F1 12 Tf 50 750 Td 14 TL (Beslut om hemtjanst.) Tj T* \
                    (QUOTEOP overklaga) ' 0 0 (DQUOTEOP forvaltningsratten) \" ET";
    let mut page = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    page.extend_from_slice(content);
    page.extend_from_slice(b"\nendstream");
    let pdf = granska::testkit::pdf(&[
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec()),
        (4, page),
        (5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec()),
    ]);
    std::fs::write(dir.path().join("b.pdf"), pdf).unwrap();
    let reports = tempfile::tempdir().unwrap();
    let out = reports.path().join("r.html");
    common::check_to_file(dir.path(), &out, &[]);
    let html = std::fs::read_to_string(&out).unwrap();
    for (text, times) in [
        ("FOTNOTTEXT", 1),
        ("ALTCHUNKTEXT", 1),
        ("CDATATEXT", 1),
        ("TEXTRUTA", 1),
        ("FLYTTAD", 1),
        ("SKILJELINJE", 0),
        ("QUOTEOP overklaga", 1),
        ("DQUOTEOP forvaltningsratten", 1),
    ] {
        assert_eq!(html.matches(text).count(), times, "{text}");
    }
}
