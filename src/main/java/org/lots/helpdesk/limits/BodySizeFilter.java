package org.lots.helpdesk.limits;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps every request body before anyone reads it: a declared length over the limit gets 413 at once, and a body
 * without a declared length (chunked) is cut off when it passes the limit. Runs first of all filters. The Telegram
 * webhook is left to its controller, which checks the secret before it looks at the size.
 */
class BodySizeFilter extends OncePerRequestFilter {

    static final String WEBHOOK = "/telegram/webhook";
    private final LimitsProperties limits;

    BodySizeFilter(LimitsProperties limits) {
        this.limits = limits;
    }

    long limitFor(String path) {
        return path.startsWith("/api/editor/") ? limits.maxEditorBody().toBytes() : limits.maxBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + WEBHOOK);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        // Tomcat closes the connection rather than read (swallow) more than server.tomcat.max-swallow-size.
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"request body too large (at most " + limit + " bytes)\"}");
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new BoundedServletStream(super.getInputStream(), limit);
            return stream;
        }
    }

    private static final class BoundedServletStream extends ServletInputStream {
        private final ServletInputStream in;
        private final BoundedInputStream bounded;

        BoundedServletStream(ServletInputStream in, long limit) {
            this.in = in;
            this.bounded = new BoundedInputStream(in, limit);
        }

        @Override
        public int read() throws IOException {
            return bounded.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return bounded.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
