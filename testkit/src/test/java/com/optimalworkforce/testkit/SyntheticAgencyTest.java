package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.internal.Places;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticAgencyTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(42).regions(3).clients(600).caregivers(180)
      .weeksOfHistory(8).weeksAhead(2).build();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();

  @Test
  void sameSeedGivesTheSameAgencyAndAnotherSeedDoesNot() {
    SyntheticAgency again = SyntheticAgency.builder().seed(42).regions(3).clients(600).caregivers(180)
        .weeksOfHistory(8).weeksAhead(2).build();
    SyntheticAgency other = SyntheticAgency.builder().seed(43).regions(3).clients(600).caregivers(180)
        .weeksOfHistory(8).weeksAhead(2).build();
    assertThat(hashes(again)).isEqualTo(hashes(AGENCY));
    assertThat(hashes(other)).isNotEqualTo(hashes(AGENCY));
  }

  private static List<String> hashes(SyntheticAgency a) {
    return a.visits().limit(5000).map(Visit::contentHash).toList();
  }

  @Test
  void recordIdsAreUniquePerStream() {
    for (EntityType t : EntityType.values()) {
      List<SourceRecord> all = AGENCY.records(t).toList();
      assertThat(all.stream().map(SourceRecord::id).collect(Collectors.toSet())).as(t.name()).hasSize(all.size());
    }
  }

  @Test
  void canadianPostalCodesAreInRealFsasAndSomeAreMalformedOnPurpose() {
    Pattern postal = Pattern.compile("[ABCEGHJKLMNPRSTVXY]\\d[A-Z] \\d[A-Z]\\d");
    List<String> codes = AGENCY.clients().stream().map(Client::postalCode).toList();
    long valid = codes.stream().filter(c -> c != null && postal.matcher(c).matches()).count();
    assertThat(valid).isGreaterThan(codes.size() * 9 / 10).isLessThan(codes.size());
    assertThat(codes).anyMatch(c -> c != null && c.startsWith("M4A"));
  }

  @Test
  void everyPostalCodeLiesInARealAreaOfItsOwnRegion() {
    Map<String, List<String>> areas = new HashMap<>();
    for (Places.Place place : Places.CANADA) {
      areas.put(place.id(), place.prefixes());
    }
    for (Places.Place place : Places.US) {
      areas.put(place.id(), place.prefixes());
    }
    Pattern postal = Pattern.compile("[ABCEGHJKLMNPRSTVXY]\\d[A-Z] \\d[A-Z]\\d");
    Pattern zip = Pattern.compile("\\d{5}(-\\d{4})?");
    SyntheticAgency mixed = SyntheticAgency.builder().seed(7).regions(4).usRegions(1).clients(400).caregivers(100)
        .weeksOfHistory(1).weeksAhead(1).build();
    int checked = 0;
    for (Client c : mixed.clients()) {
      String code = c.postalCode();
      if (code != null && (postal.matcher(code).matches() || zip.matcher(code).matches())) {
        assertThat(areas.get(c.regionId())).as("area of %s in %s", code, c.regionId()).contains(code.substring(0, 3));
        checked++;
      }
    }
    for (Caregiver g : mixed.caregivers()) {
      if (g.postalCode() != null && postal.matcher(g.postalCode()).matches()) {
        assertThat(areas.get(g.regionId())).as("area of %s in %s", g.postalCode(), g.regionId())
            .contains(g.postalCode().substring(0, 3));
      }
    }
    assertThat(checked).isGreaterThan(380);
  }

  @Test
  void regionsAreRealPlacesInTheirOwnTimeZones() {
    assertThat(AGENCY.regions()).extracting(r -> r.id() + " " + r.zone().getId())
        .containsExactly("toronto-east America/Toronto", "vancouver America/Vancouver", "calgary America/Edmonton");
    assertThat(AGENCY.visits().limit(20_000)).allSatisfy(
        v -> assertThat(v.zone()).as("zone of %s", v.id()).isEqualTo(AGENCY.region(v.regionId()).zone()));
  }

  @Test
  void usRegionsUseZipCodes() {
    SyntheticAgency us = SyntheticAgency.builder().regions(2).usRegions(1).clients(48).caregivers(24)
        .malformedPostalCodes(0).build();
    Set<String> usRegion = Set.of(us.regions().get(1).id());
    assertThat(us.regions().get(1).zone().getId()).startsWith("America/");
    assertThat(us.clients().stream().filter(c -> usRegion.contains(c.regionId())).map(Client::postalCode))
        .allMatch(z -> z.matches("\\d{5}(-\\d{4})?"));
  }

  @Test
  void scheduleHasOpenShiftsCancellationsOffersAndCallOuts() {
    Set<VisitStatus> statuses = AGENCY.visits().map(Visit::status).collect(Collectors.toSet());
    assertThat(statuses).contains(VisitStatus.COMPLETED, VisitStatus.SCHEDULED, VisitStatus.OPEN, VisitStatus.CANCELLED,
        VisitStatus.MISSED);
    assertThat(AGENCY.visits().filter(v -> v.isUnfilled() && v.start().isAfter(AGENCY.now())).count()).isGreaterThan(20);
    assertThat(AGENCY.offers().map(ShiftOffer::outcome).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(OfferOutcome.values());
    assertThat(AGENCY.callOuts().count()).isGreaterThan(10);
    assertThat(AGENCY.visits().filter(v -> !v.localStart().toLocalDate().equals(v.localEnd().toLocalDate())).count())
        .as("shifts that cross midnight").isPositive();
  }

  @Test
  void visitsNeverStartBeforeTheirClientJoinedOrOverlapForOneCaregiverInTheFuture() {
    var future = AGENCY.visits().filter(v -> v.start().isAfter(AGENCY.now()) && v.caregiverId() != null
        && v.status() == VisitStatus.SCHEDULED).collect(Collectors.groupingBy(Visit::caregiverId));
    for (var entry : future.entrySet()) {
      List<Visit> list = entry.getValue().stream().sorted(java.util.Comparator.comparing(Visit::start)).toList();
      for (int i = 1; i < list.size(); i++) {
        assertThat(list.get(i).start()).as("%s double-booked", entry.getKey()).isAfterOrEqualTo(list.get(i - 1).end());
      }
    }
  }

  @Test
  void nearOvertimeCaregiverHas42HoursThisWeek() {
    double hours = AGENCY.visits().filter(v -> P.nearOvertime().equals(v.caregiverId())
        && AGENCY.currentWeek().contains(v.start())).mapToDouble(Visit::hours).sum();
    assertThat(hours).isEqualTo(42.0);
  }

  @Test
  void mondayCallOutCaregiverCalledOutTheLastThreeMondays() {
    Set<LocalDate> mondays = AGENCY.callOuts().filter(c -> c.caregiverId().equals(P.mondayCallOut()))
        .map(c -> c.shiftStart().atZone(c.zone()).toLocalDate()).collect(Collectors.toSet());
    assertThat(mondays).hasSize(3).allMatch(d -> d.getDayOfWeek() == DayOfWeek.MONDAY);
    LocalDate lastMonday = AGENCY.now().atZone(AGENCY.regions().get(0).zone()).toLocalDate()
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    assertThat(mondays).contains(lastMonday, lastMonday.minusWeeks(1), lastMonday.minusWeeks(2));
  }

  @Test
  void saturdayRegularWorksSaturdaysMissedOneAndSeesMrsAndersonOnSundays() {
    String emma = P.saturdayRegular();
    List<Visit> saturdays = AGENCY.visits().filter(v -> emma.equals(v.caregiverId())
        && v.localStart().getDayOfWeek() == DayOfWeek.SATURDAY).toList();
    assertThat(saturdays).isNotEmpty().allSatisfy(v -> assertThat(v.localStart().getHour()).isEqualTo(12));
    String client = saturdays.get(0).clientId();
    // Her client's Saturday noon visits, past ones: all hers but one, which someone else covered.
    List<Visit> clientsPastSaturdays = AGENCY.visits().filter(v -> v.clientId().equals(client)
        && v.localStart().getDayOfWeek() == DayOfWeek.SATURDAY && v.localStart().getHour() == 12
        && v.end().isBefore(AGENCY.now())).toList();
    assertThat(clientsPastSaturdays).hasSize(8);
    assertThat(clientsPastSaturdays).filteredOn(v -> !emma.equals(v.caregiverId())).singleElement()
        .satisfies(missed -> assertThat(missed.start()).isAfter(AGENCY.now().minus(java.time.Duration.ofDays(42))));
    assertThat(AGENCY.visits().filter(v -> emma.equals(v.caregiverId()) && v.start().isAfter(AGENCY.now())
        && v.localStart().getDayOfWeek() == DayOfWeek.SATURDAY)).hasSize(3);
    List<Visit> sundays = AGENCY.visits().filter(v -> emma.equals(v.caregiverId())
        && v.localStart().getDayOfWeek() == DayOfWeek.SUNDAY).toList();
    assertThat(sundays).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(v -> assertThat(v.clientId()).isEqualTo(P.saturdayMorningClient()));
  }

  @Test
  void fridayAfternoonAccepterWasOfferedTheFridayShiftEveryPastWeek() {
    List<ShiftOffer> offers = AGENCY.offers().filter(o -> o.caregiverId().equals(P.fridayAfternoonAccepter())).toList();
    assertThat(offers).hasSize(8).allMatch(o -> o.shiftStart().atZone(o.zone()).getDayOfWeek() == DayOfWeek.FRIDAY
        && o.shiftStart().atZone(o.zone()).getHour() == 14);
    assertThat(offers.stream().filter(o -> o.outcome() == OfferOutcome.ACCEPTED).count()).isGreaterThanOrEqualTo(5);
    assertThat(AGENCY.acceptanceProbability(P.fridayAfternoonAccepter(), offers.get(0).shiftStart(), offers.get(0).zone()))
        .isEqualTo(0.85);
  }

  @Test
  void dayOffPatternCaregiverIsUnavailableEveryWednesday() {
    var days = AGENCY.unavailabilities().stream().filter(u -> u.caregiverId().equals(P.dayOffPattern()))
        .map(u -> u.start().atZone(u.zone()).getDayOfWeek()).toList();
    assertThat(days).hasSize(11).containsOnly(DayOfWeek.WEDNESDAY);
  }

  @Test
  void fixtureShiftsAreOpenAndInTheNearFuture() {
    Visit friday = AGENCY.visit(P.openFridayAfternoonVisit()).orElseThrow();
    Visit saturday = AGENCY.visit(P.openSaturdayMorningVisit()).orElseThrow();
    Visit lastMinute = AGENCY.visit(P.lastMinuteOpenVisit()).orElseThrow();
    assertThat(List.of(friday, saturday, lastMinute)).allMatch(Visit::isUnfilled)
        .allMatch(v -> v.start().isAfter(AGENCY.now()));
    assertThat(friday.localStart().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(friday.localStart().getHour()).isEqualTo(14);
    assertThat(saturday.localStart().getHour()).isEqualTo(7);
    assertThat(saturday.clientId()).isEqualTo(P.saturdayMorningClient());
    assertThat(lastMinute.clientId()).isEqualTo(P.lastMinuteClient());
    CallOut tom = AGENCY.callOuts().filter(c -> c.visitId().equals(lastMinute.id())).findFirst().orElseThrow();
    assertThat(tom.caregiverId()).isEqualTo(P.lastMinuteCallOut());
    assertThat(tom.reportedAt()).isBefore(AGENCY.now());
  }

  @Test
  void scalesToHundredsOfThousandsOfVisits() {
    SyntheticAgency big = SyntheticAgency.builder().seed(9).regions(6).clients(10_000).caregivers(2_000)
        .weeksOfHistory(2).weeksAhead(1).build();
    assertThat(big.visits().count()).isGreaterThan(100_000);
  }

  @Test
  void changesAndDeletionsShowUpInEveryView() {
    SyntheticAgency a = SyntheticAgency.small();
    List<String> changed = a.changeVisits(v -> v.start().isAfter(a.now()), 0.05, 1);
    List<String> deleted = a.deleteVisits(v -> v.start().isAfter(a.now()), 3, 2);
    assertThat(changed).isNotEmpty();
    assertThat(deleted).hasSize(3);
    Set<String> ids = a.visits().map(Visit::id).collect(Collectors.toCollection(HashSet::new));
    assertThat(ids).doesNotContainAnyElementsOf(deleted);
    String one = changed.stream().filter(id -> !deleted.contains(id)).findFirst().orElseThrow();
    Visit original = SyntheticAgency.small().visit(one).orElseThrow();
    assertThat(a.visit(one).orElseThrow().end()).isEqualTo(original.end().plusSeconds(900));
    Visit extra = original.toBuilder().id("NEW-1").build();
    a.put(extra);
    assertThat(a.visit("NEW-1")).contains(extra);
    assertThat(a.keys(EntityType.VISIT)).contains(RecordKey.of(EntityType.VISIT, "NEW-1"));
  }

  @Test
  void builderRejectsBadValuesWithTheValueInTheMessage() {
    assertThatThrownBy(() -> SyntheticAgency.builder().clients(0)).hasMessageContaining("clients").hasMessageContaining("0");
    assertThatThrownBy(() -> SyntheticAgency.builder().offerRate(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> SyntheticAgency.builder().regions(2).clients(10).caregivers(10).build())
        .hasMessageContaining("profiles(false)");
    assertThat(SyntheticAgency.builder().regions(2).clients(10).caregivers(10).profiles(false).build().profiles()).isEmpty();
  }
}
