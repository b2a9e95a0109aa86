package dev.traininginputs.parse;

import dev.traininginputs.model.Action;
import dev.traininginputs.model.ActionType;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.Source.Kind;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Parses the three action sources. The three constants and their sources' column tables ({@link
 * Source#columns}) are the table of SPEC §2: which column is the item, which gives the time used
 * for ordering, which gives the day used for eligibility.
 */
public final class ActionParser implements RecordParser<Action> {

  public static final ActionParser CLICKS = new ActionParser(Source.CLICKS, ActionType.CLICK);
  public static final ActionParser ADD_TO_CARTS =
      new ActionParser(Source.ADD_TO_CARTS, ActionType.ADD_TO_CART);

  /** Orders have no time of their own: they sort at 00:00:00 UTC of their {@code order_date}. */
  public static final ActionParser PREVIOUS_ORDERS =
      new ActionParser(Source.PREVIOUS_ORDERS, ActionType.ORDER);

  /** The three, in {@link Source} order. */
  public static final List<ActionParser> ALL = List.of(CLICKS, ADD_TO_CARTS, PREVIOUS_ORDERS);

  private static final long SECONDS_PER_DAY = 86_400L;

  private final Source source;
  private final ActionType type;
  private final String dayColumn;
  private final String customerColumn;
  private final String itemColumn;
  private final String timeColumn;

  private ActionParser(Source source, ActionType type) {
    this.source = source;
    this.type = type;
    this.dayColumn = source.dayColumn();
    this.customerColumn = source.column(Kind.CUSTOMER_ID).orElseThrow();
    this.itemColumn = source.column(Kind.ITEM_ID).orElseThrow();
    this.timeColumn = source.column(Kind.TIME).orElse(null);
  }

  @Override
  public TypeDescriptor<Action> outputType() {
    return TypeDescriptor.of(Action.class);
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public Action parse(RecordView row) throws InvalidValueException {
    int day = row.day(dayColumn);
    long customerId = row.int64(customerColumn);
    int itemId = row.itemId(itemColumn);
    if (timeColumn == null) {
      return new Action(customerId, day, day * SECONDS_PER_DAY, 0, type, itemId);
    }
    Instant time = row.dateTime(timeColumn);
    return new Action(customerId, day, time.getEpochSecond(), time.getNano(), type, itemId);
  }
}
