package io.battdat.hdf5;

import io.battdat.api.data.ColumnSpec;

/**
 * One member of a table's compound datatype (File Format Specification IV.A.2.d, compound class): where its
 * bytes sit in an element and what column they become.
 *
 * @param spec   the column
 * @param offset byte offset of the member within one element
 */
record CompoundMember(ColumnSpec spec, int offset) {
}
