/** JMH benchmarks of the ingest (run by hand; see {@link org.drugstats.core.ingest.bench.IngestBenchmark}). */
package org.drugstats.core.ingest.bench;
