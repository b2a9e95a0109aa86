package dev.traininginputs.assemble;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.hash.BloomFilter;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.hash.Funnels;

/**
 * The customers impressed on the days a run builds, as a Bloom filter (Guava's, as vendored by
 * Beam): {@link #mightBeImpressed} is true for every one of them and for a small share of the
 * others. Its size is fixed, so it takes the same memory on every worker whatever the number of
 * customers: 4.8 MB, letting through 1 % of the other customers at 4 million impressed customers
 * and fewer below. A customer let through by mistake costs a little work, never a wrong row: the
 * grouping by customer finds no impression for it and drops its actions.
 */
public final class CustomerFilter implements Serializable {
  static final int EXPECTED_CUSTOMERS = 4_000_000;
  static final double FALSE_POSITIVE_RATE = 0.01;

  private final BloomFilter<Long> filter;

  private CustomerFilter(BloomFilter<Long> filter) {
    this.filter = filter;
  }

  /** A filter that lets no customer through, until customers are {@link #add}ed. */
  public static CustomerFilter empty() {
    return new CustomerFilter(
        BloomFilter.create(Funnels.longFunnel(), EXPECTED_CUSTOMERS, FALSE_POSITIVE_RATE));
  }

  public void add(long customerId) {
    filter.put(customerId);
  }

  /** Adds every customer of {@code other}, a filter made by {@link #empty} too. */
  public void addAll(CustomerFilter other) {
    filter.putAll(other.filter);
  }

  /** False only for a customer never added. */
  public boolean mightBeImpressed(long customerId) {
    return filter.mightContain(customerId);
  }

  /** Encodes the filter's bits (Guava's own format). */
  public static final class Coder extends AtomicCoder<CustomerFilter> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CustomerFilter value, OutputStream out) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      value.filter.writeTo(bytes);
      ByteArrayCoder.of().encode(bytes.toByteArray(), out);
    }

    @Override
    public CustomerFilter decode(InputStream in) throws IOException {
      byte[] bytes = ByteArrayCoder.of().decode(in);
      return new CustomerFilter(
          BloomFilter.readFrom(new ByteArrayInputStream(bytes), Funnels.longFunnel()));
    }
  }
}
