package com.optimalworkforce.core.aggregate.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.aggregate.AggregateCounts;
import com.optimalworkforce.core.aggregate.GeoArea;
import com.optimalworkforce.core.aggregate.IsoWeek;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of {@link AggregateCounts}, for agency-zone storage. */
public final class CountsJson {
  /** Version of the counts JSON; bump when the shape changes and keep reading old versions. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private CountsJson() {}

  record People(String region, String area, long activeClients, long activeCaregivers) {}

  record Visits(String region, String area, String week, long visits, long serviceSeconds, long unfilledVisits,
      long cancelledVisits) {}

  record Document(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("content") String content,
      @JsonProperty("people") List<People> people,
      @JsonProperty("visits") List<Visits> visits) {}

  private static final String CONTENT = "unsuppressed aggregate counts: agency zone only, never publish";

  public static String write(AggregateCounts counts) throws JsonProcessingException {
    List<People> people = new ArrayList<>();
    List<Visits> visits = new ArrayList<>();
    counts.forEachPeople((r, a, c, g) -> people.add(new People(r, a.code(), c, g)));
    counts.forEachVisits((r, a, w, v, s, u, c) -> visits.add(new Visits(r, a.code(), w.toString(), v, s, u, c)));
    return MAPPER.writeValueAsString(new Document(SCHEMA_VERSION, CONTENT, people, visits));
  }

  public static void read(String json, AggregateCounts.PeopleVisitor people, AggregateCounts.VisitsVisitor visits) {
    Document doc;
    try {
      doc = MAPPER.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not aggregate counts JSON: " + e.getOriginalMessage(), e);
    }
    if (doc.schemaVersion() != SCHEMA_VERSION) {
      throw new IllegalArgumentException("Aggregate counts JSON has schemaVersion " + doc.schemaVersion()
          + "; this version of the SDK reads " + SCHEMA_VERSION);
    }
    if (doc.people() != null) {
      for (People p : doc.people()) {
        people.accept(p.region(), GeoArea.parse(p.area()), p.activeClients(), p.activeCaregivers());
      }
    }
    if (doc.visits() != null) {
      for (Visits v : doc.visits()) {
        visits.accept(v.region(), GeoArea.parse(v.area()), IsoWeek.parse(v.week()), v.visits(), v.serviceSeconds(),
            v.unfilledVisits(), v.cancelledVisits());
      }
    }
  }
}
