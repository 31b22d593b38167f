package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.TableContext;

/** Python's {@code AddSubSteps}: {@code substep_index} counts changes of {@code method}, from 0 in each cycle; needs {@code method}. */
public final class AddSubSteps extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddSubSteps() {
        super("substeps", "substep_index");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withSubsteps(true);
    }
}
