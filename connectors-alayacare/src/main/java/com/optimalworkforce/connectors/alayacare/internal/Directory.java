package com.optimalworkforce.connectors.alayacare.internal;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the connector learns once and reuses: branches, each branch's time zone (AlayaCare's branch
 * has none in the API; the zone of its clients or employees, which default to the branch's, else
 * the configured default), clients' homes, which their visits inherit, and, for clients whose
 * demographics hold no postal code, the home address of their visits' routes. Caches only speed
 * reads up; reading a client again refreshes them, and a new connector instance rebuilds them on
 * demand. Not API.
 */
public final class Directory {
  private final Http http;
  private final ZoneId defaultZone;
  private final int pageSize;
  private final Map<Long, ZoneId> zones = new ConcurrentHashMap<>();
  private final Map<Long, Mapper.Place> places = new ConcurrentHashMap<>();
  private final Map<Long, Mapper.Place> homeRoutes = new ConcurrentHashMap<>();

  public Directory(Http http, ZoneId defaultZone, int pageSize) {
    this.http = http;
    this.defaultZone = defaultZone;
    this.pageSize = pageSize;
  }

  public List<Region> regions() {
    List<Region> out = new ArrayList<>();
    int page = 1;
    Dto.Paged<Dto.Branch> p;
    do {
      p = http.execute(http.api().branches(page, pageSize));
      for (Dto.Branch b : p.itemsOrEmpty()) {
        if (b.id() == null) {
          continue;
        }
        String name = b.name() == null || b.name().isBlank() ? "Branch " + b.id() : b.name();
        out.add(Region.of(Long.toString(b.id()), name, zone(b.id())));
      }
      page++;
    } while (page <= p.pages());
    return out;
  }

  /** The branch's zone. */
  public ZoneId zone(long branchId) {
    ZoneId z = zones.get(branchId);
    if (z != null) {
      return z;
    }
    z = lookUpZone(branchId);
    zones.put(branchId, z);
    return z;
  }

  /** Records a branch zone seen in a client or employee detail. */
  void seenZone(long branchId, String timezone) {
    ZoneId z = parse(timezone);
    if (z != null) {
      zones.putIfAbsent(branchId, z);
    }
  }

  private ZoneId lookUpZone(long branchId) {
    Dto.Paged<Dto.ClientItem> clients = http.execute(http.api().clients(branchId, 1, 1));
    if (!clients.itemsOrEmpty().isEmpty() && clients.itemsOrEmpty().get(0).id() != null) {
      Dto.ClientDetail client = http.executeOrNull(http.api().client(clients.itemsOrEmpty().get(0).id()));
      ZoneId z = client == null ? null : parse(client.timezone());
      if (z != null) {
        return z;
      }
    }
    Dto.Paged<Dto.EmployeeItem> employees = http.execute(http.api().employees(branchId, 1, 1));
    if (!employees.itemsOrEmpty().isEmpty() && employees.itemsOrEmpty().get(0).id() != null) {
      Dto.EmployeeDetail employee = http.executeOrNull(http.api().employee(employees.itemsOrEmpty().get(0).id()));
      ZoneId z = employee == null ? null : parse(employee.timezone());
      if (z != null) {
        return z;
      }
    }
    return defaultZone;
  }

  private static ZoneId parse(String timezone) {
    if (timezone == null || timezone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(timezone.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The home of a client, fetching its detail when not yet known; {@link Mapper.Place#NONE} when
   * AlayaCare answers 404 (the client was removed, or the API user may not see it): its visits are
   * still read, their place then comes from their routes.
   */
  public Mapper.Place place(long clientId) {
    Mapper.Place p = places.get(clientId);
    if (p != null) {
      return p;
    }
    Dto.ClientDetail detail = http.executeOrNull(http.api().client(clientId));
    if (detail == null) {
      places.put(clientId, Mapper.Place.NONE);
      return Mapper.Place.NONE;
    }
    return remember(detail);
  }

  /** True when the client's home (from a route) is already known, so no visit detail is needed. */
  public boolean knowsHomeRoute(long clientId) {
    return homeRoutes.containsKey(clientId);
  }

  /**
   * Where a visit takes place according to its route ({@code GET scheduler/visits/{id}}, whose
   * addresses carry {@code zip_code}): the stop that is the client's home, else the first stop with
   * a postal code. A home stop is remembered for the client's other visits, so a client costs one
   * request, not one per visit. {@link Mapper.Place#NONE} when the visit is gone (404).
   */
  public Mapper.Place routePlace(long visitId, long clientId) {
    Mapper.Place home = homeRoutes.get(clientId);
    if (home != null) {
      return home;
    }
    Dto.VisitDetail detail = http.executeOrNull(http.api().visit(visitId));
    if (detail == null) {
      return Mapper.Place.NONE;
    }
    Dto.RouteAddress stop = Mapper.routeStop(detail.route());
    Mapper.Place p = Mapper.place(stop);
    if (stop != null && Boolean.TRUE.equals(stop.isHomeAddress())) {
      homeRoutes.put(clientId, p);
    }
    return p;
  }

  public boolean knowsPlace(long clientId) {
    return places.containsKey(clientId);
  }

  Mapper.Place remember(Dto.ClientDetail detail) {
    Mapper.Place p;
    try {
      p = new Mapper.Place(Mapper.postalCode(detail.demographics()),
          Mapper.location(detail.demographics(), EntityType.CLIENT, String.valueOf(detail.id())));
    } catch (IllegalArgumentException e) {
      p = new Mapper.Place(Mapper.postalCode(detail.demographics()), null);
    }
    if (detail.id() != null) {
      places.put(detail.id(), p);
      homeRoutes.remove(detail.id());
    }
    if (detail.branchId() != null) {
      seenZone(detail.branchId(), detail.timezone());
    }
    return p;
  }
}
