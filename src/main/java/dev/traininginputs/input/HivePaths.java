package dev.traininginputs.input;

import dev.traininginputs.model.Source;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Hive-partitioned tables in file paths (SPEC §1): which partition folder names a file's day, and
 * which names are not data. The same rules as Spark, Hive and pyarrow.
 */
public final class HivePaths {
  private HivePaths() {}

  /**
   * The partition folder that names the day of {@code file}'s rows, as {@code key=value} with the
   * value URL-decoded (Spark and Hive escape {@code %XX}), or {@code null} when no folder does. The
   * key is the source's day column, or {@code dt}; the innermost such folder counts.
   */
  public static String partition(String file, Source source) {
    String[] parts = file.split("/");
    // The last part is the file's own name.
    for (int i = parts.length - 2; i >= 0; i--) {
      String part = parts[i];
      int equals = part.indexOf('=');
      if (equals > 0) {
        String key = part.substring(0, equals);
        if (key.equals(source.dayColumn()) || key.equals("dt")) {
          return key + "=" + decode(part.substring(equals + 1));
        }
      }
    }
    return null;
  }

  /**
   * Whether a file, given by its path below the input's root, is not data: some folder or the name
   * itself starts with {@code _} or {@code .} ({@code _SUCCESS}, {@code _temporary/}, {@code
   * .crc}), or the name ends with {@code ._COPYING_} (a copy under way).
   */
  public static boolean isHidden(String relativePath) {
    if (relativePath.endsWith("._COPYING_")) {
      return true;
    }
    for (String part : relativePath.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
