/**
 * MACCOR tab-separated text exports ({@code name.001}, {@code name.002}, ...) as a
 * {@link io.battdat.api.parse.VendorParser} plugin, streamed into {@code raw_data} with cycles and times continued
 * across files. Its rules and differences from the Python reader are in this module's README.md.
 */
package io.battdat.parsers.maccor;
