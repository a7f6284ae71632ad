package io.lockwatch.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/** The shaded agent jar: manifest, relocation, and the nested bootstrap part. */
class ShadedJarIT {
  @Test
  void manifestDeclaresAgentAndRetransformation() throws Exception {
    try (JarFile jar = new JarFile(AgentJvm.agentJar())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertEquals("io.lockwatch.agent.LockwatchAgent", main.getValue("Premain-Class"));
      assertEquals("io.lockwatch.agent.LockwatchAgent", main.getValue("Agent-Class"));
      assertEquals("true", main.getValue("Can-Retransform-Classes"));
      assertEquals("true", main.getValue("Can-Redefine-Classes"));
    }
  }

  @Test
  void byteBuddyIsRelocated_andBootstrapClassesAreOnlyNested() throws Exception {
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(AgentJvm.agentJar())) {
      jar.stream().forEach(e -> names.add(e.getName()));
      assertTrue(names.stream().noneMatch(n -> n.startsWith("net/bytebuddy/")),
          "unrelocated ByteBuddy classes");
      assertTrue(names.contains(
          "io/lockwatch/agent/shaded/bytebuddy/agent/builder/AgentBuilder.class"));
      assertTrue(names.stream().noneMatch(n -> n.startsWith("io/lockwatch/runtime/")
          || n.startsWith("io/lockwatch/events/") || n.startsWith("io/lockwatch/agent/bootstrap/")
          || n.equals("io/lockwatch/Lockwatch.class")),
          "bootstrap classes must not be visible to the system class loader");
      assertTrue(names.stream().noneMatch(n -> n.endsWith("module-info.class")));
      JarEntry nested = jar.getJarEntry("META-INF/lockwatch/lockwatch-bootstrap.jar");
      assertNotNull(nested);
      List<String> inner = new ArrayList<>();
      try (InputStream in = jar.getInputStream(nested);
          JarInputStream nestedJar = new JarInputStream(in)) {
        for (JarEntry e = nestedJar.getNextJarEntry(); e != null; e = nestedJar.getNextJarEntry()) {
          inner.add(e.getName());
        }
      }
      assertTrue(inner.contains("io/lockwatch/runtime/LockRuntime.class"), inner::toString);
      assertTrue(inner.contains("io/lockwatch/events/LockOrderEvent.class"), inner::toString);
      assertTrue(inner.contains("io/lockwatch/agent/bootstrap/MonitorHooks.class"), inner::toString);
      assertTrue(inner.contains("io/lockwatch/events/lockwatch.jfc"), inner::toString);
      assertTrue(inner.stream().noneMatch(n -> n.startsWith("net/") || n.contains("shaded")),
          inner::toString);
    }
  }
}
