# Reference values for Tests/ApenCoreTests/DistributionsTests.swift from R's qt, pbeta and qbeta.
#
# Run from this folder:  Rscript distributions.R
# Writes distributions_r_qt.csv, distributions_r_pbeta.csv, distributions_r_qbeta.csv and
# distributions_r_edges.csv (17 significant digits). A "warning" column records any warning R raised for
# that value (qbeta warns when it cannot reach full accuracy, e.g. for tiny shape parameters); mpmath
# (distributions_mpmath.py) is the judge for those rows.
#
# The grids are the ones distributions_mpmath.py uses; keep the two scripts in step.

fmt <- function(v) sprintf("%.17g", v)

# Evaluate expr, returning the value and the text of any warning (empty if none).
with_warning <- function(expr) {
    msg <- ""
    value <- withCallingHandlers(expr, warning = function(w) {
        msg <<- gsub("[\r\n,]+", " ", conditionMessage(w))
        invokeRestart("muffleWarning")
    })
    list(value = value, warning = msg)
}

write_rows <- function(rows, file) {
    df <- do.call(rbind, lapply(rows, as.data.frame, stringsAsFactors = FALSE))
    write.csv(df, file, row.names = FALSE, quote = FALSE)
}

# qt: p = 0.975 for df = 1..30, 40, 60, 100, 1000, 1e5, 1e6; then p in {0.5, 0.9, 0.995, 1e-10} on a df grid.
qt_cases <- rbind(
    data.frame(p = 0.975, df = c(1:30, 40, 60, 100, 1000, 1e5, 1e6)),
    expand.grid(p = c(0.5, 0.9, 0.995, 1e-10), df = c(1, 2, 3, 5, 10, 30, 100, 1e4, 1e6))
)
rows <- list()
for (i in seq_len(nrow(qt_cases))) {
    p <- qt_cases$p[i]; df <- qt_cases$df[i]
    r <- with_warning(qt(p, df))
    rows[[i]] <- list(p = fmt(p), df = fmt(df), qt = fmt(r$value), warning = r$warning)
}
write_rows(rows, "distributions_r_qt.csv")

shapes <- c(1e-3, 0.01, 0.5, 1, 2.5, 10, 1000, 1e5)

# pbeta at fixed points and at mean - 2 sd, mean, mean + 2 sd (where inside (0, 1)); the points are
# formatted to 17 digits first so that both scripts use the same doubles.
rows <- list()
for (a in shapes) for (b in shapes) {
    m <- a / (a + b)
    s <- sqrt(a * b / ((a + b)^2 * (a + b + 1)))
    xs <- c(1e-10, 0.3, 0.9, m - 2 * s, m, m + 2 * s)
    xs <- unique(as.numeric(fmt(xs[xs > 0 & xs < 1])))
    for (x in xs) {
        r <- with_warning(pbeta(x, a, b))
        upper <- with_warning(pbeta(x, a, b, lower.tail = FALSE))
        rows[[length(rows) + 1]] <- list(
            a = fmt(a), b = fmt(b), x = fmt(x), pbeta = fmt(r$value), pbeta_upper = fmt(upper$value),
            warning = paste0(r$warning, upper$warning))
    }
}
write_rows(rows, "distributions_r_pbeta.csv")

# qbeta on the shape grid at p = 0.025, 0.5, 0.975.
rows <- list()
for (a in shapes) for (b in shapes) for (p in c(0.025, 0.5, 0.975)) {
    r <- with_warning(qbeta(p, a, b))
    rows[[length(rows) + 1]] <- list(a = fmt(a), b = fmt(b), p = fmt(p), qbeta = fmt(r$value), warning = r$warning)
}
write_rows(rows, "distributions_r_qbeta.csv")

# Edge cases: degenerate shapes, p = 0 and 1, x outside (0, 1).
rows <- list()
add <- function(call, value) rows[[length(rows) + 1]] <<- list(call = call, value = fmt(value))
for (p in c(0, 0.3, 0.5, 0.7, 1)) {
    add(sprintf("qbeta(%s, 0, 2)", p), qbeta(p, 0, 2))
    add(sprintf("qbeta(%s, 2, 0)", p), qbeta(p, 2, 0))
    add(sprintf("qbeta(%s, 0, 0)", p), qbeta(p, 0, 0))
    add(sprintf("qbeta(%s, Inf, 2)", p), qbeta(p, Inf, 2))
    add(sprintf("qbeta(%s, 2, Inf)", p), qbeta(p, 2, Inf))
    add(sprintf("qbeta(%s, Inf, Inf)", p), qbeta(p, Inf, Inf))
}
for (x in c(-1, 0, 0.3, 1, 2)) {
    add(sprintf("pbeta(%s, 0, 2)", x), pbeta(x, 0, 2))
    add(sprintf("pbeta(%s, 2, 0)", x), pbeta(x, 2, 0))
    add(sprintf("pbeta(%s, 0, 0)", x), pbeta(x, 0, 0))
    add(sprintf("pbeta(%s, 2, 3)", x), pbeta(x, 2, 3))
}
for (p in c(0, 1)) {
    add(sprintf("qbeta(%s, 2, 3)", p), qbeta(p, 2, 3))
    add(sprintf("qbeta(%s, 0.001, 0.5)", p), qbeta(p, 0.001, 0.5))
    add(sprintf("qt(%s, 5)", p), qt(p, 5))
}
add("qt(0.975, Inf)", qt(0.975, Inf))
write_rows(rows, "distributions_r_edges.csv")
