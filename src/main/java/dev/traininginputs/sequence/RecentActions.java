package dev.traininginputs.sequence;

import dev.traininginputs.model.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The actions of one customer that any history can use: for each partition day, the N newest.
 *
 * <p>This bound is lossless. Eligibility depends only on the partition day, so a day's actions are
 * all eligible for an impression day or none are; a history takes the N newest eligible actions,
 * and no more than N of those can come from one day. Memory per customer is therefore at most N
 * times the number of distinct action days, whatever the customer did.
 */
public final class RecentActions {
  /** Per day, a heap whose head is the oldest action kept, the one to evict first. */
  private final TreeMap<Integer, PriorityQueue<Action>> byDay = new TreeMap<>();

  private final int perDay;

  public RecentActions(int perDay) {
    if (perDay < 1) {
      throw new IllegalArgumentException("perDay must be at least 1, was " + perDay);
    }
    this.perDay = perDay;
  }

  public void add(Action action) {
    PriorityQueue<Action> day =
        byDay.computeIfAbsent(
            action.day(), d -> new PriorityQueue<>(Action.NEWEST_FIRST.reversed()));
    if (day.size() < perDay) {
      day.add(action);
    } else if (Action.NEWEST_FIRST.compare(action, day.peek()) < 0) {
      day.poll();
      day.add(action);
    }
  }

  public void addAll(Iterable<Action> actions) {
    actions.forEach(this::add);
  }

  /** The kept actions, grouped by day, newest first within a day. */
  public List<Action> toList() {
    List<Action> all = new ArrayList<>();
    for (PriorityQueue<Action> day : byDay.values()) {
      List<Action> sorted = new ArrayList<>(day);
      sorted.sort(Action.NEWEST_FIRST);
      all.addAll(sorted);
    }
    return all;
  }
}
