package vn.ansinh.households.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportRows.HouseholdGroup;
import vn.ansinh.households.domain.ImportRows.HouseholdRow;
import vn.ansinh.households.domain.ImportRows.MemberRow;
import vn.ansinh.households.domain.ImportRows.SurveyRow;

/**
 * The files of an import read side by side, household by household, when each lists its rows in
 * order of household code (as survey tools export them, and the demo province's files are): the
 * three are merged as they are read, with no copy anywhere. A file out of that order stops the
 * reading with {@link NotSorted}; such files are imported through staging instead.
 *
 * <p>Order is that of {@link String#compareTo}: codes are ASCII letters, digits, '.', '_' and
 * '-', for which it is the byte order of collation "C" that staging sorts by.
 */
final class SortedFiles implements AutoCloseable {

    /** Files that cannot be imported this way (a file whose rows are not in order of household code). */
    static final class NotSorted extends RuntimeException {
        NotSorted(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Rows one at a time; null at the end. */
    interface Rows<T> extends AutoCloseable {
        T next();

        @Override
        void close();
    }

    private final ImportErrors errors;
    private final Head<HouseholdRow> households;
    private final Head<MemberRow> members;
    private final Head<SurveyRow> surveys;

    /**
     * @param readAhead whether each file is read on a thread of its own, ahead of the merge: the
     *        files are then read at once, where nothing else keeps the other core busy
     */
    SortedFiles(SurveyFiles files, ImportErrors errors, Path households, Path members, Path surveys,
            boolean readAhead) {
        this.errors = errors;
        this.households = new Head<>(households == null ? null : rows(files.openHouseholds(households), readAhead),
                SurveyFiles.HOUSEHOLDS, HouseholdRow::code, HouseholdRow::line);
        this.members = new Head<>(members == null ? null : rows(files.openMembers(members), readAhead),
                SurveyFiles.MEMBERS, MemberRow::householdCode, MemberRow::line);
        this.surveys = new Head<>(surveys == null ? null : rows(files.openSurveys(surveys), readAhead),
                SurveyFiles.SURVEYS, SurveyRow::householdCode, SurveyRow::line);
    }

    private static <T> Rows<T> rows(SurveyFiles.FileRows<T> file, boolean readAhead) {
        return readAhead ? new ReadAhead<>(file) : file;
    }

    /**
     * Everything the files say about the next household, or null at their end. A household listed
     * twice in households.csv is an error noted here (its first row is the one kept); surveys come
     * by year.
     */
    HouseholdGroup next() {
        String code = min(min(households.code(), members.code()), surveys.code());
        if (code == null) {
            return null;
        }
        List<HouseholdRow> rows = households.take(code);
        HouseholdRow household = rows.isEmpty() ? null : rows.get(0);
        for (HouseholdRow repeated : rows.subList(Math.min(1, rows.size()), rows.size())) {
            errors.add(new ImportError(SurveyFiles.HOUSEHOLDS, repeated.line(), "household_code",
                    "repeats household " + code + " of line " + household.line()));
        }
        List<SurveyRow> byYear = surveys.take(code);
        byYear.sort(Comparator.comparingInt(SurveyRow::year)); // stable: a repeated year keeps file order
        return new HouseholdGroup(code, household, members.take(code), byYear);
    }

    private static String min(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        households.close();
        members.close();
        surveys.close();
    }

    /** One file and the row read from it that is not taken yet. */
    private static final class Head<T> implements AutoCloseable {
        private final Rows<T> rows;
        private final String file;
        private final Function<T, String> code;
        private final ToIntFunction<T> line;
        private T next;

        Head(Rows<T> rows, String file, Function<T, String> code,
                ToIntFunction<T> line) {
            this.rows = rows;
            this.file = file;
            this.code = code;
            this.line = line;
            this.next = rows == null ? null : rows.next();
        }

        String code() {
            return next == null ? null : code.apply(next);
        }

        /** The rows of this household, which come next if any; the file must go on at a later code. */
        List<T> take(String household) {
            List<T> taken = new ArrayList<>(4);
            while (next != null && household.equals(code.apply(next))) {
                taken.add(next);
                next = rows.next();
            }
            if (next != null && code.apply(next).compareTo(household) < 0) {
                throw new NotSorted(file + " line " + line.applyAsInt(next) + " is not in order of household code");
            }
            return taken;
        }

        @Override
        public void close() {
            if (rows != null) {
                rows.close();
            }
        }
    }

    /**
     * A file's rows read on a thread of its own, a batch ahead at most: reading is most of the
     * work of checking, and one thread reading the three files in turn kept one core of two idle.
     */
    private static final class ReadAhead<T> implements Rows<T> {
        private static final int BATCH = 1_000;
        private static final List<Object> END = new ArrayList<>();

        private final BlockingQueue<List<T>> batches = new ArrayBlockingQueue<>(4);
        private final FutureTask<Void> reading;
        private Iterator<T> batch = Collections.emptyIterator();
        private boolean ended;

        @SuppressWarnings("unchecked")
        ReadAhead(Rows<T> rows) {
            reading = new FutureTask<>(() -> {
                try (rows) {
                    List<T> batch = new ArrayList<>(BATCH);
                    for (T row = rows.next(); row != null; row = rows.next()) {
                        batch.add(row);
                        if (batch.size() == BATCH) {
                            batches.put(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    batches.put(batch);
                    batches.put((List<T>) (List<?>) END);
                }
                return null;
            });
            Thread thread = new Thread(reading, "survey-import-read");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public T next() {
            while (!batch.hasNext()) {
                if (ended) {
                    return null;
                }
                List<T> next = nextBatch();
                if (next == (Object) END) {
                    ended = true;
                    return null;
                }
                batch = next.iterator();
            }
            return batch.next();
        }

        private List<T> nextBatch() {
            try {
                while (true) {
                    List<T> next = batches.poll(100, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        return next;
                    }
                    if (reading.isDone() && batches.isEmpty()) {
                        reading.get(); // the reading thread failed: its failure is the import's
                        throw new IllegalStateException("a survey file's reading stopped early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a survey file", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            reading.cancel(true); // a reader still running (the merge stopped early) is stopped and closes its file
        }
    }
}
