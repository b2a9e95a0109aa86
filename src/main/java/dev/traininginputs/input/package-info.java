/**
 * Which files to read (folders at any depth, Hive partition folders, pruning by the selected days)
 * and reading them: each reader gives the same {@link dev.traininginputs.input.Parsed} (records,
 * rejected records, per-file counts), so that the records need no second consumer to be counted.
 */
package dev.traininginputs.input;
