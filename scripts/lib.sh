# Shared by the scripts (sourced, not run): the project folder, the bundled jar, the JVM flags
# Spark needs on Java 17, and building when a source file is newer than the jar.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$home/target/training-inputs-0.1.0-SNAPSHOT-bundled.jar"

# What Spark 3.5's launcher adds on Java 17, kept in one place: the pom's spark.java17.opens.
java17_opens="$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' "$home/pom.xml")"

build_if_stale() {
  if [[ ! -f "$jar" || ! -f "$home/target/runtime-classpath.txt" \
        || -n "$(find "$home/pom.xml" "$home/src/main/java" "$home/src/main/resources" \
                 -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "Building (mvn package -DskipTests) ..." >&2
    (cd "$home" && mvn -B -q package -DskipTests) >&2
  fi
}
