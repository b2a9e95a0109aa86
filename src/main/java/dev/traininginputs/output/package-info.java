/**
 * Where the results go, on any storage (local, HDFS, S3): the writers (Parquet rows — the only
 * place that knows their Avro schema — rejected records, metrics and report), which stage every
 * file under a name of its own and hand back the figures and names of what they closed; and the
 * staged output with its commit record, publish, recovery and lock.
 */
package dev.traininginputs.output;
