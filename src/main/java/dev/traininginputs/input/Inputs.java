package dev.traininginputs.input;

import dev.traininginputs.model.DayRange;
import dev.traininginputs.model.Days;
import dev.traininginputs.model.Source;
import dev.traininginputs.options.RunRefusedException;
import dev.traininginputs.parse.CsvHeader;
import dev.traininginputs.parse.CsvReader;
import dev.traininginputs.parse.InvalidValueException;
import dev.traininginputs.parse.RecordView;
import dev.traininginputs.storage.BeamFiles;
import dev.traininginputs.storage.BeamInputFile;
import dev.traininginputs.storage.Listing;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * The checks on the inputs that run before any work: which files each input option names (with the
 * day selection's pruning), and that every file can carry its source's columns (a CSV header, a
 * Parquet schema). Also reads the impression days up front for {@code errorifexists}.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * What one input option gives a run: its data files, sorted, and, for a partitioned table, the
   * needed partition days it lacks ({@code YYYY-MM-DD}).
   */
  public record InputFiles(List<String> files, List<String> missingDays) {

    /**
     * Only the files and missing days of the partition days {@code usable} accepts; files without a
     * partition day are kept (they are read whole).
     */
    public InputFiles keepDays(Source source, IntPredicate usable) {
      List<String> kept = new ArrayList<>();
      for (String file : files) {
        String partition = HivePaths.partition(file, source);
        Integer day = partition == null ? null : dayOf(partition);
        if (day == null || usable.test(day)) {
          kept.add(file);
        }
      }
      return new InputFiles(
          kept, missingDays.stream().filter(day -> usable.test(Days.of(day))).toList());
    }
  }

  /** Folders listed, or files checked, at once: storage round trips, not CPU. */
  private static final int THREADS = 16;

  /**
   * The data files of {@code source}'s option {@code spec} that hold rows of the {@code needed}
   * days, or of every day ({@link DayRange#ALL}); {@code needed} empty: none at all (actions with L
   * = 0).
   *
   * <p>{@code spec} is a file, a glob, or a folder whose files are read at any depth, which may be
   * the root of a Hive-partitioned table ({@code ROOT/dt=2025-03-10/part-0.csv}). Below the folder
   * or the glob's fixed part, names starting with {@code _} or {@code .} at any level and names
   * ending with {@code ._COPYING_} are skipped ({@link HivePaths#isHidden}); so is a single named
   * file with such a name. For a selection of days, a folder is listed only under its exact day
   * prefixes ({@code ROOT/dt=2025-03-10}, several at once), never whole, unless none of those days
   * is there: then it is listed whole once, to tell an unpartitioned folder (read whole) from a
   * table without those days. A file whose path names a day outside the selection is never opened.
   * Refuses an option that names no data file at all.
   */
  public static InputFiles resolve(
      Source source, String spec, Optional<DayRange> needed, PipelineOptions options) {
    String option = source.option();
    if (spec == null || spec.isBlank()) {
      throw new RunRefusedException(
          "--" + option + " is empty: give a file, a directory or a glob");
    }
    if (needed.isEmpty()) {
      return new InputFiles(List.of(), List.of());
    }
    DayRange days = needed.get();
    List<String> files;
    try {
      if (hasGlob(spec)) {
        String root = spec.substring(0, spec.lastIndexOf('/', firstGlob(spec)) + 1);
        files = dataFiles(match(spec), root);
      } else {
        // A folder first, the same way on every storage (S3 has no folders, only prefixes).
        String root = spec.replaceAll("/+$", "");
        files = days.isAll() ? List.of() : dataFiles(dayFolders(source, root, days, options), root);
        if (files.isEmpty()) {
          files = dataFiles(Listing.filesUnder(root, options), root);
        }
        if (files.isEmpty()) {
          files = dataFiles(match(spec), spec.substring(0, spec.lastIndexOf('/') + 1));
        }
      }
    } catch (IOException e) {
      throw new RunRefusedException(
          "--" + option + "=" + spec + ": cannot list files: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new RunRefusedException("--" + option + "=" + spec + " matches no file");
    }
    if (days.isAll()) {
      return new InputFiles(files, List.of());
    }
    // Keep the files of the needed days and those without a day folder (read whole).
    List<String> kept = new ArrayList<>();
    Set<String> daysThere = new TreeSet<>();
    boolean partitioned = false;
    for (String file : files) {
      String partition = HivePaths.partition(file, source);
      Integer day = partition == null ? null : dayOf(partition);
      partitioned |= partition != null;
      if (partition == null || day == null || days.contains(day)) {
        kept.add(file);
        if (day != null) {
          daysThere.add(Days.format(day));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    if (partitioned) {
      for (String day : days.days()) {
        if (!daysThere.contains(day)) {
          missing.add(day);
        }
      }
    }
    return new InputFiles(kept, missing);
  }

  /**
   * The partition days of {@code files} when every one of them sits in a partition folder of a day
   * (a Hive-partitioned table): the days a run without a selection builds, known from the listing
   * alone. Empty when a file has no partition folder: then the days are in the rows, known only by
   * reading them.
   */
  public static Optional<SortedSet<Integer>> partitionDays(Source source, List<String> files) {
    SortedSet<Integer> days = new TreeSet<>();
    for (String file : files) {
      String partition = HivePaths.partition(file, source);
      if (partition == null) {
        return Optional.empty();
      }
      // A folder without a day (dt=__HIVE_DEFAULT_PARTITION__) holds rows that are rejected.
      Integer day = dayOf(partition);
      if (day != null) {
        days.add(day);
      }
    }
    return Optional.of(days);
  }

  /** The epoch day a partition folder names, or {@code null} if none (its rows are rejected). */
  private static Integer dayOf(String partition) {
    try {
      return RecordView.partitionDay("dt", partition);
    } catch (InvalidValueException e) {
      return null;
    }
  }

  /** Every file under {@code ROOT/KEY=DAY} for the needed days, listed several folders at once. */
  private static List<String> dayFolders(
      Source source, String root, DayRange days, PipelineOptions options) throws IOException {
    Set<String> keys = new java.util.LinkedHashSet<>(List.of(source.dayColumn(), "dt"));
    List<Callable<List<String>>> listings = new ArrayList<>();
    for (String day : days.days()) {
      for (String key : keys) {
        listings.add(() -> Listing.filesUnder(root + "/" + key + "=" + day, options));
      }
    }
    List<String> files = new ArrayList<>();
    inParallel(listings).forEach(files::addAll);
    return files;
  }

  /**
   * Runs the tasks, {@value #THREADS} at a time, and gives their results in order; the first
   * failing task's exception (in task order) is thrown as it is.
   */
  private static <T> List<T> inParallel(List<Callable<T>> tasks) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Callable<T> task : tasks) {
        running.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> result : running) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The files a pattern matches; none if it matches nothing. */
  private static List<String> match(String pattern) throws IOException {
    List<String> files = new ArrayList<>();
    for (MatchResult.Metadata metadata : BeamFiles.match(pattern)) {
      if (!metadata.resourceId().isDirectory()) {
        files.add(metadata.resourceId().toString());
      }
    }
    return files;
  }

  /** The files that are data, judged by their path below {@code root}; sorted. */
  private static List<String> dataFiles(List<String> files, String root) {
    String rootPath = pathOf(root).replaceAll("/+$", "");
    List<String> data = new ArrayList<>();
    for (String file : files) {
      String path = pathOf(file);
      String below =
          !rootPath.isEmpty() && path.startsWith(rootPath + "/")
              ? path.substring(rootPath.length() + 1)
              : path.substring(path.lastIndexOf('/') + 1);
      if (!below.isEmpty() && !HivePaths.isHidden(below)) {
        data.add(file);
      }
    }
    data.sort(null);
    return data;
  }

  /**
   * The path part of a location, without scheme and authority, absolute for local paths: {@code
   * hdfs://nn:8020/lake/clicks} and {@code hdfs:///lake/clicks} are both {@code /lake/clicks}.
   */
  private static String pathOf(String location) {
    int scheme = location.indexOf("://");
    if (scheme < 0) {
      return location.isEmpty()
          ? ""
          : java.nio.file.Path.of(location).toAbsolutePath().normalize().toString()
              + (location.endsWith("/") ? "/" : "");
    }
    int path = location.indexOf('/', scheme + 3);
    return path < 0 ? "" : location.substring(path);
  }

  private static int firstGlob(String spec) {
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return spec.length();
  }

  private static boolean hasGlob(String spec) {
    return firstGlob(spec) < spec.length();
  }

  /**
   * Refuses the run on the first file (in name order) that cannot carry the source: a CSV file
   * whose header lacks a required column, a Parquet file without one or with a column in a type
   * that cannot carry it ({@link ParquetColumns}), or that cannot be read at all. JSON Lines name
   * their fields on every line: a missing one rejects that line. Files are checked several at once.
   */
  public static void checkColumns(Source source, List<String> files) {
    List<Callable<Void>> checks = new ArrayList<>();
    for (String file : files) {
      checks.add(
          () -> {
            checkColumns(source, file);
            return null;
          });
    }
    try {
      inParallel(checks);
    } catch (IOException e) {
      throw new RunRefusedException(
          "the " + source + " files cannot be checked: " + e.getMessage(), e);
    }
  }

  private static void checkColumns(Source source, String file) {
    boolean dayInPath = HivePaths.partition(file, source) != null;
    switch (InputFormat.of(file)) {
      case CSV -> checkHeader(source, file, dayInPath);
      case PARQUET -> checkSchema(source, file, dayInPath);
      case JSON_LINES -> {}
    }
  }

  private static void checkHeader(Source source, String file, boolean dayInPath) {
    try (CsvReader csv = open(file)) {
      CsvReader.Line first = csv.next();
      if (first == null) {
        throw new RunRefusedException(
            source
                + " file "
                + file
                + " is empty: expected a header line with "
                + String.join(", ", source.requiredColumns()));
      }
      List<String> missing =
          CsvHeader.parse(first.text()).missing(source.requiredColumns(dayInPath));
      if (!missing.isEmpty()) {
        throw new RunRefusedException(
            source
                + " file "
                + file
                + " has no column "
                + String.join(", ", missing)
                + " (header: "
                + first.text()
                + ")");
      }
    } catch (InvalidValueException e) {
      throw new RunRefusedException(source + " file " + file + ": header " + e.getMessage(), e);
    } catch (IOException e) {
      throw new RunRefusedException(
          source + " file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static void checkSchema(Source source, String file, boolean dayInPath) {
    try (ParquetFileReader reader =
        ParquetRows.open(BeamInputFile.of(file), ParquetReadOptions.builder().build())) {
      ParquetColumns.of(source, reader.getFileMetaData().getSchema(), dayInPath);
    } catch (ParquetColumns.Unusable e) {
      throw new RunRefusedException(source + " file " + file + " " + e.getMessage(), e);
    } catch (IOException e) {
      throw new RunRefusedException(
          source + " file " + file + " cannot be read as Parquet: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code YYYY-MM-DD} days of the impressions files: a file's partition folder, or else its
   * lines' {@code dt} column, within the {@code selected} days; values that do not parse are
   * skipped here (the pipeline rejects their rows).
   */
  public static Set<String> impressionDays(List<String> files, DayRange selected) {
    Set<String> days = new TreeSet<>();
    for (String file : files) {
      String partition = HivePaths.partition(file, Source.IMPRESSIONS);
      if (partition != null) {
        Integer day = dayOf(partition);
        if (day != null) {
          days.add(Days.format(day));
        }
        continue;
      }
      try (InputRows rows = InputRows.open(FileRange.whole(file, null), Source.IMPRESSIONS)) {
        for (InputRows.Row row = rows.next(); row != null; row = rows.next()) {
          try {
            days.add(Days.format(row.view().day("dt")));
          } catch (InvalidValueException e) {
            // Rejected by the pipeline, with its reason; it has no day to protect here.
          }
        }
      } catch (IOException e) {
        throw new RunRefusedException(
            "impressions file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    days.removeIf(day -> !selected.contains(Days.of(day)));
    return days;
  }

  private static CsvReader open(String file) throws IOException {
    ResourceId id = FileSystems.matchNewResource(file, false);
    ReadableByteChannel channel = Compression.detect(file).readDecompressed(BeamFiles.open(id));
    return CsvReader.open(channel);
  }
}
