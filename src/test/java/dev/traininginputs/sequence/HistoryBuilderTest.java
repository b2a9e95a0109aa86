package dev.traininginputs.sequence;

import static dev.traininginputs.TestData.cart;
import static dev.traininginputs.TestData.click;
import static dev.traininginputs.TestData.history;
import static dev.traininginputs.TestData.ints;
import static dev.traininginputs.TestData.lateClick;
import static dev.traininginputs.TestData.order;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.History;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryBuilderTest {
  private static final int N = 4;
  private static final int L = 365;
  private static final String D = "2025-03-10";
  private static final HistoryBuilder BUILDER = new HistoryBuilder(N, new LookbackWindow(L));

  private static History historyOn(String day, Action... actions) {
    return BUILDER.forDays(Days.of(day)).addAll(List.of(actions)).historyOn(Days.of(day));
  }

  @Test
  void history_ordersNewestFirstAndPadsWithZeros() {
    History h =
        historyOn(
            D,
            click(1, 10, "2025-03-01", "10:00"),
            click(1, 11, "2025-03-09", "10:00"),
            cart(1, 12, "2025-03-05", "10:00"));
    assertThat(h, equalTo(history(N, ints(11, 12, 10), ints(1, 2, 1))));
    assertThat(h.actions().length, equalTo(N));
  }

  @Test
  void history_excludesSameDayActions() {
    History h = historyOn(D, click(1, 10, D, "00:00:01"), click(1, 11, "2025-03-09", "23:59:59"));
    assertThat(h, equalTo(history(N, ints(11), ints(1))));
  }

  @Test
  void history_excludesLaterActions() {
    History h =
        historyOn(
            D,
            click(1, 10, "2025-03-11", "10:00"),
            order(1, 12, "2025-04-01"),
            click(1, 11, "2025-03-09", "10:00"));
    assertThat(h, equalTo(history(N, ints(11), ints(1))));
  }

  @Test
  void history_includesActionExactlyLookbackDaysBack() {
    // 2024-03-10 is 365 days before 2025-03-10.
    History h = historyOn(D, click(1, 10, "2024-03-10", "00:00"));
    assertThat(h, equalTo(history(N, ints(10), ints(1))));
  }

  @Test
  void history_excludesActionLookbackPlusOneDaysBack() {
    History h = historyOn(D, click(1, 10, "2024-03-09", "23:59:59"), order(1, 11, "2024-03-09"));
    assertThat(h, equalTo(History.empty(N)));
  }

  @Test
  void history_usesPartitionDayNotTimestampForEligibility() {
    // Late event: timestamp on D-1, partition D: not eligible on D, eligible on D+1.
    Action late = lateClick(1, 10, D, "2025-03-09T23:59:30");
    // Early timestamp in an old partition: eligible by its partition day.
    Action early = lateClick(1, 11, "2025-03-08", "2025-03-11T12:00:00");
    assertThat(historyOn(D, late, early), equalTo(history(N, ints(11), ints(1))));
    assertThat(historyOn("2025-03-11", late, early), equalTo(history(N, ints(11, 10), ints(1, 1))));
  }

  @Test
  void history_breaksTimeTiesByTypeThenItemDescending() {
    History h =
        historyOn(
            D,
            click(1, 5, "2025-03-05", "00:00"),
            click(1, 9, "2025-03-05", "00:00"),
            order(1, 3, "2025-03-05"),
            cart(1, 1, "2025-03-05", "00:00"));
    assertThat(h, equalTo(history(N, ints(3, 1, 9, 5), ints(3, 2, 1, 1))));
  }

  @Test
  void history_ordersBySubSecondTime() {
    History h =
        historyOn(
            D,
            click(1, 1, "2025-03-05", "10:00:00.250"),
            click(1, 2, "2025-03-05", "10:00:00.000000001"),
            click(1, 3, "2025-03-05", "10:00:00"));
    assertThat(h, equalTo(history(N, ints(1, 2, 3), ints(1, 1, 1))));
  }

  @Test
  void history_keepsDuplicates() {
    Action a = click(1, 7, "2025-03-05", "10:00");
    assertThat(historyOn(D, a, a, a), equalTo(history(N, ints(7, 7, 7), ints(1, 1, 1))));
  }

  @Test
  void history_withExactlyNActionsIsFull() {
    History h =
        historyOn(
            D,
            click(1, 1, "2025-03-01", "10:00"),
            click(1, 2, "2025-03-02", "10:00"),
            click(1, 3, "2025-03-03", "10:00"),
            click(1, 4, "2025-03-04", "10:00"));
    assertThat(h, equalTo(history(N, ints(4, 3, 2, 1), ints(1, 1, 1, 1))));
  }

  @Test
  void history_withNPlusOneActionsDropsTheOldest() {
    History h =
        historyOn(
            D,
            click(1, 1, "2025-03-01", "10:00"),
            click(1, 2, "2025-03-02", "10:00"),
            click(1, 3, "2025-03-03", "10:00"),
            click(1, 4, "2025-03-04", "10:00"),
            order(1, 5, "2025-03-05"));
    assertThat(h, equalTo(history(N, ints(5, 4, 3, 2), ints(3, 1, 1, 1))));
  }

  @Test
  void history_ineligibleNewerActionsDoNotTakeSlots() {
    List<Action> actions = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      actions.add(click(1, 100 + i, D, "10:00"));
    }
    actions.add(click(1, 1, "2025-03-01", "10:00"));
    assertThat(
        BUILDER.forDays(Days.of(D)).addAll(actions).historyOn(Days.of(D)),
        equalTo(history(N, ints(1), ints(1))));
  }

  @Test
  void history_withoutActionsIsAllZero() {
    History h = BUILDER.forDays(Days.of(D)).historyOn(Days.of(D));
    assertThat(h, equalTo(new History(new int[N], new int[N], 0)));
  }

  @Test
  void history_dependsOnTheImpressionDay() {
    HistoryBuilder.Histories customer =
        BUILDER
            .forDays(Days.of("2025-03-11"), Days.of("2025-03-09"), Days.of("2025-03-10"))
            .addAll(
                List.of(
                    click(1, 3, "2025-03-10", "10:00"),
                    click(1, 1, "2025-03-08", "10:00"),
                    click(1, 2, "2025-03-09", "10:00")));
    assertThat(customer.historyOn(Days.of("2025-03-09")), equalTo(history(N, ints(1), ints(1))));
    assertThat(
        customer.historyOn(Days.of("2025-03-10")), equalTo(history(N, ints(2, 1), ints(1, 1))));
    assertThat(
        customer.historyOn(Days.of("2025-03-11")),
        equalTo(history(N, ints(3, 2, 1), ints(1, 1, 1))));
  }

  @Test
  void history_withZeroLookbackIsEmpty() {
    HistoryBuilder none = new HistoryBuilder(N, new LookbackWindow(0));
    assertThat(
        none.forDays(Days.of(D)).add(click(1, 1, "2025-03-09", "10:00")).historyOn(Days.of(D)),
        equalTo(History.empty(N)));
  }

  @Test
  void history_keepsTheNNewestOfEachDayWhateverTheOrderOfArrival() {
    // N = 2, L = 3, two impression days: 03-12 looks back to 03-09..03-11, 03-14 to 03-11..03-13.
    HistoryBuilder two = new HistoryBuilder(2, new LookbackWindow(3));
    List<Action> actions = new ArrayList<>();
    for (int minute = 10; minute < 40; minute++) {
      actions.add(click(1, 100 + minute, "2025-03-09", "10:" + minute));
    }
    actions.add(cart(1, 7, "2025-03-11", "09:00"));
    actions.add(order(1, 8, "2025-03-13"));
    actions.add(click(1, 9, "2025-03-08", "23:00"));
    for (long seed = 0; seed < 5; seed++) {
      Collections.shuffle(actions, new java.util.Random(seed));
      HistoryBuilder.Histories histories =
          two.forDays(Days.of("2025-03-12"), Days.of("2025-03-14")).addAll(actions);
      assertThat(
          histories.historyOn(Days.of("2025-03-12")),
          equalTo(history(2, ints(7, 139), ints(2, 1))));
      assertThat(
          histories.historyOn(Days.of("2025-03-14")), equalTo(history(2, ints(8, 7), ints(3, 2))));
    }
  }

  @Test
  void history_ofADayNotAskedForIsRefused() {
    HistoryBuilder.Histories histories = BUILDER.forDays(Days.of(D));
    assertThrows(IllegalArgumentException.class, () -> histories.historyOn(Days.of("2025-03-11")));
  }

  @Test
  void builder_rejectsNonPositiveSequenceLength() {
    assertThrows(
        IllegalArgumentException.class, () -> new HistoryBuilder(0, new LookbackWindow(L)));
  }
}
