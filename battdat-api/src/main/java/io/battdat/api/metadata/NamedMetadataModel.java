package io.battdat.api.metadata;

import io.battdat.api.metadata.DeclaredFields.Field;

/**
 * A metadata model that must have a name: an electrode, an electrolyte, an additive, the model behind simulated
 * data. The name is the first declared field of each such model (pydantic writes it first), so its getter lives
 * here once. Only the models of this package extend it.
 */
public abstract class NamedMetadataModel extends MetadataModel {
    /** First in every named model's table of fields, so that the one constant serves them all. */
    static final Field<String> NAME = new Field<>("name", 0, Validation::required);

    /**
     * Takes the builder's values, as {@link MetadataModel} does.
     *
     * @param builder the builder whose values the model keeps
     */
    NamedMetadataModel(MetadataModel.Builder<?> builder) {
        super(builder);
    }

    /** A new table of declared fields that starts with the required name; the model declares its own after it. */
    static DeclaredFields fieldsAfterName() {
        DeclaredFields fields = new DeclaredFields();
        fields.add(NAME);
        return fields;
    }

    /**
     * The required name (never null in a built model).
     *
     * @return the name
     */
    public String name() {
        return get(NAME);
    }
}
