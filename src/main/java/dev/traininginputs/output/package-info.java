/**
 * Where the results go: the writers (Parquet rows — the only place that knows their Avro schema —
 * rejected records, metrics and report), which stage every file under a name of its own and hand
 * back the figures and names of what they closed; and the publish of the staged output with its
 * commit record, recovery and lock. The file operations themselves are {@code storage/}'s.
 */
package dev.traininginputs.output;
