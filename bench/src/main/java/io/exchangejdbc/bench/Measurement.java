package io.exchangejdbc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The repeated runs of one contender in one scenario: times, process CPU times, rows, requests
 * and heap, summarised by their medians.
 */
final class Measurement {

    final String scenario;
    final String contender;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Long> peakHeapBytes = new ArrayList<>();
    private final List<Double> cpuSeconds = new ArrayList<>();
    private long rows;
    private long requests;

    Measurement(String scenario, String contender) {
        this.scenario = scenario;
        this.contender = contender;
    }

    void add(double runSeconds, long runRows, long runRequests, long runPeakHeap) {
        seconds.add(runSeconds);
        peakHeapBytes.add(runPeakHeap);
        rows = runRows;
        requests = runRequests;
    }

    /** Records the process CPU time of the last run added (every thread, emulator included). */
    void cpu(double runCpuSeconds) {
        cpuSeconds.add(runCpuSeconds);
    }

    /** The median process CPU seconds per run; NaN when not measured. */
    double medianCpuSeconds() {
        return cpuSeconds.isEmpty() ? Double.NaN : median(cpuSeconds);
    }

    double medianSeconds() {
        return median(seconds);
    }

    double rowsPerSecond() {
        double s = medianSeconds();
        return s <= 0 ? 0 : rows / s;
    }

    long rows() {
        return rows;
    }

    long requests() {
        return requests;
    }

    long medianPeakHeap() {
        List<Double> d = new ArrayList<>();
        for (long b : peakHeapBytes) {
            d.add((double) b);
        }
        return (long) median(d);
    }

    int runs() {
        return seconds.size();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
