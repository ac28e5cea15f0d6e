package com.optimalworkforce.testkit;

import java.util.List;

/**
 * The caregivers, clients and visits of a {@link SyntheticAgency} that carry a known behaviour, so
 * a test can check that a rule or the scorer finds exactly them. All live in the agency's first
 * region.
 *
 * <pre>{@code
 * BehaviourProfiles p = agency.profiles().orElseThrow();
 * assertThat(alerts).anySatisfy(a -> assertThat(a.subjectId()).isEqualTo(p.mondayCallOut()));
 * }</pre>
 *
 * @param mondayCallOut "Maria": called out of her Monday shifts the last 3 weeks
 * @param nearOvertime "John": 42 scheduled hours every week (a 45-hour threshold is near)
 * @param saturdayRegular "Emma": works Saturdays (missed one of the recent ones), visits Mrs. Anderson on Sundays
 * @param fridayAfternoonAccepter "Sarah": offered the Friday 2 PM shift every week, accepts it with probability 0.85
 * @param dayOffPattern "Daniel": unavailable every Wednesday
 * @param lastMinuteCallOut "Tom": called out 45 minutes ago of his next Saturday 10 AM with Mr. Davis
 * @param priorityBackups "Lisa", "Rachel", "Mike": accept most offers
 * @param openFridayAfternoonVisit the next Friday 2 PM shift, open, offered to two others without success
 * @param openSaturdayMorningVisit the next Saturday 7 AM shift with Mrs. Anderson, open
 * @param lastMinuteOpenVisit Tom's next Saturday 10 AM shift with Mr. Davis, open after his call-out
 * @param saturdayMorningClient Mrs. Ruth Anderson
 * @param lastMinuteClient Mr. George Davis
 */
public record BehaviourProfiles(
    String mondayCallOut,
    String nearOvertime,
    String saturdayRegular,
    String fridayAfternoonAccepter,
    String dayOffPattern,
    String lastMinuteCallOut,
    List<String> priorityBackups,
    String openFridayAfternoonVisit,
    String openSaturdayMorningVisit,
    String lastMinuteOpenVisit,
    String saturdayMorningClient,
    String lastMinuteClient) {}
