package example.app;

import java.util.ArrayList;
import java.util.Collection;
import org.apache.commons.collections4.collection.SynchronizedCollection;

/**
 * Drives commons-collections4's own synchronized code: {@code a.addAll(b)} locks a, then b (inside
 * ArrayList.addAll -> b.toArray()), and {@code b.addAll(a)} the other way round: a latent inversion
 * entirely inside the library.
 */
public final class ThirdPartyMonitors {
  private ThirdPartyMonitors() {}

  public static void main(String[] args) {
    Collection<String> a = SynchronizedCollection.synchronizedCollection(new ArrayList<>());
    Collection<String> b = SynchronizedCollection.synchronizedCollection(new ArrayList<>());
    a.add("x");
    b.add("y");
    a.addAll(b);
    b.addAll(a);
    System.out.println("DONE third-party " + a.size() + " " + b.size());
  }
}
