package io.battdat.cli.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that hands each enabled event to {@link CliLogging}, formatted on one line. */
final class CliLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CliLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return CliLogging.enabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return CliLogging.enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return CliLogging.enabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return CliLogging.enabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return CliLogging.enabled(name, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        // the facade checks the level before it calls here, but the LegacyAbstractLogger path may not
        if (!CliLogging.enabled(name, level)) {
            return;
        }
        CliLogging.write(name, level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
    }
}
