/**
 * Arbin cycler CSV exports (the classic export and MITS Pro dialects) as a
 * {@link io.battdat.api.parse.VendorParser} plugin, streamed into {@code raw_data}. Its format, column mapping and
 * differences from the Python reader are in this module's README.md.
 */
package io.battdat.parsers.arbin;
