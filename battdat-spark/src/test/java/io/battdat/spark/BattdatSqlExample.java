package io.battdat.spark;

/** The Spark SQL query of the README, kept here so a test runs it. */
final class BattdatSqlExample {
    private BattdatSqlExample() {
    }

    /**
     * Discharge capacity (A-hr) per cycle of every cell: current integrated over time where it is negative
     * (battdat's sign: negative current discharges), over a view {@code raw} of the lake.
     */
    static final String DISCHARGE_CAPACITY_PER_CYCLE = """
            WITH steps AS (
              SELECT file, cell, cycle_number, current,
                     test_time - LAG(test_time) OVER (PARTITION BY file, cell ORDER BY test_time) AS dt
              FROM raw
              WHERE cycle_number IS NOT NULL
            )
            SELECT file, cell, cycle_number,
                   SUM(CASE WHEN current < 0 THEN -current * dt ELSE 0 END) / 3600 AS discharge_capacity_ah
            FROM steps
            GROUP BY file, cell, cycle_number
            ORDER BY file, cell, cycle_number
            """;
}
