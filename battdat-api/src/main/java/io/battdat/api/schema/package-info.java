/**
 * Column schemas: what columns a table may have, their types, units and rules. The predefined schemas
 * {@link io.battdat.api.schema.RawData}, {@link io.battdat.api.schema.CycleLevelData} and
 * {@link io.battdat.api.schema.EISData} match the Python toolkit's, description strings included;
 * {@link io.battdat.api.schema.SchemaValidator} checks a table batch by batch while it streams
 * (docs/format.md section 5).
 */
package io.battdat.api.schema;
