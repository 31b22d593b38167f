/**
 * The errors of battdat-java. Every error a user can see is a {@link io.battdat.api.BattdatException}, unchecked,
 * whose message begins with the file, the table and, where known, the row; its subclasses say what kind of failure
 * it is (a file that cannot be read, bad input, a missing table, a schema violation, a cycle mismatch, a plugin
 * problem, a failed write). The sub-packages hold the data model, the metadata, the column schemas and the SPIs;
 * see docs/architecture.md section 6.
 */
package io.battdat.api;
