package io.lockwatch.agent;

import io.lockwatch.agent.instrument.InstallListener;
import io.lockwatch.agent.instrument.Instrumentations;
import io.lockwatch.agent.instrument.RetransformFailures;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * The agent's entry point. Fails open: any problem prints one {@code lockwatch:} line on stderr and
 * the application runs on, uninstrumented where needed.
 *
 * <p>Order of start-up, each step on the premain thread: options; bootstrap part on the bootstrap
 * class path; JFR event registration (JDK-8371889); pre-loading of every class the hooks use;
 * the recording; the transformer (retransforming loaded JDK classes); the self-test. A loaded class
 * the JVM refuses to retransform (another agent changed its shape) stays uninstrumented and is named
 * in one {@code instrumentation partly disabled} line; everything else is instrumented.
 */
public final class LockwatchAgent {
  private static volatile AgentOptions installedOptions;

  private LockwatchAgent() {}

  /**
   * Entry point for {@code -javaagent}.
   *
   * @param args the agent arguments, may be {@code null}
   * @param inst the instrumentation
   */
  public static void premain(String args, Instrumentation inst) {
    start(args, inst);
  }

  /**
   * Entry point for dynamic attach.
   *
   * @param args the agent arguments, may be {@code null}
   * @param inst the instrumentation
   */
  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst);
  }

  /**
   * Returns the options of the installed agent.
   *
   * @return the options, or {@code null} when the agent is not installed
   */
  public static AgentOptions options() {
    return installedOptions;
  }

  private static void start(String args, Instrumentation inst) {
    try {
      if (installedOptions != null) {
        log("agent already installed; ignoring the second -javaagent");
        return;
      }
      AgentOptions options = AgentOptions.resolve(args, System.getProperties(), System.getenv(),
          LockwatchAgent::log);
      if (!options.enabled()) {
        return;
      }
      if (!inst.isRetransformClassesSupported()) {
        log("agent disabled: this JVM does not support class retransformation");
        return;
      }
      // ByteBuddy's safe mode: no sun.misc.Unsafe (JDK 24+ warns on every start otherwise). The
      // agent injects no classes (no class format changes), so it needs none of that.
      String safe = net.bytebuddy.ByteBuddy.class.getPackageName() + ".safe";
      if (System.getProperty(safe) == null) {
        System.setProperty(safe, "true");
      }
      BootstrapInjector.inject(inst);
      RecordingSetup.registerEvents();
      Preloader.preload();
      for (String problem : new String[] {VirtualThreadScheduler.register(inst),
          LocksPackageAccess.open(inst)}) {
        if (problem != null) {
          log(problem);
        }
      }
      new RecordingSetup(options, LockwatchAgent::log).start();
      Instrumentations instrumentations = new Instrumentations(new Instrumentations.Switches(
          options.flag("locks"), options.flag("monitors"), options.flag("jdk-monitors"),
          options.flag("executors"), options.flag("waits"), options.globs("include"),
          options.globs("exclude")));
      ResettableClassFileTransformer transformer = instrumentations.install(inst);
      InstallListener listener = instrumentations.listener();
      String failure = options.flag("self-test") && options.flag("locks")
          ? SelfTest.run(listener, instrumentations.retransformFailures()) : null;
      if (failure != null) {
        // Split failed batches here too: one refused class must not keep every other class advised.
        transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION,
            AgentBuilder.RedefinitionStrategy.BatchAllocator.ForTotal.INSTANCE,
            new RetransformFailures());
        log("agent disabled: self-test failed: " + failure);
        return;
      }
      String partly = instrumentations.retransformFailures().summary();
      if (partly != null) {
        log(partly);
      }
      installedOptions = options;
      ErrorReporter.start(listener);
      AgentServices.start(options, LockwatchAgent::log);
      if (options.flag("verbose")) {
        log("agent installed, " + listener.transformationCount() + " classes transformed, "
            + options);
      }
    } catch (Throwable t) {
      log("agent disabled: " + t);
    }
  }

  /** Prints one line on stderr, prefixed with {@code lockwatch: }. */
  static void log(String line) {
    System.err.println("lockwatch: " + line);
  }
}
