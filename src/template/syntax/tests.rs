use super::*;

fn ok(source: &str) -> File {
    let (file, errors) = parse(source);
    assert!(errors.is_empty(), "errors: {errors:#?}");
    file
}

#[test]
fn parses_top_level_items() {
    let file = ok(r#"
# kommentar
mall "Standard" version "2026.1"
perspektiv rattssakerhet "Rättssäkerhet" vikt 3 mål 90 %
lexikon kanslisprak = "lexikon/kanslisprak.tsv"
avsnitt motivering = "Motivering", "Skäl för beslutet"
"#);
    assert_eq!(file.items.len(), 4);
    match &file.items[1] {
        Item::Perspective {
            id, weight, target, ..
        } => {
            assert_eq!(id.node, "rattssakerhet");
            assert_eq!(weight.as_ref().unwrap().node, 3.0);
            assert!((target.as_ref().unwrap().node - 0.9).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    match &file.items[3] {
        Item::Sections { synonyms, .. } => assert_eq!(synonyms[1].node, "Skäl för beslutet"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn parses_a_criterion() {
    let source = r#"
kriterium RS-OVERKLAGANDE "Överklagande" {
  perspektiv rattssakerhet
  gäller beslut där utfall är avslag eller delvis_bifall och inte lag är LSS
  kräver text /överklaga/i och (text /förvaltningsrätt/i eller fras "tre veckor" i avsnitt overklagande)
  förbjuder lexikon kanslisprak i samma mening som text /beslut/
  mått lix högst 45 för beslut, högst 50 % för utredning
  exempel uppfyllt """
    Beslut
      indraget
    """
}
"#;
    let file = ok(source);
    let Item::Block(block) = &file.items[0] else {
        panic!()
    };
    assert_eq!(block.id.node, "RS-OVERKLAGANDE");
    assert_eq!(block.statements.len(), 6);
    match &block.statements[1].node {
        Statement::Applies {
            kinds,
            condition: Some(Logic::And(parts)),
        } => {
            assert_eq!(kinds[0].node, "beslut");
            match &parts[0] {
                Logic::Atom(ConditionAtom::Metadata(test)) => assert_eq!(test.values.len(), 2),
                other => panic!("{other:?}"),
            }
            assert!(matches!(parts[1], Logic::Not(_)));
        }
        other => panic!("{other:?}"),
    }
    match &block.statements[2].node {
        Statement::Requires(Logic::And(parts)) => {
            assert!(matches!(&parts[1], Logic::Or(o) if o.len() == 2));
        }
        other => panic!("{other:?}"),
    }
    match &block.statements[4].node {
        Statement::Measure(m) => {
            assert_eq!(m.bounds.len(), 2);
            assert!(m.bounds[1].percent);
            assert_eq!(m.bounds[1].kind.as_ref().unwrap().node, "utredning");
        }
        other => panic!("{other:?}"),
    }
    match &block.statements[5].node {
        Statement::Example { met: true, text } => assert_eq!(text.node, "Beslut\n  indraget\n"),
        other => panic!("{other:?}"),
    }
    // Spans point at the source.
    let Statement::Requires(Logic::And(parts)) = &block.statements[2].node else {
        panic!()
    };
    let Logic::Atom(Need::Pattern(Pattern::Regex { source: re, .. }, None)) = &parts[0] else {
        panic!()
    };
    assert_eq!(&source[re.span.clone()], "överklaga");
}

#[test]
fn parses_measure_between_dates() {
    let file =
        ok("kriterium X \"x\" {\n mått dagar från ansokningsdatum till beslutsdatum högst 90\n}\n");
    let Item::Block(b) = &file.items[0] else {
        panic!()
    };
    let Statement::Measure(m) = &b.statements[0].node else {
        panic!()
    };
    let (from, to) = m.between.as_ref().unwrap();
    assert_eq!(
        (from.node.as_str(), to.node.as_str()),
        ("ansokningsdatum", "beslutsdatum")
    );
}

#[test]
fn reports_every_error_and_recovers() {
    let source = "mall \"x\nperspektiv a \"A\" vikt\nkriterium K \"k\" {\n  perspektiv a\n  gällar beslut\n  kräver text /x\n  allvar hög\n}\nokänt\n";
    let (file, errors) = parse(source);
    let messages: Vec<_> = errors.iter().map(|e| e.message.clone()).collect();
    assert_eq!(errors.len(), 6, "{messages:#?}");
    assert!(messages[0].contains("citattecken"), "{messages:?}");
    assert!(messages[2].contains("gällar"));
    assert_eq!(errors[2].help.as_deref(), Some("menade du `gäller`?"));
    assert!(messages[5].contains("okänt"));
    // The block itself survived, marked as broken.
    assert!(
        file.items
            .iter()
            .any(|i| matches!(i, Item::Block(b) if b.broken))
    );
}

#[test]
fn depth_counts_enclosing_parentheses_and_inte_not_neighbours() {
    let block = |requires: &str| format!("kriterium K \"k\" {{\n kräver {requires}\n}}\n");
    let at_limit = format!(
        "{}fras \"a\"{}",
        "inte (".repeat(MAX_DEPTH / 2),
        ")".repeat(MAX_DEPTH / 2)
    );
    ok(&block(&at_limit));
    // Side by side, each only one level deep.
    ok(&block(&vec!["(inte fras \"a\")"; 1000].join(" och ")));
    let over = format!("inte {at_limit}");
    let (_, errors) = parse(&block(&format!("fras \"b\" eller {over}")));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0]
            .message
            .contains(&format!("djupare än {MAX_DEPTH} nivåer"))
    );
}

#[test]
fn unclosed_block_is_reported() {
    let (_, errors) = parse("kriterium K \"k\" {\n perspektiv a\nkriterium L \"l\" {\n}\n");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("avslutas inte"));
}
