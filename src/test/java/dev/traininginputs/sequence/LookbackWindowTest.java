package dev.traininginputs.sequence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LookbackWindowTest {
  private final LookbackWindow window = new LookbackWindow(365);

  @Test
  void isEligible_coversDayMinusLToDayMinusOne() {
    int d = 20_000;
    assertThat(window.isEligible(d - 366, d), is(false));
    assertThat(window.isEligible(d - 365, d), is(true));
    assertThat(window.isEligible(d - 1, d), is(true));
    assertThat(window.isEligible(d, d), is(false));
    assertThat(window.isEligible(d + 1, d), is(false));
  }

  @Test
  void isEligible_doesNotOverflowAtExtremes() {
    LookbackWindow wide = new LookbackWindow(36_525);
    assertThat(wide.isEligible(Integer.MAX_VALUE, Integer.MIN_VALUE), is(false));
    assertThat(wide.isEligible(Integer.MIN_VALUE, Integer.MIN_VALUE + 1), is(true));
    assertThat(wide.isEligible(Integer.MAX_VALUE - 1, Integer.MAX_VALUE), is(true));
  }

  @Test
  void usableDays_agreesWithIsEligibleForEveryDay() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int l = random.nextInt(20);
      LookbackWindow w = new LookbackWindow(l);
      List<Integer> impressionDays = random.ints(random.nextInt(4), 0, 60).boxed().toList();
      LookbackWindow.UsableDays usable = w.usableDays(impressionDays);
      for (int day = -30; day < 90; day++) {
        final int actionDay = day;
        boolean expected = impressionDays.stream().anyMatch(d -> w.isEligible(actionDay, d));
        assertThat(
            "day " + day + " for " + impressionDays + " L=" + l,
            usable.contains(day),
            equalTo(expected));
      }
    }
  }
}
