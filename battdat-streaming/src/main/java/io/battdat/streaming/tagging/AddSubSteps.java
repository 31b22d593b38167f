package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;

import java.util.List;

/** Python's {@code AddSubSteps}: {@code substep_index} counts changes of {@code method}, from 0 in each cycle; needs {@code method}. */
public final class AddSubSteps extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddSubSteps() {
    }

    @Override
    public String name() {
        return "substeps";
    }

    @Override
    public List<DerivedColumn> columns(TableContext context) {
        return rawDataColumn("substep_index");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withSubsteps(true);
    }
}
