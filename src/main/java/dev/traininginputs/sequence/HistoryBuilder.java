package dev.traininginputs.sequence;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.History;
import java.io.Serializable;
import java.util.Collection;

/**
 * Builds histories (SPEC §3): select the eligible actions, order them newest first, keep the first
 * N, right-pad with 0. Knows nothing of Beam.
 *
 * <p>A customer's actions are sorted once ({@link #of}); each impression day's history is then a
 * single scan that stops after N eligible actions.
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

  /** One customer's actions, in any order, ready to give a history for any impression day. */
  public CustomerActions of(Collection<Action> actions) {
    Action[] sorted = actions.toArray(new Action[0]);
    java.util.Arrays.sort(sorted, Action.NEWEST_FIRST);
    return new CustomerActions(sorted);
  }

  /** A customer's actions sorted newest first. */
  public final class CustomerActions {
    private final Action[] newestFirst;

    private CustomerActions(Action[] newestFirst) {
      this.newestFirst = newestFirst;
    }

    public History historyOn(int impressionDay) {
      int[] items = new int[sequenceLength];
      int[] types = new int[sequenceLength];
      int length = 0;
      for (int i = 0; i < newestFirst.length && length < sequenceLength; i++) {
        Action action = newestFirst[i];
        if (window.isEligible(action.day(), impressionDay)) {
          items[length] = action.itemId();
          types[length] = action.type().code();
          length++;
        }
      }
      return new History(items, types, length);
    }
  }
}
