package dev.traininginputs.output;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The publish on S3, against the S3-compatible server that {@code scripts/test} starts (tag {@code
 * s3}: the plain {@code mvn test} leaves these out, {@code scripts/test} runs them).
 */
@Tag("s3")
class S3StorageTest {
  @Test
  void withoutFaults_thePublishGivesTheExpectedOutput() throws IOException {
    PublishFaultsTest.checkWithoutFaults(TestStorage.s3());
  }

  @Test
  void aFailedStep_theNextRunFinishesThePublish() throws IOException {
    PublishFaultsTest.checkFailedSteps(TestStorage.s3());
  }

  @Test
  void aProcessStoppedAtAnyStep_theNextRunFinishesThePublish() throws IOException {
    PublishFaultsTest.checkStoppedProcesses(TestStorage.s3());
  }

  @Test
  void twoRunsAtTheSameInstant_exactlyOneTakesTheOutput() throws Exception {
    TwoRunsAtOnceTest.check(TestStorage.s3());
  }
}
