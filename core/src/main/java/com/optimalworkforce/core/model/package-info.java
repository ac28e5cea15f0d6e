/**
 * Immutable records of the agency zone: the schedule as the SDK sees it, whatever system it came
 * from.
 *
 * <pre>{@code
 * Visit visit = Visit.builder()
 *     .id("V-1001").clientId("C-7").regionId("toronto-east").zone(ZoneId.of("America/Toronto"))
 *     .start(Instant.parse("2026-11-20T19:00:00Z")).end(Instant.parse("2026-11-20T21:00:00Z"))
 *     .status(VisitStatus.OPEN).serviceCode("PSW")
 *     .build();
 * String hash = visit.contentHash(); // changes whenever any field changes
 * }</pre>
 *
 * <p>Every record validates itself when built and throws {@link
 * com.optimalworkforce.core.model.InvalidRecordException} naming the record and the bad field.
 * Every record carries the id it has in its source system and a {@code contentHash()} used for
 * change detection. Records holding personal data (names, addresses, full postal codes) never
 * print them in {@code toString()}, so logging a record cannot leak a person.
 */
package com.optimalworkforce.core.model;
