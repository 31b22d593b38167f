package io.battdat.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * The converter tree parquet-java's column readers are built with. We read values through the column readers'
 * typed getters, never through converters, so every converter here ignores what it is given.
 */
final class NoConverter extends GroupConverter {
    private static final PrimitiveConverter IGNORE = new PrimitiveConverter() {
    };

    @Override
    public Converter getConverter(int fieldIndex) {
        return IGNORE;
    }

    @Override
    public void start() {
        // values are read through the column readers
    }

    @Override
    public void end() {
        // values are read through the column readers
    }
}
