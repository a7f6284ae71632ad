package example.app;

import io.lockwatch.Lockwatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An application that also has lockwatch-jfr-events on its class path and names a lock through the
 * explicit API, then submits a task while holding it.
 */
public final class NamedLocks {
  private NamedLocks() {}

  public static void main(String[] args) throws Exception {
    Object accounts = Lockwatch.name(new Object(), "accounts");
    ExecutorService pool = Executors.newFixedThreadPool(1);
    synchronized (accounts) {
      pool.submit(() -> { }).get();
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    System.out.println("LOADER " + Lockwatch.class.getClassLoader());
    System.out.println("DONE named-locks");
  }
}
