package dev.vigil.dataset;

import java.io.IOException;

/** A CSV file that could be read but does not hold a well-formed table: no header, a ragged row, bad quoting. */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    CsvFormatException(String message) {
        super(message);
    }

    CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
