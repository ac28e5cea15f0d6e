/**
 * Alert engine, built-in scheduling rules, notifiers and match scoring.
 */
package com.optimalworkforce.alerts;
