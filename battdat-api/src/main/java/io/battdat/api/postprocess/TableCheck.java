package io.battdat.api.postprocess;

import io.battdat.api.data.ColumnBatch;

import java.util.List;

/** One {@link ConsistencyChecker} running over one table. */
public interface TableCheck {

    /** The next batch, in storage order; a view valid during the call. */
    void accept(ColumnBatch batch);

    /**
     * The table ended.
     *
     * @return the warnings, read-only, empty when none
     * @throws io.battdat.api.BattdatException when the table cannot be judged (say too few rows)
     */
    List<String> finish();
}
