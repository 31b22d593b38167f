package io.battdat.parsers.neware;

import java.nio.file.Path;

/**
 * The fixed-size slots of a paged {@code .ndc} member (ndc version 5 and later): a 4096-byte file header, then
 * 4096-byte pages, each with a page header, a run of equal records, and a page trailer. A slot's number (from 1
 * over the whole member) is the record index the other members refer to.
 */
final class NdcPages implements RecordBytes {
    static final int PAGE = 4096;
    /** The data records of ndc 11 and later: voltage and current as float32. */
    static final Slots DATA = new Slots(132, 4092, 8);
    /** The whole records of ndc 5, in its data and auxiliary members. */
    static final Slots WHOLE_RECORDS = new Slots(125, 4040, 87);
    /** The run-info and step records of ndc 16 and 17. */
    static final Slots INFO_V16 = new Slots(132, 4032, 100);
    /** The auxiliary temperatures of ndc 14 and 17. */
    static final Slots AUX_V14 = new Slots(132, 4092, 4);

    /**
     * Where the records of a page lie.
     *
     * @param first  offset in a page of the first slot
     * @param end    offset in a page where the slots end
     * @param stride the record length
     */
    record Slots(int first, int end, int stride) {
        /** The slots a page holds. */
        int perPage() {
            return (end - first) / stride;
        }
    }

    private final ByteWindow w;
    private final Path file;
    private final String member;
    private final Slots slots;
    private boolean useCount;
    private boolean loaded;
    private boolean counted;
    private int slot;
    private int pageEnd;
    private long page = -1;

    /**
     * @param w     the member, positioned after its file header
     * @param slots where the member's records lie in a page
     */
    NdcPages(ByteWindow w, Path file, String member, Slots slots) {
        this.w = w;
        this.file = file;
        this.member = member;
        this.slots = slots;
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
            slot += slots.stride();
            if (slot + slots.stride() <= pageEnd) {
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
            counted = useCount && count > 0 && count <= slots.perPage();
            pageEnd = counted ? slots.first() + count * slots.stride() : slots.end();
            if (pageEnd - slots.first() >= slots.stride()) {
                loaded = true;
                slot = slots.first();
                return true;
            }
            w.skip(PAGE);
        }
    }

    /** The slot's number, from 1. */
    long number() {
        return page * slots.perPage() + (slot - slots.first()) / slots.stride() + 1;
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
