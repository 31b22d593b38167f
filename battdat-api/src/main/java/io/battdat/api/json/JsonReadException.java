package io.battdat.api.json;

import java.io.IOException;

/**
 * JSON text that could not be read into the requested type, described in plain words: where ({@link #path()},
 * e.g. {@code battery.anode.porosity} or {@code associated_ids[0]}) and what is wrong ({@link #problem()}). When a
 * model's own validation rejected a value, {@link #getCause()} is that validation error.
 */
public final class JsonReadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;
    private final boolean syntax;

    JsonReadException(String path, String problem, boolean syntax, Throwable cause) {
        super(path.isEmpty() ? problem : path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
        this.syntax = syntax;
    }

    /** Where the problem is: field names joined by dots, list positions in brackets; empty for the whole text. */
    public String path() {
        return path;
    }

    /** What is wrong, in plain words. */
    public String problem() {
        return problem;
    }

    /** True when the text is not JSON at all (rather than JSON of the wrong shape). */
    public boolean isSyntaxError() {
        return syntax;
    }
}
