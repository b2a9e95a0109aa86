package dev.traininginputs.stats;

import java.io.Serializable;

/**
 * Data lines of one source read, accepted and rejected, and the accepted ones whose day column
 * disagreed with their partition folder (SPEC §5 {@code sources}). Partial counts from different
 * parts of the pipeline add up with {@link #plus}.
 */
public record SourceCounts(long read, long accepted, long rejected, long dayMismatch)
    implements Serializable {
  public static final SourceCounts ZERO = new SourceCounts(0, 0, 0, 0);

  /** Counts of a source without partition folders. */
  public SourceCounts(long read, long accepted, long rejected) {
    this(read, accepted, rejected, 0);
  }

  public SourceCounts plus(SourceCounts other) {
    return new SourceCounts(
        read + other.read,
        accepted + other.accepted,
        rejected + other.rejected,
        dayMismatch + other.dayMismatch);
  }
}
