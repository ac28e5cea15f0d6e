package com.optimalworkforce.testkit.alayacare;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks recorded {@link Exchange}s (the request the connector sent and the response the simulator
 * returned) against AlayaCare's published Swagger files, with Atlassian's
 * swagger-request-validator. {@code validation.schema.additionalProperties} is ignored because the
 * specs compose schemas with {@code allOf}, which makes the validator reject every property;
 * required properties, types, formats and parameters are still checked.
 *
 * <pre>{@code
 * AlayaCareSpecValidator validator = AlayaCareSpecValidator.fromDirectory(
 *     ReferenceSpecs.requireFile("alayacare/scheduler.yml").getParent());
 * List<String> problems = validator.validate(simulator.exchanges());
 * assertThat(problems).isEmpty();
 * }</pre>
 *
 * <p>Uses {@code client.yml} (patients), {@code employee.yml}, {@code employee-unavailability.yml}
 * and {@code scheduler.yml}; {@code services.yml} does not load in the validator and is not used.
 */
public final class AlayaCareSpecValidator {
  private final OpenApiInteractionValidator patients;
  private final OpenApiInteractionValidator employees;
  private final OpenApiInteractionValidator unavailabilities;
  private final OpenApiInteractionValidator scheduler;

  private AlayaCareSpecValidator(Path dir) {
    LevelResolver levels = LevelResolver.create()
        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
        .build();
    this.patients = load(dir.resolve("client.yml"), "/ext/api/v2/patients", levels);
    this.employees = load(dir.resolve("employee.yml"), "/ext/api/v2/employees", levels);
    this.unavailabilities = load(dir.resolve("employee-unavailability.yml"), "/ext/api/v2/employees", levels);
    this.scheduler = load(dir.resolve("scheduler.yml"), "/ext/api/v2/scheduler", levels);
  }

  /** Loads the four specifications from the folder that holds them. */
  public static AlayaCareSpecValidator fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return new AlayaCareSpecValidator(dir);
  }

  private static OpenApiInteractionValidator load(Path file, String basePath, LevelResolver levels) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("AlayaCare specification " + file + " not found");
    }
    return OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
        .withBasePathOverride(basePath)
        .withLevelResolver(levels)
        .build();
  }

  /** Problems of every exchange, each prefixed with the exchange; empty when all conform. */
  public List<String> validate(List<Exchange> exchanges) {
    List<String> problems = new ArrayList<>();
    for (Exchange e : exchanges) {
      problems.addAll(validate(e));
    }
    return problems;
  }

  /** Problems of one exchange (request and response), each prefixed with the exchange. */
  public List<String> validate(Exchange e) {
    Objects.requireNonNull(e, "e");
    OpenApiInteractionValidator validator = validatorFor(e.path());
    if (validator == null) {
      return List.of(e + ": no published specification covers this path");
    }
    SimpleRequest.Builder request = new SimpleRequest.Builder(e.method(), e.path());
    for (Map.Entry<String, List<String>> q : e.query().entrySet()) {
      request.withQueryParam(q.getKey(), q.getValue());
    }
    if (e.authorization() != null) {
      request.withAuthorization(e.authorization());
    }
    if (e.requestBody() != null) {
      request.withBody(e.requestBody());
      request.withContentType(e.contentType() == null ? "application/json" : e.contentType());
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(e.status())
        .withContentType(e.responseContentType());
    if (e.responseBody() != null) {
      response.withBody(e.responseBody());
    }
    Request built = request.build();
    ValidationReport report = validator.validate(built, response.build());
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add(e + ": [" + m.getKey() + "] " + m.getMessage());
      }
    }
    return out;
  }

  private OpenApiInteractionValidator validatorFor(String path) {
    if (path.startsWith("/ext/api/v2/patients/")) {
      return patients;
    }
    if (path.startsWith("/ext/api/v2/employees/employee/") || path.startsWith("/ext/api/v2/employees/unavailabilities")) {
      return unavailabilities;
    }
    if (path.startsWith("/ext/api/v2/employees/")) {
      return employees;
    }
    if (path.startsWith("/ext/api/v2/scheduler/")) {
      return scheduler;
    }
    return null;
  }
}
