package com.optimalworkforce.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs one concrete case of a compatibility kit through the JUnit Jupiter engine, for the kits'
 * self-tests: which of the kit's tests failed against a deliberately broken implementation.
 */
final class KitRuns {
  private KitRuns() {}

  /** Every finished test of the case, by method name, with its result (status and failure). */
  static Map<String, TestExecutionResult> results(Class<?> kitCase) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kitCase)).execute().testEvents().finished()
        .stream().collect(Collectors.toMap(e -> e.getTestDescriptor().getLegacyReportingName().replace("()", ""),
            e -> e.getPayload(TestExecutionResult.class).orElseThrow()));
  }

  /** Every finished test of the case, by method name, with its status name (SUCCESSFUL, FAILED, ABORTED). */
  static Map<String, String> outcomes(Class<?> kitCase) {
    return results(kitCase).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getStatus().name()));
  }
}
