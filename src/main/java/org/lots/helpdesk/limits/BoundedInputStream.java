package org.lots.helpdesk.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes of a stream; one byte more throws {@link BodyTooLarge}. */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Never ask for more than one byte past the limit, so that an oversized body is not read on.
        int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) count(n);
        return n;
    }

    private void count(int n) throws BodyTooLarge {
        read += n;
        if (read > limit) throw new BodyTooLarge(limit);
    }

    /** Reads the whole stream into memory, refusing more than {@code limit} bytes. */
    public static byte[] readAll(InputStream in, long limit) throws IOException {
        return new BoundedInputStream(in, limit).readAllBytes();
    }
}
