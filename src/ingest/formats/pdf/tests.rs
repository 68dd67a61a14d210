use super::*;
use crate::testkit::pdf;
use proptest::prelude::*;

mod figures;

const LIMIT: u64 = 10_000_000;

/// The start of every text here: font, leading and the first line.
const BT: &str = "BT /F1 12 Tf 14 TL 50 750 Td ";

/// What a figure's dictionary holds besides its resources.
const FORM: &str = " /Type /XObject /Subtype /Form /BBox [0 0 612 792]";

/// What an image's dictionary holds.
const IMAGE: &str = " /Type /XObject /Subtype /Image /Width 4 /Height 4 \
                         /ColorSpace /DeviceGray /BitsPerComponent 8";

fn stream(data: &[u8], dict: &str) -> Vec<u8> {
    let mut out = format!("<< /Length {}{dict} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// `data` as a stream with `dict`, Flate-compressed when `compressed`.
fn content(data: &str, compressed: bool, dict: &str) -> Vec<u8> {
    match compressed {
        true => stream(
            &zlib(data.as_bytes()),
            &format!(" /Filter /FlateDecode{dict}"),
        ),
        false => stream(data.as_bytes(), dict),
    }
}

/// A figure drawing `data`, with the font and the XObjects `xobjects`
/// as its own resources, or without resources.
fn form(data: &str, compressed: bool, xobjects: Option<&str>) -> Vec<u8> {
    let resources = xobjects.map_or(String::new(), |x| {
        format!(" /Resources << /Font << /F1 3 0 R >> /XObject << {x} >> >>")
    });
    content(data, compressed, &format!("{FORM}{resources}"))
}

/// A PDF whose pages (objects 10, 11, …) are each `/Contents` and the
/// XObjects they name, with the font (3) as `/F1`, plus `more`.
fn document(pages: &[(&str, &str)], more: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    let kids: String = (10..)
        .take(pages.len())
        .map(|n| format!("{n} 0 R "))
        .collect();
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    let mut objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            format!("<< /Type /Pages /Kids [{kids}] /Count {} >>", pages.len()).into_bytes(),
        ),
        (3, font.as_bytes().to_vec()),
    ];
    for (n, (contents, xobjects)) in (10..).zip(pages) {
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << \
                 /F1 3 0 R >> /XObject << {xobjects} >> >> /Contents {contents} >>"
        );
        objects.push((n, page.into_bytes()));
    }
    objects.extend(more);
    pdf(&objects)
}

/// A one-page PDF drawing `data`.
fn page(data: &str, compressed: bool) -> Vec<u8> {
    document(&[("20 0 R", "")], vec![(20, content(data, compressed, ""))])
}

/// A one-page PDF drawing `data`, where `/X30` names figure 30 and
/// `figures` are the figures.
fn with_figures(data: &str, figures: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    let mut objects = vec![(20, content(data, false, ""))];
    objects.extend(figures);
    document(&[("20 0 R", "/X30 30 0 R")], objects)
}

fn text(bytes: &[u8]) -> String {
    extract(bytes, LIMIT)
        .unwrap_or_else(|e| panic!("not read: {e}"))
        .text
}

fn assert_refused(read: Read, because: &str) {
    match read {
        Ok(read) => panic!("read, not refused: {:?}", read.text),
        Err(why) => assert!(why.contains(because), "{why:?} does not say {because:?}"),
    }
}

/// `parts` occur in `text`, each after the one before.
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut rest = text;
    for part in parts {
        let at = rest
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing or out of order in {text:?}"));
        rest = &rest[at + part.len()..];
    }
}

fn loaded(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).unwrap()
}

#[test]
fn text_shown_with_the_quote_operators_is_read_in_order() {
    let cases: [(&str, &[&str]); 7] = [
        (
            "(Beslut om hemtjanst) ' (Du far stod) '",
            &["Beslut om hemtjanst", "Du far stod"],
        ),
        (
            "0 0 (Beslut om hemtjanst) \" 2 0.5 (Du far stod) \"",
            &["Beslut om hemtjanst", "Du far stod"],
        ),
        (
            "(Rubrik) Tj (Forsta raden) ' (Mer) Tj 1 0 (Andra raden) \" (Slut) Tj",
            &["Rubrik", "Forsta raden", "Mer", "Andra raden", "Slut"],
        ),
        (
            "[(Rub) -20 (rik)] TJ (Forsta) ' [(An) (dra)] TJ 0 0 (Tredje) \"",
            &["Rubrik", "Forsta", "Andra", "Tredje"],
        ),
        (
            "(Rad ett) ' (Rad tva) ' ET BT /F1 12 Tf 14 TL 50 500 Td (Rad tre) ' \
                 0 0 (Rad fyra) \" (Rad fem) '",
            &["Rad ett", "Rad tva", "Rad tre", "Rad fyra", "Rad fem"],
        ),
        ("(Ett)'(Tva)'0 0(Tre)\"", &["Ett", "Tva", "Tre"]),
        (
            "<52616420657474> ' (f\\366r \\(l\\344nge\\)) '",
            &["Rad ett", "för (länge)"],
        ),
    ];
    for (ops, expected) in cases {
        for compressed in [false, true] {
            let text = text(&page(&format!("{BT}{ops} ET"), compressed));
            assert_in_order(&text, expected);
        }
    }
}

#[test]
fn quote_operators_are_written_as_the_operators_they_stand_for() {
    let rewritten = without_quote_operators(b"(a) ' 1 2.5 (b) \" (c) Tj").unwrap();
    assert_eq!(
        String::from_utf8(rewritten).unwrap(),
        "T*\n(a) Tj\n1 Tw\n2.5 Tc\nT*\n(b) Tj\n(c) Tj"
    );
    assert_eq!(without_quote_operators(b"(l'a) Tj [(\"b\")] TJ"), None);
}

#[test]
fn a_page_of_only_quote_operator_text_is_not_taken_for_a_scan() {
    for compressed in [false, true] {
        let first = content(&format!("{BT}(Forsta sidan) ' ET"), compressed, "");
        let second = content(&format!("{BT}0 0 (Andra sidan) \" ET"), compressed, "");
        let bytes = document(
            &[("20 0 R", ""), ("21 0 R", "")],
            vec![(20, first), (21, second)],
        );
        let read = extract(&bytes, LIMIT).unwrap();
        assert_eq!(read.pages.len(), 2);
        assert_in_order(&read.text[read.pages[1]..], &["Andra sidan"]);
        assert_in_order(&read.text, &["Forsta sidan", "Andra sidan"]);
    }
}

#[test]
fn quote_operators_in_an_array_of_content_streams_are_read() {
    // The operands of the `'` that starts stream 21 end stream 20.
    let streams = vec![
        (20, content(&format!("{BT}(Forsta) ' (Andra)"), false, "")),
        (21, content("' 0 0 (Tredje) \"", true, "")),
        (22, content("(Fjarde) Tj ET", false, "")),
        (25, b"[20 0 R 21 0 R 22 0 R]".to_vec()),
    ];
    for contents in [
        "[20 0 R 21 0 R 22 0 R]",
        "25 0 R",
        "[20 0 R 99 0 R 21 0 R 3 0 R 22 0 R]",
    ] {
        let text = text(&document(&[(contents, "")], streams.clone()));
        assert_in_order(&text, &["Forsta", "Andra", "Tredje", "Fjarde"]);
    }
}

#[test]
fn quote_operators_inside_figures_are_read() {
    // The page draws figure 30 (its own resources), which draws the
    // compressed figure 31 (no resources: it draws with figure 30's).
    let bytes = with_figures(
        &format!("{BT}(Sidan) Tj ET /X30 Do {BT}(Efter) ' ET"),
        vec![
            (
                30,
                form(
                    &format!("{BT}(Figur ett) ' ET /X31 Do"),
                    false,
                    Some("/X31 31 0 R"),
                ),
            ),
            (31, form(&format!("{BT}0 0 (Figur tva) \" ET"), true, None)),
        ],
    );
    assert_in_order(&text(&bytes), &["Sidan", "Figur ett", "Figur tva", "Efter"]);
}

#[test]
fn tj_arrays_figures_and_apostrophes_are_read_untouched() {
    let bytes = with_figures(
        &format!("{BT}(l'enfant) Tj [(ett \"citat\") -250 (hos d'Artagnan)] TJ ET /X30 Do"),
        vec![(
            30,
            form(&format!("{BT}(figurens 'egna' ord) Tj ET"), true, Some("")),
        )],
    );
    let mut doc = loaded(&bytes);
    let before = doc.objects.clone();
    prepare(&mut doc, LIMIT).unwrap();
    assert!(doc.objects == before, "nothing is rewritten");
    assert_in_order(
        &text(&bytes),
        &[
            "l'enfant",
            "ett \"citat\"",
            "d'Artagnan",
            "figurens 'egna' ord",
        ],
    );
}

#[test]
fn malformed_quote_operators_cost_only_themselves() {
    let ops = "(Forsta) ' ' 1 (Fel ett) \" /Namn ' (Andra) ' 1 2 3 (Fel tva) \" \
                   (Fel tre) (Fel fyra) ' 0 /a (Fel fem) \" (Tredje) Tj [(Fel sex)] ' \
                   0 0 (Fjarde) \"";
    for compressed in [false, true] {
        let text = text(&page(&format!("{BT}{ops} ET"), compressed));
        assert_in_order(&text, &["Forsta", "Andra", "Tredje", "Fjarde"]);
        assert!(!text.contains("Fel"), "{text:?}");
    }
}

#[test]
fn an_inline_image_does_not_hide_the_text_after_it() {
    // Pixels that read as text, and an image lopdf cannot measure (a
    // filter) whose end it finds by `EI`.
    for image in [
        "BI /W 2 /H 2 /CS /RGB /BPC 8 ID (Bildtext)'\n EI",
        "BI /W 2 /H 2 /CS /RGB /BPC 8 /F /AHx ID 28427429 27 > EI",
    ] {
        for compressed in [false, true] {
            let data = format!("{BT}(Fore) ' ET {image} {BT}(Efter) ' 0 0 (Sist) \" ET");
            let text = text(&page(&data, compressed));
            assert_in_order(&text, &["Fore", "Efter", "Sist"]);
            assert!(!text.contains("Bildtext"), "{text:?}");
        }
    }
}
