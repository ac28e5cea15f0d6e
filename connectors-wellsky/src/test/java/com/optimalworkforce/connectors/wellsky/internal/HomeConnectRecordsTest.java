package com.optimalworkforce.connectors.wellsky.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.connectors.wellsky.internal.FhirMapper.ClientFacts;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HomeConnectRecordsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ClientFacts FACTS = new ClientFacts("toronto-east", ZoneId.of("America/Toronto"), "M4A 1B2", null);

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void entriesAreReadWrappedOrBare() throws Exception {
    List<JsonNode> entries = HomeConnectRecords.entries(json(
        "{'resourceType':'Bundle','totalRecords':2,'entry':[{'resource':{'id':'a'}},{'id':'b'}]}"));
    assertThat(entries).extracting(HomeConnectRecords::id).containsExactly("a", "b");
  }

  @Test
  void agencyDataComesFromMetaTags() throws Exception {
    JsonNode entry = json("{'resourceType':'Patient','id':'C1','meta':{'tag':[{'code':'agencyId','display':'42'},"
        + "{'code':'isClient','display':'true'},{'code':'status','display':'80'},{'code':'locationId','display':'east'}]},"
        + "'name':[{'family':'Anderson','given':['Ruth']}],'somethingWellSkyAdds':{'x':1}}");
    Patient p = HomeConnectRecords.parse(entry, Patient.class, EntityType.CLIENT);
    assertThat(HomeConnectRecords.flag(p, "isClient")).isTrue();
    Client c = HomeConnectRecords.client(p, HomeConnectRecords.region(p, EntityType.CLIENT));
    assertThat(c.regionId()).isEqualTo("east");
    assertThat(c.active()).isTrue();
    assertThat(c.name().formal()).isEqualTo("Ruth Anderson");

    JsonNode caregiver = json("{'resourceType':'Practitioner','id':'E1','meta':{'tag':[{'code':'isHired','display':'true'},"
        + "{'code':'status','display':'110'},{'code':'locationId','display':'east'},"
        + "{'code':'profileTags','display':'PSW, DEMENTIA'}]},'name':[{'given':['Sarah']}]}");
    Practitioner pr = HomeConnectRecords.parse(caregiver, Practitioner.class, EntityType.CAREGIVER);
    Caregiver cg = HomeConnectRecords.caregiver(pr, "east");
    assertThat(cg.active()).as("status 110 is not hired").isFalse();
    assertThat(cg.skills()).containsExactlyInAnyOrder("PSW", "DEMENTIA");
  }

  @Test
  void aRecordWithoutALocationIsRejectedNamingTheTag() throws Exception {
    Patient p = HomeConnectRecords.parse(json("{'resourceType':'Patient','id':'C2','name':[{'family':'X'}]}"),
        Patient.class, EntityType.CLIENT);
    assertThatThrownBy(() -> HomeConnectRecords.region(p, EntityType.CLIENT))
        .isInstanceOf(InvalidRecordException.class).hasMessage("Client 'C2': meta.tag locationId is missing: the record is"
            + " not linked to a location (branch)");
  }

  @ParameterizedTest(name = "{0} with caregiver {1} -> {2}")
  @CsvSource({
      "SCHEDULED, E1, SCHEDULED",
      "SCHEDULED, , OPEN",
      "COMPLETED, E1, COMPLETED",
      "CANCELLED, E1, CANCELLED",
      "scheduled, E1, SCHEDULED",
  })
  void shiftStatuses(String status, String caregiver, VisitStatus expected) throws Exception {
    String cg = caregiver == null ? "null" : "{'id':'" + caregiver + "'}";
    Visit v = HomeConnectRecords.visit(json("{'id':'S1','client':{'id':'C1'},'caregiver':" + cg
        + ",'start':'2026-11-20T19:00:00','end':'2026-11-20T21:00:00','status':'" + status + "'}"), FACTS);
    assertThat(v.status()).isEqualTo(expected);
    assertThat(v.caregiverId()).isEqualTo(expected == VisitStatus.OPEN ? null : caregiver);
  }

  @ParameterizedTest
  @CsvSource({"2026-11-20T19:00:00", "2026-11-20T19:00:00Z", "2026-11-20T14:00:00-05:00", "2026-11-20T19:00:00.000+00:00"})
  void shiftTimesAreUtcWithOrWithoutAnOffset(String start) throws Exception {
    Visit v = HomeConnectRecords.visit(json("{'id':'S1','client':{'id':'C1'},'start':'" + start
        + "','end':'2026-11-20T21:00:00Z','status':'SCHEDULED','position':{'latitude':43.7,'longitude':-79.3}}"), FACTS);
    assertThat(v.start()).isEqualTo(Instant.parse("2026-11-20T19:00:00Z"));
    assertThat(v.location().latitude()).isEqualTo(43.7);
    assertThat(v.postalCode()).isEqualTo("M4A 1B2");
  }

  @Test
  void aVisitIdNamesTheOccurrenceBecauseRecurringShiftsShareIds() throws Exception {
    Visit late = HomeConnectRecords.visit(json("{'id':'S9','client':{'id':'C1'},'start':'2026-11-21T03:30:00',"
        + "'end':'2026-11-21T05:00:00','status':'SCHEDULED'}"), FACTS);
    // 03:30 UTC on the 21st is 22:30 on the 20th in Toronto: the occurrence of the 20th.
    assertThat(late.id()).isEqualTo("S9@2026-11-20");
    assertThat(HomeConnectRecords.shiftId(late.id())).isEqualTo("S9");
    assertThat(HomeConnectRecords.day(late.id())).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  @Test
  void badShiftsAreRejectedNamingTheField() throws Exception {
    assertThatThrownBy(() -> HomeConnectRecords.visit(json("{'id':'S2','client':{'id':'C1'},'start':'yesterday',"
        + "'end':'2026-11-20T21:00:00','status':'SCHEDULED'}"), FACTS))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("Visit 'S2': start 'yesterday' is not a date-time");
    assertThatThrownBy(() -> HomeConnectRecords.visit(json("{'id':'S3','client':{'id':'C1'},'start':'2026-11-20T19:00:00',"
        + "'end':'2026-11-20T21:00:00','status':'PENDING'}"), FACTS))
        .hasMessageContaining("status 'PENDING' is not SCHEDULED, COMPLETED or CANCELLED");
  }
}
