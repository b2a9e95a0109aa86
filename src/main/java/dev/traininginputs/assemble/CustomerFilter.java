package dev.traininginputs.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.parquet.column.values.bloomfilter.BlockSplitBloomFilter;

/**
 * The customers impressed on the days a run builds, as a split-block Bloom filter (Parquet's {@link
 * BlockSplitBloomFilter}, the one Parquet files carry): {@link #mightBeImpressed} is true for every
 * one of them and for a small share of the others. A customer is tested in one 32-byte block, one
 * cache line, where a classic Bloom filter probes seven places. Its size is fixed, so it takes the
 * same memory on every worker whatever the number of customers: 4 MB, letting through about 3 % of
 * the other customers at 4 million impressed customers and next to none at 1 million. A customer
 * let through by mistake costs a little work, never a wrong row: the grouping by customer finds no
 * impression for it and drops its actions.
 *
 * <p>Not for concurrent use (Parquet's filter keeps scratch space for each test): a runner may hand
 * one side-input object to several threads, so each reader takes its own {@link #forOneThread}.
 */
public final class CustomerFilter implements Serializable {
  /** A power of two, as the split-block filter wants. */
  static final int BYTES = 1 << 22;

  private final byte[] bits;
  private transient BlockSplitBloomFilter filter;

  private CustomerFilter(byte[] bits) {
    this.bits = bits;
  }

  /** A filter that lets no customer through, until customers are {@link #add}ed. */
  public static CustomerFilter empty() {
    return new CustomerFilter(new byte[BYTES]);
  }

  /** The same filter, its bits shared, for one more thread to test with. */
  public CustomerFilter forOneThread() {
    return new CustomerFilter(bits);
  }

  public void add(long customerId) {
    filter().insertHash(filter().hash(customerId));
  }

  /** Adds every customer of {@code other}, a filter made by {@link #empty} too. */
  public void addAll(CustomerFilter other) {
    for (int i = 0; i < bits.length; i++) {
      bits[i] |= other.bits[i];
    }
  }

  /** False only for a customer never added. */
  public boolean mightBeImpressed(long customerId) {
    return filter().findHash(filter().hash(customerId));
  }

  private BlockSplitBloomFilter filter() {
    if (filter == null) {
      filter = new BlockSplitBloomFilter(bits);
    }
    return filter;
  }

  /** Encodes the filter's bits. */
  public static final class Coder extends AtomicCoder<CustomerFilter> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CustomerFilter value, OutputStream out) throws IOException {
      ByteArrayCoder.of().encode(value.bits, out);
    }

    @Override
    public CustomerFilter decode(InputStream in) throws IOException {
      byte[] bits = ByteArrayCoder.of().decode(in);
      if (bits.length != BYTES) {
        throw new IOException("a customer filter of " + bits.length + " bytes, not " + BYTES);
      }
      return new CustomerFilter(bits);
    }
  }
}
