package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;

import java.util.List;

/** Python's {@code AddSteps}: {@code step_index} counts changes of {@code state}, from 0 in each cycle; needs {@code state}. */
public final class AddSteps extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddSteps() {
    }

    @Override
    public String name() {
        return "steps";
    }

    @Override
    public List<DerivedColumn> columns(TableContext context) {
        return rawDataColumn("step_index");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withSteps(true);
    }
}
