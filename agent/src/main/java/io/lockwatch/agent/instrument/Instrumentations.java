package io.lockwatch.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynchronized;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import io.lockwatch.runtime.LockRuntime;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Assembles the agent's {@code AgentBuilder}: which types and methods get which advice or rewrite.
 * Already loaded JDK classes are retransformed without class format changes; advice is inlined and
 * suppresses every {@code Throwable}.
 */
public final class Instrumentations {
  private static final String LOCKS = "java.util.concurrent.locks.";
  private static final String JUC = "java.util.concurrent.";
  private static final String RUNTIME = "io.lockwatch.runtime.LockRuntime";

  /** JDK classes whose own monitors are instrumented with {@code jdk-monitors=true}. */
  static final ElementMatcher.Junction<TypeDescription> JDK_MONITOR_TYPES =
      nameStartsWith("java.util.Collections$Synchronized")
          .or(namedOneOf("java.util.Vector", "java.util.Hashtable"));

  private final Switches switches;
  private final InstallListener listener = new InstallListener();
  private final RetransformFailures retransformFailures = new RetransformFailures();

  /**
   * Creates the assembly.
   *
   * @param switches what to instrument
   */
  public Instrumentations(Switches switches) {
    this.switches = switches;
  }

  /**
   * Returns the listener that records errors and transformed types.
   *
   * @return the listener
   */
  public InstallListener listener() {
    return listener;
  }

  /**
   * Returns the loaded classes the JVM refused to retransform (known once {@link #install} returns).
   *
   * @return the failures
   */
  public RetransformFailures retransformFailures() {
    return retransformFailures;
  }

  /**
   * Installs the transformer and retransforms the already loaded JDK classes.
   *
   * @param inst the instrumentation
   * @return the installed transformer, to reset on a failed self-test
   */
  public ResettableClassFileTransformer install(Instrumentation inst) {
    // ByteBuddy skips synthetic methods by default; lambda bodies hold synchronized blocks too.
    AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().ignore(none()))
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(retransformFailures)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        // Another agent may make classes implement its own bootstrap interfaces without a findable
        // class file (OpenTelemetry's VirtualField markers): describe those from the loaded class.
        .with(new BootstrapTypePoolStrategy())
        .with(AgentBuilder.TypeStrategy.Default.REDEFINE_FROZEN)
        .with(listener)
        .ignore(nameStartsWith("io.lockwatch.agent.")
            .or(nameStartsWith("io.lockwatch.runtime.").and(not(named(RUNTIME))))
            .or(nameStartsWith("io.lockwatch.events."))
            .or(nameStartsWith("io.lockwatch.Lockwatch"))
            .or(nameStartsWith("io.lockwatch.analyzer."))
            .or(nameStartsWith("io.lockwatch.otel."))
            .or(nameStartsWith("io.lockwatch.micrometer."))
            .or(OtherAgents.types())
            .or(isSynthetic()))
        .or(any(), OtherAgents.classLoaders());
    if (switches.locks) {
      builder = locks(builder);
    }
    if (switches.executors) {
      builder = executors(builder);
    }
    if (switches.waits) {
      builder = waits(builder);
    }
    if (switches.monitors || switches.waits) {
      builder = monitors(builder);
    }
    return builder.installOn(inst);
  }

  private static Advice advice(Class<?> adviceClass, int mode) {
    return Advice.withCustomMapping().bind(Mode.class, mode).to(adviceClass);
  }

  private static AgentBuilder locks(AgentBuilder b) {
    b = aqsLock(b, LOCKS + "ReentrantLock", LockRuntime.EXCLUSIVE);
    b = aqsLock(b, LOCKS + "ReentrantReadWriteLock$ReadLock", LockRuntime.READ);
    b = aqsLock(b, LOCKS + "ReentrantReadWriteLock$WriteLock", LockRuntime.WRITE);
    b = b.type(named(LOCKS + "AbstractQueuedSynchronizer$ConditionObject"))
        .transform((builder, type, loader, module, pd) -> builder.visit(
            Advice.to(AqsLockAdvice.ConditionAwait.class).on(
                namedOneOf("await", "awaitNanos", "awaitUntil", "awaitUninterruptibly"))));
    b = b.type(named(RUNTIME))
        .transform((builder, type, loader, module, pd) -> builder.visit(
            Advice.to(NameAdvice.class).on(named("nameLock"))));
    b = b.type(named(JUC + "Semaphore"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(SemaphoreAdvice.Created.class)
                .on(isConstructor().and(takesArgument(0, int.class))))
            .visit(Advice.to(SemaphoreAdvice.Acquire.class)
                .on(namedOneOf("acquire", "acquireUninterruptibly").and(takesNoArguments())))
            .visit(Advice.to(SemaphoreAdvice.Try.class)
                .on(named("tryAcquire").and(takesNoArguments())))
            .visit(Advice.to(SemaphoreAdvice.TimedTry.class)
                .on(named("tryAcquire").and(takesArguments(long.class, TimeUnit.class))))
            .visit(Advice.to(SemaphoreAdvice.Release.class)
                .on(named("release").and(takesNoArguments()))));
    int write = LockRuntime.WRITE | LockRuntime.NON_REENTRANT;
    int read = LockRuntime.READ;
    return b.type(named(LOCKS + "StampedLock"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(advice(StampedLockAdvice.Acquire.class, write)
                .on(namedOneOf("writeLock", "writeLockInterruptibly").and(takesNoArguments())))
            .visit(advice(StampedLockAdvice.Acquire.class, read)
                .on(namedOneOf("readLock", "readLockInterruptibly").and(takesNoArguments())))
            .visit(advice(StampedLockAdvice.Try.class, write)
                .on(named("tryWriteLock").and(takesNoArguments())))
            .visit(advice(StampedLockAdvice.Try.class, read)
                .on(named("tryReadLock").and(takesNoArguments())))
            .visit(advice(StampedLockAdvice.TimedTry.class, write)
                .on(named("tryWriteLock").and(takesArguments(2))))
            .visit(advice(StampedLockAdvice.TimedTry.class, read)
                .on(named("tryReadLock").and(takesArguments(2))))
            .visit(advice(StampedLockAdvice.Release.class, write)
                .on(namedOneOf("unlockWrite", "unstampedUnlockWrite")))
            .visit(advice(StampedLockAdvice.Release.class, read)
                .on(namedOneOf("unlockRead", "unstampedUnlockRead")))
            .visit(advice(StampedLockAdvice.TryRelease.class, write)
                .on(named("tryUnlockWrite")))
            .visit(advice(StampedLockAdvice.TryRelease.class, read)
                .on(named("tryUnlockRead")))
            .visit(Advice.to(StampedLockAdvice.UnlockStamp.class)
                .on(named("unlock").and(takesArguments(long.class))))
            .visit(Advice.to(StampedLockAdvice.Convert.class)
                .on(namedOneOf("tryConvertToWriteLock", "tryConvertToReadLock",
                    "tryConvertToOptimisticRead"))));
  }

  private static AgentBuilder aqsLock(AgentBuilder b, String typeName, int mode) {
    return b.type(named(typeName))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(advice(AqsLockAdvice.Acquire.class, mode)
                .on(namedOneOf("lock", "lockInterruptibly").and(takesNoArguments())))
            .visit(advice(AqsLockAdvice.Try.class, mode)
                .on(named("tryLock").and(takesNoArguments())))
            .visit(advice(AqsLockAdvice.TimedTry.class, mode)
                .on(named("tryLock").and(takesArguments(long.class, TimeUnit.class))))
            .visit(advice(AqsLockAdvice.Release.class, mode)
                .on(named("unlock").and(takesNoArguments()))));
  }

  private static AgentBuilder executors(AgentBuilder b) {
    boolean poolSubmit = hasDeclaredMethod(ForkJoinPool.class, "poolSubmit");
    b = b.type(named(JUC + "ThreadPoolExecutor"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.SubmitFirstArgument.class)
                .on(named("execute").and(takesArguments(Runnable.class))))
            .visit(new AsmVisitorWrapper.ForDeclaredMethods()
                .method(named("runWorker"), new RunWorkerRewriter())));
    b = b.type(named(JUC + "ScheduledThreadPoolExecutor"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.SubmitFirstArgument.class)
                .on(namedOneOf("delayedExecute", "reExecutePeriodic").and(takesArguments(1)))));
    b = b.type(named(JUC + "ForkJoinPool"))
        .transform((builder, type, loader, module, pd) -> builder.visit(poolSubmit
            ? Advice.to(ExecutorAdvice.PoolSubmit.class)
                .on(named("poolSubmit").and(takesArguments(2)))
            : Advice.to(ExecutorAdvice.SubmitFirstArgument.class)
                .on(named("externalSubmit").and(takesArguments(1)))));
    b = b.type(named(JUC + "ForkJoinTask"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.ForkJoinExec.class)
                .on(named("doExec").and(takesNoArguments())))
            .visit(Advice.to(ExecutorAdvice.Fork.class)
                .on(named("fork").and(takesNoArguments()))));
    b = b.type(namedOneOf(JUC + "CompletableFuture$AsyncSupply", JUC + "CompletableFuture$AsyncRun"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.AsyncTaskCreated.class).on(isConstructor())));
    b = b.type(named(JUC + "CompletableFuture"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.AsyncTaskSubmitted.class)
                .on(namedOneOf("asyncSupplyStage", "asyncRunStage"))));
    b = b.type(named(JUC + "CompletableFuture$ThreadPerTaskExecutor"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.SubmitFirstArgument.class)
                .on(named("execute").and(takesArguments(Runnable.class)))));
    // JDK 21+: Executors.newVirtualThreadPerTaskExecutor() and newThreadPerTaskExecutor(factory)
    b = b.type(named(JUC + "ThreadPerTaskExecutor"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.SubmitFirstArgument.class)
                .on(named("start").and(takesArguments(Runnable.class)))));
    b = b.type(named(JUC + "ThreadPerTaskExecutor$TaskRunner"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.TaskRunnerRun.class)
                .on(named("run").and(takesNoArguments()))));
    return b.type(named(JUC + "ThreadPerTaskExecutor$ThreadBoundFuture"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ExecutorAdvice.ThreadBoundSubmit.class).on(isConstructor()))
            .visit(Advice.to(ExecutorAdvice.ThreadBoundRun.class)
                .on(named("run").and(takesNoArguments()))));
  }

  private static AgentBuilder waits(AgentBuilder b) {
    b = waitOnThis(b, JUC + "FutureTask", LockRuntime.WAIT_FUTURE, named("get"));
    b = waitOnThis(b, JUC + "CompletableFuture", LockRuntime.WAIT_COMPLETABLE_FUTURE,
        namedOneOf("get", "join"));
    b = waitOnThis(b, JUC + "ForkJoinTask", LockRuntime.WAIT_FORK_JOIN,
        namedOneOf("get", "join", "invoke").and(not(isStatic())));
    b = waitOnThis(b, JUC + "CountDownLatch", LockRuntime.WAIT_LATCH, named("await"));
    b = waitOnThis(b, JUC + "CyclicBarrier", LockRuntime.WAIT_BARRIER, named("await"));
    b = waitOnThis(b, "java.lang.Thread", LockRuntime.WAIT_JOIN, named("join"));
    return b.type(named(JUC + "ForkJoinPool"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(advice(WaitAdvice.OnFirstArgument.class, LockRuntime.WAIT_FORK_JOIN)
                .on(named("invoke").and(takesArgument(0, ForkJoinTask.class)))));
  }

  private static AgentBuilder waitOnThis(AgentBuilder b, String typeName, int kind,
      ElementMatcher.Junction<MethodDescription> methods) {
    return b.type(named(typeName))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(advice(WaitAdvice.OnThis.class, kind)
                .on(methods.and(not(isAbstract())).and(not(isNative())))));
  }

  private AgentBuilder monitors(AgentBuilder b) {
    ElementMatcher.Junction<TypeDescription> appTypes = globs(switches.include, any())
        .and(not(globs(switches.exclude, none())))
        .and(not(nameStartsWith("java.")))
        .and(not(nameStartsWith("jdk.")))
        .and(not(nameStartsWith("sun.")))
        .and(not(nameStartsWith("com.sun.")));
    ElementMatcher.Junction<ClassLoader> appLoaders =
        not(isBootstrapClassLoader()).and(not(isExtensionClassLoader()));
    AgentBuilder.Transformer transformer = monitorTransformer(switches.monitors, switches.waits);
    b = b.type(appTypes, appLoaders).transform(transformer);
    if (switches.jdkMonitors && switches.monitors) {
      b = b.type(JDK_MONITOR_TYPES).transform(monitorTransformer(true, false));
    }
    return b;
  }

  private static AgentBuilder.Transformer monitorTransformer(boolean monitors, boolean waits) {
    return (builder, type, loader, module, pd) -> {
      builder = builder.visit(new AsmVisitorWrapper.ForDeclaredMethods()
          .invokable(not(isAbstract()).and(not(isNative())),
              new MonitorSiteRewriter(monitors, waits)));
      if (monitors) {
        builder = builder
            .visit(Advice.to(MonitorMethodAdvice.Instance.class)
                .on(isSynchronized().and(not(isStatic())).and(not(isNative()))))
            .visit(Advice.to(MonitorMethodAdvice.Static.class)
                .on(isSynchronized().and(isStatic()).and(not(isNative()))));
      }
      return builder;
    };
  }

  private static ElementMatcher.Junction<TypeDescription> globs(List<String> globs,
      ElementMatcher.Junction<TypeDescription> whenEmpty) {
    if (globs.isEmpty()) {
      return whenEmpty;
    }
    StringBuilder regex = new StringBuilder();
    for (String g : globs) {
      if (regex.length() > 0) {
        regex.append('|');
      }
      regex.append(globToRegex(g));
    }
    Pattern p = Pattern.compile(regex.toString());
    return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
      @Override
      public boolean matches(TypeDescription target) {
        return p.matcher(target.getName()).matches();
      }
    };
  }

  /** Converts a class-name glob ({@code *} any characters, {@code ?} one) to a regex. */
  static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        sb.append(".*");
      } else if (c == '?') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  private static boolean hasDeclaredMethod(Class<?> type, String name) {
    for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** What to instrument, from the agent options. */
  public static final class Switches {
    final boolean locks;
    final boolean monitors;
    final boolean jdkMonitors;
    final boolean executors;
    final boolean waits;
    final List<String> include;
    final List<String> exclude;

    /**
     * Creates the switches.
     *
     * @param locks j.u.c. locks
     * @param monitors synchronized in application classes
     * @param jdkMonitors synchronized in a few JDK collection classes
     * @param executors executor submissions and task runs
     * @param waits blocking waits, Object.wait and Thread.sleep call sites
     * @param include class-name globs to instrument for monitors (empty: all)
     * @param exclude class-name globs not to instrument for monitors
     */
    public Switches(boolean locks, boolean monitors, boolean jdkMonitors, boolean executors,
        boolean waits, List<String> include, List<String> exclude) {
      this.locks = locks;
      this.monitors = monitors;
      this.jdkMonitors = jdkMonitors;
      this.executors = executors;
      this.waits = waits;
      this.include = List.copyOf(include);
      this.exclude = List.copyOf(exclude);
    }
  }
}
