package io.battdat.parsers.neware;

/**
 * Neware's step types (the status byte of every record) and what they say in battdat terms: the charging state
 * and the control method. Composite steps (constant current then constant voltage) name no single method per
 * record, so they are {@code other}; steps whose direction the type does not say take it from the current.
 */
enum StepType {
    CC_CHG(1, "CC_Chg", Direction.CHARGE, "constant_current"),
    CC_DCHG(2, "CC_DChg", Direction.DISCHARGE, "constant_current"),
    CV_CHG(3, "CV_Chg", Direction.CHARGE, "constant_voltage"),
    REST(4, "Rest", Direction.REST, "rest"),
    CYCLE(5, "Cycle", Direction.FROM_CURRENT, "other"),
    CCCV_CHG(7, "CCCV_Chg", Direction.CHARGE, "other"),
    CP_DCHG(8, "CP_DChg", Direction.DISCHARGE, "constant_power"),
    CP_CHG(9, "CP_Chg", Direction.CHARGE, "constant_power"),
    CR_DCHG(10, "CR_DChg", Direction.DISCHARGE, "other"),
    PAUSE(13, "Pause", Direction.REST, "rest"),
    PULSE(16, "Pulse", Direction.FROM_CURRENT, "pulse"),
    SIM(17, "SIM", Direction.FROM_CURRENT, "other"),
    CV_DCHG(19, "CV_DChg", Direction.DISCHARGE, "constant_voltage"),
    CCCV_DCHG(20, "CCCV_DChg", Direction.DISCHARGE, "other"),
    CONTROL(21, "Control", Direction.FROM_CURRENT, "other"),
    OCV(22, "OCV", Direction.REST, "rest"),
    CPCV_DCHG(26, "CPCV_DChg", Direction.DISCHARGE, "other"),
    CPCV_CHG(27, "CPCV_Chg", Direction.CHARGE, "other"),
    UNKNOWN(-1, "Unknown", Direction.FROM_CURRENT, "unknown");

    /** Below this |current| (A) a step of unspecified direction is resting (battdat's AddState default). */
    static final double REST_CURRENT = 1e-4;

    private static final StepType[] BY_CODE = new StepType[256];

    static {
        for (StepType t : values()) {
            if (t.code >= 0) {
                BY_CODE[t.code] = t;
            }
        }
    }

    enum Direction { CHARGE, DISCHARGE, REST, FROM_CURRENT }

    final int code;
    final String label;
    final Direction direction;
    final byte[] method;
    final byte[] labelBytes;

    StepType(int code, String label, Direction direction, String method) {
        this.code = code;
        this.label = label;
        this.direction = direction;
        this.method = method.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.labelBytes = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The type of a status code; {@link #UNKNOWN} for codes this parser does not know. */
    static StepType of(int code) {
        StepType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return t == null ? UNKNOWN : t;
    }

    /** Starts a charge (CC, CP or CC-CV charge): where the charge-first cycle count may advance. */
    boolean startsChargeCycle() {
        return this == CC_CHG || this == CCCV_CHG || this == CP_CHG;
    }

    /** A charge or discharge step by its name (the types with {@code _Chg} or {@code _DChg}). */
    boolean isDirected() {
        return label.indexOf('_') >= 0;
    }

    boolean isDischarge() {
        return label.endsWith("_DChg");
    }

    static final byte[] CHARGING = ascii("charging");
    static final byte[] DISCHARGING = ascii("discharging");
    static final byte[] RESTING = ascii("resting");

    /** battdat's state of a record of this type with this current (A). */
    byte[] state(double current) {
        return switch (direction) {
            case CHARGE -> CHARGING;
            case DISCHARGE -> DISCHARGING;
            case REST -> RESTING;
            case FROM_CURRENT -> Math.abs(current) <= REST_CURRENT ? RESTING : current > 0 ? CHARGING : DISCHARGING;
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
