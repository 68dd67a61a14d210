//! Packages: alternative chunks, relationships and what may go wrong in them.

use super::*;

const RELS: &str = "word/_rels/document.xml.rels";

/// A docx whose document has `body` and relationships `targets`, with
/// `parts` besides.
fn package(body: &str, targets: &[(&str, &str)], parts: &[(&str, &[u8])]) -> Vec<u8> {
    let document = document(body);
    let rels = rels(targets);
    let mut all = vec![(DOCUMENT, document.as_bytes()), (RELS, rels.as_bytes())];
    all.extend_from_slice(parts);
    zip(&all)
}

/// An altChunk of relationship `id`.
fn chunk(id: &str) -> String {
    format!(r#"<w:altChunk r:id="{id}"/>"#)
}

/// A docx whose document inserts `target` (relationship `c1`) after a
/// paragraph, with `parts` besides.
fn chunked(target: &str, parts: &[(&str, &[u8])]) -> Vec<u8> {
    package(&(p("Före.") + &chunk("c1")), &[("c1", target)], parts)
}

#[test]
fn alt_chunks_and_cdata_are_read_in_their_place() {
    let body = [
            p("Före."),
            chunk("h"),
            p("Mellan."),
            chunk("t"),
            chunk("tom"),
            chunk("d"),
            r#"<w:p><w:r><w:t><![CDATA[Belopp < 5 & "x"]]></w:t><w:t xml:space="preserve"> &amp; &#228;r &lt;ok&gt;</w:t></w:r></w:p>"#.into(),
            r#"<w:p><w:r><w:instrText><![CDATA[PAGE]]></w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t><![CDATA[d o]]></w:t></w:r></w:p>"#.into(),
        ]
        .concat();
    let footnotes = notes("footnote", &[("", &(p("Not.") + &chunk("f")))]);
    let nested = docx(&[
        (
            DOCUMENT,
            &document(&[p("Inbäddat."), run("<w:vanish/>", "Dold"), chunk("x")].concat()),
        ),
        (RELS, &rels(&[("x", "/inne.HTML")])),
        ("inne.HTML", "<p>Inne</p>"),
    ]);
    let footnote_rels = rels(&[("f", "./fot.txt")]);
    let targets = [
        ("h", "chunks/a.html"),
        ("t", "/word/b.txt"),
        ("tom", "tom.htm"),
        ("d", "../inbäddad.docx"),
    ];
    let docx = package(
        &body,
        &targets,
        &[
            (
                "word/chunks/a.html",
                b"<h2>Bilaga</h2><p>Ett <b>stycke</b>.</p><p style=\"display:none\">Dolt</p>",
            ),
            ("word/b.txt", b"Rad ett.\r\n\r\nRad tv\xe5."),
            ("word/tom.htm", b" \n "),
            ("inbäddad.docx", &nested),
            ("word/footnotes.xml", footnotes.as_bytes()),
            ("word/_rels/footnotes.xml.rels", footnote_rels.as_bytes()),
            ("word/fot.txt", b"Fotbilaga."),
        ],
    );
    let read = extract(&docx, LIMIT).unwrap();
    assert_eq!(
        read.text,
        "Före.\n\n## Bilaga\n\nEtt stycke.\n\nMellan.\n\nRad ett.\n\nRad två.\n\n\
             Inbäddat.\n\nInne\n\nBelopp < 5 & \"x\" & är <ok>\n\n\
             ## Fotnoter\n\nNot.\n\nFotbilaga.\n"
    );
    // Dolt (html), Dold (the docx inserted), do (CDATA).
    assert_eq!(read.metadata.get("dold_text"), Some("10"));
}

#[test]
fn an_alt_chunk_that_cannot_be_read_makes_the_file_an_error() {
    let inner = docx(&[(DOCUMENT, &document(&p("Inre.")))]);
    let outer = chunked("inre.docx", &[("word/inre.docx", &inner)]);
    let broken = docx(&[(DOCUMENT, "<w:document><w:p>")]);
    let footnotes = notes("footnote", &[("", &chunk("f"))]);
    let unreadable = "Word-filen går inte att läsa: den infogade delen";
    let format = "är i ett format som granska inte läser; spara om dokumentet i Word";
    let missing = "Word-filen är trasig: delen word/document.xml infogar en annan del";
    let cases: [(Vec<u8>, String); 11] = [
        (
            chunked("bilaga.rtf", &[("word/bilaga.rtf", br"{\rtf1 Text}")]),
            format!("{unreadable} word/bilaga.rtf {format}"),
        ),
        (
            chunked("../bilaga.MHT", &[("bilaga.MHT", b"MIME-Version: 1.0")]),
            format!("{unreadable} bilaga.MHT {format}"),
        ),
        (
            chunked("bilaga", &[("word/bilaga", b"Text")]),
            format!("{unreadable} word/bilaga {format}"),
        ),
        (
            package(&chunk("c2"), &[("c1", "c.txt")], &[("word/c.txt", b"Text")]),
            format!("{missing} (c2) som saknas i filen"),
        ),
        (
            docx(&[(DOCUMENT, &document(&chunk("c1"))), ("word/c.txt", "Text")]),
            format!("{missing} (c1) som saknas i filen"),
        ),
        (
            chunked("saknas.html", &[]),
            format!("{missing} (word/saknas.html) som saknas i filen"),
        ),
        (
            chunked("https://example.org/bilaga.html", &[]),
            format!("{missing} (c1) som saknas i filen"),
        ),
        (
            chunked("yttre.docx", &[("word/yttre.docx", &outer)]),
            format!(
                "{unreadable} word/yttre.docx kunde inte läsas ({unreadable} word/inre.docx \
                     är ett Word-dokument infogat i ett infogat Word-dokument)"
            ),
        ),
        (
            chunked("trasig.docx", &[("word/trasig.docx", b"PK\x03\x04")]),
            format!(
                "{unreadable} word/trasig.docx kunde inte läsas (Word-filen är trasig eller \
                     avklippt: den är ingen giltig zip-fil"
            ),
        ),
        (
            chunked("trasig.docx", &[("word/trasig.docx", &broken)]),
            format!(
                "{unreadable} word/trasig.docx kunde inte läsas (Word-filen är trasig: delen \
                     word/document.xml är avklippt eller har felaktig XML"
            ),
        ),
        (
            docx(&[
                (DOCUMENT, &document(&p("Före."))),
                ("word/footnotes.xml", &footnotes),
            ]),
            "Word-filen är trasig: delen word/footnotes.xml infogar en annan del (f) som saknas"
                .to_string(),
        ),
    ];
    for (docx, expected) in cases {
        let e = error(&docx);
        assert!(e.starts_with(&expected), "{expected}\n{e}");
    }
    // One level of nesting is read.
    let read = extract(&outer, LIMIT).unwrap();
    assert_eq!(read.text, "Före.\n\nInre.\n");
}
