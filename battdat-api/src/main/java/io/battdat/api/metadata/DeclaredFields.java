package io.battdat.api.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The declared fields of one metadata model, listed once in JSON order (pydantic's) under their JSON names. The
 * model's values, its builder's values, equality, the JSON it writes and the names an extra field may not take
 * all follow this list, so a new field is one line here plus its getter and its builder method.
 */
final class DeclaredFields {
    private final List<Field<?>> fields = new ArrayList<>();

    /**
     * One declared field: where its value sits among the model's values, and the rule its value must pass.
     *
     * @param <T>   the field's Java type
     * @param name  the JSON name, also the name errors give
     * @param index the place in the model's values
     * @param check validates a value (given the field's name) and returns the value the model keeps
     */
    record Field<T>(String name, int index, BiFunction<String, T, T> check) {
        /** The value the model keeps for what the builder holds. */
        @SuppressWarnings("unchecked")
        Object checked(Object value) {
            return check.apply(name, (T) value);
        }
    }

    /** Declares an optional field that takes any value. */
    <T> Field<T> add(String name) {
        return add(name, (field, value) -> value);
    }

    /** Declares a field whose value must pass a check; what the check returns is what the model keeps. */
    <T> Field<T> add(String name, BiFunction<String, T, T> check) {
        Field<T> field = new Field<>(name, fields.size(), check);
        fields.add(field);
        return field;
    }

    /**
     * Declares a field that several models share under one constant (the name of the named models); the constant
     * fixes the field's place, so it must be declared exactly there in each table.
     */
    <T> Field<T> add(Field<T> shared) {
        if (shared.index() != fields.size()) {
            throw new IllegalStateException("field " + shared.name() + " must be declared at place " + shared.index()
                    + ", not " + fields.size());
        }
        fields.add(shared);
        return shared;
    }

    /** The fields in JSON order. */
    List<Field<?>> all() {
        return fields;
    }

    /** How many fields. */
    int size() {
        return fields.size();
    }

    /** Whether a JSON name is one of the fields' (an extra field must not take it). */
    boolean declares(String name) {
        for (Field<?> field : fields) {
            if (field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
