package io.github.rejoinerbroadleaf.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Captures the log lines of this package, whatever slf4j binding the test class path selects.
 * Today that is slf4j-log4j12 (provided, via Broadleaf), which wins over slf4j-simple; log4j's
 * console appender keeps its own reference to System.err, so an appender is attached instead.
 * With slf4j-simple (which looks System.err up per call) System.err is swapped.
 */
final class LogCapture implements AutoCloseable {

    private static final String PACKAGE = "io.github.rejoinerbroadleaf";

    private final List<String[]> lines = new ArrayList<>();
    private final AutoCloseable detach;

    private LogCapture() {
        String binding = LoggerFactory.getILoggerFactory().getClass().getName();
        detach = binding.contains("Log4j") ? Log4j.attach(PACKAGE, lines) : SystemErr.attach(lines);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** Everything logged, one line per event. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (String[] line : lines) {
            sb.append(line[0]).append(' ').append(line[1]).append('\n');
        }
        return sb.toString();
    }

    long warnings() {
        return lines.stream().filter(l -> l[0].equals("WARN")).count();
    }

    @Override
    public void close() {
        try {
            detach.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kept in its own class so that log4j classes are loaded only when log4j is the binding. */
    private static final class Log4j {
        static AutoCloseable attach(String name, List<String[]> lines) {
            org.apache.log4j.Logger logger = org.apache.log4j.Logger.getLogger(name);
            org.apache.log4j.Level previous = logger.getLevel();
            org.apache.log4j.AppenderSkeleton appender = new org.apache.log4j.AppenderSkeleton() {
                @Override
                protected void append(org.apache.log4j.spi.LoggingEvent event) {
                    String[] thrown = event.getThrowableStrRep();
                    lines.add(new String[] {event.getLevel().toString(),
                        event.getRenderedMessage() + (thrown == null ? "" : " " + String.join("\n", thrown))});
                }

                @Override
                public void close() {
                }

                @Override
                public boolean requiresLayout() {
                    return false;
                }
            };
            logger.setLevel(org.apache.log4j.Level.ALL);
            logger.addAppender(appender);
            return () -> {
                logger.removeAppender(appender);
                logger.setLevel(previous);
            };
        }
    }

    /** slf4j-simple prints "[thread] LEVEL logger - message" to System.err; parsed as it arrives. */
    private static final class SystemErr {
        static AutoCloseable attach(List<String[]> lines) {
            PrintStream original = System.err;
            System.setErr(new PrintStream(new ByteArrayOutputStream() {
                @Override
                public synchronized void flush() {
                    for (String line : new String(toByteArray(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isEmpty()) {
                            lines.add(new String[] {line.contains(" WARN ") ? "WARN" : "OTHER", line});
                        }
                    }
                    reset();
                }
            }, true));
            return () -> System.setErr(original);
        }
    }
}
