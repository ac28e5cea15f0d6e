package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Jackson shapes of the AlayaCare External API responses the connector reads, named after the
 * Swagger definitions (snake_case on the wire). Unknown fields are ignored: tenants add profile
 * attributes and AlayaCare adds fields. Not API.
 */
public final class Dto {
  private Dto() {}

  /** {@code PaginatedList}: {@code count} is the number of items on this page. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Paged<T>(Integer count, Integer page, Integer totalPages, List<T> items) {
    public List<T> itemsOrEmpty() {
      return items == null ? List.of() : items;
    }

    public int pages() {
      return totalPages == null ? 1 : totalPages;
    }
  }

  /** {@code Branch} of patients/branches. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Branch(Long id, String name) {}

  /** {@code BranchSummary} inside list items. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BranchRef(Long id, String name) {}

  /** {@code ClientListItem} of patients/clients. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClientItem(Long id, String externalId, String firstName, String lastName, String status,
      BranchRef branch) {}

  /** {@code ClientDetails}; {@code demographics} holds tenant-configured keys. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClientDetail(Long id, String externalId, Long branchId, String status, JsonNode demographics,
      String timezone) {}

  /** {@code Employee} list item of employees/employees, with its branch. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EmployeeItem(Long id, String externalId, String firstName, String lastName, String status,
      BranchRef branch) {}

  /** {@code Skill} of an employee. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Skill(Long id, String name) {}

  /** {@code EmployeeDetails}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EmployeeDetail(Long id, String externalId, Long branchId, String status, JsonNode demographics,
      List<Skill> skills, String timezone) {}

  /** {@code TimeOffTypeDetails}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TimeOffType(Long id, String name) {}

  /** {@code Unavailability}: one entry, recurring by its {@code rrule}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Unavailability(Long id, TimeOffType timeOffType, String description, Integer duration, Boolean allDay,
      String rrule) {}

  /** {@code VisitCancelCode}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CancelCode(Long id, String code, String description) {}

  /** {@code VisitNote}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Note(String text, String createdAt) {}

  /** {@code VisitListDetails} of scheduler/visits (times kept as text, parsed by the mapper). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VisitItem(Long alayacareVisitId, String visitId, Long alayacareClientId, String clientId,
      Long alayacareEmployeeId, String employeeId, Long alayacareServiceId, String status, String startAt,
      String endAt, Boolean cancelled, CancelCode cancelCode, List<Note> notes) {}

  /** {@code Address} of a visit's route: where the visit takes place. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RouteAddress(Integer order, Boolean isHomeAddress, Double latitude, Double longitude, String zipCode) {}

  /** {@code VisitDetails} of {@code GET scheduler/visits/{alayacare_visit_id}}: what the connector reads of it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VisitDetail(Long alayacareVisitId, Long alayacareClientId, Long alayacareEmployeeId, String status,
      Boolean cancelled, List<RouteAddress> route) {}

  /**
   * {@code VisitUpdate} body: assigns by AlayaCare employee id only, never together with the
   * external {@code employee_id} (sending both is a 400).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VisitUpdate(Long alayacareEmployeeId) {}
}
