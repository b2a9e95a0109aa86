package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path against the {@code java.time} formatters, which define the value rules: wherever
 * the fast path answers, it answers what the formatter does; where the formatter refuses, the fast
 * path does not answer.
 */
class IsoFastPathTest {
  private static final String[] PIECES = {
    "0",
    "1",
    "2",
    "9",
    "00",
    "01",
    "12",
    "13",
    "28",
    "29",
    "30",
    "31",
    "23",
    "24",
    "59",
    "60",
    "-",
    ":",
    "T",
    " ",
    "t",
    ".",
    "Z",
    "+",
    "+02:00",
    "-05:30",
    "+18:00",
    "+18:01",
    "+14:60",
    "1999",
    "2000",
    "2024",
    "2025",
    "1900",
    "0000",
    "02",
    "04",
    "123456789",
    "1234567890",
    "+02",
    ""
  };

  private static String nearlyADateTime(Random random) {
    // A valid date-time, then a few random edits: the edges are where the two paths could differ.
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02d%s%02d:%02d:%02d",
                random.nextInt(2100),
                1 + random.nextInt(12),
                1 + random.nextInt(31),
                random.nextBoolean() ? "T" : " ",
                random.nextInt(25),
                random.nextInt(61),
                random.nextInt(61)));
    if (random.nextBoolean()) {
      text.append('.').append(PIECES[random.nextInt(PIECES.length)]);
    }
    if (random.nextBoolean()) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    for (int edits = random.nextInt(3); edits > 0; edits--) {
      int at = random.nextInt(text.length());
      text.replace(
          at,
          Math.min(text.length(), at + 1 + random.nextInt(2)),
          PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  @Test
  void dateTime_agreesWithTheFormatterWheneverItAnswers() {
    Random random = new Random(42);
    int answered = 0;
    for (int i = 0; i < 200_000; i++) {
      String text = nearlyADateTime(random);
      Instant fast = IsoFastPath.dateTime(text);
      Instant slow;
      try {
        slow = Values.dateTimeByFormatter("t", text);
      } catch (InvalidValueException e) {
        slow = null;
      }
      if (fast != null) {
        answered++;
        assertThat(text, fast, equalTo(slow));
      }
    }
    assertThat(answered, greaterThan(20_000));
  }

  @Test
  void day_agreesWithTheFormatterWheneverItAnswers() {
    Random random = new Random(43);
    int answered = 0;
    for (int i = 0; i < 200_000; i++) {
      String text = nearlyADateTime(random).substring(0, 10);
      long fast = IsoFastPath.epochDay(text, 0);
      Integer slow;
      try {
        slow = Values.dayByFormatter("d", text, text);
      } catch (InvalidValueException e) {
        slow = null;
      }
      if (fast != IsoFastPath.NO_DAY) {
        answered++;
        assertThat(text, (int) fast, equalTo(slow));
      }
    }
    assertThat(answered, greaterThan(20_000));
  }

  @Test
  void theCommonShapesTakeTheFastPath() {
    assertThat(
        IsoFastPath.dateTime("2025-03-09 18:30:00"),
        equalTo(Instant.parse("2025-03-09T18:30:00Z")));
    assertThat(
        IsoFastPath.dateTime("2025-03-08T12:00:00.5+02:00"),
        equalTo(Instant.parse("2025-03-08T10:00:00.5Z")));
    assertThat(
        IsoFastPath.dateTime("2024-02-29T23:59:59Z"),
        equalTo(Instant.parse("2024-02-29T23:59:59Z")));
    assertThat(IsoFastPath.dateTime("2025-02-29 10:00:00"), equalTo(null));
    assertThat(IsoFastPath.epochDay("2025-03-10", 0), equalTo(20157L));
  }
}
