package io.battdat.parsers.arbinres;

/**
 * The numeric columns of one test's records, one record at a time, in (Data_Point) order. Each value is a
 * double (Arbin stores 16/32-bit integers, floats and doubles, all exact in a double); a missing value is NaN.
 */
interface SortedRows extends AutoCloseable {

    /** Moves to the next record; false at the end. */
    boolean next();

    /** Value of the current record's column at {@code slot} (the order of the column names given at creation). */
    double get(int slot);

    /** Releases temporary files; never throws. */
    @Override
    void close();
}
