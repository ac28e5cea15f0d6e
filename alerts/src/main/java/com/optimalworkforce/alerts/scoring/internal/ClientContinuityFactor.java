package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;

/** Worked visits with the client: n gives n / (n + 3), so 3 visits count half. */
public final class ClientContinuityFactor implements MatchFactor {
  public static final ClientContinuityFactor INSTANCE = new ClientContinuityFactor();
  private static final FactorSignal NO_VISITS = FactorSignal.neutral("no visits with this client yet");

  private ClientContinuityFactor() {}

  @Override
  public String id() {
    return MatchFactors.CLIENT_CONTINUITY;
  }

  @Override
  public String label() {
    return "Continuity with the client";
  }

  @Override
  public double defaultWeight() {
    return 0.8;
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    int n = context.history().visitsWithClient(context.shift().clientId());
    if (n == 0) {
      return NO_VISITS;
    }
    return FactorSignal.of(n / (n + 3.0), () -> n == 1 ? "1 visit with this client" : n + " visits with this client");
  }
}
