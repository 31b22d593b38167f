package io.battdat.api.metadata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extra-field plumbing every metadata model's builder shares; each builder's public {@code extra} methods
 * delegate here so that they keep returning the builder's own type.
 */
abstract class ModelBuilder {
    /** The extra fields so far, in their order; frozen by {@link MetadataModel}'s constructor. */
    final Map<String, Object> extra = new LinkedHashMap<>();

    /** Sets one extra field: a new key goes after the existing ones, a known key keeps its place. */
    final void putExtra(String key, Object value) {
        extra.put(key, value);
    }

    /** Replaces all extra fields (none when null). */
    final void replaceExtra(Map<String, Object> value) {
        extra.clear();
        if (value != null) {
            extra.putAll(value);
        }
    }
}
