package dev.traininginputs.sequence;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.History;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Builds histories (SPEC §3): select the eligible actions, order them newest first, keep the first
 * N, right-pad with 0. Knows nothing of Beam.
 *
 * <p>A customer's actions arrive one by one, in any order and in any number ({@link #forDays}); for
 * each impression day only the N newest eligible actions seen so far are kept, so the memory a
 * customer takes is at most N actions per impression day, whatever the customer did.
 */
public final class HistoryBuilder implements Serializable {
  private final int sequenceLength;
  private final LookbackWindow window;

  public HistoryBuilder(int sequenceLength, LookbackWindow window) {
    if (sequenceLength < 1) {
      throw new IllegalArgumentException(
          "sequenceLength must be at least 1, was " + sequenceLength);
    }
    this.sequenceLength = sequenceLength;
    this.window = window;
  }

  /** Collects one customer's actions for histories on the given impression days (any order). */
  public Histories forDays(int... impressionDays) {
    return new Histories(Arrays.stream(impressionDays).sorted().distinct().toArray());
  }

  /**
   * One customer's histories in the making: for each impression day, a heap of the N newest
   * eligible actions added so far, its head the oldest of them (the next to give way).
   */
  public final class Histories {
    private final int[] days;
    private final TreeMap<Integer, PriorityQueue<Action>> newest = new TreeMap<>();

    private Histories(int[] sortedDays) {
      this.days = sortedDays;
    }

    /** Offers the action to every impression day that may look back to it. */
    public Histories add(Action action) {
      // The impression days that may use an action of day a are a + 1 ... a + L.
      int i = Arrays.binarySearch(days, action.day() + 1);
      for (int d = i >= 0 ? i : -i - 1;
          d < days.length && window.isEligible(action.day(), days[d]);
          d++) {
        offer(days[d], action);
      }
      return this;
    }

    public Histories addAll(Iterable<Action> actions) {
      actions.forEach(this::add);
      return this;
    }

    private void offer(int day, Action action) {
      PriorityQueue<Action> heap =
          newest.computeIfAbsent(day, d -> new PriorityQueue<>(Action.NEWEST_FIRST.reversed()));
      if (heap.size() < sequenceLength) {
        heap.add(action);
      } else if (Action.NEWEST_FIRST.compare(action, heap.peek()) < 0) {
        heap.poll();
        heap.add(action);
      }
    }

    /** The history of an impression on {@code impressionDay}, one of the days given. */
    public History historyOn(int impressionDay) {
      if (Arrays.binarySearch(days, impressionDay) < 0) {
        throw new IllegalArgumentException(
            "no history collected for day " + impressionDay + "; days: " + Arrays.toString(days));
      }
      PriorityQueue<Action> heap = newest.get(impressionDay);
      List<Action> newestFirst = heap == null ? List.of() : new ArrayList<>(heap);
      if (newestFirst.isEmpty()) {
        return History.empty(sequenceLength);
      }
      newestFirst.sort(Action.NEWEST_FIRST);
      int[] items = new int[sequenceLength];
      int[] types = new int[sequenceLength];
      for (int i = 0; i < newestFirst.size(); i++) {
        items[i] = newestFirst.get(i).itemId();
        types[i] = newestFirst.get(i).type().code();
      }
      return new History(items, types, newestFirst.size());
    }
  }
}
