/**
 * Where the results go: the staged output and its commit, the Parquet rows (the only place that
 * knows their Avro schema), rejected records, metrics and report files. Writers hand back the
 * figures of what they wrote.
 */
package dev.traininginputs.output;
