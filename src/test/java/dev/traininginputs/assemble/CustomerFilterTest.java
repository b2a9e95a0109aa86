package dev.traininginputs.assemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.SplittableRandom;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The Bloom filter of impressed customers: never a false negative, few false positives. */
class CustomerFilterTest {

  @Test
  void everyCustomerAddedPassesAndFewOthersDo() {
    CustomerFilter filter = CustomerFilter.empty();
    SplittableRandom random = new SplittableRandom(7);
    long[] added = random.longs(200_000).toArray();
    for (long customer : added) {
      filter.add(customer);
    }
    for (long customer : added) {
      assertThat(filter.mightBeImpressed(customer), equalTo(true));
    }
    int passed = 0;
    for (long customer = 0; customer < 200_000; customer++) {
      passed += filter.mightBeImpressed(Long.MIN_VALUE / 2 + customer) ? 1 : 0;
    }
    // Sized for 1 % at 4M customers; at 200,000 the share is far lower.
    assertThat(passed, lessThan(200));
  }

  @Test
  void mergedAndEncodedFiltersKeepEveryCustomer() throws Exception {
    CustomerFilter a = CustomerFilter.empty();
    CustomerFilter b = CustomerFilter.empty();
    for (long customer = 1; customer <= 1000; customer++) {
      (customer % 2 == 0 ? a : b).add(customer * 7919);
    }
    CustomerFilter merged = CustomerFilter.empty();
    merged.addAll(a);
    merged.addAll(b);
    CustomerFilter decoded = CoderUtils.clone(CustomerFilter.Coder.of(), merged);
    for (long customer = 1; customer <= 1000; customer++) {
      assertThat(decoded.mightBeImpressed(customer * 7919), equalTo(true));
    }
    assertThat(CustomerFilter.empty().mightBeImpressed(7919), equalTo(false));
  }
}
