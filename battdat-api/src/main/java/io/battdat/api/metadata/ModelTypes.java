package io.battdat.api.metadata;

/** Kinds of models behind simulated data (spec 3.5); the JSON value is the lower-case name. */
public enum ModelTypes {
    /** Physics-based simulation. */
    PHYSICS("physics"),
    /** Data-driven model. */
    DATA("data"),
    /** Empirical model. */
    EMPIRICAL("empirical");

    private final String json;

    ModelTypes(String json) {
        this.json = json;
    }

    /** The value stored in JSON. */
    public String json() {
        return json;
    }

    static ModelTypes fromJson(Object v, String path) {
        String s = Fields.string(v, path);
        for (ModelTypes t : values()) {
            if (t.json.equals(s)) {
                return t;
            }
        }
        throw Fields.invalid(path, "must be one of physics, data, empirical; got \"" + s + "\"");
    }
}
