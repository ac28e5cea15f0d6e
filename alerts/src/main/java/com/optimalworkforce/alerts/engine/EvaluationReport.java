package com.optimalworkforce.alerts.engine;

import com.optimalworkforce.alerts.store.AlertRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation did: which rules ran (and failed), how many alerts they returned, how many
 * were new, escalated, re-sent after the suppression window, de-duplicated or resolved, how many
 * notifications were queued, and how many schedule records the rules read (which shows that a run
 * after one changed visit touches only what that change affects).
 *
 * <pre>{@code
 * EvaluationReport r = engine.evaluate();
 * log.info("{} new, {} escalated, {} records read in {} ms", r.raised(), r.escalated(), r.recordsRead(),
 *     r.elapsed().toMillis());
 * }</pre>
 *
 * @param at the clock's time when the evaluation started
 * @param scope {@code "all"} or a summary of the changes' scope
 * @param rulesRun the rules that ran
 * @param failedRules rule id to the exception type, for rules that threw (the others still ran)
 * @param alerts alerts the rules returned
 * @param raised new alert episodes notified
 * @param escalated open alerts notified again because their severity rose
 * @param reminded open alerts notified again because the suppression window had passed
 * @param suppressed alerts de-duplicated (same rule and subject notified within the window)
 * @param resolved open alerts the rules no longer raise
 * @param notificationsQueued deliveries queued (one per recipient and channel)
 * @param recordsRead schedule records the rules read, over all rules
 * @param recordsReadByRule the same per rule
 * @param notified the records notified in this run (new, escalated or reminded)
 * @param elapsed how long the evaluation took
 */
public record EvaluationReport(
    Instant at,
    String scope,
    List<String> rulesRun,
    Map<String, String> failedRules,
    int alerts,
    int raised,
    int escalated,
    int reminded,
    int suppressed,
    int resolved,
    int notificationsQueued,
    long recordsRead,
    Map<String, Long> recordsReadByRule,
    List<AlertRecord> notified,
    Duration elapsed) {

  public EvaluationReport {
    rulesRun = List.copyOf(rulesRun);
    failedRules = Map.copyOf(failedRules);
    recordsReadByRule = Map.copyOf(recordsReadByRule);
    notified = List.copyOf(notified);
  }

  @Override
  public String toString() {
    return "EvaluationReport[scope=" + scope + ", rules=" + rulesRun.size() + ", failed=" + failedRules.keySet()
        + ", alerts=" + alerts + ", raised=" + raised + ", escalated=" + escalated + ", reminded=" + reminded
        + ", suppressed=" + suppressed + ", resolved=" + resolved + ", queued=" + notificationsQueued
        + ", recordsRead=" + recordsRead + ", elapsed=" + elapsed.toMillis() + " ms]";
  }
}
