package dev.traininginputs.sequence;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;

/**
 * The eligibility rule of SPEC §3, and only place it is written: an action whose partition day is
 * in [D − L, D − 1] may enter the history of an impression on day D. Same-day and later actions
 * never do, whatever their timestamps say.
 */
public final class LookbackWindow implements Serializable {
  private final int lookbackDays;

  public LookbackWindow(int lookbackDays) {
    if (lookbackDays < 0) {
      throw new IllegalArgumentException("lookbackDays must be at least 0, was " + lookbackDays);
    }
    this.lookbackDays = lookbackDays;
  }

  /**
   * Whether an action on {@code actionDay} is eligible for an impression on {@code impressionDay}.
   */
  public boolean isEligible(int actionDay, int impressionDay) {
    return actionDay <= (long) impressionDay - 1
        && actionDay >= (long) impressionDay - lookbackDays;
  }

  /** The action days that at least one of the given impression days can use. */
  public UsableDays usableDays(Collection<Integer> impressionDays) {
    return new UsableDays(
        impressionDays.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
  }

  /** A set of action days, given as the impression days that look back to them. */
  public final class UsableDays {
    private final int[] sortedImpressionDays;

    private UsableDays(int[] sortedImpressionDays) {
      this.sortedImpressionDays = sortedImpressionDays;
    }

    /** True when some impression day D has {@code isEligible(actionDay, D)}. */
    public boolean contains(int actionDay) {
      // The earliest impression day after the action day is the one most likely to reach back.
      int i = Arrays.binarySearch(sortedImpressionDays, actionDay + 1);
      int first = i >= 0 ? i : -i - 1;
      return first < sortedImpressionDays.length
          && isEligible(actionDay, sortedImpressionDays[first]);
    }
  }
}
