package dev.traininginputs.model;

import java.util.Arrays;

/**
 * A customer's history for one impression day (SPEC §3): the items and types of the newest eligible
 * actions, newest first, right-padded with 0 to the sequence length.
 *
 * <p>The arrays are shared by every row of that customer and day and must not be modified; every
 * entry from {@code length} on is 0 (the coder of {@link TrainingRow} relies on it).
 */
public record History(int[] actions, int[] actionTypes, int length) {

  public static History empty(int sequenceLength) {
    return new History(new int[sequenceLength], new int[sequenceLength], 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof History other
        && length == other.length
        && Arrays.equals(actions, other.actions)
        && Arrays.equals(actionTypes, other.actionTypes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(actions) + Arrays.hashCode(actionTypes)) + length;
  }

  @Override
  public String toString() {
    return "History[length="
        + length
        + ", actions="
        + Arrays.toString(actions)
        + ", actionTypes="
        + Arrays.toString(actionTypes)
        + "]";
  }
}
