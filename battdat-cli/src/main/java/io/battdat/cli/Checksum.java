package io.battdat.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' checksum (BENCHMARKS.md, "The checksum"): rows, runs of equal consecutive cycle_number, sequential
 * float64 sums of current and voltage from 0.0 (with Python's {@code float.hex}), exact sum of cycle_number.
 */
final class Checksum {
    long rows;
    long cycles;
    double sumCurrent;
    double sumVoltage;
    long sumCycleNumber;
    private boolean haveLast;
    private long lastCycle;

    /** Adds one row. */
    void add(double current, double voltage, long cycleNumber) {
        rows++;
        sumCurrent += current;
        sumVoltage += voltage;
        sumCycleNumber += cycleNumber;
        if (!haveLast || cycleNumber != lastCycle) {
            cycles++;
            lastCycle = cycleNumber;
            haveLast = true;
        }
    }

    /** Adds rows [0, n) of three column arrays. */
    void add(double[] current, double[] voltage, long[] cycleNumber, int n) {
        double c = sumCurrent;
        double v = sumVoltage;
        long s = sumCycleNumber;
        long runs = cycles;
        long last = lastCycle;
        boolean have = haveLast;
        for (int i = 0; i < n; i++) {
            c += current[i];
            v += voltage[i];
            long cn = cycleNumber[i];
            s += cn;
            if (!have || cn != last) {
                runs++;
                last = cn;
                have = true;
            }
        }
        sumCurrent = c;
        sumVoltage = v;
        sumCycleNumber = s;
        cycles = runs;
        lastCycle = last;
        haveLast = have;
        rows += n;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("cycles", cycles);
        m.put("sum_current", sumCurrent);
        m.put("sum_current_hex", PythonFloats.hex(sumCurrent));
        m.put("sum_voltage", sumVoltage);
        m.put("sum_voltage_hex", PythonFloats.hex(sumVoltage));
        m.put("sum_cycle_number", sumCycleNumber);
        return m;
    }
}
