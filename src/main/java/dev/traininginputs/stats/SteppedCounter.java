package dev.traininginputs.stats;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;

/**
 * A Beam counter increased in steps: counted in a field, added to the counter every {@value #STEP}
 * increments and at {@link #flush}. A counter looks up the runner's metrics container on every
 * call, which, once per parsed or filtered action, was about a tenth of a daily run's CPU. Flush
 * from inside the step (a {@code @ProcessElement} or {@code @FinishBundle} method), where the
 * runner's container is the step's.
 */
public final class SteppedCounter implements Serializable {
  static final int STEP = 1 << 16;

  private final Counter counter;
  private transient long pending;

  public SteppedCounter(Counter counter) {
    this.counter = counter;
  }

  public void inc() {
    if (++pending >= STEP) {
      flush();
    }
  }

  /** Adds what was counted since the last flush to the counter. */
  public void flush() {
    if (pending > 0) {
      counter.inc(pending);
      pending = 0;
    }
  }
}
