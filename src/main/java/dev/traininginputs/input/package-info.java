/**
 * Which files to read (folders at any depth, Hive partition folders, pruning by the selected days),
 * the checks before the run (CSV headers, Parquet schemas), and reading them: one loop over the
 * rows of any format ({@link dev.traininginputs.input.ReadInputs} over {@code InputRows}: CSV and
 * JSON Lines lines, Parquet rows) gives the same {@link dev.traininginputs.input.Parsed} (records,
 * rejected records, per-file counts), so that the records need no second consumer to be counted.
 */
package dev.traininginputs.input;
