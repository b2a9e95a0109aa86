package dev.traininginputs.output;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Test-only faults, off unless their system property is set. {@value #HALT_ONCE_PROPERTY}{@code
 * =FILE}: the first writer that gets half-way through a Parquet file halts its own JVM, as a lost
 * executor does, leaving that file half-written; the marker file (created atomically, on a disk
 * that every process of the test sees) makes it happen once per run, whichever process gets there
 * first. The integration test sets it on a cluster's executors only.
 */
final class FaultInjection {
  static final String HALT_ONCE_PROPERTY = "training.inputs.test.haltOnceMarker";

  private FaultInjection() {}

  static void haltOnce(String where) {
    String marker = System.getProperty(HALT_ONCE_PROPERTY);
    if (marker == null) {
      return;
    }
    try {
      if (new File(marker).createNewFile()) {
        System.err.println("test fault: halting this JVM " + where);
        Runtime.getRuntime().halt(137);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the marker " + marker, e);
    }
  }
}
