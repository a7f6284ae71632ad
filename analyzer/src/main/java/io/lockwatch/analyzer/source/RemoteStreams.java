package io.lockwatch.analyzer.source;

import com.sun.tools.attach.VirtualMachine;
import io.lockwatch.analyzer.LockwatchAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.jfr.consumer.EventStream;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * Streams another JVM's events into an analyzer: a local JVM by process id (its disk repository,
 * found through the Attach API) or a remote JVM over JMX ({@link RemoteRecordingStream}).
 */
public final class RemoteStreams {
  private RemoteStreams() {}

  /**
   * Opens the disk repository of a local JVM.
   *
   * @param pid the process id
   * @param analyzer the analyzer to feed
   * @return a started-able stream (call {@code start()} to block, or {@code startAsync()})
   * @throws SourceException with a one-line, actionable message if the JVM cannot be read
   */
  public static EventStream watchPid(String pid, LockwatchAnalyzer analyzer) throws SourceException {
    String repo;
    try {
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        Properties p = vm.getSystemProperties();
        repo = p.getProperty("jdk.jfr.repository");
      } finally {
        vm.detach();
      }
    } catch (Exception e) {
      throw new SourceException("cannot attach to JVM " + pid + ": " + e.getMessage()
          + " (is it running as the same user, with attach enabled?)");
    }
    if (repo == null || repo.isBlank() || !Files.isDirectory(Path.of(repo))) {
      throw new SourceException("JVM " + pid + " has no disk recording to stream; start one with "
          + "-XX:StartFlightRecording:settings=default,settings=<path>/lockwatch.jfc (or run it "
          + "with the Lockwatch agent), or run 'jcmd " + pid + " JFR.start'");
    }
    try {
      EventStream es = EventStream.openRepository(Path.of(repo));
      es.onEvent(analyzer::accept);
      es.onFlush(() -> analyzer.flush(Instant.now()));
      return es;
    } catch (IOException e) {
      throw new SourceException("cannot open JFR repository " + repo + " of JVM " + pid + ": "
          + e.getMessage());
    }
  }

  /**
   * Starts a recording on a remote JVM over JMX and streams it.
   *
   * @param url a JMX service URL, e.g. {@code service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi}
   * @param analyzer the analyzer to feed
   * @return the stream; the caller starts and closes it
   * @throws SourceException with a one-line message if the JVM cannot be reached
   */
  public static EventStream watchJmx(String url, LockwatchAnalyzer analyzer) throws SourceException {
    try {
      JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(url));
      MBeanServerConnection conn = c.getMBeanServerConnection();
      RemoteRecordingStream rs = new RemoteRecordingStream(conn);
      StreamSettings.enable(rs::enable);
      rs.onEvent(analyzer::accept);
      rs.onFlush(() -> analyzer.flush(Instant.now()));
      rs.onClose(() -> {
        try {
          c.close();
        } catch (IOException ignored) {
          // closing a dead connection
        }
      });
      return rs;
    } catch (IOException | RuntimeException e) {
      throw new SourceException("cannot stream from " + url + ": " + e.getMessage());
    }
  }
}
