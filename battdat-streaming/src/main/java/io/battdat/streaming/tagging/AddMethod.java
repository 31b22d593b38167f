package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.TableContext;

/** Python's {@code AddMethod}: the control method of each step (rest, constant current or voltage, pulse...); needs {@code state}. */
public final class AddMethod extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddMethod() {
        super("method", "method");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withMethod(true);
    }
}
