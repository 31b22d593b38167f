package io.battdat.parsers.common;

import io.battdat.api.parse.VendorParser;

import java.util.List;

/**
 * A vendor parser whose format name, description and extensions are fixed when it is constructed, so that each
 * parser states them in one constructor call instead of three methods. Parsers that give a reason for their
 * verdict also implement {@link io.battdat.api.parse.ExplainingVendorParser}; {@link #spiVersion()} stays with
 * each parser, so that the SPI version it was compiled against is fixed into its own class file.
 */
public abstract class NamedVendorParser implements VendorParser {
    private final String formatName;
    private final String description;
    private final List<String> extensions;

    /**
     * @param formatName  the short unique format name, lower case, what {@code battdat convert --format} takes
     * @param description one line for {@code battdat formats}
     * @param extensions  the file name extensions the parser usually reads, lower case, without dots
     */
    protected NamedVendorParser(String formatName, String description, List<String> extensions) {
        this.formatName = formatName;
        this.description = description;
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public final String formatName() {
        return formatName;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> extensions() {
        return extensions;
    }
}
