/**
 * The CSV reading the vendor parsers share: FastCSV's callback API delivering each line's fields as character
 * ranges into a {@link io.battdat.api.parse.FieldRow}, so numbers are parsed without allocating a string per
 * field. A library for the parser modules, not a plugin itself.
 */
package io.battdat.parsers.csv;
