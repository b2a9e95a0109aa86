package dev.traininginputs.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An inclusive range of epoch days, or every day ({@link #ALL}): the impression days a run builds
 * ({@code --date}, {@code --startDate}/{@code --endDate}, SPEC §1), and the partition days an input
 * needs for them.
 *
 * @param first the first day, inclusive
 * @param last the last day, inclusive
 */
public record DayRange(int first, int last) implements Serializable {
  /** No selection: every day. */
  public static final DayRange ALL = new DayRange(Integer.MIN_VALUE, Integer.MAX_VALUE);

  public DayRange {
    if (first > last) {
      throw new IllegalArgumentException("a day range ends before it starts");
    }
  }

  public boolean isAll() {
    return equals(ALL);
  }

  public boolean contains(int day) {
    return day >= first && day <= last;
  }

  /**
   * The days whose actions a history of some day of this range can hold: [first − L, last − 1], the
   * union of every day's look-back window ({@code sequence.LookbackWindow}); none when L = 0;
   * {@link #ALL} stays all.
   */
  public Optional<DayRange> lookbackOf(int lookbackDays) {
    if (isAll()) {
      return Optional.of(ALL);
    }
    return lookbackDays == 0
        ? Optional.empty()
        : Optional.of(new DayRange(first - lookbackDays, last - 1));
  }

  /** Every day of a selected range, as {@code YYYY-MM-DD}; not for {@link #ALL}. */
  public List<String> days() {
    if (isAll()) {
      throw new IllegalStateException("every day is not a list");
    }
    List<String> days = new ArrayList<>(last - first + 1);
    for (int day = first; day <= last; day++) {
      days.add(Days.format(day));
    }
    return days;
  }

  /**
   * Sorted {@code YYYY-MM-DD} days written short, runs of consecutive days as ranges, at most
   * {@code maxParts} of them and then how many days are left: {@code 2025-03-01..2025-03-05 (5
   * days), 2025-03-09 and 12 more days}.
   */
  public static String describe(List<String> days, int maxParts) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < days.size() && parts.size() < maxParts) {
      int first = Days.of(days.get(i));
      int j = i;
      while (j + 1 < days.size() && Days.of(days.get(j + 1)) == Days.of(days.get(j)) + 1) {
        j++;
      }
      parts.add(
          i == j
              ? days.get(i)
              : days.get(i)
                  + ".."
                  + days.get(j)
                  + " ("
                  + (Days.of(days.get(j)) - first + 1)
                  + " days)");
      i = j + 1;
    }
    String described = String.join(", ", parts);
    int left = days.size() - i;
    return left == 0
        ? described
        : described + " and " + left + (left == 1 ? " more day" : " more days");
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "every day";
    }
    return first == last ? Days.format(first) : Days.format(first) + ".." + Days.format(last);
  }
}
