package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.TableContext;

/** Python's {@code AddSteps}: {@code step_index} counts changes of {@code state}, from 0 in each cycle; needs {@code state}. */
public final class AddSteps extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddSteps() {
        super("steps", "step_index");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withSteps(true);
    }
}
