package io.battdat.parsers.neware;

/**
 * The current range of the older integer records (nda 29, ndc 2 and 5): it sets the scale of the stored current,
 * capacity and energy integers (to mA, mA-s, mW-s). The table is Neware's set of ranges, in mA; negative ranges
 * are the same ranges on channels that report them signed.
 */
final class CurrentRange {
    private CurrentRange() {
    }

    /** The factor from the stored integers to mA for this range; NaN for a range Neware does not have. */
    static double scale(int range) {
        int r = Math.abs(range);
        if (range == -100_000_000) {
            return 10;
        }
        switch (r) {
            case 0:
                return 0;
            case 1, 2, 5:
                return range < 0 ? 1e-5 : 1e-4;
            case 10, 20, 25, 50:
                return range < 0 ? 1e-4 : 1e-3;
            case 100:
                return range < 0 ? 1e-3 : 1e-2;
            case 200, 250:
                if (range < 0) {
                    break;
                }
                return 1e-2;
            case 500:
                return range < 0 ? 1e-3 : 1e-2;
            case 1000, 2000, 3000, 5000, 6000, 10_000, 12_000, 20_000, 30_000, 40_000, 50_000, 60_000, 100_000,
                    200_000:
                if (range > 0 && (r == 2000 || r == 3000 || r == 5000)) {
                    break;
                }
                return range < 0 ? 1e-2 : 1e-1;
            default:
                break;
        }
        return Double.NaN;
    }
}
