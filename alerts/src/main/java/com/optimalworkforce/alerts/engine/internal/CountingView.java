package com.optimalworkforce.alerts.engine.internal;

import com.optimalworkforce.alerts.view.PayCalendar;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.alerts.view.Vacancy;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A view that counts the records a rule reads (every record in every answer, every id returned),
 * so an evaluation can show how much of the schedule it touched. Not thread-safe: one per rule run.
 * Not API.
 */
public final class CountingView implements ScheduleView {
  private final ScheduleView view;
  private long read;

  public CountingView(ScheduleView view) {
    this.view = view;
  }

  /** Records and ids read so far. */
  public long recordsRead() {
    return read;
  }

  private <T extends Collection<?>> T count(T c) {
    read += c.size();
    return c;
  }

  private <T> Optional<T> count(Optional<T> o) {
    read += o.isPresent() ? 1 : 0;
    return o;
  }

  @Override
  public PayCalendar payCalendar() {
    return view.payCalendar();
  }

  @Override
  public long version() {
    return view.version();
  }

  @Override
  public Optional<Visit> visit(String visitId) {
    return count(view.visit(visitId));
  }

  @Override
  public Optional<Caregiver> caregiver(String caregiverId) {
    return count(view.caregiver(caregiverId));
  }

  @Override
  public Optional<Client> client(String clientId) {
    return count(view.client(clientId));
  }

  @Override
  public List<Caregiver> caregiversIn(String regionId) {
    return count(view.caregiversIn(regionId));
  }

  @Override
  public Set<String> regionIds() {
    return count(view.regionIds());
  }

  @Override
  public Optional<ZoneId> zone(String regionId) {
    return view.zone(regionId);
  }

  @Override
  public List<Visit> visitsStarting(Instant from, Instant to) {
    return count(view.visitsStarting(from, to));
  }

  @Override
  public List<Visit> visitsStarting(String regionId, Instant from, Instant to) {
    return count(view.visitsStarting(regionId, from, to));
  }

  @Override
  public List<Visit> unfilledStarting(Instant from, Instant to) {
    return count(view.unfilledStarting(from, to));
  }

  @Override
  public List<Visit> visitsOf(String caregiverId, Instant from, Instant to) {
    return count(view.visitsOf(caregiverId, from, to));
  }

  @Override
  public List<Visit> visitsFor(String clientId, Instant from, Instant to) {
    return count(view.visitsFor(clientId, from, to));
  }

  @Override
  public double hoursOf(String caregiverId, LocalDate payWeek) {
    read++;
    return view.hoursOf(caregiverId, payWeek);
  }

  @Override
  public Map<String, Double> hoursByCaregiver(LocalDate payWeek) {
    Map<String, Double> m = view.hoursByCaregiver(payWeek);
    read += m.size();
    return m;
  }

  @Override
  public SortedMap<LocalDate, Double> weeklyHours(String regionId) {
    SortedMap<LocalDate, Double> m = view.weeklyHours(regionId);
    read += m.size();
    return m;
  }

  @Override
  public List<CallOut> callOutsOf(String caregiverId, Instant from, Instant to) {
    return count(view.callOutsOf(caregiverId, from, to));
  }

  @Override
  public Set<String> caregiversWithCallOuts() {
    return count(view.caregiversWithCallOuts());
  }

  @Override
  public List<Unavailability> unavailabilityOf(String caregiverId, Instant from, Instant to) {
    return count(view.unavailabilityOf(caregiverId, from, to));
  }

  @Override
  public Set<String> caregiversWithUnavailability() {
    return count(view.caregiversWithUnavailability());
  }

  @Override
  public List<ShiftOffer> offersFor(String visitId) {
    return count(view.offersFor(visitId));
  }

  @Override
  public Optional<Vacancy> vacancy(String visitId) {
    return count(view.vacancy(visitId));
  }

  @Override
  public List<Vacancy> vacancies() {
    return count(view.vacancies());
  }
}
