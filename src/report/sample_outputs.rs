//! Where `granska stickprov` writes what it produces. `--ut` is the command's
//! result, as in `kontrollera`: the review with `--kontrollera`, the list of
//! drawn documents without; `--lista` is always the list.

use std::path::Path;

use crate::report::writer::Format;

/// What the user asked for on the command line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Asked<'a> {
    /// `--kontrollera`: the sample is reviewed.
    pub check: bool,
    /// `--ut`.
    pub out: Option<&'a Path>,
    /// `--lista`.
    pub list: Option<&'a Path>,
    /// The old `--rapport`, given.
    pub old_report: bool,
    /// A flag given that only means something for a review (`--format`,
    /// `--mall` …), the first if several.
    pub review_flag: Option<&'static str>,
}

/// Where the list and the review go (none: the screen, or nowhere).
#[derive(Debug, PartialEq, Eq)]
pub struct Outputs<'a> {
    pub list: Option<&'a Path>,
    pub report: Option<&'a Path>,
}

impl<'a> Asked<'a> {
    /// Where things go, or why the combination is refused (in Swedish).
    pub fn outputs(self) -> Result<Outputs<'a>, String> {
        if self.old_report {
            return Err(
                "--rapport finns inte längre: skriv --ut FIL för granskningens resultat \
                        (med --kontrollera) och --lista FIL för stickprovslistan"
                    .into(),
            );
        }
        let list = match (self.check, self.list, self.out) {
            (true, list, _) => list,
            (false, Some(_), Some(_)) => {
                return Err(
                    "utan --kontrollera är stickprovslistan resultatet: ange --ut eller \
                            --lista, inte båda"
                        .into(),
                );
            }
            (false, list, out) => list.or(out),
        };
        if let Some(other) = list.and_then(Format::of_file).filter(|f| *f != Format::Csv) {
            let hint = if self.check {
                ""
            } else {
                ", eller lägg till --kontrollera för att granska stickprovet och skriva \
                 resultatet till filen"
            };
            return Err(format!(
                "stickprovslistan är en CSV-fil och kan inte skrivas som {}; ge filen ändelsen \
                 .csv{hint}",
                other.name()
            ));
        }
        if self.check {
            return Ok(Outputs {
                list,
                report: self.out,
            });
        }
        match self.review_flag {
            Some(flag) => Err(format!(
                "{flag} gäller granskningen av stickprovet; lägg till --kontrollera"
            )),
            None => Ok(Outputs { list, report: None }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ut_is_the_result_and_lista_the_list() {
        let (a, b) = (Path::new("a.csv"), Path::new("r.html"));
        let asked = |check, out, list| Asked {
            check,
            out,
            list,
            ..Asked::default()
        };
        assert_eq!(
            asked(false, Some(a), None).outputs(),
            Ok(Outputs {
                list: Some(a),
                report: None
            })
        );
        assert_eq!(
            asked(true, Some(b), Some(a)).outputs(),
            Ok(Outputs {
                list: Some(a),
                report: Some(b)
            })
        );
        assert!(
            asked(false, Some(a), Some(a))
                .outputs()
                .unwrap_err()
                .contains("inte båda")
        );
        let e = asked(false, Some(b), None).outputs().unwrap_err();
        assert!(
            e.starts_with("stickprovslistan är en CSV-fil och kan inte skrivas som html"),
            "{e}"
        );
        let e = Asked {
            review_flag: Some("--gruppera"),
            ..asked(false, None, None)
        }
        .outputs()
        .unwrap_err();
        assert_eq!(
            e,
            "--gruppera gäller granskningen av stickprovet; lägg till --kontrollera"
        );
        let e = Asked {
            old_report: true,
            ..asked(true, None, None)
        }
        .outputs()
        .unwrap_err();
        assert!(e.starts_with("--rapport finns inte längre"));
    }
}
