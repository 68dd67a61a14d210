//! Figures that draw themselves or nest too deep, page trees that loop, scans and compression bombs.

use super::*;

#[test]
fn a_figure_without_resources_that_draws_itself_is_refused() {
    for compressed in [false, true] {
        // Itself; itself through another figure without resources.
        let alone = vec![(30, form("/X30 Do", compressed, None))];
        let pair = vec![
            (30, form("/X31 Do", compressed, None)),
            (31, form("/X30 Do", compressed, None)),
        ];
        for figures in [alone, pair] {
            let mut objects = vec![(20, content("/X30 Do", false, ""))];
            objects.extend(figures);
            let bytes = document(&[("20 0 R", "/X30 30 0 R /X31 31 0 R")], objects);
            assert_refused(extract(&bytes, LIMIT), "ritar sig själv");
        }
        // Harmless with the first page's resources, drawing itself with
        // the second's.
        let objects = vec![
            (
                20,
                content(&format!("{BT}(Sidan) Tj ET /X30 Do"), false, ""),
            ),
            (30, form("/X31 Do", compressed, None)),
            (31, form(&format!("{BT}(Figuren) Tj ET"), compressed, None)),
        ];
        let pages = [
            ("20 0 R", "/X30 30 0 R /X31 31 0 R"),
            ("20 0 R", "/X30 30 0 R /X31 30 0 R"),
        ];
        assert_refused(
            extract(&document(&pages, objects), LIMIT),
            "ritar sig själv",
        );
    }
    // One that draws only text is read, with the page's font.
    let bytes = with_figures(
        &format!("{BT}(Sidan) Tj ET /X30 Do"),
        vec![(30, form(&format!("{BT}(Figuren) ' ET"), true, None))],
    );
    assert_in_order(&text(&bytes), &["Sidan", "Figuren"]);
}

#[test]
fn a_figure_cycle_through_two_figures_is_refused() {
    let bytes = with_figures(
        &format!("{BT}(Sidan) Tj ET /X30 Do"),
        vec![
            (30, form("/X31 Do", false, Some("/X31 31 0 R"))),
            (31, form("/X30 Do", true, Some("/X30 30 0 R"))),
        ],
    );
    assert_refused(extract(&bytes, LIMIT), "ritar sig själv");
}

/// A page drawing figure 30, which draws 31, … down to `depth` figures.
/// The page also names figure `first`, before 30: the walk meets the
/// figures from there first.
fn nested_figures(depth: u32, first: Option<u32>) -> Vec<u8> {
    let figures = (30..30 + depth).map(|n| {
        let (draws, names) = match n + 1 < 30 + depth {
            true => (format!("/X{} Do", n + 1), format!("/X{0} {0} 0 R", n + 1)),
            false => (String::new(), String::new()),
        };
        let data = format!("{BT}(Figur {n}) Tj ET {draws}");
        (n, form(&data, n % 2 == 0, Some(&names)))
    });
    let mut objects = vec![(20, content("/X30 Do", false, ""))];
    objects.extend(figures);
    let first = first.map_or(String::new(), |n| format!("/X{n} {n} 0 R "));
    document(&[("20 0 R", &format!("{first}/X30 30 0 R"))], objects)
}

#[test]
fn figures_nested_deeper_than_the_limit_are_refused_and_shallow_ones_read() {
    let deepest = MAX_FIGURE_DEPTH as u32;
    assert_in_order(
        &text(&nested_figures(3, None)),
        &["Figur 30", "Figur 31", "Figur 32"],
    );
    for bytes in [
        nested_figures(deepest, None),
        nested_figures(deepest, Some(60)),
    ] {
        assert_in_order(&text(&bytes), &["Figur 30", "Figur 60", "Figur 93"]);
    }
    // Too deep, also when the walk has met the lower figures before,
    // from a shallower start.
    for (depth, first) in [
        (deepest + 1, None),
        (500, None),
        (90, Some(60)),
        (500, Some(400)),
    ] {
        assert_refused(
            extract(&nested_figures(depth, first), LIMIT),
            "nästlade djupare än 64",
        );
    }
}

#[test]
fn a_page_tree_that_loops_is_refused_quickly() {
    // A page (10) whose parent is `parent`, and nodes `(n, its parent)`.
    let tree = |parent: u32, nodes: &[(u32, Option<u32>)]| {
        let up = |p: Option<u32>| p.map_or(String::new(), |p| format!(" /Parent {p} 0 R"));
        let page = format!(
            "<< /Type /Page{} /MediaBox [0 0 612 792] >>",
            up(Some(parent))
        );
        let mut objects = vec![
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>".to_vec()),
            (10, page.into_bytes()),
        ];
        let nodes = nodes
            .iter()
            .map(|&(n, p)| (n, format!("<< /Type /Pages{} >>", up(p))));
        objects.extend(nodes.map(|(n, node)| (n, node.into_bytes())));
        pdf(&objects)
    };
    // The page and `levels - 1` nodes above it.
    let chain = |levels: u32| -> Vec<(u32, Option<u32>)> {
        let top = 10 + levels;
        (11..top)
            .map(|n| (n, Some(n + 1).filter(|&p| p < top)))
            .collect()
    };
    let levels = MAX_TREE_DEPTH as u32;
    let cases = [
        (tree(10, &[]), "går i ring"),
        (tree(11, &[(11, Some(12)), (12, Some(11))]), "går i ring"),
        (tree(11, &chain(levels + 1)), "djupare än 256 nivåer"),
        // As deep as is read: a page without text.
        (tree(11, &chain(levels)), "saknar textlager"),
    ];
    for (bytes, because) in cases {
        // Unchecked, such a tree is read for ever: wait a minute at most.
        let (answer, answered) = std::sync::mpsc::channel();
        std::thread::spawn(move || answer.send(extract(&bytes, LIMIT)));
        let read = answered.recv_timeout(std::time::Duration::from_secs(60));
        assert_refused(read.expect("refused at once, not read for ever"), because);
    }
}

#[test]
fn a_pdf_without_text_is_called_scanned() {
    let image = vec![(30, content("", false, IMAGE))];
    let cases = [
        page("0 0 m 100 100 l S", false),
        page("", true),
        document(&[("[]", "")], vec![]),
        with_figures("q /X30 Do Q", image),
    ];
    for bytes in cases {
        assert_refused(extract(&bytes, LIMIT), "saknar textlager (inskannad?)");
    }
}

/// `megabytes` of spaces after a line of text, Flate-compressed.
fn bomb(megabytes: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(format!("{BT}(Beslut) Tj ").as_bytes()).unwrap();
    for _ in 0..megabytes {
        z.write_all(&[b' '; 1 << 20]).unwrap();
    }
    z.write_all(b" ET").unwrap();
    z.finish().unwrap()
}

#[test]
fn images_are_never_read_as_drawing_operators() {
    // Pixels that read as text; that draw the image again; that inflate
    // past the limit.
    let cases = [
        stream(format!("{BT}(Bildtext) Tj ET").as_bytes(), IMAGE),
        stream(b"/X30 Do", IMAGE),
        stream(&bomb(11), &format!(" /Filter /FlateDecode{IMAGE}")),
    ];
    for image in cases {
        let bytes = with_figures(&format!("{BT}(Sidtext) Tj ET /X30 Do"), vec![(30, image)]);
        let text = text(&bytes);
        assert_in_order(&text, &["Sidtext"]);
        assert!(
            !text.contains("Bildtext") && !text.contains("Beslut"),
            "{text:?}"
        );
    }
}

/// `data` in ASCII85, ended by `~>`.
fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut group = [0; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(group);
        let mut digits = [0; 5];
        for digit in digits.iter_mut().rev() {
            *digit = b'!' + (n % 85) as u8;
            n /= 85;
        }
        out.extend_from_slice(&digits[..=chunk.len()]);
    }
    out.extend_from_slice(b"~>");
    out
}

#[test]
fn a_bomb_behind_another_filter_or_a_broken_checksum_is_counted() {
    let data = bomb(12);
    let (mut checksum, mut header) = (data.clone(), data.clone());
    let end = checksum.len() - 4;
    checksum[end..].copy_from_slice(b"\0\0\0\0");
    header[..2].copy_from_slice(b"\x08\x00");
    let cases = [
        stream(&ascii85(&data), " /Filter [/ASCII85Decode /FlateDecode]"),
        stream(&checksum, " /Filter /FlateDecode"),
        stream(&header, " /Filter /FlateDecode"),
    ];
    for contents in cases {
        let bytes = document(&[("20 0 R", "")], vec![(20, contents)]);
        assert_refused(
            extract(&bytes, 10_000_000),
            "packas upp till mer än gränsen 10 MB",
        );
        // Counted as lopdf inflates it: under a larger limit, read.
        assert_in_order(&extract(&bytes, 20_000_000).unwrap().text, &["Beslut"]);
    }
}

#[test]
fn rewriting_stays_within_the_size_limit() {
    let data = |page: u32| {
        let lines: String = (0..20)
            .map(|i| format!("(Sida {page} rad {i}) ' "))
            .collect();
        format!("{BT}{lines}ET")
    };
    let one = without_quote_operators(data(0).as_bytes()).unwrap().len() as u64;
    let streams = (20..23)
        .map(|n| (n, content(&data(n - 20), false, "")))
        .collect();
    let bytes = document(&[("20 0 R", ""), ("21 0 R", ""), ("22 0 R", "")], streams);
    // Room for two pages rewritten, not three: the third is left as it is.
    let limit = 2 * one + one / 2;
    let mut doc = loaded(&bytes);
    prepare(&mut doc, limit).unwrap();
    let contents: Vec<_> = doc.page_iter().map(|p| doc.get_page_contents(p)).collect();
    assert_eq!(contents, [[(23, 0)], [(24, 0)], [(22, 0)]]);
    let kept: usize = [(23, 0), (24, 0)]
        .iter()
        .map(|id| doc.objects[id].as_stream().unwrap().content.len())
        .sum();
    assert!(kept as u64 <= limit, "{kept} > {limit}");
    let text = extract(&bytes, limit).unwrap().text;
    assert_in_order(&text, &["Sida 0 rad 0", "Sida 0 rad 19", "Sida 1 rad 19"]);
    assert!(!text.contains("Sida 2"), "{text:?}");
    // A page larger than the limit by itself is not rewritten at all.
    let mut doc = loaded(&bytes);
    let before = doc.objects.clone();
    prepare(&mut doc, one / 2).unwrap();
    assert!(doc.objects == before);
}

/// Read, or refused with a reason in Swedish; never a panic.
fn read_or_refused(bytes: &[u8]) -> Result<(), TestCaseError> {
    match extract(bytes, LIMIT) {
        Ok(read) => prop_assert!(!read.text.trim().is_empty()),
        Err(why) => prop_assert!(
            why.starts_with("PDF-filen") || why.starts_with("PDF:en"),
            "{why}"
        ),
    }
    Ok(())
}

/// Content-stream bytes: arbitrary, or pieces of operators and operands.
fn content_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = "BT ET /F1 /F9 12 -3.5 0 Tf TL Td T* Tj TJ ' \" (text) (l'a) <4142> [ ] ( ) \
                      Tw Tc q Q /X30 /X31 Do BI /W /H /CS /G /BPC 1 8 ID EI << >> %";
    let piece = prop::sample::select(pieces.split(' ').collect::<Vec<_>>());
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        prop::collection::vec(piece, 0..60).prop_map(|p| p.join("\n").into_bytes()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_are_read_or_refused_never_a_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        read_or_refused(&bytes)?;
    }

    #[test]
    fn any_page_content_is_read_or_refused_never_a_panic(
        data in content_bytes(),
        compressed in any::<bool>(),
    ) {
        let data = match compressed {
            true => stream(&zlib(&data), " /Filter /FlateDecode"),
            false => stream(&data, ""),
        };
        let figures = vec![
            (20, data),
            (30, form("(Figur) ' /X31 Do", false, None)),
            (31, stream(b"/X30 Do", IMAGE)),
        ];
        read_or_refused(&document(&[("20 0 R", "/X30 30 0 R /X31 31 0 R")], figures))?;
    }
}
