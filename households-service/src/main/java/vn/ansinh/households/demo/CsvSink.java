package vn.ansinh.households.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Writes the demo province as the three CSV files of a survey import. */
public final class CsvSink implements DemoProvince.Sink, AutoCloseable {

    private final Writer households;
    private final Writer members;
    private final Writer surveys;

    private final Set<Integer> surveyYears;

    /** Writes the three files, with the surveys of these years only. */
    public CsvSink(Path households, Path members, Path surveys, Set<Integer> surveyYears) throws IOException {
        this.surveyYears = Set.copyOf(surveyYears);
        this.households = open(households, "household_code,area_code,address,head_name,ethnic_minority,merit_family");
        this.members = open(members, "household_code,full_name,citizen_id,date_of_birth,sex,relation_to_head,"
                + "ethnicity,disability,school_enrolled,social_protection_type");
        this.surveys = open(surveys, "household_code,year,income_per_person_month,deprivations");
    }

    private static Writer open(Path file, String header) throws IOException {
        Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        writer.write(header);
        writer.write('\n');
        return writer;
    }

    @Override
    public void household(DemoProvince.Household h) {
        line(households, h.code(), h.areaCode(), quoted(h.address()), h.headName(), flag(h.ethnicMinority()),
                flag(h.meritFamily()));
    }

    @Override
    public void member(DemoProvince.Member m) {
        line(members, m.householdCode(), m.fullName(), m.citizenId(), m.dateOfBirth().toString(), m.sex(),
                m.relationToHead(), m.ethnicity(), flag(m.disability()), flag(m.schoolEnrolled()), "");
    }

    @Override
    public void survey(DemoProvince.Survey s) {
        if (!surveyYears.contains(s.year())) {
            return;
        }
        line(surveys, s.householdCode(), Integer.toString(s.year()), Long.toString(s.incomePerPersonMonth()),
                String.join(";", s.deprivations()));
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void line(Writer writer, String... cells) {
        try {
            writer.write(String.join(",", cells));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        households.close();
        members.close();
        surveys.close();
    }
}
