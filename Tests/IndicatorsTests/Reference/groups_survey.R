# Reference for ComparisonGroupsTests.surveyGroupIsADomainOfTheWave: a comparison group's
# survey index is a domain estimate of the wave's design (METHODS.md §2, issue 16), here the
# group {5001, 5006} of a one-wave survey whose strata and PSUs cross the municipalities.
# Run: Rscript Tests/IndicatorsTests/Reference/groups_survey.R   (R 4.x, package survey)
suppressPackageStartupMessages(library(survey))
d <- read.csv(text = "
municipality,stratum,psu,weight,q1,q2
5001,A,p1,2,4,5
5001,A,p1,1,3,3
5006,A,p2,1,5,5
0301,A,p2,3,2,1
5001,B,p3,1,1,2
0301,B,p3,2,4,4
5006,B,p4,2,3,4
0301,B,p4,1,5,5
0301,A,p5,1,2,2
", colClasses = c("character", "character", "character", "numeric", "numeric", "numeric"))
d$y <- 100 * ((d$q1 + d$q2) / 2 - 1) / 4
d$a <- as.numeric((d$q1 + d$q2) / 2 > 3)
design <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
for (g in list(c("5001", "5006"), c("5001", "5006", "0301"))) {
  sub <- subset(design, municipality %in% g)
  est <- svymean(~y, sub)
  df <- degf(sub)
  ci <- confint(est, df = df)
  cat(sprintf("index {%s}: value %.17g se %.17g df %d ci %.17g %.17g n %d\n",
              paste(g, collapse = ","), coef(est), SE(est), df, ci[1], ci[2], sum(d$municipality %in% g)))
  share <- svyciprop(~a, sub, method = "beta", df = df)
  cat(sprintf("agree {%s}: value %.17g se %.17g ci %.17g %.17g\n", paste(g, collapse = ","),
              coef(share), SE(share), attr(share, "ci")[1], attr(share, "ci")[2]))
}
