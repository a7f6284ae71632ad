package io.lockwatch.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts the bootstrap part (recording runtime, event classes, explicit API and the agent's static
 * hooks) on the bootstrap class path, so that advice inlined into JDK classes can call it. It is
 * stored in the agent jar as a nested jar, which the system class loader never reads, extracted to a
 * temporary file and appended with {@link Instrumentation#appendToBootstrapClassLoaderSearch}, like
 * BlockHound's {@code InstrumentationUtils.injectBootstrapClasses}.
 */
final class BootstrapInjector {
  static final String RESOURCE = "META-INF/lockwatch/lockwatch-bootstrap.jar";
  /** A class of the bootstrap part used to check that it is there. */
  static final String PROBE_CLASS = "io.lockwatch.runtime.LockRuntime";

  private BootstrapInjector() {}

  /**
   * Appends the nested bootstrap jar to the bootstrap class path, unless the bootstrap loader
   * already has it (agent attached twice).
   *
   * @param inst the instrumentation, not {@code null}
   * @throws IOException if the jar cannot be extracted
   * @throws ClassNotFoundException if the bootstrap part is still missing after the append
   * @throws IllegalStateException if the jar is missing or the classes end up in another loader
   */
  static void inject(Instrumentation inst) throws IOException, ClassNotFoundException {
    if (!loadedByBootstrap()) {
      File jar = extract();
      inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }
    Class<?> probe = Class.forName(PROBE_CLASS, false, null);
    if (probe.getClassLoader() != null) {
      throw new IllegalStateException(PROBE_CLASS + " was loaded by " + probe.getClassLoader()
          + " instead of the bootstrap class loader");
    }
  }

  private static boolean loadedByBootstrap() {
    try {
      Class.forName(PROBE_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static File extract() throws IOException {
    try (InputStream in = BootstrapInjector.class.getClassLoader() == null
        ? null : BootstrapInjector.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the agent jar");
      }
      File file = File.createTempFile("lockwatch-bootstrap-", ".jar");
      file.deleteOnExit();
      Files.copy(in, file.toPath(), StandardCopyOption.REPLACE_EXISTING);
      return file;
    }
  }
}
