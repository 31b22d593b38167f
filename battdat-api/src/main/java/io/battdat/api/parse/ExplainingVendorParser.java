package io.battdat.api.parse;

import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ProbeVerdict;

/**
 * A {@link VendorParser} that decides detection with its reason: it implements {@link #explainProbe} only, and
 * {@link #probe} is that verdict's {@link ProbeVerdict#result() result}, so the two can never disagree. Parsers
 * whose verdict needs a reason (which columns are missing, which name was expected) implement this instead of
 * writing {@code probe} as a call to {@code explainProbe}.
 */
public interface ExplainingVendorParser extends VendorParser {

    /**
     * The verdict on the probed file with its reason; same rules as {@link VendorParser#explainProbe}: no I/O and
     * no exception.
     */
    @Override
    ProbeVerdict explainProbe(FileProbe probe);

    /** The result of {@link #explainProbe}. */
    @Override
    default ProbeResult probe(FileProbe probe) {
        return explainProbe(probe).result();
    }
}
