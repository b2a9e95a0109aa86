package dev.traininginputs.stats;

import java.io.Serializable;

/**
 * Data lines of one source read, accepted and rejected (SPEC §5 {@code sources}). Partial counts
 * from different parts of the pipeline add up with {@link #plus}.
 */
public record SourceCounts(long read, long accepted, long rejected) implements Serializable {
  public static final SourceCounts ZERO = new SourceCounts(0, 0, 0);

  public SourceCounts plus(SourceCounts other) {
    return new SourceCounts(
        read + other.read, accepted + other.accepted, rejected + other.rejected);
  }
}
