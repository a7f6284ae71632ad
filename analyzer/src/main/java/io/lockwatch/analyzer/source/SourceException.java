package io.lockwatch.analyzer.source;

/** A source could not be opened; the message is one line, written for the user. */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message the message; line breaks are folded so that it stays one line */
  public SourceException(String message) {
    super(message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }
}
