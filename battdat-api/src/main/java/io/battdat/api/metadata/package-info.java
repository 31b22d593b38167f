/**
 * The battery metadata document stored once per file: {@link io.battdat.api.metadata.BatteryMetadata} and the
 * descriptions it holds (test protocol, battery, electrodes, electrolyte, model). Immutable, built with builders,
 * parsed with the Python model's lenient rules, and keeping every field it does not know
 * (docs/format.md section 4).
 */
package io.battdat.api.metadata;
