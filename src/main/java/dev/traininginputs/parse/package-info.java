/**
 * One input record, a CSV or JSON Lines line or a Parquet row, seen through one {@link
 * dev.traininginputs.parse.RecordView}, to one typed record, or a reason why not: every value rule
 * of SPEC §1 in {@link dev.traininginputs.parse.Values} (text parsed, typed values range-checked),
 * the partition day, the parsers that read each source's columns by kind ({@code model.Source}
 * holds the column table, with the action table of SPEC §2), and the CSV line format. Plain Java,
 * no Beam.
 */
package dev.traininginputs.parse;
