package io.lockwatch.examples.testing;

/** A main class for {@link JvmForkTest}: prints its arguments, one per line, then obeys the last. */
public final class ForkedProgram {
  private ForkedProgram() {}

  /**
   * Prints every argument but the last; the last is {@code sleep} (sleep for ever) or {@code
   * exit:N} (exit with code N).
   *
   * @param args lines to print, then the action
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    for (int i = 0; i < args.length - 1; i++) {
      System.out.println(args[i]);
    }
    System.out.flush();
    String action = args[args.length - 1];
    if (action.equals("sleep")) {
      Thread.sleep(Long.MAX_VALUE);
    }
    System.exit(Integer.parseInt(action.substring("exit:".length())));
  }
}
