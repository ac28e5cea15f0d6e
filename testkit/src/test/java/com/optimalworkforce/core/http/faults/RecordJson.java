package com.optimalworkforce.core.http.faults;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.util.List;

/** The wire format of the test API: model records by their fields, with a type tag. */
final class RecordJson {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Client.class, name = "CLIENT"),
      @JsonSubTypes.Type(value = Caregiver.class, name = "CAREGIVER"),
      @JsonSubTypes.Type(value = Visit.class, name = "VISIT"),
      @JsonSubTypes.Type(value = Unavailability.class, name = "UNAVAILABILITY"),
      @JsonSubTypes.Type(value = ShiftOffer.class, name = "SHIFT_OFFER"),
      @JsonSubTypes.Type(value = CallOut.class, name = "CALL_OUT")})
  interface SourceRecordMixin {}

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addMixIn(SourceRecord.class, SourceRecordMixin.class)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
      .build();

  /** A page on the wire. */
  record PageBody(List<SourceRecord> records, String next, Long total) {}

  /** The regions on the wire. */
  record RegionsBody(List<Region> regions) {}

  private RecordJson() {}
}
