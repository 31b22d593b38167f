package io.battdat.streaming.tagging;

import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;

import java.util.List;

/** Python's {@code AddMethod}: the control method of each step (rest, constant current or voltage, pulse...); needs {@code state}. */
public final class AddMethod extends TaggingEnhancer {

    /** For {@code ServiceLoader}. */
    public AddMethod() {
    }

    @Override
    public String name() {
        return "method";
    }

    @Override
    public List<DerivedColumn> columns(TableContext context) {
        return rawDataColumn("method");
    }

    @Override
    PostProcessing plan(TableContext context) {
        return PostProcessing.none().withMethod(true);
    }
}
