//! Runs: text boxes, moves and deletions, hidden runs, deep nesting, and any soup of pieces.

use super::*;

#[test]
fn text_boxes_moves_and_deletions_are_read_once() {
    let text_box = |text: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(text));
    let alternate = |choices: &[&str], fallback: &str| {
        let choices: String = choices
            .iter()
            .map(|c| format!(r#"<mc:Choice Requires="wps">{c}</mc:Choice>"#))
            .collect();
        format!(
            "<mc:AlternateContent>{choices}<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
        )
    };
    let anchored = |content: &str| {
        format!(
            r#"<w:p><w:r><w:t xml:space="preserve">Före </w:t></w:r><w:r>{content}</w:r><w:r><w:t>efter.</w:t></w:r></w:p>"#
        )
    };
    let drawing = |text: &str| {
        format!(
            "<w:drawing><wps:txbx>{}</wps:txbx></w:drawing>",
            text_box(text)
        )
    };
    let pict = |text: &str| format!("<w:pict><v:textbox>{}</v:textbox></w:pict>", text_box(text));
    let cases: [(String, &str); 9] = [
            (
                anchored(&alternate(&[&drawing("I rutan.")], &pict("I rutan."))),
                "I rutan.\n\nFöre efter.\n",
            ),
            (anchored(&pict("Bara VML.")), "Bara VML.\n\nFöre efter.\n"),
            (
                format!("<mc:AlternateContent><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>", p("Reserv.")),
                "Reserv.\n",
            ),
            (
                alternate(&[&p("Första valet."), &p("Andra valet.")], &p("Reserv.")),
                "Första valet.\n",
            ),
            (
                alternate(&[&alternate(&[&p("Inre.")], &p("Inre reserv."))], &p("Yttre reserv.")) + &p("Sedan."),
                "Inre.\n\nSedan.\n",
            ),
            (
                concat!(
                    r#"<w:p><w:r><w:t xml:space="preserve">Du får </w:t></w:r>"#,
                    r#"<w:del w:id="1"><w:r><w:delText>inte </w:delText><w:t>inte </w:t></w:r></w:del>"#,
                    r#"<w:moveFrom w:id="2"><w:r><w:t>i dag </w:t></w:r></w:moveFrom>"#,
                    r#"<w:ins w:id="3"><w:r><w:t>hemtjänst</w:t></w:r></w:ins>"#,
                    r#"<w:moveTo w:id="4"><w:r><w:t xml:space="preserve"> i dag</w:t></w:r></w:moveTo>"#,
                    r#"<w:r><w:t>.</w:t></w:r></w:p>"#,
                )
                .to_string(),
                "Du får hemtjänst i dag.\n",
            ),
            (
                format!(
                    "<w:moveFrom>{}</w:moveFrom>{}<w:moveTo>{}</w:moveTo><w:del><w:del>{}</w:del>{}</w:del>",
                    p("Flyttat."),
                    p("Kvar."),
                    p("Flyttat."),
                    p("Borta."),
                    p("Också borta."),
                ),
                "Kvar.\n\nFlyttat.\n",
            ),
            (
                // A deleted or moved paragraph mark hides no text.
                format!(
                    r#"<w:p><w:pPr><w:rPr><w:del w:id="5"/><w:moveFrom w:id="6"/></w:rPr></w:pPr><w:r><w:t>Kvar.</w:t></w:r></w:p>{}"#,
                    p("Nästa.")
                ),
                "Kvar.\n\nNästa.\n",
            ),
            (
                anchored(&alternate(
                    &[&format!("<w:drawing><wps:txbx><w:txbxContent><w:del>{}</w:del>{}</w:txbxContent></wps:txbx></w:drawing>", p("Struket."), p("Rutan."))],
                    &pict("Rutan."),
                )),
                "Rutan.\n\nFöre efter.\n",
            ),
        ];
    for (body, expected) in cases {
        assert_eq!(text(&body), expected, "{body}");
    }
}

#[test]
fn hidden_runs_are_left_out_and_counted() {
    let vanish = |val: &str| format!(r#"<w:vanish w:val="{val}"/>"#);
    let three = |properties: &str| {
        format!(
            "<w:p>{}{}{}</w:p>",
            run("", "Synligt"),
            run(properties, " dolt"),
            run("", " ord.")
        )
    };
    // Properties of the middle run of three that hide it, and that do not.
    let hiding = [
        "<w:vanish/>",
        "<w:b/><w:vanish></w:vanish><w:i/>",
        r#"<w:rStyle w:val="Dold"/>"#,
    ];
    let showing = [
        r#"<w:rStyle w:val="Synlig"/>"#,
        r#"<w:rStyle w:val="Dold"/><w:vanish w:val="0"/>"#,
        r#"<w:rStyle w:val="Okänd"/>"#,
        r#"<w:rStyle w:val="Ändrad"/>"#,
        // Formatting before a tracked change is not the run's.
        r#"<w:rPrChange w:id="2"><w:rPr><w:vanish/></w:rPr></w:rPrChange>"#,
    ];
    let hiding = hiding
        .map(String::from)
        .into_iter()
        .chain(["1", "true", "on"].map(vanish))
        .map(|properties| (three(&properties), "Synligt ord.", Some("4")));
    let showing = showing
        .map(String::from)
        .into_iter()
        .chain(["0", "false", "off", " off "].map(vanish))
        .map(|properties| (three(&properties), "Synligt dolt ord.", None));
    let cases: Vec<(String, &str, Option<&str>)> = vec![
        (
            format!(
                r#"<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{}</w:p>"#,
                run("", "Bara stycketecknet")
            ),
            "Bara stycketecknet",
            None,
        ),
        (styled("Markering", "Synligt"), "Synligt", None),
        (
            styled("DoltStycke", "Dolt stycke") + &p("Nästa."),
            "Nästa.",
            Some("10"),
        ),
        (
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="DoltStycke"/></w:pPr>{}{}</w:p>"#,
                run("", "Dolt"),
                run(&vanish("0"), "Synligt")
            ),
            "Synligt",
            Some("4"),
        ),
        (
            format!(
                "<w:p>{}<w:r><w:rPr><w:vanish/></w:rPr><w:tab/><w:t>x</w:t><w:br/></w:r>{}</w:p>",
                run("", "A"),
                run("", "B")
            ),
            "AB",
            Some("1"),
        ),
        (
            three("<w:vanish/>").replace(" dolt", " \t "),
            "Synligt ord.",
            None,
        ),
        (
            format!(
                "<w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
                run("<w:vanish/>", "&amp;&#228;"),
                p("Cell")
            ),
            "Cell",
            Some("2"),
        ),
        (
            format!(
                "<w:p>{}<w:r><w:rPr><w:vanish/></w:rPr><w:txbxContent>{}</w:txbxContent></w:r></w:p>",
                run("", "Ankare"),
                p("I dold ruta")
            ),
            "Ankare",
            Some("9"),
        ),
    ];
    for (body, expected, hidden) in cases.into_iter().chain(hiding).chain(showing) {
        let read = read_parts(&[(DOCUMENT, &document(&body)), (STYLES, &styles_part())]).unwrap();
        let expected = if expected.is_empty() {
            String::new()
        } else {
            format!("{expected}\n")
        };
        assert_eq!(read.text, expected, "{body}");
        assert_eq!(read.metadata.get("dold_text"), hidden, "{body}");
    }
    // Hidden text in headers and notes is counted too, and a hidden
    // header line is no metadata.
    let header = part(
        "w:hdr",
        &format!(
            "<w:p>{}</w:p>{}",
            run("<w:vanish/>", "Handläggare: Eva"),
            p("Dnr: 7")
        ),
    );
    let footnotes = notes(
        "footnote",
        &[(
            "",
            &format!("<w:p>{}</w:p>", run(r#"<w:rStyle w:val="Dold"/>"#, "Not")),
        )],
    );
    let read = read_parts(&[
        (DOCUMENT, &document(&p("Beslut."))),
        (STYLES, &styles_part()),
        ("word/header1.xml", &header),
        ("word/footnotes.xml", &footnotes),
    ])
    .unwrap();
    assert_eq!(read.text, "Beslut.\n");
    let metadata: Vec<_> = read.metadata.iter().collect();
    assert_eq!(metadata, [("arende", "7"), ("dold_text", "18")]);
}

#[test]
fn deep_nesting_costs_no_stack() {
    const N: usize = 100_000;
    // Each case: what is opened and closed around a paragraph, the
    // elements the opening leaves open, and the text read.
    let cases: [(&str, &str, usize, &str); 6] = [
        (
            "<w:sdt><w:sdtContent>",
            "</w:sdtContent></w:sdt>",
            2,
            "Djupt.\n",
        ),
        (
            "<w:tbl><w:tr><w:tc>",
            "</w:tc></w:tr></w:tbl>",
            3,
            "Djupt.\n",
        ),
        (
            "<w:p><w:r><w:txbxContent>",
            "</w:txbxContent></w:r></w:p>",
            3,
            "Djupt.\n",
        ),
        (
            "<mc:AlternateContent><mc:Choice>",
            "</mc:Choice><mc:Fallback><w:p><w:r><w:t>Reserv</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>",
            2,
            "Djupt.\n",
        ),
        ("<w:r><w:rPr><w:vanish/></w:rPr>", "</w:r>", 1, ""),
        ("<w:del>", "</w:del>", 1, ""),
    ];
    // Big enough for the parts, which are many times the default.
    let limit = 64 << 20;
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            for (open, close, open_elements, expected) in cases {
                let body = format!("{}{}{}", open.repeat(N), p("Djupt."), close.repeat(N));
                let read = extract(&docx(&[(DOCUMENT, &document(&body))]), limit);
                assert_eq!(read.map(|r| r.text), Ok(expected.to_string()), "{open}");
                let cut = document(&format!("{}{}", open.repeat(N), p("Djupt.")));
                let cut = cut.trim_end_matches("</w:body></w:document>");
                let e = extract(&docx(&[(DOCUMENT, cut)]), limit).unwrap_err();
                let unclosed = N * open_elements + 2;
                let expected = format!("({unclosed} element är inte avslutade där delen tar slut)");
                assert!(e.ends_with(&expected), "{open}: {e}");
            }
        })
        .unwrap();
    worker.join().unwrap();
}

#[test]
fn relationship_targets_resolve_against_the_part() {
    let cases = [
        ("word", "afchunk.html", "word/afchunk.html"),
        ("word", "media/a.txt", "word/media/a.txt"),
        ("word", "/word/a.html", "word/a.html"),
        ("word", "/a.docx", "a.docx"),
        ("word", "../a.docx", "a.docx"),
        ("word", "../../../a.docx", "a.docx"),
        ("word", "./x/../y//a.htm", "word/y/a.htm"),
        ("word/sub", "../a.html", "word/a.html"),
        ("", "word/a.html", "word/a.html"),
        ("word", "", "word"),
    ];
    for (dir, target, expected) in cases {
        assert_eq!(resolve(dir, target), expected, "{dir} + {target}");
    }
}

/// Pieces of WordprocessingML, whole and broken, for soup.
const PIECES: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:t/>",
    "<w:tab/>",
    "<w:br/>",
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:rPr>",
    "</w:rPr>",
    "<w:vanish/>",
    r#"<w:vanish w:val="0"/>"#,
    r#"<w:rStyle w:val="Dold"/>"#,
    r#"<w:pStyle w:val="Rubrik1"/>"#,
    r#"<w:pStyle w:val="DoltStycke"/>"#,
    "<w:pPr>",
    "</w:pPr>",
    "<mc:AlternateContent>",
    "</mc:AlternateContent>",
    "<mc:Choice>",
    "</mc:Choice>",
    "<mc:Fallback>",
    "</mc:Fallback>",
    "<w:txbxContent>",
    "</w:txbxContent>",
    "<w:del>",
    "</w:del>",
    "<w:moveFrom>",
    "</w:moveFrom>",
    "<w:del/>",
    r#"<w:altChunk r:id="c1"/>"#,
    r#"<w:footnote w:type="separator">"#,
    "<w:footnote>",
    "</w:footnote>",
    "<![CDATA[a<b]]>",
    "&amp;",
    "&#228;",
    "&#0;",
    "&bogus;",
    "&",
    "<",
    ">",
    "</",
    "/>",
    "<?xml version=\"1.0\"?>",
    "<!-- c -->",
    "<!DOCTYPE w>",
    "\"",
    "Text ",
    "ä",
    " ",
];

/// Pieces and text, joined: XML that is mostly broken.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zåäö <>&;#/=!?\"'\\[\\]-]{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

/// The layout of text read: paragraphs ending in a line break, one blank
/// line between them.
fn laid_out(text: &str) -> bool {
    text.is_empty() || (text.ends_with('\n') && !text.starts_with('\n') && !text.contains("\n\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any bytes, a good file damaged or cut, and broken XML in the
    /// document never panic: they are read, or refused in Swedish.
    #[test]
    fn any_bytes_or_broken_xml_are_read_or_refused_in_swedish(
        bytes in prop::collection::vec(any::<u8>(), 0..256),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        soup in soup(),
        wrap in any::<bool>(),
    ) {
        let good = docx(&[(DOCUMENT, &document(&p("Beslut."))), (STYLES, &styles_part())]);
        let mut damaged = good.clone();
        damaged[at.index(good.len())] = byte;
        let cut = &good[..at.index(good.len())];
        for bytes in [&bytes[..], &damaged, cut] {
            match extract(bytes, LIMIT) {
                Ok(read) => prop_assert!(laid_out(&read.text), "{:?}", read.text),
                Err(e) => prop_assert!(e.starts_with("Word-filen "), "{}", e),
            }
        }
        let xml = if wrap { document(&soup) } else { soup };
        match read_parts(&[(DOCUMENT, &xml), (STYLES, &styles_part())]) {
            Ok(read) => prop_assert!(laid_out(&read.text), "{:?}", read.text),
            Err(e) => prop_assert!(
                e.starts_with("Word-filen är trasig: delen word/document.xml "),
                "{}",
                e
            ),
        }
    }
}
