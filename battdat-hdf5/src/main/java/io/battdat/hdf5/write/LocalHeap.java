package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's Local Heap (III.D): a 32-byte header ({@code HEAP}, version 0, data segment size, offset of the first
 * free block, data segment address) and a data segment of NUL-terminated link names, each padded to 8, the empty
 * name at offset 0 (docs/commit-protocol.md section 2.2). Free space is a list of free blocks, each starting with the
 * offset
 * of the next one (1 ends the list) and its own size.
 *
 * <p>Names are added as HDF5 adds them: first fit in the free list, and when nothing fits the segment grows by at
 * least its own size. Changes reach the file without ever leaving a heap that a reader would refuse, and without
 * touching a byte a committed name uses:
 * <ul>
 *   <li>names that fit go into free space of the live segment: the free list is first detached (an 8-byte write of
 *       "no free block" into the header), then the names and the new free block headers are written into what is
 *       now unlisted space, then the list is attached again;</li>
 *   <li>a grown segment is written whole at the end of the file (the old names at their old offsets), and the header
 *       is swung to it with one 24-byte write (size, free list, address) after the end-of-file address covers it.
 *       The old segment is leaked, as HDF5 leaks it in a version 0 file.</li>
 * </ul>
 */
final class LocalHeap {
    static final int HEADER = 32;
    /** HDF5's "no free block" (H5HL_FREE_NULL): a free list ends with it. */
    static final long FREE_LIST_END = 1;
    /** A free block's own header: the next block's offset and this block's size (H5HL_SIZEOF_FREE). */
    static final int FREE_BLOCK_HEADER = 16;
    /** Data segment size of a new group's heap as HDF5 makes it: "" plus room for four short names and a free block. */
    static final int NEW_SEGMENT = 88;
    private static final long DATA_SIZE_FIELD = 8;
    private static final long FREE_LIST_FIELD = 16;

    /** One free block: where it starts in the segment and how long it is. */
    private static final class FreeBlock {
        long offset;
        long size;

        FreeBlock(long offset, long size) {
            this.offset = offset;
            this.size = size;
        }
    }

    private long address = Bytes.UNDEFINED;
    private long segmentAddress = Bytes.UNDEFINED;
    private byte[] segment;
    private final List<FreeBlock> free = new ArrayList<>();
    private final Map<Long, byte[]> names = new HashMap<>();
    /** The free list as the file has it: (offset, next, size) triples; changed headers are rewritten. */
    private List<long[]> writtenFreeList = List.of();
    private long writtenHead = FREE_LIST_END;
    /** Bytes changed in the live segment since the last write, as a range (empty when from >= to). */
    private int changedFrom = Integer.MAX_VALUE;
    private int changedTo;
    private boolean grown;
    /** A grown segment written at the end of the file, waiting for {@link #swing}. */
    private long pendingSegment = Bytes.UNDEFINED;

    private LocalHeap() {
    }

    /** A new group's heap: the empty name and one free block. */
    static LocalHeap create() {
        LocalHeap h = new LocalHeap();
        h.segment = new byte[NEW_SEGMENT];
        h.free.add(new FreeBlock(8, NEW_SEGMENT - 8));
        return h;
    }

    /**
     * Reads the heap whose header is at {@code address}; sizes are checked against the file before anything is
     * allocated, and the free list is followed with the checks HDF5 makes.
     */
    static LocalHeap read(Hdf5Channel file, String group, long address) {
        ByteBuffer h = file.read(address, HEADER);
        if (h.get(0) != 'H' || h.get(1) != 'E' || h.get(2) != 'A' || h.get(3) != 'P' || h.get(4) != 0) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "no local heap (version 0) at address " + address, null);
        }
        long size = h.getLong(8);
        long head = h.getLong(16);
        long at = h.getLong(24);
        long fileSize;
        try {
            fileSize = file.channel().size() - file.base();
        } catch (IOException e) {
            fileSize = Long.MAX_VALUE;
        }
        if (size < 8 || at < 0 || size > fileSize || at > fileSize - size || size > Integer.MAX_VALUE - 8) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "local heap at " + address + " claims " + size
                    + " bytes at address " + at + ", outside the file", null);
        }
        LocalHeap heap = new LocalHeap();
        heap.address = address;
        heap.segmentAddress = at;
        heap.segment = new byte[(int) size];
        file.read(at, (int) size).get(heap.segment);
        ByteBuffer s = ByteBuffer.wrap(heap.segment).order(ByteOrder.LITTLE_ENDIAN);
        long next = head;
        while (next != FREE_LIST_END) {
            if (next <= 0 || next > size - FREE_BLOCK_HEADER || heap.free.size() > size / FREE_BLOCK_HEADER) {
                throw new BadFormatException(ErrorLocation.of(file.file(), group),
                        "bad free list in the local heap at " + address, null);
            }
            long blockSize = s.getLong((int) next + 8);
            if (blockSize < FREE_BLOCK_HEADER || blockSize > size - next) {
                throw new BadFormatException(ErrorLocation.of(file.file(), group), "bad free block at offset " + next
                        + " in the local heap at " + address, null);
            }
            heap.free.add(new FreeBlock(next, blockSize));
            next = s.getLong((int) next);
        }
        heap.writtenHead = head;
        heap.writtenFreeList = heap.freeListTriples();
        return heap;
    }

    /** The header's address, or {@link Bytes#UNDEFINED} before a new heap is written. */
    long address() {
        return address;
    }

    /** The data segment's size. */
    int segmentSize() {
        return segment.length;
    }

    /** The NUL-terminated name at {@code offset}, or null when the offset lies outside the segment. */
    byte[] name(long offset) {
        if (offset < 0 || offset >= segment.length) {
            return null;
        }
        return names.computeIfAbsent(offset, o -> {
            int start = (int) (long) o;
            int end = start;
            while (end < segment.length && segment[end] != 0) {
                end++;
            }
            return Arrays.copyOfRange(segment, start, end);
        });
    }

    /** Adds a name (UTF-8 bytes, no NUL) and returns its offset. */
    long insert(byte[] name) {
        int need = Bytes.pad8(name.length + 1);
        FreeBlock fit = firstFit(need);
        if (fit == null) {
            grow(need);
            fit = firstFit(need);
        }
        long offset = fit.offset;
        if (fit.size - need >= FREE_BLOCK_HEADER) {
            fit.offset += need;
            fit.size -= need;
        } else {
            free.remove(fit); // HDF5 too gives away a remainder too small to list
        }
        Arrays.fill(segment, (int) offset, (int) offset + need, (byte) 0);
        System.arraycopy(name, 0, segment, (int) offset, name.length);
        names.put(offset, name.clone());
        changed((int) offset, (int) offset + need);
        return offset;
    }

    private FreeBlock firstFit(int need) {
        for (FreeBlock b : free) {
            if (b.size >= need) {
                return b;
            }
        }
        return null;
    }

    /** As HDF5: the segment grows by max(need, its size); a free block at its end absorbs the new room. */
    private void grow(int need) {
        int old = segment.length;
        long bigger = (long) old + Math.max(need, old);
        if (bigger > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("local heap would exceed 2 GiB");
        }
        segment = Arrays.copyOf(segment, (int) bigger);
        FreeBlock last = null;
        for (FreeBlock b : free) {
            if (b.offset + b.size == old) {
                last = b;
            }
        }
        if (last != null) {
            last.size += bigger - old;
        } else {
            free.add(new FreeBlock(old, bigger - old));
        }
        grown = true;
    }

    private void changed(int from, int to) {
        changedFrom = Math.min(changedFrom, from);
        changedTo = Math.max(changedTo, to);
    }

    private List<long[]> freeListTriples() {
        List<long[]> t = new ArrayList<>(free.size());
        for (int i = 0; i < free.size(); i++) {
            t.add(new long[]{free.get(i).offset, i + 1 < free.size() ? free.get(i + 1).offset : FREE_LIST_END,
                    free.get(i).size});
        }
        return t;
    }

    private long head() {
        return free.isEmpty() ? FREE_LIST_END : free.get(0).offset;
    }

    /** Encodes the free block headers into the segment, marking those that differ from the file's as changed. */
    private void encodeFreeList() {
        ByteBuffer s = ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN);
        List<long[]> now = freeListTriples();
        for (long[] t : now) {
            s.putLong((int) t[0], t[1]).putLong((int) t[0] + 8, t[2]);
            boolean same = writtenFreeList.stream().anyMatch(w -> Arrays.equals(w, t));
            if (!same) {
                changed((int) t[0], (int) t[0] + FREE_BLOCK_HEADER);
            }
        }
    }

    /** Whether {@link #write} has something to write. */
    boolean changed() {
        return address == Bytes.UNDEFINED || grown || changedFrom < changedTo;
    }

    /**
     * Writes what changed: a new heap whole at the end of the file (returning its address), a grown segment at the
     * end (swung later by {@link #swing}), or the names that fit into the live segment's free space, with the free
     * list detached while they are written. Returns the header's address.
     */
    long write(Hdf5Channel file) {
        encodeFreeList();
        if (address == Bytes.UNDEFINED) {
            byte[] bytes = new Bytes().bytes("HEAP".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).u8(0)
                    .zeros(3).u64(segment.length).u64(head()).u64(file.end() + HEADER).bytes(segment).toArray();
            address = file.allocate(bytes, bytes.length);
            segmentAddress = address + HEADER;
            written();
        } else if (grown) {
            pendingSegment = file.allocate(segment, segment.length);
        } else if (changedFrom < changedTo) {
            if (writtenHead != FREE_LIST_END) {
                file.writeLong(address + FREE_LIST_FIELD, FREE_LIST_END);
                file.barrier();
            }
            file.write(segmentAddress + changedFrom, ByteBuffer.wrap(segment, changedFrom, changedTo - changedFrom));
            file.barrier();
            if (head() != FREE_LIST_END) {
                file.writeLong(address + FREE_LIST_FIELD, head());
            }
            written();
        }
        return address;
    }

    /**
     * Swings the header to a grown segment written by {@link #write}: size, free list and address in one write. The
     * end-of-file address must cover the segment first. Returns whether there was one.
     */
    boolean swing(Hdf5Channel file) {
        if (pendingSegment == Bytes.UNDEFINED) {
            return false;
        }
        file.write(address + DATA_SIZE_FIELD, ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0, segment.length).putLong(8, head()).putLong(16, pendingSegment));
        segmentAddress = pendingSegment;
        pendingSegment = Bytes.UNDEFINED;
        written();
        return true;
    }

    private void written() {
        grown = false;
        changedFrom = Integer.MAX_VALUE;
        changedTo = 0;
        writtenHead = head();
        writtenFreeList = freeListTriples();
    }
}
