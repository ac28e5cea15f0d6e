/**
 * WellSky connector: standard FHIR R4 and WellSky Personal Care's Home Connect dialect.
 */
package com.optimalworkforce.connectors.wellsky;
