package com.optimalworkforce.connectors.wellsky.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator with the R4 core definitions, and caching (the support chain caches
 * through the caffeine cache provider). Building it and validating the first resource take a few
 * seconds: make one per test class.
 */
public final class FhirValidation {
  private final FhirValidator validator;

  public FhirValidation(FhirContext context) {
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    validator = context.newValidator().registerValidatorModule(module);
  }

  /** Messages of severity error or worse. */
  public List<String> errors(IBaseResource resource) {
    ValidationResult result = validator.validateWithResult(resource);
    return result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(FhirValidation::describe)
        .toList();
  }

  /** Every message, for diagnosis. */
  public List<String> messages(IBaseResource resource) {
    return validator.validateWithResult(resource).getMessages().stream().map(FhirValidation::describe).toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " at " + m.getLocationString() + ": " + m.getMessage();
  }
}
