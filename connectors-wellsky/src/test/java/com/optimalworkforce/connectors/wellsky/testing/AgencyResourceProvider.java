package com.optimalworkforce.connectors.wellsky.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * HAPI's {@link HashMapResourceProvider} plus the searches a scheduling server offers
 * ({@code _lastUpdated}, {@code organization}, {@code practitioner}, {@code type},
 * {@code date}, {@code start}, {@code status}, {@code _include}), {@code meta.lastUpdated} stamped
 * by the test clock, and version-aware updates: an {@code If-Match} that names an old version is
 * refused with 412 (or 409, as some servers answer).
 */
public class AgencyResourceProvider<T extends DomainResource> extends HashMapResourceProvider<T> {
  private final Clock clock;
  private final Function<Reference, Resource> resolver;
  private volatile boolean includes = true;
  private volatile boolean conflictAs409;
  private volatile Runnable beforeNextUpdate;
  private final AtomicInteger searches = new AtomicInteger();

  public AgencyResourceProvider(FhirContext context, Class<T> type, Clock clock, Function<Reference, Resource> resolver) {
    super(context, type);
    this.clock = clock;
    this.resolver = resolver;
  }

  /** Whether {@code _include} is honoured (a server may ignore it; the connector must cope). */
  public void includes(boolean includes) {
    this.includes = includes;
  }

  /** Answer a stale If-Match with 409 instead of 412. */
  public void conflictAs409(boolean conflictAs409) {
    this.conflictAs409 = conflictAs409;
  }

  /** Runs once, inside the next update, before its version check: "someone else" changing the resource. */
  public void beforeNextUpdate(Runnable change) {
    this.beforeNextUpdate = change;
  }

  public int searches() {
    return searches.get();
  }

  /** Stores (creates or replaces) a resource as changed now. */
  public synchronized void put(T resource) {
    resource.getMeta().setLastUpdated(Date.from(clock.instant()));
    store(resource);
  }

  /**
   * HAPI routes a search whose only parameter is {@code _lastUpdated} to the inherited
   * no-parameter search, which would ignore it: honour it here too.
   */
  @Override
  @Search
  public synchronized IBundleProvider searchAll(RequestDetails details) {
    String[] values = details == null ? null : details.getParameters().get("_lastUpdated");
    DateRangeParam lastUpdated = null;
    if (values != null && values.length == 1) {
      lastUpdated = new DateRangeParam(new DateParam(values[0]));
    } else if (values != null && values.length == 2) {
      lastUpdated = new DateRangeParam(new DateParam(values[0]), new DateParam(values[1]));
    }
    return new SimpleBundleProvider(search(null, lastUpdated, null, null, null, null, null, null, null, details));
  }

  @Search
  public synchronized List<IBaseResource> search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
      @OptionalParam(name = "organization") ReferenceOrListParam organization,
      @OptionalParam(name = "practitioner") ReferenceOrListParam practitioner,
      @OptionalParam(name = "type") TokenOrListParam type,
      @OptionalParam(name = "date") DateRangeParam date,
      @OptionalParam(name = "start") DateRangeParam start,
      @OptionalParam(name = "status") TokenOrListParam status,
      @IncludeParam(allow = {"Appointment:patient", "Slot:schedule", "Schedule:actor"}) Set<Include> include,
      RequestDetails details) {
    searches.incrementAndGet();
    List<IBaseResource> out = new ArrayList<>();
    for (T r : getStoredResources()) {
      if (r == null
          || !tokens(ids, r.getIdElement().getIdPart())
          || !within(lastUpdated, r.getMeta().getLastUpdated())
          || !references(organization, organizationOf(r))
          || !references(practitioner, r instanceof PractitionerRole pr ? pr.getPractitioner() : null)
          || !organizationType(type, r)
          || !within(date, r instanceof Appointment a ? a.getStart() : null)
          || !within(start, r instanceof Slot s ? s.getStart() : null)
          || !tokens(status, r instanceof Slot s ? s.getStatus().toCode() : null)) {
        continue;
      }
      out.add(include != null && !include.isEmpty() && includes ? linked(r) : r);
    }
    return out;
  }

  @Override
  @Update
  public synchronized MethodOutcome update(@ResourceParam T resource, @ConditionalUrlParam String conditional,
      RequestDetails details) {
    Runnable change = beforeNextUpdate;
    if (change != null) {
      beforeNextUpdate = null;
      change.run();
    }
    String expected = resource.getIdElement().getVersionIdPart();
    T current = getStoredResources().stream()
        .filter(r -> r != null && r.getIdElement().getIdPart().equals(resource.getIdElement().getIdPart()))
        .findFirst().orElse(null);
    if (expected != null && current != null && !expected.equals(current.getMeta().getVersionId())) {
      String message = resource.fhirType() + "/" + resource.getIdElement().getIdPart() + " is at version "
          + current.getMeta().getVersionId() + ", not " + expected;
      if (conflictAs409) {
        throw new ResourceVersionConflictException(message);
      }
      throw new PreconditionFailedException(message);
    }
    resource.getMeta().setLastUpdated(Date.from(clock.instant()));
    return super.update(resource, conditional, details);
  }

  /** A copy whose references carry the referenced resources, so the server can include them. */
  private T linked(T r) {
    @SuppressWarnings("unchecked")
    T copy = (T) r.copy();
    if (copy instanceof Appointment a) {
      a.getParticipant().forEach(p -> link(p.getActor()));
    } else if (copy instanceof Slot s) {
      link(s.getSchedule());
      if (s.getSchedule().getResource() instanceof Schedule schedule) {
        Schedule scheduleCopy = schedule.copy();
        scheduleCopy.getActor().forEach(this::link);
        s.getSchedule().setResource(scheduleCopy);
      }
    }
    return copy;
  }

  private void link(Reference ref) {
    Resource target = resolver.apply(ref);
    if (target != null) {
      ref.setResource(target);
    }
  }

  private static Reference organizationOf(DomainResource r) {
    if (r instanceof Patient p) {
      return p.getManagingOrganization();
    } else if (r instanceof PractitionerRole pr) {
      return pr.getOrganization();
    } else if (r instanceof Location l) {
      return l.getManagingOrganization();
    }
    return null;
  }

  private static boolean organizationType(TokenOrListParam type, DomainResource r) {
    if (type == null) {
      return true;
    }
    if (!(r instanceof Organization o)) {
      return false;
    }
    for (TokenParam t : type.getValuesAsQueryTokens()) {
      boolean match = o.getType().stream().flatMap(c -> c.getCoding().stream())
          .anyMatch(c -> c.getCode().equals(t.getValue()) && (t.getSystem() == null || t.getSystem().equals(c.getSystem())));
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static boolean tokens(TokenOrListParam param, String value) {
    if (param == null) {
      return true;
    }
    return value != null && param.getValuesAsQueryTokens().stream().anyMatch(t -> value.equals(t.getValue()));
  }

  private static boolean references(ReferenceOrListParam param, Reference ref) {
    if (param == null) {
      return true;
    }
    if (ref == null || !ref.hasReference()) {
      return false;
    }
    String id = ref.getReferenceElement().getIdPart();
    for (ReferenceParam p : param.getValuesAsQueryTokens()) {
      if (id.equals(p.getIdPart())) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(DateRangeParam range, Date value) {
    if (range == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    Instant t = value.toInstant();
    DateParam lo = range.getLowerBound();
    if (lo != null && lo.getValue() != null) {
      Instant v = lo.getValue().toInstant();
      boolean strict = lo.getPrefix() == ParamPrefixEnum.GREATERTHAN || lo.getPrefix() == ParamPrefixEnum.STARTS_AFTER;
      if (strict ? !t.isAfter(v) : t.isBefore(v)) {
        return false;
      }
    }
    DateParam hi = range.getUpperBound();
    if (hi != null && hi.getValue() != null) {
      Instant v = hi.getValue().toInstant();
      boolean strict = hi.getPrefix() == ParamPrefixEnum.LESSTHAN || hi.getPrefix() == ParamPrefixEnum.ENDS_BEFORE;
      if (strict ? !t.isBefore(v) : t.isAfter(v)) {
        return false;
      }
    }
    return true;
  }
}
