package dev.traininginputs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One customer action (SPEC §2): a click, an add-to-cart or an order.
 *
 * @param customerId the customer
 * @param day the partition day ({@code dt} or {@code order_date}) as an epoch day: decides
 *     eligibility
 * @param epochSecond the action time in UTC, seconds part: decides order
 * @param nano the action time, nanoseconds within the second
 * @param type click, add to cart or order
 * @param itemId the item ({@code item_id} or {@code config_id}), at least 1
 */
@DefaultCoder(Action.Coder.class)
public record Action(
    long customerId, int day, long epochSecond, int nano, ActionType type, int itemId) {

  /**
   * History order (SPEC §3): time descending, then type descending (order 3, cart 2, click 1), then
   * item descending. Actions equal on all three are interchangeable in a history.
   */
  public static final Comparator<Action> NEWEST_FIRST =
      Comparator.comparingLong(Action::epochSecond)
          .thenComparingInt(Action::nano)
          .thenComparingInt(a -> a.type().code())
          .thenComparingInt(Action::itemId)
          .reversed();

  /** Encodes an {@link Action} field by field. */
  public static final class Coder extends ValueCoder<Action> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    /** Found by {@link DefaultCoder}: how the pipeline infers this coder. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Action.class), INSTANCE);
    }

    /** Two longs and four ints as varints: at most 2 x 10 + 4 x 5 bytes. */
    private static final int MAX_BYTES = 40;

    @Override
    public void encode(Action a, OutputStream out) throws IOException {
      // One write per action: every kept action crosses the shuffle, some more than once.
      new Varints(MAX_BYTES)
          .putLong(a.customerId())
          .putInt(a.day())
          .putLong(a.epochSecond())
          .putInt(a.nano())
          .putInt(a.type().code())
          .putInt(a.itemId())
          .writeTo(out);
    }

    @Override
    public Action decode(InputStream in) throws IOException {
      Varints fields = Varints.readFrom(in);
      return new Action(
          fields.getLong(),
          fields.getInt(),
          fields.getLong(),
          fields.getInt(),
          ActionType.fromCode(fields.getInt()),
          fields.getInt());
    }
  }
}
