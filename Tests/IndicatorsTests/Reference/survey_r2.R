#!/usr/bin/env Rscript
# Reference values for the survey indicators of METHODS.md §2 (revision 2), computed with
# R's `survey` package, for the fixtures in Tests/IndicatorsTests/Fixtures/survey-r2/.
#
#   Rscript Tests/IndicatorsTests/Reference/survey_r2.R
#
# For every case of manifest.json it writes <case>_expected.csv with
#   indicator,municipality,year,value,n,se,ci_low,ci_high,df
# (numbers as sprintf("%.17g"), empty where there is none), one row per scale for
# survey.<scale>.index and survey.<scale>.agree_share and per (municipality, year) with at
# least one scored respondent, sorted by indicator, municipality (bytes), year.
#
# What comes from `survey` (each year is its own wave and its own design):
#   design <- svydesign(ids = ~psu | ~1, strata = ~stratum, weights = ~weight,
#                       fpc = ~fpc, nest = TRUE, data = wave)   # undeclared parts dropped
#   sub    <- subset(design, municipality == m & !is.na(y))
#   (with breakdowns: [col], also subset(design, municipality == m & col == v & !is.na(y))
#    for every value v of col among m's scored respondents, in the breakdown column `col=v`)
#   index:       svymean(~y, sub), SE, degf(sub), confint(est, df = degf(sub))
#   agree share: svymean(~a, sub), SE, svyciprop(~a, sub, method = "beta")
# METHODS rules applied on top:
#   n < 2                -> value and n only (no se, ci, df);
#   df = degf(sub) < 1   -> se and df (0) written, no interval;
#   p = 0 or 1 (decided by counts) -> value exactly 0/1, se 0, and the NCHS interval
#     with n_eff = n: [0, qbeta(.975, 1, n)] or [qbeta(.025, n, 1), 1] (R gives NaN);
#   an SE that is exactly 0 in exact arithmetic (the domain's scored respondents lie in
#     one PSU, or all have the same y) is written as 0: R's floating z totals leave a
#     residue of ~1e-17 there (printed by this script).
# Every survey result is also recomputed from the METHODS §2 formulas in base R (z
# scores, PSU totals, n_h over the wave, f_h, lonely rules, degf, Korn-Graubard), and
# the script stops if the two disagree by more than 1e-12 relative.

suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})

script_dir <- local({
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
fixtures <- normalizePath(file.path(script_dir, "..", "Fixtures", "survey-r2"))
cases <- fromJSON(file.path(fixtures, "manifest.json"), simplifyVector = FALSE)

# Scoring, designs, the METHODS §2 formulas in base R and the Korn-Graubard interval are
# shared with reference_survey_r2.R.
source(file.path(script_dir, "survey_common.R"))

residues <- character(0)
coverage <- list()

estimate_case <- function(cs) {
  options(survey.lonely.psu = cs$lonely)
  d <- read_fixture(file.path(fixtures, cs$file))
  if (!isTRUE(cs$weight)) {
    stopifnot(is.null(d$weight))
    d$weight <- 1
  }
  lo <- cs$likert[[1]]
  hi <- cs$likert[[2]]
  missing <- as.integer(unlist(cs$missing))
  out <- list()
  for (sname in names(cs$scales)) {
    sc <- score_scale(d, cs$scales[[sname]], lo, hi, missing)
    d$y <- sc$y
    d$a <- sc$a
    for (yr in sort(unique(d$year))) {
      wave <- d[d$year == yr, , drop = FALSE]
      des <- make_design(wave, cs)
      for (m in sort(unique(wave$municipality[!is.na(wave$y)]), method = "radix")) {
        # The municipality's domain, then (METHODS §2 "Survey breakdowns") one domain per value
        # of each breakdown column among its scored respondents, over the same wave design.
        domains <- list(list(label = "", dom = wave$municipality == m & !is.na(wave$y),
                             sub = subset(des, municipality == m & !is.na(y))))
        for (b in unlist(cs$breakdowns)) {
          col <- wave[[b]]
          for (v in sort(unique(col[wave$municipality == m & !is.na(wave$y) & col != ""]), method = "radix")) {
            domains[[length(domains) + 1]] <- list(
              label = paste0(b, "=", v), dom = wave$municipality == m & !is.na(wave$y) & col == v,
              sub = subset(des, municipality == m & des$variables[[b]] == v & !is.na(y)))
          }
        }
        for (domain in domains) {
        dom <- domain$dom
        sub <- domain$sub
        label <- domain$label
        n <- sum(dom)
        stopifnot(nrow(sub) == n)
        key <- sprintf("%s %s %s %d %s", cs$name, sname, m, yr, label)

        # index
        est <- svymean(~y, sub)
        value <- unname(coef(est))
        se <- unname(SE(est))[1]
        df <- degf(sub)
        ref <- methods_estimate(wave, wave$y, dom, cs)
        stopifnot_close(value, ref$value, paste(key, "index value"))
        stopifnot(df == ref$df)
        exact_zero <- ref$psus == 1 || length(unique(wave$y[dom])) == 1
        if (n >= 2 && !exact_zero) stopifnot_close(se, ref$se, paste(key, "index se"), tol = 1e-11)
        if (n >= 2 && exact_zero) {
          if (se != 0) residues[length(residues) + 1] <<- sprintf("%s index: R se %.3g -> 0", key, se)
          se <- 0
        }
        row <- list(indicator = sprintf("survey.%s.index", sname), municipality = m, year = yr,
                    breakdown = label, value = value, n = n, se = NA, lo = NA, hi = NA, df = NA)
        if (n >= 2) {
          row$se <- se
          row$df <- df
          if (df >= 1) {
            ci <- confint(est, df = df)
            row$lo <- ci[1, 1]
            row$hi <- ci[1, 2]
            t <- qt(0.975, df)
            stopifnot_close(row$lo, value - t * se, paste(key, "index ci_low"))
            stopifnot_close(row$hi, value + t * se, paste(key, "index ci_high"))
          }
        }
        out[[length(out) + 1]] <- row

        # agree share
        agreeing <- sum(wave$a[dom] == 1)
        estA <- svymean(~a, sub)
        p <- unname(coef(estA))
        seA <- unname(SE(estA))[1]
        refA <- methods_estimate(wave, wave$a, dom, cs)
        stopifnot_close(p, refA$value, paste(key, "agree value"))
        extreme <- agreeing == 0 || agreeing == n
        if (n >= 2 && !exact_zero && !extreme)
          stopifnot_close(seA, refA$se, paste(key, "agree se"), tol = 1e-11)
        rowA <- list(indicator = sprintf("survey.%s.agree_share", sname), municipality = m,
                     year = yr, breakdown = label, value = p, n = n, se = NA, lo = NA, hi = NA, df = NA)
        if (extreme) {
          if (n >= 2 && (seA != 0 || p != as.integer(agreeing == n)))
            residues[length(residues) + 1] <<- sprintf(
              "%s agree p=%d/%d: R value %.17g se %.3g -> %d, 0", key, agreeing, n, p, seA,
              as.integer(agreeing == n))
          rowA$value <- if (agreeing == n) 1 else 0
          seA <- 0
        } else if (n >= 2 && exact_zero) {
          if (seA != 0) residues[length(residues) + 1] <<- sprintf("%s agree: R se %.3g -> 0", key, seA)
          seA <- 0
        }
        if (n >= 2) {
          rowA$se <- seA
          rowA$df <- df
          if (df >= 1) {
            if (extreme) {
              rowA$lo <- if (agreeing == n) qbeta(0.025, n, 1) else 0
              rowA$hi <- if (agreeing == n) 1 else qbeta(0.975, 1, n)
            } else {
              cp <- svyciprop(~a, sub, method = "beta")
              ci <- unname(attr(cp, "ci"))
              stopifnot_close(unname(coef(cp)), p, paste(key, "svyciprop value"))
              kg <- kg_interval(refA$value, refA$se, n, df)
              stopifnot_close(ci[1], kg[1], paste(key, "agree ci_low"), tol = 1e-10)
              stopifnot_close(ci[2], kg[2], paste(key, "agree ci_high"), tol = 1e-10)
              rowA$lo <- ci[1]
              rowA$hi <- ci[2]
            }
          }
        }
        out[[length(out) + 1]] <- rowA

        cov <- c(if (n == 1) "n=1", if (n >= 2 && df < 1) "df=0",
                 if (n >= 2 && df >= 1 && extreme) sprintf("p=%d", as.integer(agreeing == n)),
                 if (n >= 2 && ref$psus == 1) "one PSU")
        if (length(cov)) coverage[[length(coverage) + 1]] <<- paste(key, paste(cov, collapse = ","))
        }
      }
    }
  }
  tab <- do.call(rbind, lapply(out, function(r) data.frame(
    indicator = r$indicator, municipality = r$municipality, year = r$year, breakdown = r$breakdown,
    value = fmt(r$value), n = sprintf("%d", as.integer(r$n)), se = fmt(r$se),
    ci_low = fmt(r$lo), ci_high = fmt(r$hi), df = fmt(r$df), stringsAsFactors = FALSE)))
  tab <- tab[order(tab$indicator, tab$municipality, tab$year, tab$breakdown, method = "radix"), ]
  # The breakdown column only where the case declares breakdowns (METHODS §1).
  if (is.null(cs$breakdowns)) tab$breakdown <- NULL
  con <- file(file.path(fixtures, cs$expected), "wb")
  writeLines(paste(names(tab), collapse = ","), con, sep = "\n")
  writeLines(do.call(paste, c(unname(as.list(tab)), sep = ",")), con, sep = "\n")
  close(con)
  cat(sprintf("%-26s %3d rows -> %s\n", cs$name, nrow(tab), cs$expected))
}

for (cs in cases) estimate_case(cs)
cat("\nDomains with an edge case:\n", paste(" ", unlist(coverage), collapse = "\n"), "\n", sep = "")
cat("\nExact values written where R's floating result has a residue:\n",
    paste(" ", residues, collapse = "\n"), "\n", sep = "")
versions <- c(R.version.string, paste("survey", as.character(packageVersion("survey"))),
              paste("jsonlite", as.character(packageVersion("jsonlite"))))
con <- file(file.path(fixtures, "versions.txt"), "wb")
writeLines(versions, con, sep = "\n")
close(con)
cat("\n", paste(versions, collapse = "; "), "\n", sep = "")
