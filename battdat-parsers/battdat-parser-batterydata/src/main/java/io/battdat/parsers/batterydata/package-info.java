/**
 * Battery Data Hub / NREL CSV exports ({@code -raw} and {@code -summary} files) as a
 * {@link io.battdat.api.parse.VendorParser} plugin, giving {@code raw_data}, {@code eis_data} and
 * {@code cycle_stats}. Its options and differences from the Python reader are in this module's README.md.
 */
package io.battdat.parsers.batterydata;
