//! Hidden elements, read from the tree and flat alike, and any soup of tags.

use super::*;

/// The text and hidden characters of `html` read from the tree and
/// read flat.
fn both(html: &str) -> [(Result<String, String>, usize); 2] {
    let tree = walk(&Html::parse_document(html));
    let flat = read_flat(html);
    [tree, flat].map(|layout| {
        let hidden = layout.concealed_chars;
        (layout.finish(), hidden)
    })
}

#[test]
fn hidden_elements_are_left_out_and_counted() {
    let html = "<html><body><h1>Beslut</h1><p>Synlig text.</p>\
            <p hidden>Dold ett</p>\
            <div style=\"color: red; DISPLAY : None !important\">Dold <b>två</b></div>\
            <span style='visibility:hidden'>Dold3</span>\
            <template><p>Mall</p></template>\
            <p aria-hidden=\"true\">Aria syns.</p>\
            <p style=\"display: block; visibility: visible\">Block syns.</p>\
            <h2 hidden>Dold rubrik</h2><p>Efter rubriken.</p>\
            <textarea style=display:none>Fält</textarea>\
            <table><tr><td>Cell</td><td hidden>Dold cell</td><td>Två</td></tr></table>\
            <div hidden><script>var x = 1;</script></div></body></html>";
    let expected = "# Beslut\n\nSynlig text.\n\nAria syns.\n\nBlock syns.\n\nEfter rubriken.\n\nCell | | Två\n";
    // Dold ett, Dold två, Dold3, Mall, Dold rubrik, Fält, Dold cell (read
    // as an empty cell); the script is no text.
    let count = 7 + 7 + 5 + 4 + 10 + 4 + 8;
    for (text, hidden) in both(html) {
        assert_eq!(text.as_deref(), Ok(expected));
        assert_eq!(hidden, count);
    }
    let read = extract(html.as_bytes()).unwrap();
    assert_eq!(read.text, expected);
    assert_eq!(
        read.metadata.get("dold_text"),
        Some(count.to_string().as_str())
    );
    let read = extract(b"<p>Inget dolt.</p>").unwrap();
    assert_eq!(read.metadata.get("dold_text"), None);
    assert_eq!(
        extract(b"<p hidden>Allt dolt.</p>").unwrap_err(),
        "HTML-filen har ingen synlig text (9 tecken är dolda)"
    );
    assert_eq!(
        text_and_hidden(b"<p hidden>Allt dolt.</p>"),
        Ok((String::new(), 9))
    );
}

#[test]
fn hidden_elements_read_flat_end_where_the_tree_ends_them() {
    let cases = [
        "<ul><li hidden>Dold<li>Punkt</ul><p>Efter</p>",
        "<ul><li hidden>Dold<ul><li>Inre</li></ul>Dold</li><li>Punkt</ul>",
        "<p hidden>Dold<div>Block</div>",
        "<div><p hidden>Dold</div>Efter",
        "<p hidden>Dold<p>Nästa",
        "<dl><dt hidden>Dold<dd>Förklaring</dl>",
        "<table><tr><td hidden>Dold<td>Cell<tr hidden><td>Dold<tr><td>Rad</table>",
        "<table><tr><td hidden>Dold<table><tr><td>Dold</table>Dold<td>Cell</table>",
        "<select><option hidden>Dold<option>Val</select>",
        "<div hidden><div>Dold</div>Dold</div>Efter",
        "<div hidden><span hidden>Dold</div>Efter",
        "<section style=display:none><p>Dold<p>Dold</section><p>Efter",
    ];
    for case in cases {
        let [tree, flat] = both(case);
        assert_eq!(tree, flat, "{case}");
        assert!(!tree.0.as_deref().unwrap().contains("Dold"), "{case}");
        // Deep enough to be read flat, the same.
        let deep = format!("{}{case}", "<div>".repeat(2 * MAX_NESTING));
        let (layout, reading) = layout(&deep, PIECE);
        assert_eq!(reading, Reading::Flat);
        assert_eq!(layout.concealed_chars, tree.1, "{case}");
        assert_eq!(layout.finish(), tree.0, "{case}");
    }
    // Deeply nested hidden elements cost linear time.
    let n = 100_000;
    let deep = format!(
        "{}Dold{}Efter",
        "<div hidden>".repeat(n),
        "</div>".repeat(n)
    );
    let (layout, reading) = layout(&deep, PIECE);
    assert_eq!(reading, Reading::Flat);
    assert_eq!(layout.concealed_chars, 4);
    assert_eq!(layout.finish().unwrap(), "Efter\n");
}

/// Tags, text, entities, comments and the like in any order: tag soup.
fn soup() -> impl Strategy<Value = String> {
    const NAMES: &[&str] = &[
        "html",
        "head",
        "body",
        "title",
        "p",
        "div",
        "span",
        "b",
        "i",
        "u",
        "a",
        "em",
        "strong",
        "nobr",
        "font",
        "section",
        "blockquote",
        "center",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "pre",
        "h1",
        "h2",
        "h3",
        "table",
        "caption",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "colgroup",
        "col",
        "br",
        "hr",
        "img",
        "select",
        "option",
        "optgroup",
        "form",
        "button",
        "input",
        "label",
        "textarea",
        "script",
        "style",
        "noscript",
        "template",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
        "svg",
        "math",
        "g",
        "mi",
        "address",
        "figure",
        "main",
        "nav",
        "object",
        "marquee",
        "applet",
        "ruby",
        "rt",
        "meta",
        "link",
    ];
    const WORDS: &[&str] = &[
        "beslut",
        "hemtjänst",
        "Ärende:",
        "2025-0411",
        "avslag",
        "motivering",
        "x",
        "&amp;",
        "&lt;div&gt;",
        "&aring;r",
        "&#229;",
        "a&b",
        "<",
        ">",
        "</",
        "=",
        "\"",
        "'",
    ];
    let piece = prop_oneof![
        4 => prop::sample::select(NAMES).prop_map(|n| format!("<{n}>")),
        3 => prop::sample::select(NAMES).prop_map(|n| format!("</{n}>")),
        1 => prop::sample::select(NAMES).prop_map(|n| format!("<{n}/>")),
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => prop::sample::select(&[
            "<!-- <div> kommentar -->",
            "<!DOCTYPE html>",
            "<![CDATA[ cdata ]]>",
            "<font color=red>",
            "<b id=1>",
            "<td colspan=2>",
            "<a href='x'>",
            "<?xml version='1.0'?>",
            "<!--",
            "\r\n",
            "\u{0}",
        ][..])
        .prop_map(str::to_string),
    ];
    // Spaces between the pieces keep words apart where the two readings
    // break paragraphs differently.
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// Whether `html` has `svg` or `math` content, where a flat reading
/// follows HTML's error recovery only roughly: an end tag that HTML
/// ignores may end an `svg` for it, or one that HTML applies not.
fn foreign(html: &str) -> bool {
    html.contains("<svg>") || html.contains("<math>")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// Shallow soup is read from the tree, in pieces of any size exactly
    /// as one parse reads it, and a flat reading finds the same words.
    #[test]
    fn shallow_soup_is_read_as_one_parse_reads_it_and_flat_finds_the_same_words(
        html in soup(),
        piece in 1usize..40,
    ) {
        let (text, reading) = read(&html, piece);
        prop_assert_eq!(reading, Reading::Tree);
        let reference = one_parse(&html);
        prop_assert_eq!(&text, &reference);
        if !foreign(&html) {
            prop_assert_eq!(words(&flat(&html)), words(&reference));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Soup inside nesting deep enough to be read flat finds the words
    /// one parse finds.
    #[test]
    fn soup_nested_deep_is_read_flat_and_finds_the_same_words(
        html in soup(),
        open in prop::sample::select(&[
            "<div>",
            "<b>",
            "<blockquote>",
            "<table><tr><td>",
            "<ul><li>",
            "<span><section>",
        ][..]),
        depth in 600usize..2000,
    ) {
        let html = format!("{}{html}", open.repeat(depth));
        let (text, reading) = read(&html, PIECE);
        prop_assert_eq!(reading, Reading::Flat);
        if !foreign(&html) {
            prop_assert_eq!(words(&text), words(&one_parse(&html)));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Soup repeated until it nests deep never panics, and whichever way
    /// it is read, it finds the words one parse finds.
    #[test]
    fn deep_soup_never_panics_and_loses_no_words(html in soup(), times in 1usize..150) {
        let html = html.repeat(times);
        let (text, _) = read(&html, PIECE);
        if let Ok(text) = &text {
            prop_assert!(!text.trim().is_empty());
        }
        if !foreign(&html) {
            prop_assert_eq!(words(&text), words(&one_parse(&html)));
        }
    }
}
