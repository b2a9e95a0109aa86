/**
 * How training rows are laid out in the Parquet output (SPEC §4): exploded or grouped, with right,
 * left or no padding. The only place that knows the output's Avro and Parquet schemas, both ways.
 */
package dev.traininginputs.layout;
