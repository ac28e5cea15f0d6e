package com.optimalworkforce.core.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connector providers an application can use, by id. Wire them explicitly, or discover them
 * with {@link ServiceLoader}.
 *
 * <pre>{@code
 * ConnectorRegistry registry = ConnectorRegistry.of(new AlayaCareConnectorProvider());
 * // or: ConnectorRegistry.load(Thread.currentThread().getContextClassLoader());
 * registry.ids();                       // [alayacare]
 * Connector connector = registry.create(config);
 * }</pre>
 *
 * <p>A provider class found twice (its jar on the class path twice) counts once; two different
 * classes claiming one id are an error naming both.
 */
public final class ConnectorRegistry {
  private final Map<String, ConnectorProvider> providers;

  private ConnectorRegistry(Collection<? extends ConnectorProvider> list) {
    Map<String, ConnectorProvider> byId = new LinkedHashMap<>();
    for (ConnectorProvider p : list) {
      Objects.requireNonNull(p, "provider");
      String id = Objects.requireNonNull(p.id(), () -> p.getClass().getName() + ".id()");
      ConnectorProvider clash = byId.putIfAbsent(id, p);
      if (clash != null && clash.getClass() != p.getClass()) {
        throw new IllegalArgumentException("Two connector providers claim id '" + id + "': "
            + clash.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    this.providers = Collections.unmodifiableMap(byId);
  }

  /** A registry of exactly these providers. */
  public static ConnectorRegistry of(ConnectorProvider... providers) {
    return new ConnectorRegistry(List.of(providers));
  }

  /** A registry of exactly these providers. */
  public static ConnectorRegistry of(Collection<? extends ConnectorProvider> providers) {
    return new ConnectorRegistry(List.copyOf(providers));
  }

  /** Discovers providers listed in {@code META-INF/services} visible to the class loader. */
  public static ConnectorRegistry load(ClassLoader classLoader) {
    List<ConnectorProvider> found = new ArrayList<>();
    ServiceLoader.load(ConnectorProvider.class, classLoader).forEach(found::add);
    return new ConnectorRegistry(found);
  }

  /** Discovers providers with this class's own class loader. */
  public static ConnectorRegistry loadDefault() {
    return load(ConnectorRegistry.class.getClassLoader());
  }

  /** Ids of the known providers, sorted. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(new TreeSet<>(providers.keySet()));
  }

  /**
   * The known providers sorted by id, e.g. for a setup screen that lists each one's
   * {@link ConnectorProvider#displayName()} and {@link ConnectorProvider#fields()}.
   */
  public List<ConnectorProvider> providers() {
    List<ConnectorProvider> sorted = new ArrayList<>();
    for (String id : ids()) {
      sorted.add(providers.get(id));
    }
    return List.copyOf(sorted);
  }

  /** The provider with this id, if there is one. */
  public Optional<ConnectorProvider> find(String id) {
    return Optional.ofNullable(providers.get(id));
  }

  /** The provider with this id, or an {@link IllegalArgumentException} listing those available. */
  public ConnectorProvider get(String id) {
    ConnectorProvider p = providers.get(id);
    if (p == null) {
      throw new IllegalArgumentException("No connector provider with id '" + id + "'. Available: "
          + (providers.isEmpty() ? "none (is the connector's jar on the class path?)" : String.join(", ", ids())));
    }
    return p;
  }

  /** Creates a connector with the provider named by {@link ConnectorConfig#connectorId()}. */
  public Connector create(ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    return get(config.connectorId()).create(config);
  }
}
