use super::*;

fn input(path: &Path, record: Option<usize>) -> Input {
    Input {
        path: path.to_path_buf(),
        name: display(path),
        metadata: Metadata::default(),
        record,
        reader: Arc::new(Reader::default()),
    }
}

#[test]
fn a_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("d");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.md"), "Beslut\n").unwrap();
    std::fs::write(folder.join("b.md"), "Beslut\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(folder.join("a.md"), dir.path().join("länk.md")).unwrap();
    let paths = [
        folder.clone(),
        folder.join("a.md"),
        folder.join(".").join("a.md"),
        folder.join("..").join("d").join("b.md"),
        dir.path().join("länk.md"),
    ];
    let (inputs, errors) = collect_inputs(&paths, None, Arc::new(Reader::default()));
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<_> = inputs.iter().map(|i| i.path.clone()).collect();
    assert_eq!(names, [folder.join("a.md"), folder.join("b.md")]);
}

#[cfg(unix)]
#[test]
fn links_out_of_a_folder_are_listed_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("hemligt");
    std::fs::create_dir(&secret).unwrap();
    std::fs::write(secret.join("lösen.txt"), "hunter2\n").unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir_all(folder.join("under")).unwrap();
    std::fs::write(folder.join("a.md"), "Beslut\n").unwrap();
    std::fs::write(folder.join("under/b.md"), "Beslut\n").unwrap();
    symlink(secret.join("lösen.txt"), folder.join("fil-ut.txt")).unwrap();
    symlink(&secret, folder.join("mapp-ut")).unwrap();
    symlink("/finns/inte", folder.join("trasig.md")).unwrap();
    symlink(folder.join("under/b.md"), folder.join("c-inom.md")).unwrap();
    symlink(folder.join("under"), folder.join("d-mapp-inom")).unwrap();
    // The folder itself given through a link is read.
    symlink(&folder, dir.path().join("genväg")).unwrap();
    for root in [folder.clone(), dir.path().join("genväg")] {
        let (inputs, errors) = collect_inputs(
            std::slice::from_ref(&root),
            None,
            Arc::new(Reader::default()),
        );
        let names: Vec<_> = inputs
            .iter()
            .map(|i| i.path.strip_prefix(&root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [PathBuf::from("a.md"), PathBuf::from("c-inom.md")],
            "{root:?}"
        );
        let mut refused: Vec<_> = errors
            .iter()
            .map(|e| {
                (
                    e.path.rsplit('/').next().unwrap().to_string(),
                    e.message.clone(),
                )
            })
            .collect();
        refused.sort();
        assert_eq!(refused.len(), 3, "{refused:?}");
        assert_eq!(refused[0].0, "fil-ut.txt");
        assert!(refused[0].1.contains("utanför mappen"), "{refused:?}");
        assert_eq!(refused[1].0, "mapp-ut");
        assert!(refused[1].1.contains("utanför mappen"));
        assert_eq!(refused[2].0, "trasig.md");
        assert!(refused[2].1.contains("inte finns"));
    }
}

#[test]
fn records_drawn_one_by_one_are_found_and_missing_ones_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("poster.jsonl");
    std::fs::write(
        &path,
        "{\"text\": \"Ett.\"}\n{\"text\": \"Två.\"}\n\n{\"text\": \"Fyra.\"}\n",
    )
    .unwrap();
    let inputs = [
        input(&path, Some(4)),
        input(&path, Some(1)),
        input(&path, Some(3)),
        input(&path, Some(9)),
        input(&path, None),
    ];
    let read: Vec<Result<String, String>> = units(&inputs)
        .flat_map(|unit| {
            let index = unit.index;
            unit.read().into_iter().map(move |d| {
                d.map(|d| format!("{index}:{}", d.text))
                    .map_err(|e| e.message)
            })
        })
        .collect();
    assert_eq!(read[0], Ok("0:Fyra.".to_string()));
    assert_eq!(read[1], Ok("1:Ett.".to_string()));
    // Line 3 is blank (no record), line 9 is past the end.
    for missing in [&read[2], &read[3]] {
        assert!(
            missing.as_ref().unwrap_err().contains("finns inte längre"),
            "{missing:?}"
        );
    }
    assert_eq!(
        read[4..],
        [
            Ok("4:Ett.".into()),
            Ok("4:Två.".into()),
            Ok("4:Fyra.".into())
        ]
    );
}
