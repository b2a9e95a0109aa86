package dev.traininginputs.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Some actions of one customer, packed into one byte array: how actions cross the shuffle to the
 * grouping by customer. One record per customer and read task instead of one per action: a runner's
 * per-record costs (its shuffle's serialization and sort, on Spark about as much as the job's own
 * work) are paid a few hundred times less often.
 *
 * <p>Each action is five varints: day, epoch second, nano, type code, item. The customer is the
 * batch's. Made by a {@link Builder}; read back with {@link #forEach}.
 */
@DefaultCoder(ActionBatch.Coder.class)
public final class ActionBatch {
  private final long customerId;
  private final int size;
  private final byte[] packed;
  private final int length;

  private ActionBatch(long customerId, int size, byte[] packed, int length) {
    this.customerId = customerId;
    this.size = size;
    this.packed = packed;
    this.length = length;
  }

  /** The batch of these actions, all of {@code customerId}. */
  public static ActionBatch of(long customerId, List<Action> actions) {
    Builder builder = new Builder(customerId);
    actions.forEach(builder::add);
    return builder.build();
  }

  public long customerId() {
    return customerId;
  }

  /** The number of actions. */
  public int size() {
    return size;
  }

  /** Hands each action to {@code consumer}, in the order they were added. */
  public void forEach(Consumer<Action> consumer) {
    int[] at = {0};
    try {
      for (int i = 0; i < size; i++) {
        consumer.accept(
            new Action(
                customerId,
                (int) ValueCoder.getVarint(packed, at, length),
                ValueCoder.getVarint(packed, at, length),
                (int) ValueCoder.getVarint(packed, at, length),
                ActionType.fromCode((int) ValueCoder.getVarint(packed, at, length)),
                (int) ValueCoder.getVarint(packed, at, length)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("action batch of customer " + customerId + ": " + e, e);
    }
  }

  /** The actions as a list (tests). */
  public List<Action> actions() {
    List<Action> actions = new ArrayList<>(size);
    forEach(actions::add);
    return actions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionBatch other
        && customerId == other.customerId
        && size == other.size
        && Arrays.equals(packed, 0, length, other.packed, 0, other.length);
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(customerId);
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + packed[i];
    }
    return hash;
  }

  @Override
  public String toString() {
    return "ActionBatch" + actions();
  }

  /** Collects one customer's actions into a batch; knows its size in bytes as it grows. */
  public static final class Builder {
    /** The most bytes an action takes: a day, a long, three ints as varints. */
    private static final int MAX_ACTION_BYTES = 5 + 10 + 5 + 5 + 5;

    private final long customerId;
    private byte[] packed = new byte[64];
    private int length;
    private int size;

    public Builder(long customerId) {
      this.customerId = customerId;
    }

    public long customerId() {
      return customerId;
    }

    /** Adds an action of this batch's customer. */
    public Builder add(Action action) {
      if (action.customerId() != customerId) {
        throw new IllegalArgumentException(
            "an action of customer " + action.customerId() + " in a batch of " + customerId);
      }
      if (length + MAX_ACTION_BYTES > packed.length) {
        packed = Arrays.copyOf(packed, Math.max(packed.length * 2, length + MAX_ACTION_BYTES));
      }
      put(action.day() & 0xFFFFFFFFL);
      put(action.epochSecond());
      put(action.nano());
      put(action.type().code());
      put(action.itemId() & 0xFFFFFFFFL);
      size++;
      return this;
    }

    private void put(long value) {
      length = ValueCoder.putVarint(packed, length, value);
    }

    /** The memory this builder holds, in bytes (its buffer and a fixed overhead). */
    public long bytes() {
      return packed.length + 64L;
    }

    public ActionBatch build() {
      return new ActionBatch(customerId, size, packed, length);
    }
  }

  /** The customer, the count, then the packed bytes: one bulk write and one bulk read. */
  public static final class Coder extends ValueCoder<ActionBatch> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(ActionBatch.class), INSTANCE);
    }

    @Override
    public void encode(ActionBatch batch, OutputStream out) throws IOException {
      writeLong(batch.customerId, out);
      writeInt(batch.size, out);
      writeInt(batch.length, out);
      out.write(batch.packed, 0, batch.length);
    }

    @Override
    public ActionBatch decode(InputStream in) throws IOException {
      long customerId = readLong(in);
      int size = readInt(in);
      int length = readInt(in);
      if (size < 0 || length < size * 5L || length > size * (long) Builder.MAX_ACTION_BYTES) {
        throw new IOException("corrupt action batch: " + size + " actions in " + length + " bytes");
      }
      byte[] packed = new byte[length];
      new DataInputStream(in).readFully(packed);
      return new ActionBatch(customerId, size, packed, length);
    }
  }
}
