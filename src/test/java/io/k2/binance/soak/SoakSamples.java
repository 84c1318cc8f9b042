package io.k2.binance.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Series of samples for the soak tests: RSS in MB at given seconds, the rest plausible. */
final class SoakSamples {

    static final long T0 = 1_764_000_000_000L;

    private SoakSamples() {
    }

    static SoakSample at(double seconds, double rssMb) {
        return at(seconds, rssMb, 0, 0);
    }

    static SoakSample at(double seconds, double rssMb, long reconnects, long rotations) {
        return new SoakSample(T0 + (long) (seconds * 1000), seconds, (long) (rssMb * 1024 * 1024),
                (long) (rssMb / 4 * 1024 * 1024), 0.1, (long) (seconds * 1000), (long) (seconds * 1000),
                Map.of("close_1006", reconnects), Map.of("lifetime", rotations), 0, 0);
    }

    /** One sample every {@code step} seconds from 0 to {@code seconds}, RSS from {@code startMb} rising by {@code mbPerHour}. */
    static List<SoakSample> linear(double seconds, double step, double startMb, double mbPerHour) {
        List<SoakSample> out = new ArrayList<>();
        for (double t = 0; t <= seconds; t += step) {
            out.add(at(t, startMb + mbPerHour * t / 3600));
        }
        return out;
    }
}
