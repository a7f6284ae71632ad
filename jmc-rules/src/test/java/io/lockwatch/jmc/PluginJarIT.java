package io.lockwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged OSGi bundle ({@code target/lockwatch-jmc-plugin.jar}): its manifest and {@code
 * plugin.xml} are what JMC needs, and JMC's headless runner with only JMC core's jars and this jar
 * on the class path lists our rules.
 */
class PluginJarIT {
  private static final Path PLUGIN = Paths.get("target", "lockwatch-jmc-plugin.jar");

  @Test
  void bundle_declaresRuleProviderAndRequiresJmcRules() throws Exception {
    try (JarFile jar = new JarFile(PLUGIN.toFile())) {
      Manifest m = jar.getManifest();
      assertEquals("io.lockwatch.jmc;singleton:=true",
          m.getMainAttributes().getValue("Bundle-SymbolicName"));
      assertTrue(m.getMainAttributes().getValue("Require-Bundle")
          .contains("org.openjdk.jmc.flightrecorder.rules"));
      String pluginXml = new String(jar.getInputStream(jar.getEntry("plugin.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertTrue(pluginXml.contains("org.openjdk.jmc.flightrecorder.rules.ruleProvider"));
      assertTrue(jar.getEntry("META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule")
          != null);
      assertTrue(jar.getEntry("io/lockwatch/analyzer/LockwatchAnalyzer.class") != null);
      assertTrue(jar.getEntry("io/lockwatch/events/FindingEvent.class") != null);
    }
  }

  @Test
  void jfrRulesReport_withPluginJar_listsLockwatchRules() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    Path jfr = HazardFiles.cycle(dir);
    String jmcCore = List.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .stream().filter(e -> e.contains("org/openjdk/jmc/") || e.contains("owasp") || e.contains("lz4"))
        .filter(e -> !e.contains("rules.jdk")).collect(Collectors.joining(File.pathSeparator));
    String java = System.getProperty("lockwatch.test.java",
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    List<String> cmd = new ArrayList<>(List.of(java, "-cp",
        PLUGIN.toAbsolutePath() + File.pathSeparator + jmcCore,
        "org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport", jfr.toString(), "-format",
        "text", "-min", "warning"));
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
        .start();
    try {
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out");
      String text = Files.readString(out);
      assertEquals(0, p.exitValue(), text);
      assertTrue(text.contains("Lockwatch: Lock-Order Cycles"), text);
    } finally {
      p.destroyForcibly();
    }
  }
}
