package io.battdat.parsers.neware;

/**
 * Little-endian reads of one record, wherever it sits: in a page slot ({@link NdcPages}) or at the read position of
 * a window ({@link ByteWindow}). Offsets are relative to the record's first byte.
 */
interface RecordBytes {
    int u8(int at);

    int i32(int at);

    long u32(int at);

    long i64(int at);
}
