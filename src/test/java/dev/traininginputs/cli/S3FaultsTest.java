package dev.traininginputs.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.traininginputs.check.ChaosCheck;
import dev.traininginputs.check.CompareOutputs;
import dev.traininginputs.model.Source;
import dev.traininginputs.output.TestStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing object store, for real (SPEC §7, storage faults): WireMock proxies every request to the
 * S3-compatible server that {@code scripts/test} starts, and answers a seeded fraction of them —
 * reads, lists and writes alike — with {@code 503 SlowDown}, {@code 500 InternalError}, a reset
 * connection, or the real answer two seconds late. Every run must be exact (the rows, metrics and
 * rejected records of a clean run) or fail with a message naming the S3 path and the cause while
 * every day a reader sees holds the earlier rows or the new ones; none may be wrong.
 */
@Tag("s3")
class S3FaultsTest {
  /** Printed with the figures; {@code S3_FAULTS_SEED=N scripts/test} replays a run. */
  private static final long SEED =
      Long.parseLong(
          System.getenv()
              .getOrDefault("S3_FAULTS_SEED", Long.toString(System.nanoTime() % 100_000)));

  @TempDir Path local;
  private WireMockServer proxy;
  private final Faults faults = new Faults(SEED);

  /** Answers a fraction of the requests with a fault instead of the server's answer. */
  static final class Faults implements ResponseDefinitionTransformerV2 {
    private final Random random;
    volatile double rate;
    volatile boolean throttleOnly;

    private Predicate<Request> target = request -> false;
    private int targetNth;
    private int targetsSeen;
    final AtomicLong requests = new AtomicLong();
    final Map<String, AtomicLong> injected = new TreeMap<>();

    Faults(long seed) {
      random = new Random(seed);
      for (String kind : List.of("503 SlowDown", "500 InternalError", "reset", "slow")) {
        injected.put(kind, new AtomicLong());
      }
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
      requests.incrementAndGet();
      ResponseDefinition proxied = event.getResponseDefinition();
      String kind;
      if (target.test(event.getRequest()) && ++targetsSeen == targetNth) {
        kind = "503 SlowDown";
      } else if (random.nextDouble() >= rate) {
        return proxied;
      } else {
        kind =
            throttleOnly ? "503 SlowDown" : List.copyOf(injected.keySet()).get(random.nextInt(4));
      }
      injected.get(kind).incrementAndGet();
      return switch (kind) {
        case "503 SlowDown" -> error(503, "SlowDown", "Please reduce your request rate.");
        case "500 InternalError" ->
            error(500, "InternalError", "We encountered an internal error. Please try again.");
        case "reset" ->
            ResponseDefinitionBuilder.responseDefinition()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)
                .build();
        default -> ResponseDefinitionBuilder.like(proxied).withFixedDelay(2000).build();
      };
    }

    private static ResponseDefinition error(int status, String code, String message) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", "application/xml")
          .withBody(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                  + code
                  + "</Code><Message>"
                  + message
                  + "</Message></Error>")
          .build();
    }

    /**
     * From now on, answers the {@code nth} request (from 1) that {@code target} picks with {@code
     * 503 SlowDown}, and counts the ones it picks; 0 faults none of them.
     */
    synchronized void aim(Predicate<Request> target, int nth) {
      this.target = target;
      targetNth = nth;
      targetsSeen = 0;
    }

    synchronized int targetsSeen() {
      return targetsSeen;
    }

    long faulted() {
      return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "s3-faults";
    }
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.stop();
    }
    System.clearProperty("aws.maxAttempts");
  }

  private record Run(int code, String err) {}

  private Run run(String input, String output, String... more) {
    List<String> args = new ArrayList<>();
    for (Source source : Source.values()) {
      args.add("--" + source.option() + "=" + input + "/" + source.id());
    }
    args.add("--output=" + output);
    args.add("--awsRegion=us-east-1");
    args.add("--endpoint=http://127.0.0.1:" + proxy.port());
    args.addAll(List.of(more));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  private final TestStorage s3 = TestStorage.s3();

  /**
   * Starts the proxy in front of the S3 server and puts the sample inputs ({@code data/SOURCE
   * SUFFIX.csv}) on S3, each as a folder; returns the test's root there.
   */
  private String startProxyAndUpload(String suffix) throws IOException {
    String endpoint = s3.arguments().get(1).substring("--endpoint=".length());
    proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(faults));
    proxy.start();
    proxy.stubFor(
        WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().proxiedFrom(endpoint)));
    String root = s3.newRoot();
    Path inputs = Files.createDirectories(local.resolve("in"));
    for (Source source : Source.values()) {
      Path folder = Files.createDirectories(inputs.resolve(source.id()));
      Files.copy(Path.of("data", source.id() + suffix + ".csv"), folder.resolve("part-0.csv"));
    }
    s3.upload(inputs, root + "/in");
    return root;
  }

  @Test
  void everyRunIsExactOrFailsCleanly_neverWrong() throws Exception {
    String root = startProxyAndUpload("_1000");
    String output = root + "/out";

    // The earlier output (L = 30) and what every later run computes (L = 365), without faults.
    Run first = run(root + "/in", output, "--lookbackDays=30");
    assertThat(first.err(), first.code(), equalTo(0));
    Path old = local.resolve("old");
    s3.download(output, old);
    String clean = root + "/clean";
    Run cleanRun = run(root + "/in", clean);
    assertThat(cleanRun.err(), cleanRun.code(), equalTo(0));
    Path expected = local.resolve("expected");
    s3.download(clean, expected);

    int exact = 0;
    int failedCleanly = 0;
    int wrong = 0;
    List<String> failures = new ArrayList<>();
    // Default retries with 5 % faults, then no retries with 10 %, where runs must fail cleanly.
    double[] rates = {0.05, 0.05, 0.05, 0.10, 0.10, 0.10};
    for (int i = 0; i < rates.length; i++) {
      boolean retries = i < 3;
      if (!retries) {
        System.setProperty("aws.maxAttempts", "1");
      }
      faults.rate = rates[i];
      Run faulty = run(root + "/in", output);
      faults.rate = 0;
      System.out.printf(
          "run %d (%.0f %% faulted, %s): %s%n",
          i,
          rates[i] * 100,
          retries ? "retried" : "no retries",
          faulty.code() == 0 ? "exit 0" : faulty.err().lines().findFirst().orElse(""));
      Path got = local.resolve("run" + i);
      s3.download(output, got);
      if (faulty.code() == 0) {
        String problem = CompareOutputs.problems(expected, got);
        if (problem.isEmpty()) {
          exact++;
        } else {
          wrong++;
          failures.add("run " + i + " succeeded with " + problem);
        }
      } else {
        String days = ChaosCheck.days(got, old, expected);
        boolean named =
            faulty.err().contains("s3://") || faulty.err().contains("127.0.0.1:" + proxy.port());
        if (days.isEmpty() && named) {
          failedCleanly++;
        } else {
          wrong++;
          failures.add("run " + i + " failed (" + faulty.err().strip() + "): " + days);
        }
      }
      System.clearProperty("aws.maxAttempts");
    }
    System.out.printf(
        "S3 faults (seed %d, S3_FAULTS_SEED to replay): %d requests, %d faulted %s; %d runs exact,"
            + " %d failed cleanly, %d wrong%n",
        SEED,
        faults.requests.get(),
        faults.faulted(),
        faults.injected,
        exact,
        failedCleanly,
        wrong);
    assertThat(String.join("\n", failures), wrong, equalTo(0));
    assertThat(faults.faulted(), greaterThan(0L));
    // The next run without faults finishes whatever a failed one left, and is exact.
    Run lastRun = run(root + "/in", output);
    assertThat(lastRun.err(), lastRun.code(), equalTo(0));
    Path last = local.resolve("last");
    s3.download(output, last);
    assertThat(CompareOutputs.problems(expected, last), equalTo(""));
  }

  /**
   * The store fails one request on the lock, in turn each of those a run makes (looking for it,
   * writing it, reading it back, deleting it), with no retries by the client: the run is exact or
   * fails naming the path, and never leaves its lock behind, which would refuse every later run as
   * "in use by another run". (Beam's S3 delete throws a failed request unchecked: it once slipped
   * past the lock's release.)
   */
  @Test
  void aFailedRequestOnTheLock_neverLeavesItBehind() throws Exception {
    String root = startProxyAndUpload("");
    String output = root + "/out";
    String lockKey = output.substring("s3://test-bucket/".length()) + "/_lock";
    Predicate<Request> onTheLock =
        request ->
            request.getUrl().equals("/test-bucket/" + lockKey)
                || (request.getUrl().contains("?delete")
                    && request.getBodyAsString().contains("<Key>" + lockKey + "</Key>"));
    faults.aim(onTheLock, 0);
    Run clean = run(root + "/in", output);
    assertThat(clean.err(), clean.code(), equalTo(0));
    int requests = faults.targetsSeen();
    assertThat(requests, greaterThan(3));

    System.setProperty("aws.maxAttempts", "1");
    for (int nth = 1; nth <= requests; nth++) {
      faults.aim(onTheLock, nth);
      Run faulted = run(root + "/in", output);
      String what = "request " + nth + " of " + requests + " on the lock failed: " + faulted.err();
      assertThat(what, faults.targetsSeen(), greaterThan(nth - 1));
      assertThat(what, faulted.code() == 0 || faulted.err().contains(output), equalTo(true));
      assertThat(
          what, s3.files(output).stream().anyMatch(f -> f.endsWith("/_lock")), equalTo(false));
    }
    assertThat(faults.faulted(), equalTo((long) requests));
  }

  @Test
  void throttledOnAQuarterOfTheRequests_theDocumentedRetriesMakeTheRunExact() throws Exception {
    String root = startProxyAndUpload("");
    Run cleanRun = run(root + "/in", root + "/clean");
    assertThat(cleanRun.err(), cleanRun.code(), equalTo(0));
    Path expected = local.resolve("expected");
    s3.download(root + "/clean", expected);

    faults.throttleOnly = true;
    // Without retries a quarter of the requests throttled fails the run, naming what it did ...
    System.setProperty("aws.maxAttempts", "1");
    faults.rate = 0.25;
    Run unretried = run(root + "/in", root + "/out");
    assertThat(unretried.err(), unretried.code(), not(equalTo(0)));
    // Which request met the throttling varies; the message names its path and the status.
    assertThat(unretried.err(), containsString("s3://"));
    assertThat(unretried.err(), containsString("503"));
    // ... and with the retries the README gives, the same run is exact.
    System.setProperty("aws.maxAttempts", "10");
    Run throttled = run(root + "/in", root + "/out");
    faults.rate = 0;
    assertThat(throttled.err(), throttled.code(), equalTo(0));
    Path got = local.resolve("got");
    s3.download(root + "/out", got);
    assertThat(CompareOutputs.problems(expected, got), equalTo(""));
    assertThat(faults.injected.get("503 SlowDown").get(), greaterThan(0L));
  }
}
