# Reference values for DirectStandardizationTest.
# R 4.2.2, epitools 0.5.10.1: ageadjust.direct (Fay & Feuer 1997 gamma intervals).
library(epitools)
who <- c(8.86, 8.69, 8.60, 8.47, 8.22, 7.93, 7.61, 7.15, 6.59, 6.04, 5.37, 4.55, 3.72, 2.96, 2.21, 1.52, 0.91, 0.63)
std1564 <- who[4:13]   # 15-19 ... 60-64
count <- c(12, 40, 55, 61, 48, 37, 30, 22, 15, 9)
pop <- c(81000, 79000, 76000, 74000, 70000, 66000, 61000, 57000, 52000, 47000)
options(digits = 15)
print(ageadjust.direct(count = count, pop = pop, stdpop = std1564))
print(ageadjust.direct(count = count, pop = pop, stdpop = std1564, conf.level = 0.90))
# all ages, 18 groups
count18 <- c(0, 1, 3, count, 7, 5, 4, 2, 1)
pop18 <- c(90000, 88000, 85000, pop, 40000, 32000, 22000, 12000, 6000)
print(ageadjust.direct(count = count18, pop = pop18, stdpop = who))
# no events (DirectStandardizationTest.noEventsGivesZeroLowerBound):
#   crude.rate 0, adj.rate 0, lci NaN (qgamma with shape 0; the Java code reports 0), uci 5.87567985413576e-06
print(ageadjust.direct(count = rep(0, 10), pop = pop, stdpop = std1564))
