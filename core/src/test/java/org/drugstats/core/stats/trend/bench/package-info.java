/** JMH benchmarks of the trend statistics (run instructions in {@code BENCHMARKS.md} at the repository root). */
package org.drugstats.core.stats.trend.bench;
