#!/usr/bin/env Rscript
# Revision-2 reference values (METHODS.md §2) for the survey fixtures that revision 1 took
# from samplics (Fixtures/reference/make_reference.py: design rebuilt from each group's own
# scored rows, normal intervals) and for samplics' YRBS extract (Fixtures/yrbs.csv).
#
#   Rscript Tests/IndicatorsTests/Reference/reference_survey_r2.R
#
# Writes, with R's `survey` package (the approach of survey_r2.R; shared code in
# survey_common.R):
#   Fixtures/reference/survey_expected_r2.csv        reference/survey.csv
#   Fixtures/reference/survey_plain_expected_r2.csv  reference/survey_plain.csv
#       indicator,municipality,year,value,n,se,ci_low,ci_high,df — survey.<scale>.index and
#       .agree_share for every municipality-year with a scored respondent. Each year is a
#       wave, one design over all its rows (scored or not, every municipality):
#       survey.csv: svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE),
#       survey.lonely.psu "fail"; survey_plain.csv (no design columns): ids = ~1, weight 1,
#       one stratum. Scales as BuiltinIndicatorsReferenceTests.scales and make_reference.py:
#       trust = q1, q2, q3 (q3 reversed), voice = q4, q5; Likert [1, 5], missing code 9 and
#       empty; a score needs ceil(k/2) answered items; y = 100 (score - 1)/4; agree = score > 3.
#       Note: PSU codes (A0, A1, ...) are nested in strata within the wave, so PSU "A0" of
#       stratum A holds the respondents of every municipality coded A0 that year (METHODS §2:
#       strata and PSUs are identified within the wave).
#   Fixtures/reference/survey_lonely_expected_r2.csv reference/survey_lonely.csv
#       lonely,value,n,se,df — survey.trust.index of 5001/2024 under
#       options(survey.lonely.psu = "remove") and "adjust" (and a check that "fail" fails).
#   Fixtures/yrbs_expected_r2.csv                    yrbs.csv
#       design,mean,se,df — y = 1 if qn8 == 1, 0 otherwise, NA when qn8 is empty; rows without
#       y stay in the design: svymean(~y, subset(design, !is.na(y))), df = degf of that
#       subset, for plain (ids = ~1, weights), clustered (ids = ~psu, weights) and stratified
#       (ids = ~psu, strata = ~stratum, nest = TRUE). The revision-1 samplics values (design
#       built from the rows with y only) are printed beside them.
# Numbers are sprintf("%.17g"). Every value is recomputed from the METHODS §2 formulas in
# base R; the script stops on a disagreement beyond 1e-11 relative (exact-zero SEs excepted).
# Appends (or updates) the lines "R ..." and "survey ..." of Fixtures/reference/versions.txt.

script_dir <- local({
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
source(file.path(script_dir, "survey_common.R"))
fixtures <- normalizePath(file.path(script_dir, "..", "Fixtures"))
refdir <- file.path(fixtures, "reference")

scales <- list(trust = list(items = c("q1", "q2", "q3"), reverse = "q3"),
               voice = list(items = c("q4", "q5"), reverse = character(0)))
base_case <- list(likert = c(1, 5), missing = 9L, scales = scales, fpc = FALSE, lonely = "fail")
string_cols <- c("indicator", "municipality", "year", "value", "n", "se", "ci_low", "ci_high", "df")

report_domains <- function(name, res) {
  cat(sprintf("%s: %d rows\n", name, nrow(res$rows)))
  if (length(res$coverage)) cat("  edge cases:\n", paste0("    ", res$coverage, "\n"), sep = "")
  if (length(res$residues)) cat("  exact values written where R's floating result has a residue:\n",
                                paste0("    ", res$residues, "\n"), sep = "")
}

# ------------------------------------------------------------ 1. survey.csv (full design)
survey_case <- modifyList(base_case, list(strata = TRUE, psu = TRUE, weight = TRUE))
survey <- read_fixture(file.path(refdir, "survey.csv"))
res <- survey_domain_rows(survey, survey_case, "survey ")
write_plain_csv(res$rows[, string_cols], file.path(refdir, "survey_expected_r2.csv"))
report_domains("reference/survey_expected_r2.csv", res)

# ------------------------------------------------------- 2. survey_plain.csv (no design)
plain_case <- modifyList(base_case, list(strata = FALSE, psu = FALSE, weight = FALSE))
plain <- read_fixture(file.path(refdir, "survey_plain.csv"))
stopifnot(is.null(plain$stratum), is.null(plain$psu), is.null(plain$weight))
resP <- survey_domain_rows(plain, plain_case, "plain ")
write_plain_csv(resP$rows[, string_cols], file.path(refdir, "survey_plain_expected_r2.csv"))
report_domains("reference/survey_plain_expected_r2.csv", resP)

# ------------------------------------------------------ 3. survey_lonely.csv (lonely PSU)
lonely <- read_fixture(file.path(refdir, "survey_lonely.csv"))
stopifnot(all(lonely$municipality == "5001"), all(lonely$year == 2024))
lonely_case <- modifyList(base_case, list(scales = scales["trust"], strata = TRUE, psu = TRUE,
                                          weight = TRUE))
failed <- tryCatch({
  survey_domain_rows(lonely, modifyList(lonely_case, list(lonely = "fail")))
  FALSE
}, error = function(e) grepl("has only one PSU", conditionMessage(e)))
if (!failed) stop("survey.lonely.psu = \"fail\" accepted survey_lonely.csv")
lonely_rows <- do.call(rbind, lapply(c("remove", "adjust"), function(rule) {
  r <- survey_domain_rows(lonely, modifyList(lonely_case, list(lonely = rule)), paste0("lonely ", rule, " "))
  row <- r$rows[r$rows$indicator == "survey.trust.index" & r$rows$municipality == "5001" &
                r$rows$year == 2024, ]
  stopifnot(nrow(row) == 1)
  data.frame(lonely = rule, value = row$value, n = row$n, se = row$se, df = row$df,
             stringsAsFactors = FALSE)
}))
options(survey.lonely.psu = "fail")
write_plain_csv(lonely_rows, file.path(refdir, "survey_lonely_expected_r2.csv"))
cat("reference/survey_lonely_expected_r2.csv:\n")
print(lonely_rows, row.names = FALSE)

# --------------------------------------------------------------------------- 4. YRBS
yrbs <- read.csv(file.path(fixtures, "yrbs.csv"), colClasses = "character",
                 na.strings = character(0), strip.white = FALSE)
stopifnot(identical(names(yrbs), c("weight", "stratum", "psu", "qn8")))
stopifnot(all(yrbs$qn8 %in% c("", "1", "2")))
yrbs$weight <- as.numeric(yrbs$weight)
yrbs$y <- ifelse(yrbs$qn8 == "", NA_real_, as.numeric(yrbs$qn8 == "1"))
yrbs$scored <- !is.na(yrbs$y)
old <- c(plain = 0.0066567, clustered = 0.0202856, stratified = 0.0198621)
old_mean <- 0.8136225
yrbs_cases <- list(
  plain = list(strata = FALSE, psu = FALSE, lonely = "fail"),
  clustered = list(strata = FALSE, psu = TRUE, lonely = "fail"),
  stratified = list(strata = TRUE, psu = TRUE, lonely = "fail"))
options(survey.lonely.psu = "fail")
yrbs_rows <- list()
cat(sprintf("\nyrbs.csv: %d rows, %d with y (revision 1 built the design from these only)\n",
            nrow(yrbs), sum(yrbs$scored)))
cat(sprintf("%-10s %-12s %-20s %-20s %-12s %-20s %-20s %6s %6s %s\n", "design", "old mean",
            "new mean", "rev-1 mean (R)", "old se", "rev-1 se (R)", "new se", "old df", "new df",
            "se change (new/rev-1 - 1)"))
for (name in names(yrbs_cases)) {
  cs <- yrbs_cases[[name]]
  des <- make_design(yrbs, cs)
  sub <- subset(des, !is.na(y))
  est <- svymean(~y, sub)
  value <- unname(coef(est))
  se <- unname(SE(est))[1]
  df <- degf(sub)
  alt <- svymean(~y, des, na.rm = TRUE)   # the na.rm domain, as METHODS §2 writes it
  stopifnot(coef(alt) == value, SE(alt) == se)
  ref <- methods_estimate(yrbs, yrbs$y, yrbs$scored, cs)
  stopifnot_close(value, ref$value, paste("yrbs", name, "mean"))
  stopifnot_close(se, ref$se, paste("yrbs", name, "se"))
  stopifnot(df == ref$df)
  # Revision 1 (samplics): the design of the rows with y only.
  kept <- yrbs[yrbs$scored, ]
  r1 <- methods_estimate(kept, kept$y, rep(TRUE, nrow(kept)), cs)
  des1 <- make_design(kept, cs)
  e1 <- svymean(~y, des1)
  stopifnot_close(unname(SE(e1))[1], r1$se, paste("yrbs", name, "revision-1 se"))
  if (abs(r1$value - old_mean) > 5e-8 || abs(r1$se - old[[name]]) > 5e-8)
    stop("yrbs ", name, ": revision-1 formula does not reproduce samplics' published value")
  old_df <- degf(des1)
  cat(sprintf("%-10s %-12s %-20.17g %-20.17g %-12s %-20.17g %-20.17g %6d %6d %+.3e\n", name,
              format(old_mean), value, r1$value, format(old[[name]]), r1$se, se, old_df, df,
              se / r1$se - 1))
  yrbs_rows[[name]] <- data.frame(design = name, mean = fmt(value), se = fmt(se), df = fmt(df),
                                  stringsAsFactors = FALSE)
}
yrbs_rows <- do.call(rbind, yrbs_rows)
write_plain_csv(yrbs_rows, file.path(fixtures, "yrbs_expected_r2.csv"))
cat("yrbs_expected_r2.csv:\n")
print(yrbs_rows, row.names = FALSE)

# ---------------------------------------------------------------------------- versions
vfile <- file.path(refdir, "versions.txt")
lines <- if (file.exists(vfile)) readLines(vfile) else character(0)
mine <- c(sub("^R version ", "R ", R.version.string),
          paste("survey", as.character(packageVersion("survey"))))
lines <- c(lines[!grepl("^(R|survey) ", lines)], mine)
con <- file(vfile, "wb")
writeLines(lines, con, sep = "\n")
close(con)
cat("\n", paste(mine, collapse = "; "), "\n", sep = "")
