package io.lockwatch.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Pattern 5: a lock held across a wait: a socket read on a loopback socket, a {@code
 * Thread.sleep}, and a {@code future.get()}, each inside {@code state} while a status reader
 * queues behind it. {@code --wait=all|socket|sleep|future} picks the waits (default all, in that
 * order), {@code --wait-ms=N} their length (default 200), {@code --lock=monitor|reentrant} the lock.
 * Each wait prints its own HAZARD line.
 *
 * <p>Fixed twin: do the wait first, then take the lock only to store the result.
 */
final class WaitUnderLock {
  private static final long DEFAULT_WAIT_MS = 200;
  private static final long READER_PAUSE_MS = 5;

  private WaitUnderLock() {}

  static void hazard(ScenarioContext ctx) throws Exception {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws Exception {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean underLock) throws Exception {
    String which = ctx.options().choice("wait", "all", "socket", "sleep", "future");
    List<String> waits = which.equals("all") ? List.of("socket", "sleep", "future") : List.of(which);
    long waitMs = ctx.options().number("wait-ms", DEFAULT_WAIT_MS);
    ScenarioLock state = ScenarioLocks.lock("state", ctx.lockKind());
    ExecutorService io = ScenarioLocks.fixedPool("io", 1);
    long[] stored = new long[1];
    long[] statusReads = new long[1];
    boolean[] finished = new boolean[1];
    try (LoopbackPeer peer = new LoopbackPeer(ctx, waitMs)) {
      Thread statusReader = ctx.start("status-reader", () -> {
        while (!state.call(() -> finished[0])) {
          state.run(() -> statusReads[0]++);
          pause(READER_PAUSE_MS);
        }
      });
      ctx.ready();
      for (String wait : waits) {
        if (underLock) {
          state.call(() -> {
            ctx.hazard(wait + " wait of " + waitMs + " ms inside 'state'");
            stored[0] += waitFor(wait, peer, io, waitMs);
            return null;
          });
        } else {
          long result = waitFor(wait, peer, io, waitMs);
          state.run(() -> stored[0] += result);
        }
      }
      state.run(() -> finished[0] = true);
      statusReader.join();
    } finally {
      io.shutdownNow();
    }
    ctx.info("stored=" + stored[0] + " statusReads=" + statusReads[0]);
  }

  private static long waitFor(String wait, LoopbackPeer peer, ExecutorService io, long waitMs)
      throws Exception {
    switch (wait) {
      case "socket":
        try (Socket socket = peer.connect()) {
          InputStream in = socket.getInputStream();
          return in.read();
        }
      case "sleep":
        Thread.sleep(waitMs);
        return 1;
      default:
        Future<Long> answer = io.submit(() -> {
          Thread.sleep(waitMs);
          return 2L;
        });
        return answer.get();
    }
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A loopback server that answers each connection with one byte after a delay. */
  private static final class LoopbackPeer implements AutoCloseable {
    private final ServerSocket server;

    LoopbackPeer(ScenarioContext ctx, long delayMs) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      ctx.start("loopback-peer", () -> {
        while (!server.isClosed()) {
          try (Socket client = server.accept()) {
            pause(delayMs);
            client.getOutputStream().write(7);
          } catch (IOException e) {
            if (!server.isClosed()) {
              throw new UncheckedIOException(e);
            }
          }
        }
      });
    }

    Socket connect() throws IOException {
      return new Socket(server.getInetAddress(), server.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
