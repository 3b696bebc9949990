package io.morphospark.datasets;

/** Input a user can fix (a spec, a flag, an output path): reported in one line, exit code 2. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
