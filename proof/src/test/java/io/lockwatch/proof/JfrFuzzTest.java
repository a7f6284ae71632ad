package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lockwatch.analyzer.cli.LockwatchCli;
import io.lockwatch.proof.internal.ChildJvm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt and truncated recordings: real recordings (one made under the agent, one by JFR alone)
 * mutated {@value #MUTATIONS} times (truncation, byte flips, wrong chunk-size and offset header
 * fields, zeroed regions) and analyzed in-process by {@link LockwatchCli#run}. Every run ends within
 * {@value #LIMIT_SECONDS} s with exit 2, or 0/1 (partial results), and never prints a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JfrFuzzTest {
  static final int MUTATIONS = 1000;
  static final int LIMIT_SECONDS = 10;
  static final long SEED = Long.getLong("lockwatch.fuzz.seed", 20261122L);

  @TempDir
  static Path dir;
  private byte[] agentRecording;
  private byte[] jfrOnlyRecording;
  private Path agentFile;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fuzz-analyze");
    t.setDaemon(true);
    return t;
  });

  @BeforeAll
  void record() throws Exception {
    agentFile = dir.resolve("agent.jfr");
    Path jfrOnly = dir.resolve("jfr-only.jfr");
    ChildJvm.Result a = ChildJvm.run(
        List.of("-javaagent:" + Fixtures.agentJar() + "=recording=" + agentFile),
        Fixtures.examplesJar().toString(), "io.lockwatch.examples.Scenarios",
        List.of("deadly-embrace-latent", "--max-seconds", "20"), Duration.ofSeconds(90), false);
    assertEquals(0, a.exitCode, a.toString());
    ChildJvm.Result j = ChildJvm.run(
        List.of("-XX:StartFlightRecording:settings=default,filename=" + jfrOnly),
        Fixtures.examplesJar().toString(), "io.lockwatch.examples.Scenarios",
        List.of("wait-under-lock-fixed", "--max-seconds", "20"), Duration.ofSeconds(90), false);
    assertEquals(0, j.exitCode, j.toString());
    agentRecording = Files.readAllBytes(agentFile);
    jfrOnlyRecording = Files.readAllBytes(jfrOnly);
  }

  @AfterAll
  void stop() {
    runner.shutdownNow();
  }

  @Test
  void intactRecording_reportsTheCycle() throws Exception {
    Outcome o = analyze(agentFile);
    assertEquals(1, o.exit, o.toString());
    assertTrue(o.out.contains("LOCK_ORDER_CYCLE"), o.toString());
  }

  @Test
  void mutatedRecordings_endInTimeWithExit2OrPartialResults_neverAStackTrace() throws Exception {
    Random rnd = new Random(SEED);
    Map<String, int[]> tally = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Path file = dir.resolve("mutant.jfr");
    for (int i = 0; i < MUTATIONS; i++) {
      boolean agent = i % 3 != 2;
      byte[] original = agent ? agentRecording : jfrOnlyRecording;
      Mutation m = Mutation.values()[rnd.nextInt(Mutation.values().length)];
      byte[] mutant = m.apply(original, rnd);
      Files.write(file, mutant);
      Outcome o = analyze(file);
      String label = m + (agent ? " (agent)" : " (jfr-only)");
      tally.computeIfAbsent(label, k -> new int[4])[Math.min(o.exit < 0 ? 3 : o.exit, 3)]++;
      if (o.exit < 0 || o.exit > 2 || Fixtures.hasStackTrace(o.errLines())
          || (o.exit == 2 && o.err.isBlank())) {
        Path kept = dir.resolve("failure-" + i + ".jfr");
        Files.write(kept, mutant);
        failures.add("#" + i + " " + label + " -> " + o + " (kept " + kept + ")");
        if (failures.size() >= 5) {
          break;
        }
      }
    }
    StringBuilder summary = new StringBuilder("mutation -> [exit0, exit1, exit2, hang/other]\n");
    tally.forEach((k, v) -> summary.append("  ").append(k).append(" -> ").append(Arrays.toString(v))
        .append('\n'));
    System.out.println(summary);
    if (!failures.isEmpty()) {
      fail(String.join("\n", failures) + "\n" + summary);
    }
  }

  @Test
  void cliJarAsProcess_truncatedAndFlippedFiles_exit2OrPartial_noStackTrace() throws Exception {
    Random rnd = new Random(SEED + 1);
    Mutation[] kinds = {Mutation.TRUNCATE, Mutation.TRUNCATE_HEADER, Mutation.CHUNK_SIZE,
        Mutation.FLIP_BYTES, Mutation.ZERO_REGION};
    for (Mutation m : kinds) {
      Path file = dir.resolve("process-" + m + ".jfr");
      Files.write(file, m.apply(agentRecording, rnd));
      ChildJvm.Result r = ChildJvm.run(List.of(), Fixtures.cliJar().toString(),
          "io.lockwatch.analyzer.cli.LockwatchCli", List.of("analyze", file.toString()),
          Duration.ofSeconds(60), false);
      assertTrue(r.exitCode >= 0 && r.exitCode <= 2, m + ": " + r);
      assertFalse(Fixtures.hasStackTrace(r.stderr), m + ": " + r);
    }
    Path empty = dir.resolve("empty.jfr");
    Files.write(empty, new byte[0]);
    ChildJvm.Result r = ChildJvm.run(List.of(), Fixtures.cliJar().toString(),
        "io.lockwatch.analyzer.cli.LockwatchCli", List.of("analyze", empty.toString()),
        Duration.ofSeconds(60), false);
    assertEquals(2, r.exitCode, r.toString());
    assertFalse(Fixtures.hasStackTrace(r.stderr), r.toString());
  }

  private Outcome analyze(Path file) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-analyze");
      t.setDaemon(true);
      return t;
    });
    Future<Integer> f = runner.submit(() -> LockwatchCli.run(new String[] {"analyze", file.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true)));
    runner.shutdown();
    int exit;
    try {
      exit = f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      exit = -1;
    } catch (java.util.concurrent.ExecutionException e) {
      StringWriter sw = new StringWriter();
      e.getCause().printStackTrace(new PrintWriter(sw));
      return new Outcome(-2, out.toString(), "threw: " + sw);
    }
    return new Outcome(exit, out.toString(), err.toString());
  }

  /** One analyze run. */
  static final class Outcome {
    final int exit;
    final String out;
    final String err;

    Outcome(int exit, String out, String err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    List<String> errLines() {
      return Arrays.asList(err.split("\n"));
    }

    @Override
    public String toString() {
      return "exit " + exit + (exit == -1 ? " (hang: over " + LIMIT_SECONDS + " s)" : "")
          + "\nstderr: " + abbreviate(err) + "\nstdout: " + abbreviate(out);
    }

    private static String abbreviate(String s) {
      return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
  }

  /** The ways a recording is damaged. */
  enum Mutation {
    TRUNCATE {
      @Override
      byte[] apply(byte[] b, Random r) {
        return Arrays.copyOf(b, r.nextInt(b.length));
      }
    },
    TRUNCATE_HEADER {
      @Override
      byte[] apply(byte[] b, Random r) {
        return Arrays.copyOf(b, r.nextInt(Math.min(b.length, 200)));
      }
    },
    FLIP_BYTES {
      @Override
      byte[] apply(byte[] b, Random r) {
        byte[] c = b.clone();
        int n = 1 + r.nextInt(16);
        for (int i = 0; i < n; i++) {
          c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
        }
        return c;
      }
    },
    CHUNK_SIZE {
      @Override
      byte[] apply(byte[] b, Random r) {
        return headerField(b, r, 8);
      }
    },
    CONSTANT_POOL_OFFSET {
      @Override
      byte[] apply(byte[] b, Random r) {
        return headerField(b, r, 16);
      }
    },
    METADATA_OFFSET {
      @Override
      byte[] apply(byte[] b, Random r) {
        return headerField(b, r, 24);
      }
    },
    ZERO_REGION {
      @Override
      byte[] apply(byte[] b, Random r) {
        byte[] c = b.clone();
        int from = r.nextInt(c.length);
        Arrays.fill(c, from, Math.min(c.length, from + 1 + r.nextInt(4096)), (byte) 0);
        return c;
      }
    },
    DUPLICATE_TAIL {
      @Override
      byte[] apply(byte[] b, Random r) {
        int from = r.nextInt(b.length);
        byte[] c = Arrays.copyOf(b, b.length + (b.length - from));
        System.arraycopy(b, from, c, b.length, b.length - from);
        return c;
      }
    };

    abstract byte[] apply(byte[] original, Random rnd);

    /** Overwrites a long field at {@code offset} of a random chunk header ("FLR\0" magic). */
    static byte[] headerField(byte[] b, Random r, int offset) {
      List<Integer> chunks = new ArrayList<>();
      for (int i = 0; i + 64 < b.length; i++) {
        if (b[i] == 'F' && b[i + 1] == 'L' && b[i + 2] == 'R' && b[i + 3] == 0) {
          chunks.add(i);
        }
      }
      byte[] c = b.clone();
      int at = chunks.isEmpty() ? 0 : chunks.get(r.nextInt(chunks.size()));
      long value;
      switch (r.nextInt(5)) {
        case 0: value = 0; break;
        case 1: value = -1; break;
        case 2: value = Long.MAX_VALUE; break;
        case 3: value = r.nextInt(b.length * 2 + 1); break;
        default: value = ByteBuffer.wrap(c, at + offset, 8).getLong() + r.nextInt(64) - 32; break;
      }
      ByteBuffer.wrap(c, at + offset, 8).putLong(value);
      return c;
    }
  }
}
