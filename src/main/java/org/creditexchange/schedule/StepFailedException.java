package org.creditexchange.schedule;

/** A step that ran to its end but with failures: the message is its summary, saying what failed. */
public class StepFailedException extends RuntimeException {

    public StepFailedException(String summary) {
        super(summary);
    }
}
