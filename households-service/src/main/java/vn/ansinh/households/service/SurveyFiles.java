package vn.ansinh.households.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import vn.ansinh.households.domain.CitizenId;
import vn.ansinh.households.domain.Household;
import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportRows;
import vn.ansinh.households.domain.ImportRows.HouseholdRow;
import vn.ansinh.households.domain.ImportRows.MemberRow;
import vn.ansinh.households.domain.ImportRows.SurveyRow;
import vn.ansinh.households.domain.Member;
import vn.ansinh.households.domain.Survey;
import vn.ansinh.platform.events.IsoTimes;

/**
 * Reads the three CSV files of a survey import (UTF-8, comma-separated, header row; columns in
 * any order) row by row, noting every cell that cannot be read or is wrong on its own. Checks
 * across rows and against the registry are made on the staged rows.
 */
final class SurveyFiles {

    static final String HOUSEHOLDS = ImportRows.HOUSEHOLDS;
    static final String MEMBERS = ImportRows.MEMBERS;
    static final String SURVEYS = ImportRows.SURVEYS;

    static final List<String> HOUSEHOLD_COLUMNS = List.of("household_code", "area_code", "address", "head_name",
            "ethnic_minority", "merit_family");
    static final List<String> MEMBER_COLUMNS = List.of("household_code", "full_name", "citizen_id", "date_of_birth",
            "sex", "relation_to_head", "ethnicity", "disability", "school_enrolled", "social_protection_type");
    static final List<String> SURVEY_COLUMNS = List.of("household_code", "year", "income_per_person_month",
            "deprivations");

    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern AREA_CODE = Pattern.compile("\\d{5}");

    /** Where the rows that could be read go. */
    interface RowSink {
        void household(HouseholdRow row);

        void member(MemberRow row);

        void survey(SurveyRow row);
    }

    private final ImportErrors errors;
    private final IntConsumer progress;
    private final AtomicInteger read = new AtomicInteger();
    // dates of birth are checked against it: read once, not for each of millions of rows
    private final LocalDate today = LocalDate.now();

    /** @param progress told the number of rows read so far, now and then */
    SurveyFiles(ImportErrors errors, IntConsumer progress) {
        this.errors = errors;
        this.progress = progress;
    }

    /** Data rows read so far in all files (header rows not counted). */
    int rowsRead() {
        return read.get();
    }

    /**
     * Reads one of the files ({@link #HOUSEHOLDS}, {@link #MEMBERS} or {@link #SURVEYS}), passing
     * on every row without errors. The files of an import may be read at the same time, each on
     * its own thread with its own sink.
     */
    void read(String file, Path path, RowSink sink) {
        switch (file) {
            case HOUSEHOLDS -> each(openHouseholds(path), sink::household);
            case MEMBERS -> each(openMembers(path), sink::member);
            case SURVEYS -> each(openSurveys(path), sink::survey);
            default -> throw new IllegalArgumentException("no survey file " + file);
        }
    }

    private static <T> void each(FileRows<T> rows, Consumer<T> sink) {
        try (rows) {
            for (T row = rows.next(); row != null; row = rows.next()) {
                sink.accept(row);
            }
        }
    }

    /** The rows of households.csv, read one at a time: see {@link FileRows}. */
    FileRows<HouseholdRow> openHouseholds(Path path) {
        return new FileRows<>(path, HOUSEHOLDS, HOUSEHOLD_COLUMNS, this::household);
    }

    FileRows<MemberRow> openMembers(Path path) {
        return new FileRows<>(path, MEMBERS, MEMBER_COLUMNS, this::member);
    }

    FileRows<SurveyRow> openSurveys(Path path) {
        return new FileRows<>(path, SURVEYS, SURVEY_COLUMNS, this::survey);
    }

    private interface RowReader<T> {
        Optional<T> row(int line, Cells cells);
    }

    /**
     * The rows of one file without errors, in file order, one at a time; every error met on the
     * way (a cell, a missing column, a file that is not UTF-8 or not CSV) is noted, and a file
     * that cannot be read further simply ends.
     */
    final class FileRows<T> implements SortedFiles.Rows<T> {
        private final String file;
        private final RowReader<T> reader;
        private Reader text;
        private MappingIterator<String[]> rows;
        private Map<String, Integer> header;
        private int columns;
        private int line = 1;

        private FileRows(Path path, String file, List<String> expected, RowReader<T> reader) {
            this.file = file;
            this.reader = reader;
            try {
                text = utf8(path);
                // rows as arrays, cells found by the header's column numbers: a map per row was a
                // quarter of reading a province's files
                rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text);
                if (!rows.hasNextValue()) {
                    close();
                    return;
                }
                header = new HashMap<>();
                String[] names = rows.nextValue();
                columns = names.length;
                for (int i = 0; i < names.length; i++) {
                    header.putIfAbsent(names[i].strip(), i);
                }
                List<String> missing = expected.stream().filter(c -> !header.containsKey(c)).toList();
                if (!missing.isEmpty()) {
                    errors.add(new ImportError(file, 1, null, "missing column(s) " + String.join(", ", missing)
                            + "; the header must name " + String.join(", ", expected)));
                    close();
                    return;
                }
                // the cells are asked for by these very constants: found by identity, not compared
                // character by character for each of millions of cells
                Map<String, Integer> byConstant = new IdentityHashMap<>();
                expected.forEach(column -> byConstant.put(column, header.get(column)));
                header = byConstant;
            } catch (IOException | RuntimeException e) {
                unreadable(e);
            }
        }

        /** The next row without errors, or null at the end of the file. */
        @Override
        public T next() {
            try {
                while (rows != null && rows.hasNextValue()) {
                    String[] row = rows.nextValue();
                    line++;
                    Optional<T> read = reader.row(line, new Cells(file, line, header, columns, row));
                    int total = SurveyFiles.this.read.incrementAndGet();
                    if (total % 10_000 == 0) {
                        progress.accept(total);
                    }
                    if (read.isPresent()) {
                        return read.get();
                    }
                }
            } catch (IOException | RuntimeException e) {
                unreadable(e);
            }
            close();
            return null;
        }

        private void unreadable(Exception e) {
            errors.add(new ImportError(file, 0, null, e instanceof CharacterCodingException
                    ? "the file is not UTF-8 text" : "the file is not readable CSV: " + firstLine(e.getMessage())));
            close();
        }

        @Override
        public void close() {
            rows = null;
            if (text != null) {
                try {
                    text.close();
                } catch (IOException e) {
                    // only read from: nothing was lost
                }
                text = null;
                progress.accept(SurveyFiles.this.read.get());
            }
        }
    }

    private static Reader utf8(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path));
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private Optional<HouseholdRow> household(int line, Cells cells) {
        String code = cells.code("household_code");
        String area = cells.matching("area_code", AREA_CODE, "must be the 5-digit GSO code of a commune");
        String address = cells.required("address", 300);
        String head = cells.required("head_name", 120);
        Boolean ethnicMinority = cells.flag("ethnic_minority");
        Boolean merit = cells.flag("merit_family");
        if (cells.failed) {
            return Optional.empty();
        }
        return Optional.of(new HouseholdRow(line, code,
                new Household.Details(area, address, head, ethnicMinority, merit)));
    }

    private Optional<MemberRow> member(int line, Cells cells) {
        String household = cells.code("household_code");
        String name = cells.required("full_name", 120);
        String citizenId = cells.optional("citizen_id");
        if (citizenId != null && !CitizenId.twelveDigits(citizenId)) {
            cells.error("citizen_id", "must be 12 digits");
        }
        LocalDate born = cells.date("date_of_birth");
        Member.Sex sex = cells.choice("sex", Member.Sex.class);
        Member.Relation relation = cells.choice("relation_to_head", Member.Relation.class);
        String ethnicity = cells.required("ethnicity", 40);
        Boolean disability = cells.flag("disability");
        Boolean school = cells.flag("school_enrolled");
        String protection = cells.optional("social_protection_type");
        if (citizenId != null && !cells.failed) {
            String problem = CitizenId.problem(citizenId, born, sex);
            if (problem != null) {
                cells.error("citizen_id", problem);
            }
        }
        if (cells.failed) {
            return Optional.empty();
        }
        return Optional.of(new MemberRow(line, household, new Member.Details(name, citizenId, born, sex,
                relation, ethnicity, disability, school, protection)));
    }

    private Optional<SurveyRow> survey(int line, Cells cells) {
        String household = cells.code("household_code");
        Long year = cells.number("year", 2000, 2100);
        Long income = cells.number("income_per_person_month", 0, 1_000_000_000_000L);
        String deprivations = cells.optional("deprivations");
        Set<String> codes = deprivations == null ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(deprivations.split(";")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList());
        if (cells.failed) {
            return Optional.empty();
        }
        return Optional.of(new SurveyRow(line, household, year.intValue(), new Survey.Answers(income, codes)));
    }

    /** The cells of one row, noting what is wrong with each. */
    private final class Cells {
        private final String file;
        private final int line;
        private final Map<String, Integer> header;
        private final String[] values;
        boolean failed;

        Cells(String file, int line, Map<String, Integer> header, int columns, String[] values) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.values = values;
            if (values.length > columns) {
                errors.add(new ImportError(file, line, null, "has " + values.length + " cells; the header names "
                        + columns + " columns"));
                failed = true;
            }
        }

        void error(String column, String message) {
            errors.add(new ImportError(file, line, column, message));
            failed = true;
        }

        String optional(String column) {
            int index = header.get(column); // every column read here was checked to be in the header
            String value = index < values.length ? values[index] : null;
            return value == null || value.isBlank() ? null : value.strip();
        }

        String required(String column, int max) {
            String value = optional(column);
            if (value == null) {
                error(column, "is required");
            } else if (value.length() > max) {
                error(column, "is longer than " + max + " characters");
            }
            return value;
        }

        String code(String column) {
            String value = required(column, 40);
            if (value != null && !isCode(value)) {
                error(column, "may contain only letters, digits, '.', '_' and '-'");
            }
            return value;
        }

        String matching(String column, Pattern pattern, String message) {
            String value = optional(column);
            if (value == null) {
                error(column, "is required");
            } else if (!pattern.matcher(value).matches()) {
                error(column, message);
            }
            return value;
        }

        Boolean flag(String column) {
            String value = optional(column);
            if (value == null) {
                return false;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "true", "x", "có", "co" -> true;
                case "0", "false", "không", "khong" -> false;
                default -> {
                    error(column, "must be 1 or 0 (true/false, có/không)");
                    yield false;
                }
            };
        }

        LocalDate date(String column) {
            String value = optional(column);
            if (value == null) {
                error(column, "is required");
                return null;
            }
            try {
                LocalDate date = isoDate(value);
                if (date.isAfter(today)) {
                    error(column, "is in the future");
                }
                return date;
            } catch (DateTimeParseException e) {
                error(column, "must be a date as YYYY-MM-DD");
                return null;
            }
        }

        <E extends Enum<E>> E choice(String column, Class<E> type) {
            String value = optional(column);
            try {
                if (value != null) {
                    return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
                }
                error(column, "is required");
            } catch (IllegalArgumentException e) {
                error(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
            return null;
        }

        Long number(String column, long min, long max) {
            String value = optional(column);
            if (value == null) {
                error(column, "is required");
                return null;
            }
            try {
                long number = Long.parseLong(value);
                if (number < min || number > max) {
                    error(column, "must be between " + min + " and " + max);
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "must be a whole number (no separators)");
                return null;
            }
        }
    }

    /** Letters, digits, '.', '_' and '-' (a loop: the regular expression was a tenth of reading a file). */
    static boolean isCode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A date as YYYY-MM-DD, as {@link LocalDate#parse} reads it: the common form by the platform's
     * fast reader (the formatter was a sixth of reading members.csv), any other by the formatter.
     */
    static LocalDate isoDate(String value) {
        LocalDate date = IsoTimes.dateOrNull(value);
        return date != null ? date : LocalDate.parse(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
