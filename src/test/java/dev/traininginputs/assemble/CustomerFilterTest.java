package dev.traininginputs.assemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void atFourMillionCustomers_aboutThreePercentOfTheOthersPass() {
    CustomerFilter filter = CustomerFilter.empty();
    for (long customer = 0; customer < 4_000_000; customer++) {
      filter.add(customer);
    }
    int passed = 0;
    for (long customer = 10_000_000; customer < 11_000_000; customer++) {
      passed += filter.mightBeImpressed(customer) ? 1 : 0;
    }
    System.out.printf("customer filter at 4M customers: %d of 1,000,000 others pass%n", passed);
    assertThat(passed, lessThan(40_000));
  }

  /** Threads that test at once, each with its own view of one filter, all see every customer. */
  @Test
  void threadsWithTheirOwnViews_seeEveryCustomer() throws Exception {
    CustomerFilter shared = CustomerFilter.empty();
    for (long customer = 1; customer <= 100_000; customer++) {
      shared.add(customer * 31);
    }
    List<Callable<Integer>> testers = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      testers.add(
          () -> {
            CustomerFilter mine = shared.forOneThread();
            int missed = 0;
            for (int round = 0; round < 20; round++) {
              for (long customer = 1; customer <= 100_000; customer++) {
                missed += mine.mightBeImpressed(customer * 31) ? 0 : 1;
              }
            }
            return missed;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Integer> missed : pool.invokeAll(testers)) {
        assertThat(missed.get(), equalTo(0));
      }
    } finally {
      pool.shutdown();
    }
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
