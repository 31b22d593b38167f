/**
 * JSON as battdat files hold it: metadata documents and column schemas are read into ordered plain Java values and
 * written compactly, in the field order and number format of the Python toolkit (docs/format.md section 4.1), so
 * that documents written by both compare equal.
 */
package io.battdat.api.json;
