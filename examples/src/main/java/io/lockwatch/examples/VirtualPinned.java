package io.lockwatch.examples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * Pattern 5, virtual-thread flavour: virtual threads block while pinned to their carrier. Each of
 * {@code --threads} (default 4) virtual threads sleeps inside {@code synchronized (cache)}, which
 * pins on JDK 21 to 23; the first one also blocks inside a class initializer, which still pins on
 * JDK 24 and later (JEP 491 unpinned monitors, not class initialization). Compiled for release 17,
 * it starts virtual threads through method handles and prints SKIPPED on older JDKs.
 *
 * <p>Fixed twin: the blocking happens with no monitor held (the virtual thread unmounts), a {@code
 * ReentrantLock} guards the short update, and class initialization does not block.
 */
final class VirtualPinned {
  private static final long DEFAULT_THREADS = 4;
  private static final long BLOCK_MS = 60;

  private VirtualPinned() {}

  static void hazard(ScenarioContext ctx) throws Exception {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws Exception {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean pin) throws Exception {
    MethodHandle startVirtual = virtualThreadStarter();
    if (startVirtual == null) {
      ctx.skipped("virtual threads need JDK 21+; this is " + Runtime.version());
      return;
    }
    int threads = (int) Math.max(1, ctx.options().number("threads", DEFAULT_THREADS));
    Object cacheMonitor = ScenarioLocks.monitor("cache");
    Lock cacheLock = ScenarioLocks.reentrantLock("cache");
    List<Thread> started = new ArrayList<>();
    long[] loaded = new long[1];
    ctx.ready();
    for (int i = 0; i < threads; i++) {
      boolean first = i == 0;
      Runnable body = pin
          ? () -> {
              if (first) {
                ctx.hazard("a virtual thread blocks while pinned (class initializer, monitor)");
                SlowlyInitialized.touch();
              }
              synchronized (cacheMonitor) {
                sleep(BLOCK_MS);
              }
            }
          : () -> {
              sleep(BLOCK_MS); // a virtual thread holding no monitor unmounts here
              cacheLock.lock();
              try {
                loaded[0]++;
              } finally {
                cacheLock.unlock();
              }
            };
      started.add(startVirtual(startVirtual, "cache-loader-" + i, body));
    }
    for (Thread t : started) {
      t.join();
    }
    ctx.info("virtualThreads=" + started.size());
  }

  private static Thread startVirtual(MethodHandle starter, String name, Runnable body) throws Exception {
    try {
      return (Thread) starter.invoke(name, body);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** {@code (String name, Runnable body) -> Thread.ofVirtual().name(name).start(body)}, or null. */
  private static MethodHandle virtualThreadStarter() throws IllegalAccessException {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
          MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
      MethodHandle name = lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class));
      MethodHandle start = lookup.findVirtual(builder, "start", MethodType.methodType(Thread.class, Runnable.class));
      // (String, Runnable) -> start(name(ofVirtual(), String), Runnable)
      MethodHandle named = MethodHandles.collectArguments(name, 0, ofVirtual.asType(MethodType.methodType(builder)));
      return MethodHandles.collectArguments(start, 0, named);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return null;
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A class whose initializer blocks: a virtual thread initializing it stays pinned. */
  private static final class SlowlyInitialized {
    static {
      sleep(BLOCK_MS);
    }

    static void touch() {}
  }
}
