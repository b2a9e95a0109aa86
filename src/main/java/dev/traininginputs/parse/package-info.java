/**
 * One input row to one typed record, or a reason why not: the value rules of SPEC §1, the action
 * table of SPEC §2 and the CSV line format. Plain Java, no Beam.
 */
package dev.traininginputs.parse;
