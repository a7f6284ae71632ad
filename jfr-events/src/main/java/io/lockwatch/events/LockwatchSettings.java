package io.lockwatch.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;
import jdk.jfr.Configuration;

/**
 * The shipped {@code lockwatch.jfc} settings: as text, as a {@link Configuration}, or written to a
 * file for {@code -XX:StartFlightRecording:settings=default,settings=<file>}.
 */
public final class LockwatchSettings {
  /** Resource name of the settings file, relative to this class. */
  public static final String RESOURCE = "lockwatch.jfc";

  private LockwatchSettings() {}

  /**
   * Returns the text of {@code lockwatch.jfc}.
   *
   * @return the XML text, not {@code null}
   * @throws UncheckedIOException if the resource cannot be read
   */
  public static String text() {
    try (InputStream in = LockwatchSettings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("resource missing: " + RESOURCE));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code lockwatch.jfc} as a configuration, e.g. for {@code new
   * Recording(configuration)} or to merge its {@link Configuration#getSettings() settings}.
   *
   * @return the configuration, not {@code null}
   * @throws IllegalStateException if the shipped file does not parse
   */
  public static Configuration configuration() {
    try (Reader r = new StringReader(text())) {
      return Configuration.create(r);
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("lockwatch.jfc does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code lockwatch.jfc} into {@code directory}.
   *
   * @param directory an existing directory, not {@code null}
   * @return the written file
   * @throws UncheckedIOException if writing fails
   */
  public static Path writeTo(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Path file = directory.resolve(RESOURCE);
    try {
      Files.writeString(file, text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

}
