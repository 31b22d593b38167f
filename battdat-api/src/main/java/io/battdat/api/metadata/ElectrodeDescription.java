package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An electrode (docs/format.md section 4.4). Only {@code name} is required; unknown fields are kept in {@code extra}.
 *
 * @param name      required name
 * @param supplier  supplier, or null
 * @param product   product name, or null
 * @param thickness thickness in um, at least 0, or null
 * @param area      area in cm^2, at least 0, or null
 * @param loading   loading in mg/cm^2, at least 0, or null
 * @param porosity  porosity in %, 0 to 100 inclusive, or null
 * @param extra     unknown fields in order (never null once built)
 */
public record ElectrodeDescription(String name, String supplier, String product, Double thickness, Double area,
                                   Double loading, Double porosity, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "supplier", "product", "thickness", "area", "loading",
            "porosity");

    /**
     * Validates and freezes the fields.
     *
     * @throws BadFormatException when the name is missing, a size is negative (or NaN), the porosity is outside
     *                            0..100, or an extra field repeats a declared one
     */
    public ElectrodeDescription {
        Fields.required("name", name);
        Fields.range("thickness", thickness, 0, Double.POSITIVE_INFINITY);
        Fields.range("area", area, 0, Double.POSITIVE_INFINITY);
        Fields.range("loading", loading, 0, Double.POSITIVE_INFINITY);
        Fields.range("porosity", porosity, 0, 100);
        extra = Fields.frozen(extra, FIELDS);
    }

    /** An electrode with only a name. */
    public static ElectrodeDescription named(String name) {
        return new ElectrodeDescription(name, null, null, null, null, null, null, Map.of());
    }

    /** A builder for an electrode of that name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this electrode's values. */
    public Builder toBuilder() {
        return new Builder().name(name).supplier(supplier).product(product).thickness(thickness).area(area)
                .loading(loading).porosity(porosity).extra(extra);
    }

    static ElectrodeDescription parse(Fields f, String path) {
        String name = f.requiredStr("name");
        String supplier = f.str("supplier");
        String product = f.str("product");
        Double thickness = f.dbl("thickness");
        Double area = f.dbl("area");
        Double loading = f.dbl("loading");
        Double porosity = f.dbl("porosity");
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct(path, () -> new ElectrodeDescription(name, supplier, product, thickness, area, loading,
                porosity, extra));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("supplier", supplier).put("product", product)
                .put("thickness", thickness).put("area", area).put("loading", loading).put("porosity", porosity)
                .extras(extra);
    }

    /** Builds an {@link ElectrodeDescription}. */
    public static final class Builder {
        private String name;
        private String supplier;
        private String product;
        private Double thickness;
        private Double area;
        private Double loading;
        private Double porosity;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the (required) name. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the supplier. */
        public Builder supplier(String value) {
            supplier = value;
            return this;
        }

        /** Sets the product name. */
        public Builder product(String value) {
            product = value;
            return this;
        }

        /** Sets the thickness in um (at least 0). */
        public Builder thickness(Double value) {
            thickness = value;
            return this;
        }

        /** Sets the area in cm^2 (at least 0). */
        public Builder area(Double value) {
            area = value;
            return this;
        }

        /** Sets the loading in mg/cm^2 (at least 0). */
        public Builder loading(Double value) {
            loading = value;
            return this;
        }

        /** Sets the porosity in % (0 to 100). */
        public Builder porosity(Double value) {
            porosity = value;
            return this;
        }

        /** Sets an extra (unknown) field. */
        public Builder extra(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        /** Replaces all extra fields. */
        public Builder extra(Map<String, Object> value) {
            extra.clear();
            if (value != null) {
                extra.putAll(value);
            }
            return this;
        }

        /**
         * The electrode.
         *
         * @throws BadFormatException when a field is invalid
         */
        public ElectrodeDescription build() {
            return new ElectrodeDescription(name, supplier, product, thickness, area, loading, porosity, extra);
        }
    }
}
