# Shared by the scripts (sourced, not run): the project folder, the bundled jar, the JVM flags
# Spark needs on Java 17, and building when a source file is newer than the jar.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$home/target/training-inputs-0.1.0-SNAPSHOT-bundled.jar"

# What Spark 3.5's launcher adds on Java 17, kept in one place: the pom's spark.java17.opens.
java17_opens="$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' "$home/pom.xml")"

# One line on how a build in progress goes: its time, the plugin at work, the downloads so far.
build_heartbeat() {
  local phase downloads
  phase="$(sed -n 's/^\[INFO\] --- \([^ ]*\) .*/\1/p' "$1" | tail -n 1)"
  # Maven logs "[INFO] Downloaded from central: URL (6.6 kB at 8.8 kB/s)" per file.
  downloads="$(sed -n 's/.*Downloaded from .*(\([0-9.]*\) \([kMG]*B\) at .*/\1 \2/p' "$1" \
    | awk '{ n++; v = $1; if ($2 == "B") v /= 1e6; else if ($2 == "kB") v /= 1e3;
             else if ($2 == "GB") v *= 1e3; mb += v }
           END { printf "%d files downloaded (%.0f MB)", n, mb }')"
  echo "  ... $2 s: ${phase:-resolving the dependencies}, $downloads" >&2
}

# Builds (mvn package -DskipTests) when a source file is newer than the jar (the data generator,
# which lives with the tests and runs from target/test-classes, counts as one). Maven's own output
# goes to target/build.log; the terminal gets what is happening, a heartbeat every 15 s, and, if
# the build fails, the end of the log.
build_if_stale() {
  if [[ -f "$jar" && -f "$home/target/runtime-classpath.txt" \
        && -z "$(find "$home/pom.xml" "$home/src/main/java" "$home/src/main/resources" \
                 "$home/src/test/java/dev/traininginputs/generate" \
                 -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  mkdir -p "$home/target"
  local log="$home/target/build.log" start=$SECONDS next=15 pid status
  if [[ -f "$home/target/runtime-classpath.txt" ]]; then
    echo "Building (mvn package -DskipTests, about 30 s; log: target/build.log) ..." >&2
  else
    echo "Building (mvn package -DskipTests; log: target/build.log). A first build on a machine" \
      "whose Maven repository is empty downloads about 460 MB (Beam, Spark, Hadoop) and takes" \
      "several minutes; later builds take about 30 s." >&2
  fi
  (cd "$home" && exec mvn -B -Dstyle.color=never package -DskipTests) >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS - start >= next )) && kill -0 "$pid" 2>/dev/null; then
      build_heartbeat "$log" "$next"
      next=$((next + 15))
    fi
  done
  status=0
  wait "$pid" || status=$?
  if (( status != 0 )); then
    tail -n 40 "$log" >&2
    echo "error: the build failed (exit $status); the whole log is $log" >&2
    exit 1
  fi
  echo "Built in $((SECONDS - start)) s." >&2
}
