package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Finds the constant of an enum that a number read from a file (client data or a header) stands for. */
final class StoredCodes {

    private StoredCodes() {
    }

    /**
     * The first constant whose number is {@code stored}.
     *
     * @param unknown the message for a number no constant has, naming the numbers that are known
     * @throws HdfFilterException when no constant has that number
     */
    static <E extends Enum<E>> E find(E[] constants, ToIntFunction<E> numberOf, int stored, Supplier<String> unknown) {
        for (E constant : constants) {
            if (numberOf.applyAsInt(constant) == stored) {
                return constant;
            }
        }
        throw new HdfFilterException(unknown.get());
    }
}
