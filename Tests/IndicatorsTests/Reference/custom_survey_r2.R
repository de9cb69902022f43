#!/usr/bin/env Rscript
# Reference values for design-based custom indicators over a survey source (METHODS.md §2
# revision 2, "Custom indicators over a survey source"), computed with R's `survey` package on
# the `breakdowns` fixture of Tests/IndicatorsTests/Fixtures/survey-r2/ (strata, PSUs, weights;
# 9 is a missing code of the items, as ingestion reads it):
#
#   custom.q1_mean   measure: mean,  of: q1                        by: aldersgruppe
#                    svymean(~q1, subset(design, municipality == m [& aldersgruppe == v] & !is.na(q1)))
#                    t interval on degf() of that subset
#   custom.q4_high   measure: share, of: "q4 >= 4", where: "q4 >= 1"   by: aldersgruppe
#                    svyciprop(~I(q4 >= 4), subset(design, municipality == m [& …] & !is.na(q4)),
#                              method = "beta"); p̂ = 0 or 1: NCHS rule, n_eff = n
#
# Writes custom_expected.csv (indicator,municipality,year,breakdown,value,n,se,ci_low,ci_high,df)
# beside the fixture; each value is also recomputed from the METHODS formulas in base R
# (survey_common.R) and the script stops if they disagree.
#
#   Rscript Tests/IndicatorsTests/Reference/custom_survey_r2.R

suppressPackageStartupMessages(library(survey))
script_dir <- local({
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
source(file.path(script_dir, "survey_common.R"))
fixtures <- normalizePath(file.path(script_dir, "..", "Fixtures", "survey-r2"))
cs <- list(strata = TRUE, psu = TRUE, fpc = FALSE, lonely = "fail")
options(survey.lonely.psu = "fail")

d <- read_fixture(file.path(fixtures, "breakdowns.csv"))
item <- function(v) {
  x <- ifelse(v == "", NA_real_, as.numeric(v))
  x[x %in% 9] <- NA
  x
}
d$q1 <- item(d$q1)
d$q4 <- item(d$q4)
d$high <- as.numeric(d$q4 >= 4)

rows <- list()
for (yr in sort(unique(d$year))) {
  wave <- d[d$year == yr, , drop = FALSE]
  des <- make_design(wave, cs)
  for (m in sort(unique(wave$municipality), method = "radix")) {
    groups <- c(list(list(label = "", sel = wave$municipality == m)),
                lapply(sort(unique(wave$aldersgruppe[wave$municipality == m & wave$aldersgruppe != ""]),
                            method = "radix"),
                       function(v) list(label = paste0("aldersgruppe=", v),
                                        sel = wave$municipality == m & wave$aldersgruppe == v)))
    for (g in groups) {
      for (ind in c("custom.q1_mean", "custom.q4_high")) {
        share <- ind == "custom.q4_high"
        v <- if (share) wave$high else wave$q1
        dom <- g$sel & !is.na(if (share) wave$q4 else wave$q1)
        n <- sum(dom)
        if (n == 0) next
        sub <- des[dom, ]
        est <- svymean(if (share) ~high else ~q1, sub)
        value <- unname(coef(est))
        se <- unname(SE(est))[1]
        df <- degf(sub)
        ref <- methods_estimate(wave, ifelse(is.na(v), 0, v), dom, cs)
        stopifnot_close(value, ref$value, paste(ind, m, g$label, "value"))
        row <- list(indicator = ind, municipality = m, year = yr, breakdown = g$label, value = value,
                    n = n, se = NA, lo = NA, hi = NA, df = NA)
        if (n >= 2) {
          if (ref$psus == 1) se <- 0 else stopifnot_close(se, ref$se, paste(ind, m, g$label, "se"))
          hits <- sum(v[dom] == 1)
          extreme <- share && (hits == 0 || hits == n)
          if (extreme) { se <- 0; row$value <- as.numeric(hits == n) }
          row$se <- se
          row$df <- df
          if (df >= 1 && !(share && se == 0 && !extreme)) {
            if (!share) {
              ci <- confint(est, df = df)
              row$lo <- ci[1, 1]
              row$hi <- ci[1, 2]
            } else if (extreme) {
              row$lo <- if (hits == n) qbeta(0.025, n, 1) else 0
              row$hi <- if (hits == n) 1 else qbeta(0.975, 1, n)
            } else {
              ci <- unname(attr(svyciprop(~high, sub, method = "beta"), "ci"))
              kg <- kg_interval(ref$value, ref$se, n, df)
              stopifnot_close(ci[1], kg[1], paste(ind, m, g$label, "ci_low"), tol = 1e-10)
              row$lo <- ci[1]
              row$hi <- ci[2]
            }
          }
        }
        rows[[length(rows) + 1]] <- row
      }
    }
  }
}
tab <- do.call(rbind, lapply(rows, function(r) data.frame(
  indicator = r$indicator, municipality = r$municipality, year = r$year, breakdown = r$breakdown,
  value = fmt(r$value), n = sprintf("%d", as.integer(r$n)), se = fmt(r$se), ci_low = fmt(r$lo),
  ci_high = fmt(r$hi), df = fmt(r$df), stringsAsFactors = FALSE)))
tab <- tab[order(tab$indicator, tab$municipality, tab$year, tab$breakdown, method = "radix"), ]
con <- file(file.path(fixtures, "custom_expected.csv"), "wb")
writeLines(paste(names(tab), collapse = ","), con, sep = "\n")
writeLines(do.call(paste, c(unname(as.list(tab)), sep = ",")), con, sep = "\n")
close(con)
cat(sprintf("%d rows -> custom_expected.csv\n", nrow(tab)))
