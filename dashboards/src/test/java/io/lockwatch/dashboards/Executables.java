package io.lockwatch.dashboards;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds external programs (prometheus, promtool) on the PATH. */
final class Executables {
  private Executables() {}

  /** @return the executable named {@code name} on the PATH, if any */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static String missingMessage(String name) {
    return name + " is not on the PATH; install Debian's prometheus package "
        + "(apt-get install -y prometheus) to run this test. CI installs it.";
  }
}
