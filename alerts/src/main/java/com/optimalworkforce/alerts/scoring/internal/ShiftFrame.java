package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.AcceptancePrior;
import com.optimalworkforce.alerts.scoring.MatchConfig;
import com.optimalworkforce.alerts.scoring.TimeBand;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** What a ranking computes once per shift, shared by every candidate. */
final class ShiftFrame {
  final Visit shift;
  final MatchConfig config;
  final Instant now;
  final LocalDate today;
  final ZonedDateTime localStart;
  final TimeBand band;
  final int cell;
  final int serviceIdx;
  final Client client;
  final java.util.Set<String> blocked;
  final java.util.Set<String> requiredSkills;
  final GeoPoint place;
  final long startSec;
  final long endSec;
  final long idHash;
  final double hours;
  /** Pay weeks the shift touches: [start, end) in epoch seconds, one or two of them. */
  final long[] payWeekStart;
  final long[] payWeekEnd;
  final double decay;
  final AcceptancePrior prior;
  final double baseLogOdds;

  ShiftFrame(Visit shift, MatchConfig config, Instant now, HistoryIndex index, AcceptancePrior prior) {
    this(shift, config, now, index, prior, IdHash.of(shift.id()));
  }

  /** A frame whose shift is known by the hash of its id (a replayed offer). */
  ShiftFrame(Visit shift, MatchConfig config, Instant now, HistoryIndex index, AcceptancePrior prior, long idHash) {
    this.shift = shift;
    this.config = config;
    this.now = now;
    this.today = LocalDate.ofInstant(now, shift.zone());
    this.localStart = shift.localStart();
    this.band = TimeBand.of(localStart);
    this.cell = OfferCells.cell(localStart.getDayOfWeek().getValue(), band.ordinal());
    this.serviceIdx = index.serviceIndex(shift.serviceCode());
    this.client = index.client(shift.clientId());
    this.blocked = client == null ? java.util.Set.of() : client.blockedCaregiverIds();
    this.requiredSkills = shift.requiredSkills();
    this.place = shift.location() != null ? shift.location() : client != null ? client.location() : null;
    this.startSec = shift.start().getEpochSecond();
    this.endSec = shift.end().getEpochSecond();
    this.idHash = idHash;
    this.hours = shift.hours();
    LocalDate weekDate = localStart.toLocalDate().with(TemporalAdjusters.previousOrSame(config.payWeekStart()));
    long ws = weekDate.atStartOfDay(shift.zone()).toEpochSecond();
    long we = weekDate.plusWeeks(1).atStartOfDay(shift.zone()).toEpochSecond();
    if (endSec > we) {
      long we2 = weekDate.plusWeeks(2).atStartOfDay(shift.zone()).toEpochSecond();
      payWeekStart = new long[] {ws, we};
      payWeekEnd = new long[] {we, we2};
    } else {
      payWeekStart = new long[] {ws};
      payWeekEnd = new long[] {we};
    }
    this.decay = index.decayAt(now);
    this.prior = prior;
    this.baseLogOdds = Math.log(prior.mean() / (1 - prior.mean()));
  }
}
