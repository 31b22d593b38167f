package io.battdat.parsers.neware;

import java.nio.file.Path;

/**
 * The fixed-size slots of a paged {@code .ndc} member (ndc version 5 and later): a 4096-byte file header, then
 * 4096-byte pages, each with a page header, a run of equal records, and a page trailer. A slot's number (from 1
 * over the whole member) is the record index the other members refer to.
 */
final class NdcPages implements RecordBytes {
    static final int PAGE = 4096;

    private final ByteWindow w;
    private final Path file;
    private final String member;
    private final int first;
    private final int end;
    private final int stride;
    private final int perPage;
    private boolean useCount;
    private boolean loaded;
    private boolean counted;
    private int slot;
    private int pageEnd;
    private long page = -1;

    /**
     * @param w      the member, positioned after its file header
     * @param first  offset in a page of the first slot
     * @param end    offset in a page where the slots end
     * @param stride the record length
     */
    NdcPages(ByteWindow w, Path file, String member, int first, int end, int stride) {
        this.w = w;
        this.file = file;
        this.member = member;
        this.first = first;
        this.end = end;
        this.stride = stride;
        this.perPage = (end - first) / stride;
    }

    /**
     * Trusts the count of used slots that data pages keep in their header (u16 at byte 2): slots past it are
     * skipped, slots within it are records even when all zero. A count of 0 or above the page's slots is not
     * trusted; all slots are then given.
     */
    NdcPages usingPageCounts() {
        useCount = true;
        return this;
    }

    /** Whether the current page's used-slot count was trusted (see {@link #usingPageCounts}). */
    boolean counted() {
        return counted;
    }

    /** Moves to the next slot; false at the end of the member. */
    boolean next() {
        if (loaded) {
            slot += stride;
            if (slot + stride <= pageEnd) {
                return true;
            }
            w.skip(PAGE);
            loaded = false;
        }
        while (true) {
            int have = w.ensure(PAGE);
            if (have == 0) {
                return false;
            }
            if (have < PAGE) {
                throw NewareErrors.bad(file, member, "truncated: the page at byte " + w.offset() + " has " + have
                        + " of its " + PAGE + " bytes");
            }
            page++;
            int count = w.u16(2);
            counted = useCount && count > 0 && count <= perPage;
            pageEnd = counted ? first + count * stride : end;
            if (pageEnd - first >= stride) {
                loaded = true;
                slot = first;
                return true;
            }
            w.skip(PAGE);
        }
    }

    /** The slot's number, from 1. */
    long number() {
        return page * perPage + (slot - first) / stride + 1;
    }

    @Override
    public int u8(int at) {
        return w.u8(slot + at);
    }

    short i16(int at) {
        return w.i16(slot + at);
    }

    @Override
    public int i32(int at) {
        return w.i32(slot + at);
    }

    @Override
    public long u32(int at) {
        return w.u32(slot + at);
    }

    @Override
    public long i64(int at) {
        return w.i64(slot + at);
    }

    float f32(int at) {
        return w.f32(slot + at);
    }
}
