package dev.traininginputs.sequence;

import static dev.traininginputs.TestData.cart;
import static dev.traininginputs.TestData.click;
import static dev.traininginputs.TestData.order;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.traininginputs.model.Action;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentActionsTest {

  @Test
  void keepsTheNewestPerDayNewestFirst() {
    RecentActions recent = new RecentActions(2);
    recent.addAll(
        List.of(
            click(1, 1, "2025-03-01", "09:00"), click(1, 2, "2025-03-01", "11:00"),
            click(1, 3, "2025-03-01", "10:00"), order(1, 4, "2025-03-02")));
    assertThat(
        recent.toList(),
        contains(
            click(1, 2, "2025-03-01", "11:00"),
            click(1, 3, "2025-03-01", "10:00"),
            order(1, 4, "2025-03-02")));
  }

  @Test
  void capAppliesPerDayNotPerCustomer() {
    RecentActions recent = new RecentActions(1);
    recent.addAll(
        List.of(
            click(1, 1, "2025-03-01", "09:00"),
            click(1, 2, "2025-03-02", "09:00"),
            click(1, 3, "2025-03-03", "09:00")));
    assertThat(recent.toList().size(), equalTo(3));
  }

  @Test
  void tiesAtTheCapKeepTheHigherTypeThenItem() {
    RecentActions recent = new RecentActions(2);
    recent.addAll(
        List.of(
            click(1, 9, "2025-03-01", "00:00"),
            cart(1, 1, "2025-03-01", "00:00"),
            order(1, 2, "2025-03-01"),
            click(1, 8, "2025-03-01", "00:00")));
    assertThat(
        recent.toList(), contains(order(1, 2, "2025-03-01"), cart(1, 1, "2025-03-01", "00:00")));
  }

  @Test
  void anySplitAndMergeOrderGivesTheSameResult() {
    Random random = new Random(11);
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      actions.add(
          click(
              1,
              1 + random.nextInt(5),
              "2025-03-0" + (1 + random.nextInt(3)),
              String.format("%02d:%02d", random.nextInt(3), random.nextInt(2))));
    }
    RecentActions whole = new RecentActions(7);
    whole.addAll(actions);
    for (int trial = 0; trial < 20; trial++) {
      List<Action> shuffled = new ArrayList<>(actions);
      Collections.shuffle(shuffled, random);
      RecentActions merged = new RecentActions(7);
      int cut = random.nextInt(shuffled.size());
      RecentActions left = new RecentActions(7);
      left.addAll(shuffled.subList(0, cut));
      RecentActions right = new RecentActions(7);
      right.addAll(shuffled.subList(cut, shuffled.size()));
      merged.addAll(right.toList());
      merged.addAll(left.toList());
      assertThat(merged.toList(), containsInAnyOrder(whole.toList().toArray()));
      assertThat(merged.toList(), equalTo(whole.toList()));
    }
  }
}
