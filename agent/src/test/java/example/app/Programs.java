package example.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/** Concurrency scenarios run under the agent: {@code Programs <name>}; each exits by itself. */
public final class Programs {
  static final Object CACHE = new Object();
  static final Object DB = new Object();

  private Programs() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "nested-reentrant": nestedReentrant(); break;
      case "nested-synchronized": nestedSynchronized(); break;
      case "read-write": readWrite(); break;
      case "stamped": stamped(); break;
      case "executors": executors(); break;
      case "waits": waits(); break;
      case "condition-wait": conditionWait(); break;
      case "object-wait": objectWait(); break;
      default: throw new IllegalArgumentException(args[0]);
    }
    System.out.println("DONE " + args[0]);
  }

  /** Both orders of two ReentrantLocks, never at the same time: a latent inversion. */
  static void nestedReentrant() {
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    a.lock();
    try {
      b.lock();
      b.unlock();
    } finally {
      a.unlock();
    }
    b.lock();
    try {
      if (a.tryLock()) { // a plain tryLock cannot deadlock: no edge
        a.unlock();
      }
    } finally {
      b.unlock();
    }
  }

  /** Blocks and synchronized methods, both orders. */
  static void nestedSynchronized() {
    synchronized (CACHE) {
      synchronized (DB) {
        CACHE.hashCode();
      }
    }
    new Account().transfer();
  }

  static final class Account {
    synchronized void transfer() {
      synchronized (DB) {
        DB.hashCode();
      }
    }
  }

  /** An order edge from a read lock to another lock, and a read to write upgrade (timed). */
  static void readWrite() throws InterruptedException {
    ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    ReentrantLock other = new ReentrantLock();
    rw.readLock().lock();
    try {
      other.lock();
      other.unlock();
      // the upgrade that always deadlocks; timed here so the program ends
      if (rw.writeLock().tryLock(50, TimeUnit.MILLISECONDS)) {
        rw.writeLock().unlock();
      }
    } finally {
      rw.readLock().unlock();
    }
    rw.writeLock().lock();
    try {
      other.lock();
      other.unlock();
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Nested StampedLocks, and a write lock re-entered by its holder (timed). */
  static void stamped() throws InterruptedException {
    StampedLock a = new StampedLock();
    StampedLock b = new StampedLock();
    long sa = a.writeLock();
    long sb = b.readLock();
    b.unlockRead(sb);
    long again = a.tryWriteLock(50, TimeUnit.MILLISECONDS); // re-entry: would block forever
    if (again != 0L) {
      a.unlockWrite(again);
    }
    a.unlockWrite(sa);
    long opt = a.tryOptimisticRead();
    long w = a.tryConvertToWriteLock(opt);
    if (w != 0L) {
      a.unlock(w);
    }
    java.util.concurrent.locks.Lock view = b.asWriteLock();
    view.lock();
    view.unlock();
  }

  /** Submissions under a lock, a queued task, a fork/join pool and a CompletableFuture. */
  static void executors() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    Object registry = new Object();
    synchronized (registry) {
      single.submit(() -> sleep(60));
      single.submit(() -> sleep(1)); // queued behind the first: queue delay
    }
    ForkJoinPool pool = new ForkJoinPool(2);
    synchronized (registry) {
      pool.submit(() -> sleep(20)).get();
    }
    CompletableFuture.supplyAsync(() -> 1, single).join();
    single.shutdown();
    single.awaitTermination(10, TimeUnit.SECONDS);
    pool.shutdown();
  }

  /** Blocking waits while holding a lock: Future.get, latch, join, sleep. */
  static void waits() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ReentrantLock guard = new ReentrantLock();
    CountDownLatch latch = new CountDownLatch(1);
    guard.lock();
    try {
      Future<?> f = pool.submit(() -> sleep(30));
      f.get();
      pool.execute(() -> {
        sleep(30);
        latch.countDown();
      });
      latch.await();
      Thread t = new Thread(() -> sleep(30));
      t.start();
      t.join();
      Thread.sleep(30);
      CompletableFuture.runAsync(() -> sleep(30), pool).get();
      // timed-out waits on tasks that still run: the target is resolved deterministically
      Future<?> slow = pool.submit(() -> sleep(300));
      try {
        slow.get(20, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException expected) {
        System.out.println("timed out on future");
      }
      CompletableFuture<Integer> slowCf = CompletableFuture.supplyAsync(() -> {
        sleep(300);
        return 1;
      }, pool);
      try {
        slowCf.get(20, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException expected) {
        System.out.println("timed out on completable future");
      }
      slow.get();
      slowCf.join();
    } finally {
      guard.unlock();
    }
    pool.shutdown();
  }

  /** A condition wait of 300 ms: the lock is not held meanwhile. */
  static void conditionWait() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition never = lock.newCondition();
    lock.lock();
    try {
      never.await(300, TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  /** An Object.wait of 300 ms inside synchronized: the monitor is not held meanwhile. */
  static void objectWait() throws InterruptedException {
    Object monitor = new Object();
    synchronized (monitor) {
      monitor.wait(300);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
