/**
 * Dated forecasts of measured capacity series: a seasonal trend model fitted to a series' daily
 * peaks, prediction intervals from its residuals and its parameters' uncertainty, and the date the
 * peaks cross a threshold, as an interval (docs/forecast.md).
 */
package dev.headroom.analysis.forecast;
