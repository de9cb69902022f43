# Cross-checks a reference's survey domain estimates (METHODS §2, revision 2) against R's survey package.
#
#   Rscript bench/check_survey_r.R DATA_DIR REFERENCE.csv [GROUPS] [SEED]
#
# For each year the wave's design is svydesign(ids = ~psu, strata = ~stratum, weights = ~weight,
# nest = TRUE) over every respondent row of that year (options(survey.lonely.psu = "fail")). For
# GROUPS sampled (municipality, year) groups (default 100) and each scale of pipelines/national.yaml,
# the domain d is subset(design, municipality == m & scored), and R gives
#   index:       svymean(~y, d), SE, degf(d) and mean ± qt(0.975, degf)·SE;
#   agree share: svymean(~a, d), SE, degf(d) and svyciprop(~a, d, method = "beta");
#                where p̂ is 0 or 1 svyciprop has no interval, so the NCHS rule of METHODS §2
#                (n_eff = n) is applied by hand with qbeta.
# Every number is compared with the reference's row to 1e-9 relative (1e-12 absolute), df exactly.
# Needs R with the survey package (Debian: r-cran-survey).
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: check_survey_r.R DATA_DIR REFERENCE.csv [GROUPS] [SEED]")
groups <- if (length(args) >= 3) as.integer(args[3]) else 100L
seed <- if (length(args) >= 4) as.integer(args[4]) else 1L

scales <- list(transparency = list(items = c("q01", "q02", "q03", "q04"), reverse = "q04"),
               trust = list(items = c("q05", "q06", "q07", "q08"), reverse = character()),
               participation = list(items = c("q09", "q10", "q11", "q12"), reverse = character()))
lo <- 1; hi <- 5; missing_codes <- 9

s <- read.csv(file.path(args[1], "survey.csv"), colClasses = c(municipality = "character", stratum = "character",
              psu = "character", respondent_id = "character"))
for (sc in names(scales)) {
  x <- as.matrix(s[, scales[[sc]]$items])
  x[x %in% missing_codes] <- NA
  for (q in scales[[sc]]$reverse) x[, q] <- lo + hi - x[, q]
  answered <- rowSums(!is.na(x))
  score <- ifelse(answered >= ceiling(ncol(x) / 2), rowSums(x, na.rm = TRUE) / answered, NA)
  s[[paste0("y_", sc)]] <- 100 * (score - lo) / (hi - lo)
  s[[paste0("a_", sc)]] <- as.numeric(score > (lo + hi) / 2)
}

ref <- read.csv(args[2], colClasses = "character")
key <- paste(ref$indicator, ref$municipality, ref$year)

set.seed(seed)
all_groups <- unique(s[, c("municipality", "year")])
pick <- all_groups[sample(nrow(all_groups), min(groups, nrow(all_groups))), ]
worst <- c(value = 0, se = 0, ci_low = 0, ci_high = 0)
checked <- 0; bad <- 0; nchs <- 0; no_interval <- 0
compare <- function(ind, m, y, value, se, ci, df) {
  r <- ref[key == paste(ind, m, y), ]
  checked <<- checked + 1
  if (nrow(r) != 1) { cat("missing in reference:", ind, m, y, "\n"); bad <<- bad + 1; return() }
  got <- c(value = value, se = se, ci_low = ci[1], ci_high = ci[2])
  for (col in names(got)) {
    want <- if (r[[col]] == "") NA else as.numeric(r[[col]])
    if (is.na(got[[col]]) != is.na(want)) {
      cat(ind, m, y, col, ": R", got[[col]], "reference", r[[col]], "\n"); bad <<- bad + 1; next
    }
    if (is.na(want)) next
    d <- abs(got[[col]] - want)
    big <- max(abs(got[[col]]), abs(want))
    if (d > max(1e-9 * big, 1e-12)) {
      cat(ind, m, y, col, ": R", format(got[[col]], digits = 17), "reference", r[[col]], "\n"); bad <<- bad + 1
    }
    if (big > 1e-12) worst[[col]] <<- max(worst[[col]], d / big)
  }
  if (!identical(as.character(df), r$df)) { cat(ind, m, y, "df: R", df, "reference", r$df, "\n"); bad <<- bad + 1 }
}

for (yr in sort(unique(pick$year))) {
  wave <- s[s$year == yr, ]
  des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = wave)
  for (m in pick$municipality[pick$year == yr]) {
    for (sc in names(scales)) {
      yv <- paste0("y_", sc); av <- paste0("a_", sc)
      d <- subset(des, municipality == m & !is.na(des$variables[[yv]]))
      n <- nrow(d)
      if (n < 2) next  # no SE, df or interval (METHODS §2); value-only rows are covered by compare.py
      df <- degf(d)
      est <- svymean(as.formula(paste0("~", yv)), d)
      se <- as.numeric(SE(est))
      ci <- if (df >= 1) coef(est)[[1]] + c(-1, 1) * qt(0.975, df) * se else c(NA, NA)
      compare(paste0("survey.", sc, ".index"), m, yr, coef(est)[[1]], se, ci, df)

      est <- svymean(as.formula(paste0("~", av)), d)
      p <- coef(est)[[1]]
      k <- sum(d$variables[[av]])
      if (k == 0 || k == n) {  # p̂ exactly 0 or 1: SE 0, n_eff = n (svyciprop gives NaN here)
        p <- as.numeric(k == n); se <- 0; nchs <- nchs + 1
        ci <- if (df >= 1) c(if (p == 0) 0 else qbeta(0.025, n * p, n * (1 - p) + 1),
                             if (p == 1) 1 else qbeta(0.975, n * p + 1, n * (1 - p))) else c(NA, NA)
      } else {
        se <- as.numeric(SE(est))
        ci <- if (df >= 1) as.numeric(attr(svyciprop(as.formula(paste0("~", av)), d, method = "beta"), "ci"))
              else c(NA, NA)
      }
      if (df < 1) no_interval <- no_interval + 1
      compare(paste0("survey.", sc, ".agree_share"), m, yr, p, se, ci, df)
    }
  }
}
cat(sprintf("R survey %s vs %s: %d estimates in %d groups (%d agree shares of 0 or 1 by the NCHS rule, %d agree shares with df < 1), %d differ; largest relative difference value %.2g, se %.2g, ci_low %.2g, ci_high %.2g\n",
            packageVersion("survey"), args[2], checked, nrow(pick), nchs, no_interval, bad,
            worst[["value"]], worst[["se"]], worst[["ci_low"]], worst[["ci_high"]]))
quit(status = if (bad > 0) 1 else 0)
