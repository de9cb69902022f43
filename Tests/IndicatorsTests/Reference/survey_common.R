# Shared functions for the R reference scripts of the survey indicators (METHODS.md §2,
# revision 2). Sourced by reference_survey_r2.R; needs the `survey` package.
#
# A case `cs` is a list with
#   likert  = c(lo, hi), missing = integer codes, scales = list(name = list(items, reverse)),
#   strata, psu, weight, fpc = TRUE/FALSE (whether the fixture has that design column),
#   lonely  = "fail" | "remove" | "adjust"  (options(survey.lonely.psu)).
# Each year of a fixture is one wave and one design; each municipality with a scored
# respondent is a domain of it:
#   design <- svydesign(ids = ~psu | ~1, strata = ~stratum, weights = ~weight,
#                       fpc = ~fpc, nest = TRUE, data = wave)   # undeclared parts dropped
#   sub    <- subset(design, municipality == m & !is.na(y))
#   index:       svymean(~y, sub), SE, degf(sub), confint(est, df = degf(sub))
#   agree share: svymean(~a, sub), SE, svyciprop(~a, sub, method = "beta")
# METHODS rules applied on top:
#   n < 2                -> value and n only (no se, ci, df);
#   df = degf(sub) < 1   -> se and df (0) written, no interval;
#   p = 0 or 1 (decided by counts) -> value exactly 0/1, se 0, and the NCHS interval
#     with n_eff = n: [0, qbeta(.975, 1, n)] or [qbeta(.025, n, 1), 1] (R gives NaN);
#   an SE that is exactly 0 in exact arithmetic is written as 0 (R's floating z totals can
#     leave a residue of ~1e-17): the domain's scored respondents lie in one PSU, all have
#     the same y, or every stratum's PSU totals of z are equal when computed exactly
#     (exact_psu_totals_equal below, integer arithmetic on the fixture's decimal weights).
# Every result is recomputed from the METHODS §2 formulas in base R (z scores, PSU totals,
# n_h over the wave, f_h, lonely rules, degf, Korn-Graubard); the scripts stop if the two
# disagree by more than 1e-11 relative (the exact-zero SE rows excepted).

suppressPackageStartupMessages(library(survey))

fmt <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "" else sprintf("%.17g", x)
rel <- function(a, b) if (a == b) 0 else abs(a - b) / max(abs(a), abs(b))
stopifnot_close <- function(a, b, what, tol = 1e-11) {
  if (is.na(a) != is.na(b) || (!is.na(a) && rel(a, b) > tol && abs(a - b) > 1e-15))
    stop(sprintf("%s: survey %.17g vs METHODS formula %.17g", what, a, b))
}

# ------------------------------------------------------------------ reading and scoring
read_fixture <- function(path) {
  d <- read.csv(path, colClasses = "character", na.strings = character(0),
                check.names = FALSE, strip.white = FALSE)
  d$year <- as.integer(d$year)
  if (!is.null(d$weight)) d$weight <- as.numeric(d$weight)
  if (!is.null(d$fpc)) d$fpc <- as.numeric(d$fpc)
  d
}

# Returns list(y, a, scored) for one scale: y on 0-100, a = 1 if score > midpoint (decided
# on the integer item total, so a score exactly at the midpoint is not agreement).
score_scale <- function(d, scale, lo, hi, missing) {
  items <- unlist(scale$items)
  reverse <- unlist(scale$reverse)
  X <- sapply(items, function(it) {
    v <- d[[it]]
    if (is.null(v)) stop("no column ", it)
    x <- ifelse(v == "", NA_integer_, suppressWarnings(as.integer(v)))
    if (anyNA(x[v != ""])) stop("non-integer item in ", it)
    x[x %in% missing] <- NA
    if (any(!is.na(x) & (x < lo | x > hi))) stop("item out of range in ", it)
    if (it %in% reverse) x <- lo + hi - x
    x
  })
  X <- matrix(X, nrow = nrow(d))
  k <- length(items)
  answered <- rowSums(!is.na(X))
  total <- rowSums(X, na.rm = TRUE)
  scored <- answered >= ceiling(k / 2)
  score <- ifelse(scored, total / answered, NA_real_)
  y <- 100 * (score - lo) / (hi - lo)
  a <- ifelse(scored, as.numeric(2 * total > (lo + hi) * answered), NA_real_)
  list(y = y, a = a, scored = scored, total = total, answered = answered)
}

make_design <- function(wave, cs) {
  args <- list(ids = if (isTRUE(cs$psu)) ~psu else ~1, data = wave, nest = TRUE,
               weights = ~weight)
  if (isTRUE(cs$strata)) args$strata <- ~stratum
  if (isTRUE(cs$fpc)) args$fpc <- ~fpc
  do.call(svydesign, args)
}

# Stratum and (nested) PSU of every row of a wave, as METHODS §2 identifies them.
wave_strata <- function(wave, cs) if (isTRUE(cs$strata)) as.character(wave$stratum) else rep("(one)", nrow(wave))
wave_psus <- function(wave, cs) {
  h <- wave_strata(wave, cs)
  if (isTRUE(cs$psu)) paste(h, wave$psu, sep = "\r") else paste(h, seq_len(nrow(wave)), sep = "\r")
}

# ------------------------------------------------------- METHODS §2 formulas, base R only
methods_estimate <- function(wave, v, dom, cs) {
  w <- wave$weight
  W <- sum(w[dom])
  m <- sum(w[dom] * v[dom]) / W
  z <- ifelse(dom, w * (v - m) / W, 0)
  h <- wave_strata(wave, cs)
  j <- wave_psus(wave, cs)
  totals <- tapply(z, j, sum)
  stratum_of <- tapply(h, j, function(x) x[1])
  zbar_wave <- mean(totals)
  var <- 0
  for (s in unique(h)) {
    t <- totals[stratum_of == s]
    nh <- length(t)
    f <- 1
    if (isTRUE(cs$fpc)) {
      N <- unique(wave$fpc[h == s])
      stopifnot(length(N) == 1)
      if (N <= 1) N <- nh / N
      f <- 1 - nh / N
    }
    if (nh > 1) {
      var <- var + f * nh / (nh - 1) * sum((t - mean(t))^2)
    } else if (cs$lonely == "adjust") {
      var <- var + f * (t - zbar_wave)^2
    } else if (cs$lonely == "remove") {
      var <- var + 0
    } else stop("lonely stratum ", s)
  }
  df <- length(unique(j[dom])) - length(unique(h[dom]))
  list(value = m, se = sqrt(var), df = df, psus = length(unique(j[dom])))
}

kg_interval <- function(p, se, n, df) {
  neff <- p * (1 - p) / se^2 * (qt(0.975, n - 1) / qt(0.975, df))^2
  c(qbeta(0.025, neff * p, neff * (1 - p) + 1), qbeta(0.975, neff * p + 1, neff * (1 - p)))
}

# Exact test of "SE = 0": within every stratum with two or more PSUs in the wave, all PSU
# totals of z_i = w_i (y_i - ybar)/W are equal (PSUs of the stratum without a domain member
# have total 0), and a lonely stratum's single total is 0 (adjust; remove ignores it).
# With u_i = w_i·10^4 (the fixtures' weights have at most 4 decimals) and yq_i an integer
# proportional to y_i, the PSU total is proportional to T_j = V_j·U - U_j·V (U_j, V_j the
# PSU's domain sums of u and u·yq; U, V the domain's): integers, computed exactly in doubles
# while every product stays below 2^53. Returns NA when that cannot be guaranteed.
exact_psu_totals_equal <- function(wave, yq, dom, cs) {
  u <- round(wave$weight * 1e4)
  if (any(abs(u - wave$weight * 1e4) > 1e-6)) return(NA)
  if (any(abs(yq[dom] - round(yq[dom])) > 1e-9) || any(yq[dom] < 0)) return(NA)
  j <- wave_psus(wave, cs)
  h <- wave_strata(wave, cs)
  nh <- tapply(j, h, function(x) length(unique(x)))
  ud <- u[dom]
  vd <- ud * round(yq[dom])
  jd <- j[dom]
  U <- sum(ud)
  V <- sum(vd)
  Uj <- tapply(ud, jd, sum)
  Vj <- tapply(vd, jd, sum)
  if (max(V, Vj) * max(U, Uj) >= 2^53) return(NA)
  T <- Vj * U - Uj * V
  strat <- tapply(h[dom], jd, function(x) x[1])
  for (s in unique(strat)) {
    t <- T[strat == s]
    if (nh[[s]] > length(t)) t <- c(t, 0)
    if (nh[[s]] == 1 && cs$lonely == "remove") next
    if (nh[[s]] == 1 && t[1] != 0) return(FALSE)
    if (length(unique(t)) > 1) return(FALSE)
  }
  TRUE
}

# ------------------------------------------------------------------------ the estimates
# All index and agree_share rows of one fixture `d` for case `cs`. Returns
# list(rows = data.frame of formatted strings plus numeric columns, residues, coverage).
survey_domain_rows <- function(d, cs, label = "") {
  options(survey.lonely.psu = cs$lonely)
  if (!isTRUE(cs$weight)) {
    stopifnot(is.null(d$weight))
    d$weight <- 1
  }
  lo <- cs$likert[[1]]
  hi <- cs$likert[[2]]
  missing <- as.integer(unlist(cs$missing))
  out <- list()
  residues <- character(0)
  coverage <- character(0)
  for (sname in names(cs$scales)) {
    sc <- score_scale(d, cs$scales[[sname]], lo, hi, missing)
    d$y <- sc$y
    d$a <- sc$a
    k <- length(unlist(cs$scales[[sname]]$items))
    q <- Reduce(function(a, b) a * b / gcd(a, b), seq_len(k), 1)   # lcm(1..k)
    d$yq <- ifelse(sc$scored, (sc$total - lo * sc$answered) * (q / sc$answered), NA)  # y·q·(hi-lo)/100
    for (yr in sort(unique(d$year))) {
      wave <- d[d$year == yr, , drop = FALSE]
      des <- make_design(wave, cs)
      for (m in sort(unique(wave$municipality[!is.na(wave$y)]), method = "radix")) {
        dom <- wave$municipality == m & !is.na(wave$y)
        n <- sum(dom)
        sub <- subset(des, municipality == m & !is.na(y))
        stopifnot(nrow(sub) == n)
        key <- sprintf("%s%s %s %d", label, sname, m, yr)

        # index
        est <- svymean(~y, sub)
        value <- unname(coef(est))
        se <- unname(SE(est))[1]
        df <- degf(sub)
        ref <- methods_estimate(wave, wave$y, dom, cs)
        stopifnot_close(value, ref$value, paste(key, "index value"))
        stopifnot(df == ref$df)
        exact_zero <- ref$psus == 1 || length(unique(wave$y[dom])) == 1
        if (n >= 2 && !exact_zero) {
          ez <- exact_psu_totals_equal(wave, wave$yq, dom, cs)
          if (is.na(ez)) stop(key, ": cannot decide exactly whether the index SE is 0")
          exact_zero <- ez
        }
        if (n >= 2 && !exact_zero) stopifnot_close(se, ref$se, paste(key, "index se"))
        if (n >= 2 && exact_zero) {
          if (se != 0) residues <- c(residues, sprintf("%s index: R se %.3g -> 0", key, se))
          se <- 0
        }
        row <- list(indicator = sprintf("survey.%s.index", sname), municipality = m, year = yr,
                    value = value, n = n, se = NA, lo = NA, hi = NA, df = NA)
        if (n >= 2) {
          row$se <- se
          row$df <- df
          if (df >= 1) {
            ci <- confint(est, df = df)
            t <- qt(0.975, df)
            stopifnot_close(ci[1, 1], ref$value - t * ref$se, paste(key, "index ci_low"))
            stopifnot_close(ci[1, 2], ref$value + t * ref$se, paste(key, "index ci_high"))
            row$lo <- value - t * se
            row$hi <- value + t * se
            if (!exact_zero) {
              row$lo <- ci[1, 1]
              row$hi <- ci[1, 2]
            }
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
        exact_zeroA <- extreme || ref$psus == 1
        if (n >= 2 && !exact_zeroA) {
          ez <- exact_psu_totals_equal(wave, wave$a, dom, cs)
          if (is.na(ez)) stop(key, ": cannot decide exactly whether the agree SE is 0")
          exact_zeroA <- ez
        }
        if (n >= 2 && !exact_zeroA) stopifnot_close(seA, refA$se, paste(key, "agree se"))
        rowA <- list(indicator = sprintf("survey.%s.agree_share", sname), municipality = m,
                     year = yr, value = p, n = n, se = NA, lo = NA, hi = NA, df = NA)
        if (extreme) {
          if (n >= 2 && (seA != 0 || p != as.integer(agreeing == n)))
            residues <- c(residues, sprintf(
              "%s agree p=%d/%d: R value %.17g se %.3g -> %d, 0", key, agreeing, n, p, seA,
              as.integer(agreeing == n)))
          rowA$value <- if (agreeing == n) 1 else 0
          seA <- 0
        } else if (n >= 2 && exact_zeroA) {
          # 0 < p < 1 with SE exactly 0: in one PSU df is 0 and there is no interval; with
          # df >= 1 n_eff would be infinite and METHODS does not say what the KG interval is,
          # so refuse rather than guess (no fixture has such a domain).
          if (df >= 1) stop(key, ": agree share strictly inside (0, 1) with an exact-zero SE and df >= 1")
          if (seA != 0) residues <- c(residues, sprintf("%s agree: R se %.3g -> 0", key, seA))
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
              stopifnot_close(ci[1], kg[1], paste(key, "agree ci_low"))
              stopifnot_close(ci[2], kg[2], paste(key, "agree ci_high"))
              rowA$lo <- ci[1]
              rowA$hi <- ci[2]
            }
          }
        }
        out[[length(out) + 1]] <- rowA

        cov <- c(if (n == 1) "n=1", if (n >= 2 && df < 1) "df=0",
                 if (n >= 2 && df >= 1 && extreme) sprintf("p=%d", as.integer(agreeing == n)),
                 if (n >= 2 && ref$psus == 1) "one PSU",
                 if (n >= 2 && exact_zero && ref$psus > 1) "index se exactly 0")
        if (length(cov)) coverage <- c(coverage, paste(key, paste(cov, collapse = ",")))
      }
    }
  }
  rows <- do.call(rbind, lapply(out, function(r) data.frame(
    indicator = r$indicator, municipality = r$municipality, year = r$year,
    value = fmt(r$value), n = sprintf("%d", as.integer(r$n)), se = fmt(r$se),
    ci_low = fmt(r$lo), ci_high = fmt(r$hi), df = fmt(r$df),
    value_num = r$value, se_num = as.numeric(r$se), df_num = as.numeric(r$df),
    stringsAsFactors = FALSE)))
  rows <- rows[order(rows$indicator, rows$municipality, rows$year, method = "radix"), ]
  list(rows = rows, residues = residues, coverage = coverage)
}

gcd <- function(a, b) if (b == 0) a else gcd(b, a %% b)

# Writes a data.frame of strings as CSV with "\n" line ends and no quoting.
write_plain_csv <- function(tab, path) {
  stopifnot(!any(grepl("[,\"\r\n]", unlist(tab))))
  con <- file(path, "wb")
  writeLines(paste(names(tab), collapse = ","), con, sep = "\n")
  writeLines(do.call(paste, c(unname(as.list(tab)), sep = ",")), con, sep = "\n")
  close(con)
}
