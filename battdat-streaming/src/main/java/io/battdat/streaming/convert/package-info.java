/**
 * Conversion of cycler exports into battdat files: {@link io.battdat.streaming.convert.Converter} runs a vendor
 * parser, derives the columns it asks for (duplicates dropped, state, steps, control method, sub-steps) while
 * streaming, and writes through a storage backend, aborting on failure so that no file looks complete
 * (docs/conversion.md).
 */
package io.battdat.streaming.convert;
