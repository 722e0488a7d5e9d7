package oms.chassis.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The log on standard output, written in batches: flushed every 100 ms, at once after a WARN or
 * ERROR line, and when the JVM exits. Logback's ConsoleAppender makes one write system call per
 * line, and every request logs a line (the access log that carries its trace id): under load that
 * is a measurable share of a request's CPU on a virtual machine, where a system call is dear. The
 * price: a process killed with -9 loses at most the last 100 ms of INFO lines.
 */
public class BufferedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {

    private static final long FLUSH_EVERY_MS = 100;
    private static final int BUFFER_BYTES = 64 * 1024;

    private ScheduledExecutorService flusher;

    @Override
    public void start() {
        // System.out flushes on every write; in front of it, this buffer makes one write of many lines.
        setOutputStream(new BufferedOutputStream(System.out, BUFFER_BYTES));
        setImmediateFlush(false);
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "log-flush-at-exit"));
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        super.stop();
    }

    /** Flushes instead of closing: the stream is the process' standard output, which others still use. */
    @Override
    protected void closeOutputStream() {
        flush();
    }

    private void flush() {
        streamWriteLock.lock();
        try {
            OutputStream out = getOutputStream();
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            addError("Could not flush standard output", e);
        } finally {
            streamWriteLock.unlock();
        }
    }
}
