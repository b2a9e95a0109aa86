package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

  /**
   * Encodes a {@link History} without its padding: N, the length, and only the first {@code length}
   * items and types. With N = 1000 and short histories this is a fraction of the padded size.
   */
  public static final class Coder extends ValueCoder<History> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(History history, OutputStream out) throws IOException {
      writeInt(history.actions().length, out);
      writeInt(history.length(), out);
      writeInts(history.actions(), history.length(), out);
      writeInts(history.actionTypes(), history.length(), out);
    }

    @Override
    public History decode(InputStream in) throws IOException {
      int sequenceLength = readInt(in);
      int length = readInt(in);
      int[] actions = readInts(in, sequenceLength, length);
      int[] actionTypes = readInts(in, sequenceLength, length);
      return new History(actions, actionTypes, length);
    }
  }
}
