package dev.traininginputs.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.storage.OutputStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two runs that take the same output at the same instant (released together by a barrier), many
 * times, on a local disk and on HDFS (S3: {@link S3StorageTest}): every time exactly one gets the
 * lock, and the other refuses, naming the one that runs.
 */
class TwoRunsAtOnceTest {
  static final int ROUNDS = 40;

  static Stream<TestStorage> storages() {
    return Stream.of(TestStorage.local(Path.of("target", "lock-tests")), TestStorage.hdfs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void exactlyOneOfTwoSimultaneousRunsTakesTheOutput(TestStorage storage) throws Exception {
    check(storage);
  }

  static void check(TestStorage storage) throws Exception {
    OutputStore store = OutputStore.of(storage.newRoot(), storage.options());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String output = storage.newRoot();
        CyclicBarrier together = new CyclicBarrier(2);
        List<String> ids = List.of("run-a" + round, "run-b" + round);
        List<Future<Object>> runs = new ArrayList<>();
        for (String run : ids) {
          runs.add(
              threads.submit(
                  () -> {
                    together.await();
                    try {
                      return OutputLock.acquire(store, output, run);
                    } catch (RunRefusedException e) {
                      return e.getMessage();
                    }
                  }));
        }
        List<OutputLock> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Object result = runs.get(i).get();
          if (result instanceof OutputLock lock) {
            held.add(lock);
          } else {
            // The refused run names the other one, which holds the output.
            assertThat(
                (String) result, containsString("is in use by another run (run=" + ids.get(1 - i)));
          }
        }
        assertThat(
            storage + ", round " + round + ": runs holding the lock", held.size(), equalTo(1));
        held.get(0).release();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
