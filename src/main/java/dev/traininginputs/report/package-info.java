/** Presentation of a run's figures: the metrics JSON of SPEC §5 and the HTML report. */
package dev.traininginputs.report;
