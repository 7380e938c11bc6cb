package io.floe.engine.dml;

import io.floe.catalog.Catalog;
import io.floe.catalog.TableIdentifier;
import io.floe.commit.TableOperations;
import io.floe.table.Table;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A catalog whose tables run a given action (another writer's commit) just before their next commit: a concurrent
 * commit landing between a statement's read and its commit, deterministically.
 */
final class ConcurrentCommitHook {
  private final AtomicReference<Runnable> beforeNextCommit = new AtomicReference<>();
  private final Catalog catalog;

  ConcurrentCommitHook(Catalog delegate) {
    this.catalog = (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
        (proxy, method, args) -> {
          if (method.getName().equals("loadTable") && args != null && args.length == 1) {
            return new Table(hooked(delegate.newTableOps((TableIdentifier) args[0])));
          }
          return invoke(delegate, method, args);
        });
  }

  Catalog catalog() {
    return catalog;
  }

  /** Runs {@code action} once, right before the next commit of any table loaded through {@link #catalog()}. */
  void beforeNextCommit(Runnable action) {
    beforeNextCommit.set(action);
  }

  private TableOperations hooked(TableOperations ops) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("commit")) {
        Runnable action = beforeNextCommit.getAndSet(null);
        if (action != null) {
          action.run();
        }
      }
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      return invoke(ops, method, args);
    };
    return (TableOperations) Proxy.newProxyInstance(TableOperations.class.getClassLoader(),
        new Class<?>[] {TableOperations.class}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
