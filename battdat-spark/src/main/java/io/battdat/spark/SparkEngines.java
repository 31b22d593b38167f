package io.battdat.spark;

import io.battdat.hadoop.HadoopStorage;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Engines whose URIs ({@code hdfs://}, {@code s3a://}) resolve with the job's Hadoop configuration and credentials:
 * the driver takes the session's configuration and ships it to the executors as plain properties (Hadoop's
 * {@link Configuration} is not serializable), where an engine is built once per distinct configuration.
 */
final class SparkEngines {
    // a job has one configuration; the bound only keeps a long-lived executor from collecting them
    private static final int MAX_CACHED = 8;
    private static final Map<Map<String, String>, BattdatEngine> ENGINES = new HashMap<>();

    private SparkEngines() {
    }

    /** The active session's Hadoop configuration as properties, or empty outside a session. */
    static HashMap<String, String> driverHadoopConf() {
        HashMap<String, String> out = new HashMap<>();
        SparkSession session = SparkSession.getActiveSession().getOrElse(() -> null);
        if (session == null) {
            return out;
        }
        Configuration conf = session.sessionState().newHadoopConf();
        conf.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The driver's engine, with the session's Hadoop configuration. */
    static BattdatEngine driver() {
        return engine(driverHadoopConf());
    }

    /** An engine resolving URIs with this configuration (the plain engine when it is empty). */
    static synchronized BattdatEngine engine(Map<String, String> hadoopConf) {
        if (hadoopConf == null || hadoopConf.isEmpty()) {
            return Battdat.engine();
        }
        BattdatEngine engine = ENGINES.get(hadoopConf);
        if (engine == null) {
            if (ENGINES.size() >= MAX_CACHED) {
                ENGINES.clear();
            }
            Configuration conf = new Configuration(false);
            hadoopConf.forEach(conf::set);
            BattdatEngine base = Battdat.engine();
            engine = new BattdatEngine(base.registry().withStorage(List.of(
                    HadoopStorage.builder().configuration(conf).build())), base.options());
            ENGINES.put(Map.copyOf(hadoopConf), engine);
        }
        return engine;
    }
}
