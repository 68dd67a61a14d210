use super::*;
use crate::testkit::zip;
use proptest::prelude::*;

mod packages;
mod runs;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;
const LIMIT: u64 = 1 << 20;

/// A part: element `root`, with the namespaces, around `inner`.
fn part(root: &str, inner: &str) -> String {
    format!("<{root} {NS}>{inner}</{root}>")
}

/// `word/document.xml` with `body`.
fn document(body: &str) -> String {
    part("w:document", &format!("<w:body>{body}</w:body>"))
}

/// A paragraph of one run.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A relationships part; a target with `://` is external.
fn rels(targets: &[(&str, &str)]) -> String {
    let mut xml = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, target) in targets {
        let mode = if target.contains("://") {
            r#" TargetMode="External""#
        } else {
            ""
        };
        xml.push_str(&format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="{target}"{mode}/>"#
            ));
    }
    xml + "</Relationships>"
}

/// A docx of parts given as text.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
    zip(&parts)
}

/// Reads a docx of parts given as text.
fn read_parts(parts: &[(&str, &str)]) -> Read {
    extract(&docx(parts), LIMIT)
}

/// The text of a docx whose only part is a document with `body`.
fn text(body: &str) -> String {
    read_parts(&[(DOCUMENT, &document(body))]).unwrap().text
}

/// The error of reading a docx that must not be read.
fn error(docx: &[u8]) -> String {
    match extract(docx, LIMIT) {
        Ok(read) => panic!("read as {:?}", read.text),
        Err(e) => e,
    }
}

/// `word/styles.xml` of the tests: heading styles by name and id, and
/// styles that hide their text or look as if they did.
fn styles_part() -> String {
    part(
        "w:styles",
        concat!(
            r#"<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Min rubrik"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Rubrik 3"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Title"/>"#,
            r#"<w:style w:type="paragraph" w:styleId="Heading9"/>"#,
            r#"<w:style w:type="character" w:styleId="Dold"><w:rPr><w:vanish/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="DoltStycke"><w:rPr><w:b/><w:vanish w:val="1"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Synlig"><w:rPr><w:vanish w:val="false"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Markering"><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Ändrad"><w:rPr><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr></w:style>"#,
        ),
    )
}

/// A paragraph of style `style` with one run.
fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

/// A run with properties `properties`.
fn run(properties: &str, text: &str) -> String {
    format!(r#"<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

#[test]
fn headings_tables_and_header_fields_are_read() {
    let body = [
            styled("Rubrik1", "Beslut om  hemtjänst"),
            styled("Heading2", "Bakgrund"),
            styled("Egen", "Egen rubrik"),
            styled("Title", "Titel"),
            styled("Heading9", "Ingen rubrik"),
            styled("Okänd", "Vanligt stycke"),
            concat!(
                "<w:tbl><w:tr><w:tc>",
                r#"<w:p><w:r><w:t>Insats</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"#,
                r#"<w:tc><w:p><w:r><w:t>Timmar</w:t><w:tab/><w:t>per</w:t><w:br/><w:t>vecka</w:t></w:r></w:p></w:tc></w:tr>"#,
                r#"<w:tr><w:tc><w:p><w:r><w:t>Städning</w:t></w:r></w:p><w:p><w:r><w:t>och tvätt</w:t></w:r></w:p></w:tc>"#,
                r#"<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inre</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>tabell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"#,
                r#"<w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            )
            .to_string(),
            p("Du får hemtjänst."),
        ]
        .concat();
    let header = part(
        "w:hdr",
        &[p("Beslutsdatum: 2025-04-14"), p("Handläggare: Eva Berg")].concat(),
    );
    let footer = part("w:ftr", &[p("Dnr: SN 2025/411"), p("Sida 1 av 2")].concat());
    let read = read_parts(&[
        (DOCUMENT, &document(&body)),
        (STYLES, &styles_part()),
        ("word/header1.xml", &header),
        ("word/footer2.xml", &footer),
        ("word/headers.txt", "Enhet: Norr"),
    ])
    .unwrap();
    assert_eq!(
        read.text,
        "# Beslut om hemtjänst\n\n## Bakgrund\n\n### Egen rubrik\n\n# Titel\n\n\
             Ingen rubrik\n\nVanligt stycke\n\nInsats | Timmar\tper vecka\n\n\
             Städning och tvätt | inre | tabell | 4\n\nDu får hemtjänst.\n"
    );
    assert_eq!(read.encoding, "docx");
    let metadata: Vec<_> = read.metadata.iter().collect();
    assert_eq!(
        metadata,
        [
            ("arende", "SN 2025/411"),
            ("beslutsdatum", "2025-04-14"),
            ("handlaggare", "Eva Berg"),
        ]
    );
}

#[test]
fn a_file_that_is_no_word_file_is_an_error() {
    let good = docx(&[(DOCUMENT, &document(&p("Beslut.")))]);
    let big = document(&p(&"x".repeat(LIMIT as usize)));
    let cases: [(Vec<u8>, &str); 6] = [
        (b"PK\x03\x04 ingen zip".to_vec(), "ingen giltig zip-fil"),
        (good[..good.len() / 2].to_vec(), "ingen giltig zip-fil"),
        (Vec::new(), "ingen giltig zip-fil"),
        (docx(&[(STYLES, &styles_part())]), "saknar sin huvuddel"),
        (
            zip(&[(DOCUMENT, b"<w:document>\xe5</w:document>")]),
            "delen word/document.xml är inte UTF-8",
        ),
        (docx(&[(DOCUMENT, &big)]), "zip-bomb"),
    ];
    for (bytes, expected) in cases {
        let e = error(&bytes);
        assert!(e.starts_with("Word-filen"), "{e}");
        assert!(e.contains(expected), "{expected}: {e}");
    }
    // The limit holds for all parts together, not each.
    let half = p(&"x".repeat(LIMIT as usize / 2));
    let two = docx(&[
        (DOCUMENT, &document(&half)),
        ("word/footnotes.xml", &part("w:footnotes", &half)),
    ]);
    assert!(error(&two).contains("zip-bomb"));
}

/// XML that is not well-formed, whatever its part, and what the error
/// says of it.
const BROKEN: &[(&str, &str)] = &[
    (
        "<w:document><w:body><w:p><w:r><w:t>Beslut <w:r><<<>",
        "7 element är inte avslutade",
    ),
    (
        "<w:document><w:body><w:p><w:r><w:t>Beslut</w:t></w:r>",
        "3 element är inte avslutade",
    ),
    (
        "<w:document><w:body><w:p></w:body></w:document>",
        "teknisk orsak",
    ),
    ("<w:document><w:body></w:document>", "teknisk orsak"),
    ("<w:document></w:body></w:document>", "teknisk orsak"),
    ("</w:body><w:document/>", "teknisk orsak"),
    ("<w:document/></w:document>", "teknisk orsak"),
    ("<w:document/><w:document/>", "mer än ett rotelement"),
    ("<w:document></w:document><w:p/>", "mer än ett rotelement"),
    ("<w:document/>Beslut", "text utanför rotelementet"),
    ("Beslut<w:document/>", "text utanför rotelementet"),
    (
        "<w:document/><![CDATA[Beslut]]>",
        "text utanför rotelementet",
    ),
    ("&amp;<w:document/>", "text utanför rotelementet"),
    ("", "delen saknar innehåll"),
    (" \r\n\t", "delen saknar innehåll"),
    (
        "<?xml version=\"1.0\"?><!-- bara en kommentar -->",
        "delen saknar innehåll",
    ),
    ("<w:document xmlns:w=\"http://sch", "teknisk orsak"),
    (
        "<w:document><w:t>a &amp b</w:t></w:document>",
        "teknisk orsak",
    ),
];

#[test]
fn a_part_cut_off_unclosed_or_mismatched_makes_the_whole_file_an_error() {
    let note = |root: &str, text: &str| {
        let note = &root[2..root.len() - 1];
        part(
            root,
            &format!(r#"<w:{note} w:id="1">{}</w:{note}>"#, p(text)),
        )
    };
    let good: Vec<(&str, String)> = vec![
        (
            DOCUMENT,
            document(&[p("Beslut."), r#"<w:altChunk r:id="c1"/>"#.into()].concat()),
        ),
        (STYLES, styles_part()),
        ("word/header1.xml", part("w:hdr", &p("Handläggare: Eva"))),
        ("word/footer3.xml", part("w:ftr", &p("Dnr: 7"))),
        ("word/footnotes.xml", note("w:footnotes", "Not.")),
        ("word/endnotes.xml", note("w:endnotes", "Slutnot.")),
        ("word/_rels/document.xml.rels", rels(&[("c1", "c.txt")])),
        ("word/c.txt", "Bilaga.".into()),
    ];
    let with = |name: &str, xml: &str| -> Vec<u8> {
        let parts: Vec<(&str, &[u8])> = good
            .iter()
            .map(|(n, x)| (*n, if *n == name { xml } else { x }.as_bytes()))
            .collect();
        zip(&parts)
    };
    let read = extract(&with("", ""), LIMIT).unwrap();
    assert_eq!(
        read.text,
        "Beslut.\n\nBilaga.\n\n## Fotnoter\n\nNot.\n\nSlutnot.\n"
    );
    assert_eq!(read.metadata.get("arende"), Some("7"));
    for (name, xml) in good
        .iter()
        .filter(|(n, _)| n.ends_with("xml") || n.ends_with("rels"))
    {
        let expected =
            format!("Word-filen är trasig: delen {name} är avklippt eller har felaktig XML (");
        for (broken, reason) in BROKEN {
            let e = error(&with(name, broken));
            assert!(e.starts_with(&expected), "{name}, {broken}: {e}");
            assert!(e.contains(reason), "{name}, {broken}: {e}");
        }
        // Cut off anywhere, a part is an error, never a part document.
        for end in (0..xml.len()).filter(|&end| xml.is_char_boundary(end)) {
            let e = error(&with(name, &xml[..end]));
            assert!(e.starts_with(&expected), "{name} cut at {end}: {e}");
        }
    }
}

/// A footnotes or endnotes part: `kind` is `footnote` or `endnote`, each
/// note its `w:type` (empty for none) and inner XML.
fn notes(kind: &str, notes: &[(&str, &str)]) -> String {
    let notes: String = notes
        .iter()
        .enumerate()
        .map(|(id, (kind_of, inner))| {
            let kind_of = match *kind_of {
                "" => String::new(),
                t => format!(r#" w:type="{t}""#),
            };
            format!(r#"<w:{kind}{kind_of} w:id="{id}">{inner}</w:{kind}>"#)
        })
        .collect();
    part(&format!("w:{kind}s"), &notes)
}

#[test]
fn footnotes_and_endnotes_follow_the_body_one_paragraph_each() {
    let separators: &[(&str, &str)] = &[
        ("separator", "<w:p><w:r><w:separator/></w:r></w:p>"),
        ("continuationSeparator", &p("fortsätter")),
        ("continuationNotice", &p("Forts. på nästa sida")),
    ];
    let two = [p("Enligt 4 kap. 1 §"), p("  "), p("socialtjänstlagen. ")].concat();
    let hidden = [p("Se "), run("<w:vanish/>", "intern "), p("bilaga.")].concat();
    let footnotes = notes(
        "footnote",
        &[separators, &[("", &two), ("normal", &hidden), ("", "")]].concat(),
    );
    let endnotes = notes("endnote", &[separators, &[("", &p("Slutnot."))]].concat());
    let empty = notes("footnote", &[separators, &[("", &p(" "))]].concat());
    let body = document(&format!(
        r#"{}<w:p><w:r><w:footnoteReference w:id="3"/></w:r></w:p>"#,
        p("Beslut.")
    ));
    let cases: [(&str, &str, &str, Option<&str>); 5] = [
        (
            &footnotes,
            &endnotes,
            "Beslut.\n\n## Fotnoter\n\nEnligt 4 kap. 1 § socialtjänstlagen.\n\nSe bilaga.\n\nSlutnot.\n",
            Some("6"),
        ),
        (
            &empty,
            &endnotes,
            "Beslut.\n\n## Fotnoter\n\nSlutnot.\n",
            None,
        ),
        (
            &footnotes,
            "",
            "Beslut.\n\n## Fotnoter\n\nEnligt 4 kap. 1 § socialtjänstlagen.\n\nSe bilaga.\n",
            Some("6"),
        ),
        (&empty, &notes("endnote", separators), "Beslut.\n", None),
        ("", "", "Beslut.\n", None),
    ];
    for (footnotes, endnotes, expected, hidden) in cases {
        let mut parts = vec![(DOCUMENT, body.as_str())];
        parts.extend(
            [
                ("word/footnotes.xml", footnotes),
                ("word/endnotes.xml", endnotes),
            ]
            .into_iter()
            .filter(|(_, xml)| !xml.is_empty()),
        );
        let read = read_parts(&parts).unwrap();
        assert_eq!(read.text, expected);
        assert_eq!(read.metadata.get("dold_text"), hidden, "{expected}");
    }
}
