package io.lockwatch.it;

import io.lockwatch.examples.testing.JvmFork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK that forked JVMs run on ({@code -Dlockwatch.test.java}) and the jars they use. */
final class ForkedJdk {
  private static volatile int feature;

  private ForkedJdk() {}

  /** @return the {@code java} executable of forks */
  static String java() {
    String java = System.getProperty(JvmFork.JAVA_PROPERTY);
    return java == null || java.isBlank()
        ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java;
  }

  /** @return the feature version of the forks' JDK, e.g. 17 or 25 */
  static int feature() throws IOException, InterruptedException {
    if (feature == 0) {
      Process p = new ProcessBuilder(java(), "-version").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Matcher m = Pattern.compile("version \"(\\d+)").matcher(text);
      if (!m.find()) {
        throw new IllegalStateException("cannot read the version of " + java() + ": " + text);
      }
      feature = Integer.parseInt(m.group(1));
    }
    return feature;
  }

  /** @return the shaded agent jar, {@code agent/target/lockwatch-agent.jar} */
  static Path agentJar() {
    Path jar = Path.of(System.getProperty("lockwatch.agent.jar", "../agent/target/lockwatch-agent.jar"));
    if (!jar.toFile().isFile()) {
      throw new IllegalStateException(jar + " is missing: build it with mvn -pl agent -am package");
    }
    return jar.toAbsolutePath().normalize();
  }

  /** @return the runnable examples jar, {@code examples/target/lockwatch-examples-*.jar} */
  static Path examplesJar() {
    Path dir = Path.of(System.getProperty("lockwatch.examples.dir", "../examples/target"));
    java.io.File[] jars = dir.toFile().listFiles((d, n) -> n.startsWith("lockwatch-examples-")
        && n.endsWith(".jar") && !n.contains("sources") && !n.contains("tests"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("no lockwatch-examples-*.jar in " + dir.toAbsolutePath()
          + ": build it with mvn -pl examples -am package");
    }
    return jars[0].toPath().toAbsolutePath().normalize();
  }

  /** @return the directory of this module's compiled test classes (for small test programs) */
  static Path testClasses() {
    return Path.of(System.getProperty("lockwatch.test.classes", "target/test-classes"))
        .toAbsolutePath();
  }
}
