package dev.traininginputs.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Exact fast paths for the shapes nearly every day and date-time has: {@code YYYY-MM-DD} and {@code
 * YYYY-MM-DD[T ]HH:MM:SS[.f{1,9}][Z|±HH:MM]}. Anything else, valid or not, answers "not this shape"
 * and is left to the {@code java.time} formatters in {@link Values}, which stay the definition (a
 * test checks that the two agree). Parsing through a formatter costs microseconds per value, and
 * the actions have millions of rows.
 */
final class IsoFastPath {
  /** "Not this shape": ask the formatter. */
  static final long NO_DAY = Long.MIN_VALUE;

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private IsoFastPath() {}

  /** The epoch day of {@code YYYY-MM-DD} at {@code text[from, from + 10)}, or {@link #NO_DAY}. */
  static long epochDay(String text, int from) {
    if (text.length() < from + 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
      return NO_DAY;
    }
    int year = digits(text, from, 4);
    int month = digits(text, from + 5, 2);
    int day = digits(text, from + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) {
      return NO_DAY;
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return NO_DAY;
    }
    return LocalDate.of(year, month, day).toEpochDay();
  }

  /** The instant of a date-time of the common shape, or {@code null}. */
  static Instant dateTime(String text) {
    int length = text.length();
    if (length < 19
        || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    long day = epochDay(text, 0);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (day == NO_DAY
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (at < length && text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      int fractionDigits = at - start;
      if (fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int offset = 0;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      at++;
    } else if (at == length - 6
        && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && text.charAt(at + 3) == ':') {
      int offsetHours = digits(text, at + 1, 2);
      int offsetMinutes = digits(text, at + 4, 2);
      if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offset = offsetHours * 3600 + offsetMinutes * 60;
      if (offset > MAX_OFFSET_SECONDS) {
        return null;
      }
      offset = text.charAt(at) == '-' ? -offset : offset;
      at += 6;
    }
    if (at != length) {
      return null;
    }
    return Instant.ofEpochSecond(
        day * 86_400L + hour * 3600 + minute * 60 + second - offset, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code text[at, at + count)}, or -1. */
  private static int digits(String text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
