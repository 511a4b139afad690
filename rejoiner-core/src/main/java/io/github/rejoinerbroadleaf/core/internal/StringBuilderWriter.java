package io.github.rejoinerbroadleaf.core.internal;

import java.io.Writer;

/** An unsynchronised Writer into a caller's StringBuilder (StringWriter locks and copies). */
public final class StringBuilderWriter extends Writer {

    private final StringBuilder sb;

    public StringBuilderWriter(StringBuilder sb) {
        this.sb = sb;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        sb.append(cbuf, off, len);
    }

    @Override
    public void write(int c) {
        sb.append((char) c);
    }

    @Override
    public void write(String str, int off, int len) {
        sb.append(str, off, off + len);
    }

    @Override
    public Writer append(CharSequence csq) {
        sb.append(csq);
        return this;
    }

    @Override
    public void flush() {
        // nothing buffered here
    }

    @Override
    public void close() {
        // the StringBuilder belongs to the caller
    }
}
