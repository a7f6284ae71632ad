package io.lockwatch.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's default type pool, plus one fallback: a type whose class file cannot be found is
 * described from the class of that name already defined by the bootstrap loader, if any.
 *
 * <p>Another agent loaded beside ours may make classes implement its own bootstrap interfaces: the
 * OpenTelemetry agent adds {@code VirtualFieldInstalledMarker} (in a jar appended to the bootstrap
 * search at run time, which bootstrap resource lookups miss) and generated
 * {@code VirtualFieldAccessor$...} interfaces (no class file at all) to {@code CompletableFuture}
 * and others. Without the fallback such a class cannot be described and stays uninstrumented. The
 * lookup is {@code Class.forName(name, false, null)}: it initializes nothing and never asks an
 * application class loader.
 */
final class BootstrapTypePoolStrategy implements AgentBuilder.PoolStrategy {
  @Override
  public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
    return new TypePool.LazyFacade(new WithBootstrapFallback(classFileLocator));
  }

  @Override
  public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader,
      String name) {
    return typePool(classFileLocator, classLoader);
  }

  /** The lazy default pool with the bootstrap fallback on unresolved names. */
  private static final class WithBootstrapFallback extends TypePool.Default.WithLazyResolution {
    WithBootstrapFallback(ClassFileLocator classFileLocator) {
      super(TypePool.CacheProvider.Simple.withObjectType(), classFileLocator,
          TypePool.Default.ReaderMode.FAST);
    }

    @Override
    public Resolution describe(String name) {
      // An unresolved name is cached as Illegal; a lazy resolution is left lazy.
      Resolution resolution = super.describe(name);
      return resolution instanceof Resolution.Illegal ? orBootstrap(name, resolution) : resolution;
    }

    @Override
    protected Resolution doResolve(String name) {
      return orBootstrap(name, super.doResolve(name));
    }

    /** Returns the resolution, or a description of the bootstrap class if it is unresolved. */
    private static Resolution orBootstrap(String name, Resolution resolution) {
      if (resolution.isResolved()) {
        return resolution;
      }
      try {
        return new Resolution.Simple(TypeDescription.ForLoadedType.of(
            Class.forName(name, false, null)));
      } catch (Throwable notInBootstrap) {
        return resolution;
      }
    }
  }
}
