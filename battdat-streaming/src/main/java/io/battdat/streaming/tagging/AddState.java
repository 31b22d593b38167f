package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.TableContext;

/** Python's {@code AddState}: {@code resting} when |current| is at most the threshold (1e-4 A by default), else {@code charging} or {@code discharging} by its sign. */
public final class AddState extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddState() {
        super("state", "state");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withState(context.options().restCurrentThreshold(), true);
    }
}
