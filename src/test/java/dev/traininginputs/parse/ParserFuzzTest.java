package dev.traininginputs.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.Impression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of random and mutated lines per source: every line must come out as a valid record or
 * as an {@link InvalidValueException} with a reason; any other exception fails the test.
 */
class ParserFuzzTest {
  private static final int LINES_PER_SOURCE = 5_000;
  private static final String ALPHABET = "0123456789-:T Z+.,\"[]{}=dtx_ \t\u00e9\u20ac\uFFFD\\/;";

  record Case(String name, String header, List<String> valid, RecordParser<?> parser) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case(
            "impressions",
            "dt,ranking_id,customer_id,impressions",
            List.of(
                "2025-03-10,r1,7,\"[{\"\"item_id\"\": 5, \"\"is_order\"\": false}, {\"\"item_id\"\": 6, \"\"is_order\"\": true}]\"",
                "dt=2025-03-10,\"r,2\",-9,[]"),
            new ImpressionParser()),
        new Case(
            "clicks",
            "dt,customer_id,item_id,click_time",
            List.of(
                "2025-03-10,7,11,2025-03-10 10:00:00",
                "dt=2025-03-10,8,12,2025-03-09T23:59:30.123+01:00"),
            ActionParser.CLICKS),
        new Case(
            "add_to_carts",
            "customer_id,dt,simple_id,config_id,occurred_at",
            List.of("7,2025-03-10,1-2,17,2025-03-10T10:00:00Z"),
            ActionParser.ADD_TO_CARTS),
        new Case(
            "previous_orders",
            "order_date,customer_id,config_id",
            List.of("2025-03-05,7,18", "dt=2024-02-29,9223372036854775807,2147483647"),
            ActionParser.PREVIOUS_ORDERS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyLineIsAcceptedOrRejectedWithAReason(Case c) throws Exception {
    Random random = new Random(c.name().hashCode());
    CsvHeader header = CsvHeader.parse(c.header());
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < LINES_PER_SOURCE; i++) {
      String line = mutate(c.valid().get(random.nextInt(c.valid().size())), random);
      try {
        Object record = c.parser().parse(header.row(line));
        checkValid(record, line);
        accepted++;
      } catch (InvalidValueException e) {
        assertThat("reason for " + line, e.reason(), not(emptyString()));
        assertThat("column for " + line, e.column(), not(emptyString()));
        rejected++;
      }
    }
    assertThat(accepted + rejected, equalTo(LINES_PER_SOURCE));
    assertThat("some mutations stay valid", accepted, greaterThan(0));
    assertThat("most mutations break the line", rejected, greaterThan(LINES_PER_SOURCE / 4));
  }

  private static void checkValid(Object record, String line) {
    if (record instanceof Action a && a.itemId() < 1) {
      throw new AssertionError("accepted item id " + a.itemId() + " from " + line);
    }
    if (record instanceof Impression imp) {
      if (imp.rankingId().isEmpty() || imp.items().stream().anyMatch(it -> it.itemId() < 1)) {
        throw new AssertionError("accepted " + imp + " from " + line);
      }
    }
  }

  private static String mutate(String valid, Random random) {
    StringBuilder line = new StringBuilder(valid);
    switch (random.nextInt(8)) {
      case 0 -> { // random characters
        line.setLength(0);
        for (int n = random.nextInt(60); n > 0; n--) {
          line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      case 1 -> { // random bytes, any code point
        line.setLength(0);
        random.ints(random.nextInt(40), 0, 0x3000).forEach(cp -> line.appendCodePoint(cp));
      }
      case 2 -> { // shuffled fields
        List<String> fields = new ArrayList<>(List.of(valid.split(",", -1)));
        Collections.shuffle(fields, random);
        line.setLength(0);
        line.append(String.join(",", fields));
      }
      case 3 -> line.deleteCharAt(random.nextInt(line.length()));
      case 4 ->
          line.insert(
              random.nextInt(line.length() + 1),
              ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      case 5 -> line.setLength(random.nextInt(line.length()));
      default -> { // one character changed, several times over
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          line.setCharAt(
              random.nextInt(line.length()), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
    }
    return line.toString();
  }
}
