//! Every criterion of the embedded standard template as a test of its own,
//! named by the criterion's id: its examples must give the stated status,
//! and a marked finding (`«…»`) must land at its place with its advice.
//! `cargo test --test kriterier RS-MOTIVERING` runs one.

use granska::engine::test_criterion_examples;
use granska::report::prose::examples_tested;
use granska::template::Template;
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let template = match Template::standard() {
        Ok(t) => std::sync::Arc::new(t),
        Err(e) => panic!("the standard template does not load: {e}: {:#?}", e.errors),
    };
    let trials = (0..template.criteria.len())
        .map(|index| {
            let template = std::sync::Arc::clone(&template);
            let id = template.criteria[index].id.clone();
            Trial::test(id, move || {
                let (count, failures) = test_criterion_examples(&template, index);
                if failures.is_empty() {
                    Ok(())
                } else {
                    Err(Failed::from(examples_tested(&template, count, &failures)))
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
