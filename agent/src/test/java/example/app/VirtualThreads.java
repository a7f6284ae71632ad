package example.app;

import java.lang.reflect.Method;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;

/**
 * 10,000 virtual threads contending on a few ReentrantLocks and monitors, with
 * {@code jdk.VirtualThreadPinned} recorded at threshold 0 into {@code args[0]}. Prints SKIP on a JDK
 * without virtual threads. Compiled for release 17, so virtual threads are reached by reflection.
 */
public final class VirtualThreads {
  static final int THREADS = 10_000;

  private VirtualThreads() {}

  public static void main(String[] args) throws Exception {
    Method factory;
    try {
      factory = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (NoSuchMethodException e) {
      System.out.println("SKIP no virtual threads");
      return;
    }
    ReentrantLock[] locks = {new ReentrantLock(), new ReentrantLock(), new ReentrantLock()};
    Object[] monitors = {new Object(), new Object()};
    AtomicLong sum = new AtomicLong();
    try (Recording pinned = new Recording()) {
      pinned.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      pinned.start();
      ExecutorService ex = (ExecutorService) factory.invoke(null);
      for (int i = 0; i < THREADS; i++) {
        int n = i;
        ex.execute(() -> {
          ReentrantLock outer = locks[n % locks.length];
          outer.lock();
          try {
            synchronized (monitors[n % monitors.length]) {
              sum.incrementAndGet();
            }
            Thread.yield();
          } finally {
            outer.unlock();
          }
        });
      }
      ex.shutdown();
      if (!ex.awaitTermination(120, TimeUnit.SECONDS)) {
        System.out.println("TIMEOUT " + sum.get());
        System.exit(3);
      }
      pinned.stop();
      pinned.dump(Paths.get(args[0]));
    }
    System.out.println("DONE virtual-threads " + sum.get());
  }
}
