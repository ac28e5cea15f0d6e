package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The AlayaCare External API endpoints the connector calls, relative to
 * {@code https://<tenant>.alayacare.<ca|com>/ext/api/v2/}. In patients/employees paths the id is
 * AlayaCare's internal id; in scheduler the {@code alayacare_*} parameters are internal ids and the
 * bare ones external, and the connector only ever sends the internal one. Not API.
 */
public interface AlayaCareApi {

  @GET("patients/branches")
  Call<Dto.Paged<Dto.Branch>> branches(@Query("page") int page, @Query("count") int count);

  @GET("patients/clients")
  Call<Dto.Paged<Dto.ClientItem>> clients(@Query("branch") Long branch, @Query("page") int page,
      @Query("count") int count);

  @GET("patients/clients/{client_id}")
  Call<Dto.ClientDetail> client(@Path("client_id") long clientId);

  @GET("employees/employees")
  Call<Dto.Paged<Dto.EmployeeItem>> employees(@Query("branch") long branch, @Query("page") int page,
      @Query("count") int count);

  @GET("employees/employees/{employee_id}")
  Call<Dto.EmployeeDetail> employee(@Path("employee_id") long employeeId);

  /** Entries whose start date is on or before {@code startDateTo} and end date on or after {@code endDateFrom} (UTC dates). */
  @GET("employees/employee/{employee_id}/unavailabilities")
  Call<Dto.Paged<Dto.Unavailability>> unavailabilities(@Path("employee_id") long employeeId,
      @Query("start_date_to") String startDateTo, @Query("end_date_from") String endDateFrom,
      @Query("page") int page, @Query("count") int count);

  /** Visits of a branch starting in {@code [startDateFrom, startDateTo]}; items as raw JSON so one bad item cannot sink a page. */
  @GET("scheduler/visits")
  Call<Dto.Paged<JsonNode>> visits(@Query("branch_id") long branchId, @Query("start_date_from") String startDateFrom,
      @Query("start_date_to") String startDateTo, @Query("is_cancelled") Boolean cancelled,
      @Query("page") int page, @Query("count") int count);

  @GET("scheduler/visits/{alayacare_visit_id}")
  Call<Dto.VisitDetail> visit(@Path("alayacare_visit_id") long visitId);

  @PUT("scheduler/visits/{alayacare_visit_id}")
  Call<Dto.VisitItem> updateVisit(@Path("alayacare_visit_id") long visitId, @Body Dto.VisitUpdate update);
}
