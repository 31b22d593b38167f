package io.battdat.cli.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The SLF4J provider of the {@code battdat} jar: every library's log events become single lines on the command's
 * error stream ({@code battdat: warning: ...}), so a warning never looks like a crash and SLF4J never reports that it
 * found no provider. Registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} of battdat-cli only;
 * libraries depend on {@code slf4j-api} alone and a host application brings its own provider.
 */
public final class CliLoggerProvider implements SLF4JServiceProvider {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CliLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Made by SLF4J's service lookup. */
    public CliLoggerProvider() {
        // no work here: SLF4J calls initialize() once it has chosen this provider
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: CliLogging holds the level and the stream, set per command
    }
}
