/**
 * The history rules of SPEC §3 in plain Java (the look-back window, the order, the cut and the
 * padding) and {@link dev.traininginputs.sequence.BuildHistories}, the thin DoFn around them.
 */
package dev.traininginputs.sequence;
