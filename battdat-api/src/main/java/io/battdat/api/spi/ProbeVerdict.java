package io.battdat.api.spi;

import java.util.Objects;

/**
 * A {@link ProbeResult} with the reason a provider gives for it: why a file is not (or only by its name) in its
 * format ({@code missing column 'Voltage'}), so that auto-detection that finds no parser can tell the user what each
 * parser looked for. Immutable; made with the static factories.
 */
public final class ProbeVerdict {
    private static final ProbeVerdict SIGNATURE = new ProbeVerdict(ProbeResult.SIGNATURE, "");

    private final ProbeResult result;
    private final String reason;

    private ProbeVerdict(ProbeResult result, String reason) {
        this.result = Objects.requireNonNull(result, "result");
        this.reason = reason == null ? "" : reason;
    }

    /** The content carries the format's signature; no reason needed. */
    public static ProbeVerdict signature() {
        return SIGNATURE;
    }

    /**
     * Only the name suggests the format.
     *
     * @param reason why the content was not recognised (e.g. {@code no complete header line in the first 4 KB})
     */
    public static ProbeVerdict extension(String reason) {
        return new ProbeVerdict(ProbeResult.EXTENSION, reason);
    }

    /**
     * Not this format.
     *
     * @param reason what the file lacks, in a few words ({@code missing column 'Voltage'}, {@code not a .csv file})
     */
    public static ProbeVerdict no(String reason) {
        return new ProbeVerdict(ProbeResult.NO, reason);
    }

    /** A verdict without a reason (what a provider that gives none returns). */
    public static ProbeVerdict of(ProbeResult result) {
        return result == ProbeResult.SIGNATURE ? SIGNATURE : new ProbeVerdict(result, "");
    }

    /** The verdict. */
    public ProbeResult result() {
        return result;
    }

    /** Why, in a few words; empty for {@link ProbeResult#SIGNATURE} and when the provider gave no reason. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeVerdict v && result == v.result && reason.equals(v.reason);
    }

    @Override
    public int hashCode() {
        return result.hashCode() * 31 + reason.hashCode();
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? result.name() : result + " (" + reason + ")";
    }
}
