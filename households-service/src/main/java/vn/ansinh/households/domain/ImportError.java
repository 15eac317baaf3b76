package vn.ansinh.households.domain;

/** One thing wrong with an import: the file, the line (1 is the header), the column and why. */
public record ImportError(String file, int line, String column, String message) {
}
