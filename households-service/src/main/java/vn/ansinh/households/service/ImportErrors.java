package vn.ansinh.households.service;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.ansinh.households.domain.ImportError;

/**
 * What is wrong with an import: every error counted, the first {@value #KEPT} kept for the
 * report, and the lines that failed remembered in a bit set per file, so that a file of
 * millions of bad rows costs little memory. Files are read at once: one error at a time.
 */
final class ImportErrors {

    static final int KEPT = 1_000;

    private final List<ImportError> kept = new ArrayList<>();
    private final Map<String, BitSet> failedLines = new HashMap<>();
    private int count;

    synchronized void add(ImportError error) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(error);
        }
        if (error.line() > 1) {
            failedLines.computeIfAbsent(error.file(), f -> new BitSet()).set(error.line());
        }
    }

    synchronized boolean any() {
        return count > 0;
    }

    synchronized int count() {
        return count;
    }

    /** Data rows with at least one error. */
    synchronized int failedRows() {
        return failedLines.values().stream().mapToInt(BitSet::cardinality).sum();
    }

    /** The errors kept, by file and line. */
    synchronized List<ImportError> report() {
        List<ImportError> report = new ArrayList<>(kept);
        report.sort(Comparator.comparing(ImportError::file).thenComparingInt(ImportError::line));
        return report;
    }
}
