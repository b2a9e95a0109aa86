package dev.traininginputs.scripts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code scripts/lib.sh} builds before a run: it says what it does, keeps Maven's output (with
 * its colour codes and plugin lines) in {@code target/build.log}, beats every 15 s, and on a failed
 * build shows the end of the log and stops. Run against a copy of the script with a stand-in {@code
 * mvn} on the PATH that prints what Maven prints.
 */
class BuildScriptTest {
  @TempDir Path project;
  private Path bin;

  @BeforeEach
  void copyOfTheProject() throws IOException {
    Files.createDirectories(project.resolve("scripts"));
    Files.copy(Path.of("scripts/lib.sh"), project.resolve("scripts/lib.sh"));
    Files.writeString(
        project.resolve("pom.xml"), "<spark.java17.opens>--add-opens=x</spark.java17.opens>\n");
    Files.createDirectories(project.resolve("src/main/java"));
    Files.writeString(project.resolve("src/main/java/A.java"), "class A {}\n");
    bin = Files.createDirectories(project.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(
        mvn,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "printf '\\033[0m\\033[0m[info] Processed 170 files (0 non-complying).\\n'",
            "echo '[INFO] Downloaded from central: https://repo/a.jar (1.5 MB at 1 MB/s)'",
            "echo '[INFO] Downloaded from central: https://repo/a.pom (600 kB at 1 MB/s)'",
            "echo '[INFO] --- compiler:3.14.1:compile (default-compile) @ training-inputs ---'",
            "sleep \"${FAKE_SECONDS:-0}\"",
            "if [[ -n \"${FAKE_FAIL:-}\" ]]; then",
            "  echo \"[ERROR] A.java:[1,10] ';' expected\"; exit 1",
            "fi",
            "mkdir -p target",
            "touch target/training-inputs-0.1.0-SNAPSHOT-bundled.jar target/runtime-classpath.txt",
            ""));
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Result(int exit, String out, String err) {}

  private Result build(String... env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            "bash", "-c", "source scripts/lib.sh && build_if_stale && echo 'ran the job'");
    builder.directory(project.toFile());
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    for (int i = 0; i < env.length; i += 2) {
      builder.environment().put(env[i], env[i + 1]);
    }
    Path out = project.resolve("out.txt");
    Path err = project.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    int exit = builder.start().waitFor();
    return new Result(
        exit,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aFirstBuildSaysWhatItDoesBeatsAndKeepsMavensOutputInTheLog() throws Exception {
    Result first = build("FAKE_SECONDS", "16");
    assertThat(first.exit(), equalTo(0));
    assertThat(first.out(), equalTo("ran the job\n"));
    List<String> lines = first.err().lines().toList();
    assertThat(
        lines.get(0), startsWith("Building (mvn package -DskipTests; log: target/build.log)"));
    assertThat(lines.get(0), containsString("downloads about 460 MB"));
    assertThat(
        lines.get(1), equalTo("  ... 15 s: compiler:3.14.1:compile, 2 files downloaded (2 MB)"));
    assertThat(lines.get(lines.size() - 1), matchesPattern("Built in \\d+ s\\."));
    assertThat(first.err(), not(containsString("\u001b")));
    assertThat(first.err(), not(containsString("[info]")));
    assertThat(
        Files.readString(project.resolve("target/build.log")),
        containsString("[info] Processed 170 files"));

    Result again = build();
    assertThat("an up-to-date jar is not rebuilt", again.err(), emptyString());
    assertThat(again.out(), equalTo("ran the job\n"));

    Files.setLastModifiedTime(
        project.resolve("src/main/java/A.java"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Result rebuilt = build();
    assertThat(
        rebuilt.err().lines().findFirst().orElseThrow(),
        equalTo("Building (mvn package -DskipTests, about 30 s; log: target/build.log) ..."));
  }

  @Test
  void aFailedBuildShowsTheEndOfTheLogAndStops() throws Exception {
    Result failed = build("FAKE_FAIL", "yes");
    assertThat(failed.exit(), equalTo(1));
    assertThat("the job must not run", failed.out(), emptyString());
    assertThat(failed.err(), containsString("[ERROR] A.java:[1,10] ';' expected\n"));
    assertThat(
        failed.err(),
        endsWith(
            "error: the build failed (exit 1); the whole log is "
                + project.toRealPath().resolve("target/build.log")
                + "\n"));
  }
}
