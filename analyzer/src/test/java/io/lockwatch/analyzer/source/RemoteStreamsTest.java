package io.lockwatch.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.analyzer.AnalyzerOptions;
import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.cli.LockwatchCli;
import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RemoteStreamsTest {

  static Process fork(String... jvmArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("lockwatch.test.java",
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WatchTarget.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
    String line;
    while ((line = r.readLine()) != null && !line.equals("ready")) {
      // JFR start-up lines come first
    }
    assertEquals("ready", line);
    return p;
  }

  @Test
  void watchJmx_startsARemoteRecording_andFindsTheCycle() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p = fork("-Dcom.sun.management.jmxremote.port=" + port,
        "-Dcom.sun.management.jmxremote.rmi.port=" + port,
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false", "-Djava.rmi.server.hostname=127.0.0.1");
    BlockingQueue<Finding> q = new LinkedBlockingQueue<>();
    LockwatchAnalyzer a = AnalyzerOptions.builder().addListener(q::add).build().newAnalyzer();
    String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
    try (EventStream es = RemoteStreams.watchJmx(url, a)) {
      es.startAsync();
      assertNotNull(awaitCycle(q), "no cycle over JMX");
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void watchJmx_unreachable_isOneLineError() {
    StringWriter err = new StringWriter();
    int code = LockwatchCli.run(new String[] {"watch", "--jmx",
        "service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(2, code);
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  static Finding awaitCycle(BlockingQueue<Finding> q) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (System.nanoTime() < deadline) {
      Finding next = q.poll(100, TimeUnit.MILLISECONDS);
      if (next != null && next.type() == FindingType.LOCK_ORDER_CYCLE) {
        return next;
      }
    }
    return null;
  }

  @Test
  void watchPid_withoutRecording_isOneLineErrorSayingHowToStartOne() throws Exception {
    Process p = fork();
    try {
      StringWriter err = new StringWriter();
      int code = LockwatchCli.run(new String[] {"watch", Long.toString(p.pid())},
          new PrintWriter(new StringWriter()), new PrintWriter(err));
      assertEquals(2, code, err.toString());
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(err.toString().contains("-XX:StartFlightRecording"), err.toString());
      assertThrows(SourceException.class,
          () -> RemoteStreams.watchPid(Long.toString(p.pid()), LockwatchAnalyzer.create()));
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void watchPid_streamsTheTargetsRepository_andFindsTheCycle() throws Exception {
    Path jfc = Files.createTempFile("lockwatch-test", ".jfc");
    Files.writeString(jfc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<configuration version=\"2.0\">\n"
        + "  <event name=\"lockwatch.LockOrder\"><setting name=\"enabled\">true</setting>"
        + "<setting name=\"stackTrace\">true</setting></event>\n</configuration>\n");
    Process p = fork("-XX:StartFlightRecording:settings=" + jfc);
    BlockingQueue<Finding> q = new LinkedBlockingQueue<>();
    LockwatchAnalyzer a = AnalyzerOptions.builder().addListener(q::add).build().newAnalyzer();
    try (EventStream es = RemoteStreams.watchPid(Long.toString(p.pid()), a)) {
      es.startAsync();
      Finding f = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (f == null && System.nanoTime() < deadline) {
        Finding next = q.poll(100, TimeUnit.MILLISECONDS);
        if (next != null && next.type() == FindingType.LOCK_ORDER_CYCLE) {
          f = next;
        }
      }
      assertNotNull(f, "no cycle from the watched JVM");
      assertTrue(f.summary().contains("left") && f.summary().contains("right"), f.summary());
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
