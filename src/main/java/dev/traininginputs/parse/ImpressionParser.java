package dev.traininginputs.parse;

import dev.traininginputs.model.Impression;
import dev.traininginputs.model.Source;
import dev.traininginputs.model.Source.Kind;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Parses impressions rows: their columns are {@link Source#IMPRESSIONS}', their value rules {@link
 * Values}'.
 */
public final class ImpressionParser implements RecordParser<Impression> {
  private static final String DAY = Source.IMPRESSIONS.dayColumn();
  private static final String RANKING = column(Kind.RANKING_ID);
  private static final String CUSTOMER = column(Kind.CUSTOMER_ID);
  private static final String ITEMS = column(Kind.ITEMS);

  private static String column(Kind kind) {
    return Source.IMPRESSIONS.column(kind).orElseThrow();
  }

  @Override
  public TypeDescriptor<Impression> outputType() {
    return TypeDescriptor.of(Impression.class);
  }

  @Override
  public Source source() {
    return Source.IMPRESSIONS;
  }

  @Override
  public Impression parse(RecordView row) throws InvalidValueException {
    int day = row.day(DAY);
    String rankingId = row.text(RANKING);
    long customerId = row.int64(CUSTOMER);
    return new Impression(day, rankingId, customerId, row.items(ITEMS));
  }
}
