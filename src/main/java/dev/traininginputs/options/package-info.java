/**
 * The options of a run and {@link dev.traininginputs.options.RunConfig}, their checked plain
 * values: what transforms receive instead of the options object. Refusals before any work are
 * {@link dev.traininginputs.options.RunRefusedException}s.
 */
package dev.traininginputs.options;
