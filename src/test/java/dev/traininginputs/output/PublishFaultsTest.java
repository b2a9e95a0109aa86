package dev.traininginputs.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The publish with a fault at every one of its steps, on a local disk and on HDFS (S3: {@link
 * S3StorageTest}): the step's rename, copy or delete fails (the operation is not done and the
 * commit throws), or the process stops there (nothing after it runs, the lock stays behind). Either
 * way the next run on the output finishes the publish before its own work, and the output is then
 * exactly what an uninterrupted publish gives: every earlier day present, the new days complete,
 * the unreported attempt nowhere, nothing left behind.
 */
class PublishFaultsTest {
  static Stream<TestStorage> storages() {
    return Stream.of(TestStorage.local(Path.of("target", "publish-tests")), TestStorage.hdfs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void withoutFaults_thePublishGivesTheExpectedOutput(TestStorage storage) throws IOException {
    checkWithoutFaults(storage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void aFailedStep_theNextRunFinishesThePublish(TestStorage storage) throws IOException {
    checkFailedSteps(storage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storages")
  void aProcessStoppedAtAnyStep_theNextRunFinishesThePublish(TestStorage storage)
      throws IOException {
    checkStoppedProcesses(storage);
  }

  static void checkWithoutFaults(TestStorage storage) throws IOException {
    PublishScenario scenario = new PublishScenario(storage);
    int steps = scenario.countSteps();
    // Commit record; per day: files gathered or copied, the old day aside or deleted, the new in;
    // old rejected deleted, new moved; metrics; commit record and staging folder deleted.
    assertThat(steps, greaterThan(8));
    assertThat(scenario.everything(), equalTo(scenario.published()));
  }

  static void checkFailedSteps(TestStorage storage) throws IOException {
    int steps = new PublishScenario(storage).countSteps();
    for (int fault = 0; fault < steps; fault++) {
      PublishScenario scenario = new PublishScenario(storage);
      StagedOutput staged = scenario.publishCutAt(fault);
      staged.discard(); // what the job does on any failure: it must not delete the publish
      staged.release();
      if (fault == 0) {
        assertThat(scenario.everything(), equalTo(scenario.earlier()));
      }
      scenario.nextRun();
      assertThat(
          "fault at step " + fault,
          scenario.everything(),
          equalTo(fault == 0 ? scenario.earlier() : scenario.published()));
    }
  }

  static void checkStoppedProcesses(TestStorage storage) throws IOException {
    int steps = new PublishScenario(storage).countSteps();
    for (int stop = 0; stop < steps; stop++) {
      PublishScenario scenario = new PublishScenario(storage);
      scenario.publishCutAt(stop);
      // Killed: no discard, no release; its lock names a process that is gone.
      scenario.leaveLockToADeadProcess();
      scenario.nextRun();
      assertThat(
          "stopped at step " + stop,
          scenario.everything(),
          equalTo(stop == 0 ? scenario.earlier() : scenario.published()));
    }
  }
}
