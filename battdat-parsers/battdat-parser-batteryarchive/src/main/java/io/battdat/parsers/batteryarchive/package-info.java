/**
 * BatteryArchive CSV in both directions: a {@link io.battdat.api.parse.VendorParser} that reads the timeseries and
 * cycle-data files, and a {@link io.battdat.api.parse.VendorExporter} that writes a cell in BatteryArchive's upload
 * layout, streaming. Details in this module's README.md.
 */
package io.battdat.parsers.batteryarchive;
