/**
 * The figures of SPEC §5 as mergeable accumulators, merged into one {@link
 * dev.traininginputs.stats.RunMetrics}; and the runner counters, which are for watching only.
 */
package dev.traininginputs.stats;
