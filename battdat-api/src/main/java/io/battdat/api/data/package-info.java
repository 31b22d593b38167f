/**
 * The columnar data model: a {@link io.battdat.api.data.ColumnBatch} is a read-only view of consecutive rows of a
 * table, one primitive array per column, and a {@link io.battdat.api.data.Row} a reusable view of one of them.
 * Producers (backends, parsers) fill a {@link io.battdat.api.data.BatchBuffer}. {@link io.battdat.api.data.TableLayout}
 * and {@link io.battdat.api.data.StorageType} describe how each column is stored (docs/format.md section 2.7).
 * Streams reuse batches and rows: copy what you keep.
 */
package io.battdat.api.data;
