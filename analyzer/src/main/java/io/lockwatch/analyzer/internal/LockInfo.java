package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.LockRef;
import java.util.regex.Pattern;

/**
 * What the analyzer knows of one lock of one JVM run. The stable key identifies the lock across runs:
 * class and name when the user named it, else class and first acquisition site, else {@code null}.
 * This class is internal.
 */
public final class LockInfo {
  /** Names the runtime generates: {@code Class@hex} or {@code Class#id}. */
  private static final Pattern GENERATED_NAME = Pattern.compile(".*[@#][0-9a-fA-F]+$");

  private final long id;
  private final String runKey;
  private String className;
  private String name;
  private String site;
  private LockRef ref;
  private String stableKey;
  private String displayName;
  private Object node;
  private Boolean userNamed;
  /** This lock's entry in {@link LockStats}, for its current finding key, or {@code null}. */
  RecencyIndex.Entry<long[]> statsEntry;
  /** A detector's entry for this lock's current finding key (see {@link #keyEntry}), or null. */
  private RecencyIndex.Entry<?> keyEntry;

  LockInfo(long id, String runKey) {
    this.id = id;
    this.runKey = runKey;
  }

  /** Learns what is not known yet: empty or {@code null} arguments teach nothing. */
  public void learn(String cls, String nm, jdk.jfr.consumer.RecordedStackTrace stack) {
    boolean learned = false;
    if (!hasClassName() && cls != null && !cls.isEmpty()) {
      className = cls;
      learned = true;
    }
    if (!hasName() && nm != null && !nm.isEmpty()) {
      name = nm;
      learned = true;
    }
    if (site == null && stack != null) {
      site = Events.site(stack);
      learned |= site != null;
    }
    if (learned) {
      changed();
    }
  }

  private void changed() {
    userNamed = null;
    ref = null;
    stableKey = null;
    displayName = null;
    node = null;
    statsEntry = null;
    keyEntry = null;
  }

  /**
   * The entry a detector keeps for this lock's finding key in its own index (one detector only),
   * dropped when the key changes.
   *
   * @return the entry, or {@code null}
   */
  public RecencyIndex.Entry<?> keyEntry() {
    return keyEntry;
  }

  /** @param e the entry to keep for the current finding key */
  public void keyEntry(RecencyIndex.Entry<?> e) {
    keyEntry = e;
  }

  /**
   * A value derived from this lock (its graph node), cached until the lock learns more.
   *
   * @return the cached value, or {@code null}
   */
  public Object cachedNode() {
    return node;
  }

  /** @param n the value to cache until the lock learns more */
  public void cacheNode(Object n) {
    node = n;
  }

  /** @return whether the class name is known (events cannot change it any more) */
  public boolean hasClassName() {
    return className != null && !className.isEmpty();
  }

  /** @return whether a name is known (events cannot change it any more) */
  public boolean hasName() {
    return name != null && !name.isEmpty();
  }

  /** @return whether class, and a name or site, are known: nothing more to learn from events */
  public boolean complete() {
    return hasClassName() && (userNamed() || site != null);
  }

  /** @return the lock id within its run */
  public long id() {
    return id;
  }

  /** @return the graph key of this lock within its run */
  public String runKey() {
    return runKey;
  }

  /** @return whether a user gave this lock its name */
  public boolean userNamed() {
    Boolean u = userNamed;
    if (u == null) {
      u = name != null && !name.isEmpty() && !GENERATED_NAME.matcher(name).matches();
      userNamed = u;
    }
    return u;
  }

  /** @return the key that identifies the lock across runs, or {@code null} if it has none */
  public String stableKey() {
    String k = stableKey;
    if (k == null) {
      String cls = className == null ? "" : className;
      if (userNamed()) {
        k = cls + " '" + name + "'";
      } else if (site != null) {
        k = cls + " acquired at " + site;
      } else {
        return null;
      }
      stableKey = k;
    }
    return k;
  }

  /** @return the stable key if any, else the run key: the lock's key in finding keys */
  public String findingKey() {
    String k = stableKey();
    return k != null ? k : runKey;
  }

  /**
   * The stable key if any, else the lock's class (from its class field or its generated name): for
   * keys that also hold a code site, so that one bug on fresh lock instances is one finding.
   *
   * @return never {@code null}
   */
  public String stableOrClassKey() {
    String k = stableKey();
    if (k != null) {
      return k;
    }
    // The simple name: generated names carry only that, and the class field may come later.
    if (className != null && !className.isEmpty()) {
      return "class " + className.substring(
          Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
    if (name != null && GENERATED_NAME.matcher(name).matches()) {
      return "class " + name.substring(0, Math.max(name.lastIndexOf('@'), name.lastIndexOf('#')));
    }
    return runKey;
  }

  /** @return the readable name */
  public String displayName() {
    String d = displayName;
    if (d == null) {
      d = name != null && !name.isEmpty() ? name
          : (className == null || className.isEmpty() ? "lock" : className) + "#" + id;
      displayName = d;
    }
    return d;
  }

  /** @return the reference used in findings */
  public LockRef ref() {
    LockRef r = ref;
    if (r == null) {
      r = new LockRef(id, displayName(), className);
      ref = r;
    }
    return r;
  }
}
