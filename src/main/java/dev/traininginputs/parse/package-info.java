/**
 * One input record, a CSV or JSON Lines line or a Parquet row (read as JSON), seen through one
 * {@link dev.traininginputs.parse.RecordView}, to one typed record, or a reason why not: the value
 * rules and the partition day of SPEC §1, the action table of SPEC §2 and the CSV line format.
 * Plain Java, no Beam.
 */
package dev.traininginputs.parse;
