package dev.traininginputs.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** A local or mounted file system: java.nio, with atomic renames of files and directories. */
public final class LocalStore implements OutputStore {

  @Override
  public boolean renamesDirectories() {
    return true;
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path));
  }

  @Override
  public List<String> list(String directory) throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(Path.of(directory))) {
      return names;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(directory))) {
      entries.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  @Override
  public List<String> filesUnder(String directory) throws IOException {
    Path root = Path.of(directory);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> p.toAbsolutePath().toString())
          .sorted()
          .toList();
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = Path.of(to);
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(Path.of(from))) {
      Files.move(Path.of(from), target, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.move(
          Path.of(from),
          target,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Override
  public void copy(String from, String to) throws IOException {
    Files.createDirectories(Path.of(to).getParent());
    Files.copy(Path.of(from), Path.of(to), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(String file) throws IOException {
    Files.deleteIfExists(Path.of(file));
  }

  @Override
  public void deleteRecursively(String directory) throws IOException {
    Path root = Path.of(directory);
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Override
  public Optional<String> read(String file) throws IOException {
    try {
      return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String file, String text) throws IOException {
    Path path = Path.of(file);
    Files.createDirectories(path.getParent());
    Path temporary = path.resolveSibling("." + path.getFileName() + "." + UUID.randomUUID());
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public boolean createNew(String file, String text) throws IOException {
    Path path = Path.of(file);
    Files.createDirectories(path.getParent());
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }
}
