package dev.traininginputs.model;

import java.time.LocalDate;

/**
 * Calendar days are carried as epoch days (days since 1970-01-01) so that window arithmetic is
 * integer arithmetic; they become {@code YYYY-MM-DD} strings only at the output edge.
 */
public final class Days {
  private Days() {}

  public static int of(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  public static int of(String isoDate) {
    return of(LocalDate.parse(isoDate));
  }

  public static String format(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }
}
