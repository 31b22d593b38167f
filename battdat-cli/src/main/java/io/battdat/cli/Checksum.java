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
    /** The cycle_number of the last row added; meaningful once {@code rows > 0}. */
    private long lastCycle;

    /** Adds one row. */
    void add(double current, double voltage, long cycleNumber) {
        if (rows == 0 || cycleNumber != lastCycle) {
            cycles++;
            lastCycle = cycleNumber;
        }
        rows++;
        sumCurrent += current;
        sumVoltage += voltage;
        sumCycleNumber += cycleNumber;
    }

    /** Adds rows [0, n) of three column arrays. */
    void add(double[] current, double[] voltage, long[] cycleNumber, int n) {
        addCurrentAndVoltage(current, voltage, n);
        addCycleNumbers(cycleNumber, n);
        rows += n;
    }

    /**
     * The two sums in one loop: each is a chain of dependent additions, and two chains side by side take the time
     * of one. Locals, not fields, so that the JIT keeps them in registers.
     */
    private void addCurrentAndVoltage(double[] current, double[] voltage, int n) {
        double c = sumCurrent;
        double v = sumVoltage;
        for (int i = 0; i < n; i++) {
            c += current[i];
            v += voltage[i];
        }
        sumCurrent = c;
        sumVoltage = v;
    }

    /** Sums cycle_number and counts its runs; called before {@code rows} counts these rows. */
    private void addCycleNumbers(long[] cycleNumber, int n) {
        if (rows == 0 && n > 0) {
            // the very first row begins the first run
            cycles = 1;
            lastCycle = cycleNumber[0];
        }
        long sum = sumCycleNumber;
        long runs = cycles;
        long last = lastCycle;
        for (int i = 0; i < n; i++) {
            long cn = cycleNumber[i];
            sum += cn;
            if (cn != last) {
                runs++;
                last = cn;
            }
        }
        sumCycleNumber = sum;
        cycles = runs;
        lastCycle = last;
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
