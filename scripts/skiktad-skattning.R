# Oberoende kontroll av granskas skiktade skattning (src/score/design.rs):
# R-paketet survey (Lumley) skattar samma kvot met/applicable i ett skiktat
# urval med ändlighetskorrektion. Siffrorna står i src/score/design/tests.rs.
#   Rscript scripts/skiktad-skattning.R      (Debian: apt-get install r-cran-survey)
library(survey)
options(survey.lonely.psu = "adjust")
unit <- function(stratum, N, app, met, n) {
  data.frame(stratum = stratum, N = N,
             app = c(rep(1, app), rep(0, n - app)),
             met = c(rep(1, met), rep(0, n - met)))
}
show <- function(label, d) {
  design <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = d)
  r <- svyratio(~met, ~app, design)
  cat(sprintf("%s: R = %.10f, SE = %.10f\n", label, coef(r), SE(r)))
}
# Fyra skikt: A (120, 8 dragna), B (60, 5), C (20, 1 dragen), D (3, alla).
d <- rbind(unit("A", 120, 7, 5, 8), unit("B", 60, 5, 4, 5),
           unit("C", 20, 1, 1, 1), unit("D", 3, 2, 1, 3))
show("fyra skikt", d)
# Utan det ensamma skiktet C.
show("tre skikt", d[d$stratum != "C", ])
# Ett enda skikt: enkelt slumpmässigt urval, 20 av 200, 17 av 20 uppfyllda.
show("ett skikt", unit("A", 200, 20, 17, 20))
# Kriteriet gäller bara i en del av dokumenten: 12 av 20, 9 uppfyllda.
show("domän", unit("A", 200, 12, 9, 20))
