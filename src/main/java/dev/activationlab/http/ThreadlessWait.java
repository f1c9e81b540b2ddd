package dev.activationlab.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request waiting, without a thread, for what another request gives back (a heavy turn, a share
 * of the memory budget), at most a timeout; resumed by a dispatch when it is granted. Subclasses
 * say how the request is resumed and what a timeout answers.
 */
abstract class ThreadlessWait implements AsyncListener {

    final HttpServletRequest request;
    final HttpServletResponse response;
    private final long timeoutMillis;
    AsyncContext context;
    private boolean granted;

    ThreadlessWait(HttpServletRequest request, HttpServletResponse response, long timeoutMillis) {
        this.request = request;
        this.response = response;
        this.timeoutMillis = timeoutMillis;
    }

    /** Gives the thread back: the request goes on when {@link #grant()} runs, or times out. */
    final void waitWithoutThread() {
        AsyncContext started = request.startAsync();
        started.setTimeout(timeoutMillis);
        started.addListener(this);
        synchronized (this) {
            context = started;
            if (granted) {
                resume();
            }
        }
    }

    /**
     * What the request waits for has come (on the thread of the request that gave it back, possibly
     * before {@link #waitWithoutThread()} has started the wait: then the wait resumes at once).
     */
    final synchronized void grant() {
        granted = true;
        if (context != null) {
            resume();
        }
    }

    /** Marks the request with what it was granted and dispatches it. */
    abstract void resume();

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
