package dev.activationlab.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.RequestFacade;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Admits each API request to memory and to the CPU so that slow, stalled and greedy clients
 * cannot take what other requests need, and no request thread ({@link RequestThreads}) ever waits
 * for a client:
 * <ol>
 * <li>a request that waited for a request thread longer than {@code max-compute-wait} is answered
 * 503 with {@code Retry-After} at once (load shedding);</li>
 * <li>a body over 64 KB reserves four times its size for JSON (the body, the numbers parsed from
 * it, the numbers computed and the answer), and 4 to 10 times for raw and .npy numbers (by the
 * element size), from the in-flight memory budget; if its share is not free it waits for it
 * before its body is read, without a thread, first come, first served, at most
 * {@code max-compute-wait}, else its body is read and dropped and the answer is 503 with
 * {@code Retry-After};</li>
 * <li>the body is read in full before the request computes: what has arrived with the head at
 * once, the rest without blocking ({@link BodyReader}; the thread is given back while bytes
 * are missing), at no less than the minimum rate once the grace period has passed, else 408 and
 * the connection closed;</li>
 * <li>heavy requests (bodies over {@code heavy-body}, and the paths configured as heavy:
 * training, simulations, plots) compute at most {@code heavy-concurrency} at once, so that they
 * never hold every request thread; the others wait for their turn, first come, first served, without a thread, at most
 * {@code max-compute-wait}, else 503; requests with bodies over 8 KB take one of a compute slot
 * per processor, waiting on their thread at most as long: with no more of them computing than
 * there are cores, the scheduler does not cut them short (small requests take no slot, which
 * would cost them a wake-up each);</li>
 * <li>the answer is computed into a buffer; one longer than 64 KB is written without blocking
 * ({@link AnswerWriter}), so that a client that reads slowly holds memory (counted in the
 * budget: from then on the body and the answer only, the rest of the reservation given back) but
 * no thread, and for at most {@code max-transfer-time}.</li>
 * </ol>
 * Event streams ({@code Accept: text/event-stream}) take their turn or slot like other requests
 * but are not buffered: they are written as they happen, and their work runs on the progress
 * streams' own pool. Paths outside {@code /api/} (the playground, the OpenAPI document) are not
 * counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(AdmissionProperties.class)
public class AdmissionFilter extends OncePerRequestFilter {

    /** Bodies up to this size (bytes) are not counted against the memory budget. */
    static final int LARGE_BODY = 64 * 1024;

    /**
     * Bytes of heap a large JSON request is assumed to hold per byte of its body: the body, the
     * doubles read from it and computed (about 0.4 byte each per byte of text), and the answer.
     */
    static final int MEMORY_PER_BODY_BYTE = 4;

    /**
     * Answers up to this size (bytes) are written in one blocking write: the socket's buffers take
     * them at once, and the asynchronous write costs more than the answer.
     */
    static final int BLOCKING_ANSWER = 64 * 1024;

    /** Request attribute: the memory reserved for a request resumed when its claim was granted. */
    private static final String MEMORY_GRANTED = AdmissionFilter.class.getName() + ".MEMORY_GRANTED";

    /** Request attribute: the (empty) reservation of a request whose wait for memory timed out. */
    private static final String MEMORY_REFUSED = AdmissionFilter.class.getName() + ".MEMORY_REFUSED";

    /** Request attribute: the admission of a request resumed by an asynchronous dispatch. */
    private static final String RESUMED = AdmissionFilter.class.getName() + ".RESUMED";

    /**
     * Requests with bodies over this size (bytes) that are not heavy take a compute slot: they
     * compute long enough (a 1,000-number body, about 0.4 ms) to be cut short by the scheduler
     * when more threads compute than there are cores.
     */
    static final int COMPUTE_SLOT_BODY = 8 * 1024;

    private final WorkAdmission admission;
    private final List<HeavyPath> heavyPaths;
    private final long heavyBody;
    private final long maxComputeWaitNanos;
    private final String overloadDetail;
    private final TransferRate rate;
    private final String memoryBusyDetail;

    public AdmissionFilter(AdmissionProperties properties) {
        this.admission = new WorkAdmission(properties.effectiveHeavyConcurrency(),
                Runtime.getRuntime().availableProcessors(),
                properties.inFlightMemoryBytes(Runtime.getRuntime().maxMemory()));
        this.heavyPaths = properties.heavyPaths().stream().map(HeavyPath::of).toList();
        this.heavyBody = properties.heavyBody().toBytes();
        this.maxComputeWaitNanos = properties.maxComputeWait().toNanos();
        this.overloadDetail = properties.overloadDetail();
        this.rate = new TransferRate(properties.minBodyRate().toBytes(), properties.bodyRateGrace().toNanos(),
                properties.maxTransferTime().toNanos(), properties.slowBodyDetail());
        this.memoryBusyDetail = "Large requests in flight hold the service's memory budget ("
                + admission.memoryBudget() / (1024 * 1024) + " MiB); try again in a moment.";
    }

    /** The heavy lane and memory budget this filter admits requests to. */
    public WorkAdmission admission() {
        return admission;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    /** Requests resumed after their body was read, or their heavy turn came, continue here. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Admission resumed = (Admission) request.getAttribute(RESUMED);
        if (resumed != null) {
            request.removeAttribute(RESUMED);
            if (!shedIfQueuedTooLong(request, response, resumed.memory)) {
                admit(resumed, request, response, chain);
            } else if (resumed.heavyTurn) {
                admission.leaveHeavy();
            }
            return;
        }
        MemoryReservation refused = (MemoryReservation) request.getAttribute(MEMORY_REFUSED);
        if (refused != null) {
            request.removeAttribute(MEMORY_REFUSED);
            new BodyReader(request, response, request.getContentLengthLong(), refused, 0, true, rate,
                    memoryBusyDetail, body -> { }).start();
            return;
        }
        MemoryReservation memory = (MemoryReservation) request.getAttribute(MEMORY_GRANTED);
        if (memory != null) {
            request.removeAttribute(MEMORY_GRANTED);
        } else if (isAsyncDispatch(request)) {
            // Spring MVC's own dispatch of an asynchronous handler's result: admitted before.
            chain.doFilter(request, response);
            return;
        }
        boolean granted = memory != null;
        if (!granted) {
            memory = new MemoryReservation(admission);
        }
        if (shedIfQueuedTooLong(request, response, memory)) {
            return;
        }
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        int perByte = memoryPerBodyByte(request);
        if (declared > LARGE_BODY && !granted
                && !new MemoryWait(request, response, memory, declared * perByte).reserve()) {
            return;   // waits for memory without a thread; resumed by a dispatch when it is granted
        }
        if (declared <= 0 && !chunked) {
            admit(new Admission(null, memory, false), request, response, chain);
            return;
        }
        readBodyThenAdmit(request, response, chain, memory, declared, perByte);
    }

    /**
     * Reads the body, then admits the request: in this thread if the whole body is there, else by
     * a dispatch once it has come without a thread (or answers it here: too slow, no memory).
     */
    private void readBodyThenAdmit(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            MemoryReservation memory, long declared, int perByte) throws ServletException, IOException {
        BodyReader reader = new BodyReader(request, response, declared, memory, perByte, false, rate,
                memoryBusyDetail, body -> request.setAttribute(RESUMED, new Admission(body, memory, false)));
        if (reader.start()) {
            admit(new Admission(reader.body(), memory, false), request, response, chain);
        }
    }

    /** What a request has been admitted with so far: its body, its memory and its heavy turn. */
    private record Admission(byte[] body, MemoryReservation memory, boolean heavyTurn) {
    }

    private boolean shedIfQueuedTooLong(HttpServletRequest request, HttpServletResponse response,
            MemoryReservation memory) throws IOException {
        if (RequestThreads.queueWaitNanos() <= maxComputeWaitNanos) {
            return false;
        }
        memory.releaseAll();
        ProblemJson.write(request, response, ProblemType.SERVICE_BUSY, overloadDetail);
        return true;
    }

    /** Takes the request through the heavy lane if it is heavy, then computes it. */
    private void admit(Admission admitted, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        HttpServletRequest withBody = admitted.body == null ? request : new BufferedBodyRequest(request, admitted.body);
        boolean heavy = admitted.heavyTurn || (admitted.body != null && admitted.body.length > heavyBody)
                || isHeavyPath(request);
        if (heavy && !admitted.heavyTurn) {
            HeavyTurn turn = new HeavyTurn(request, response, admitted);
            if (!admission.enterHeavyOrQueue(turn.turn)) {
                turn.waitWithoutThread();
                return;
            }
        }
        boolean slotted = !heavy && admitted.body != null && admitted.body.length > COMPUTE_SLOT_BODY;
        if (slotted && !admission.tryAcquireComputeSlot(maxComputeWaitNanos)) {
            admitted.memory.releaseAll();
            ProblemJson.write(request, response, ProblemType.SERVICE_BUSY, overloadDetail);
            return;
        }
        try {
            if (isEventStream(request)) {
                stream(withBody, response, chain, admitted.memory, heavy);
            } else {
                compute(withBody, request, response, chain, admitted.memory, heavy,
                        admitted.body == null ? 0 : admitted.body.length);
            }
        } finally {
            if (slotted) {
                admission.releaseComputeSlot();
            }
        }
    }

    /**
     * Runs a request that accepts an event stream, unbuffered: a streaming handler starts the stream
     * and returns (its work runs on the progress streams' pool, its events are written as they
     * happen); a handler that answers otherwise, because the Accept header also lists JSON, computes
     * here, inside the turn or slot taken for it like any other request.
     */
    private void stream(HttpServletRequest withBody, HttpServletResponse response, FilterChain chain,
            MemoryReservation memory, boolean heavy) throws ServletException, IOException {
        try {
            chain.doFilter(withBody, response);
        } finally {
            if (heavy) {
                admission.leaveHeavy();
            }
            memory.releaseAll();
        }
    }

    /**
     * Runs the rest of the chain into a buffer, gives the heavy turn back, then writes the answer:
     * blocking if short, else without blocking.
     */
    private void compute(HttpServletRequest withBody, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, MemoryReservation memory, boolean heavy, long bodyBytes)
            throws ServletException, IOException {
        BufferedAnswer buffered = new BufferedAnswer(response);
        boolean handedOver = false;
        try {
            try {
                chain.doFilter(withBody, buffered);
            } finally {
                if (heavy) {
                    admission.leaveHeavy();
                }
            }
            int answer = buffered.getContentSize();
            // While the answer goes out only it and the body (kept by the request) are live; the
            // numbers parsed and computed are garbage. The reservation, made for all four, now
            // holds these two (an answer is counted even without a reserved body, so that new
            // large requests wait until it has gone out).
            memory.holdExactly((bodyBytes > LARGE_BODY ? bodyBytes : 0) + (answer > LARGE_BODY ? answer : 0));
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new CopyOnCompletion(buffered, memory));
                handedOver = true;
            } else if (answer > BLOCKING_ANSWER && isContainerRequest(request)) {
                new AnswerWriter(request, response, buffered, memory, rate).start();
                handedOver = true;
            } else {
                buffered.copyBodyToResponse();
            }
        } finally {
            if (!handedOver) {
                memory.releaseAll();
            }
        }
    }

    private boolean isHeavyPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        PathContainer path = null;
        for (HeavyPath heavy : heavyPaths) {
            if (heavy.mayMatch(uri)) {
                if (path == null) {
                    path = PathContainer.parsePath(uri);
                }
                if (heavy.pattern.matches(path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A heavy path pattern with the literal text it starts and ends with: testing those first
     * spares most requests the parsing of their path, a tenth of a small request's time.
     */
    private record HeavyPath(PathPattern pattern, String literalStart, String literalEnd) {

        static HeavyPath of(String pattern) {
            int firstVariable = firstIndexOfAny(pattern, "*{");
            int lastVariable = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('}'));
            String start = firstVariable < 0 ? pattern : pattern.substring(0, firstVariable);
            String end = lastVariable < 0 ? pattern : pattern.substring(lastVariable + 1);
            return new HeavyPath(PathPatternParser.defaultInstance.parse(pattern), start, end);
        }

        /** False only if the pattern cannot match {@code uri}; true says nothing. */
        boolean mayMatch(String uri) {
            return uri.startsWith(literalStart) && uri.endsWith(literalEnd);
        }

        private static int firstIndexOfAny(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Heap per body byte: {@link #MEMORY_PER_BODY_BYTE} for JSON; for raw and .npy numbers, the
     * body and the answer plus two doubles (input and result) per element, 8 bytes each whatever
     * the element's size (10 per byte for 2-byte elements; a .npy body is counted at that worst case).
     */
    private static int memoryPerBodyByte(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return MEMORY_PER_BODY_BYTE;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/x-npy")) {
            return 2 + 2 * 8 / 2;
        }
        if (lower.startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            String dtype = request.getParameter("dtype");
            int elementBytes = dtype == null || dtype.equalsIgnoreCase("float64") ? 8
                    : dtype.equalsIgnoreCase("float32") ? 4 : 2;
            return 2 + 2 * 8 / elementBytes;
        }
        return MEMORY_PER_BODY_BYTE;
    }

    /** Whether the Accept header lists text/event-stream with a quality above 0. */
    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_EVENT_STREAM) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException malformed) {
            return false;   // Spring MVC answers it 400 or 406; buffered like any other answer
        }
    }

    /**
     * Whether the request is the servlet container's own (not a test's mock), whose streams can be
     * read and written without blocking.
     */
    private static boolean isContainerRequest(ServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        return unwrapped instanceof RequestFacade;
    }

    /**
     * A large request waiting, before its body is read, for its share of the memory budget, first
     * come, first served; when the wait is over without it, its body is read and dropped and the
     * answer is 503 with {@code Retry-After}.
     */
    private final class MemoryWait extends ThreadlessWait {

        private final MemoryReservation memory;
        private final WorkAdmission.MemoryClaim claim;

        MemoryWait(HttpServletRequest request, HttpServletResponse response, MemoryReservation memory, long bytes) {
            super(request, response, TimeUnit.NANOSECONDS.toMillis(maxComputeWaitNanos));
            this.memory = memory;
            this.claim = new WorkAdmission.MemoryClaim(bytes, () -> {
                memory.granted(bytes);
                try {
                    grant();
                } catch (RuntimeException requestGone) {
                    // Its connection failed meanwhile, so the dispatch cannot be made: the bytes go
                    // back at once (and only once, whatever the request's own error handling does).
                    memory.releaseAll();
                    throw requestGone;
                }
            });
        }

        /** True if the memory was reserved at once; else the request now waits and false is returned. */
        boolean reserve() {
            if (admission.reserveMemoryOrQueue(claim)) {
                memory.granted(claim.bytes());
                return true;
            }
            waitWithoutThread();
            return false;
        }

        @Override
        void resume() {
            request.setAttribute(MEMORY_GRANTED, memory);
            context.dispatch();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (!admission.cancel(claim)) {
                return;   // granted meanwhile: the dispatch is on its way
            }
            // Answered 503 after its body has been read and dropped, so that a client that writes
            // the whole body before it reads gets the answer, not a reset connection.
            request.setAttribute(MEMORY_REFUSED, memory);
            context.dispatch();
        }

        @Override
        public void onError(AsyncEvent event) {
            if (!admission.cancel(claim)) {
                memory.releaseAll();
            }
        }
    }

    /** A heavy request waiting for its turn; answered 503 if it does not come in time. */
    private final class HeavyTurn extends ThreadlessWait {

        private final Admission admitted;
        final WorkAdmission.Turn turn = new WorkAdmission.Turn(this::grant);

        HeavyTurn(HttpServletRequest request, HttpServletResponse response, Admission admitted) {
            super(request, response, TimeUnit.NANOSECONDS.toMillis(maxComputeWaitNanos));
            this.admitted = admitted;
        }

        @Override
        void resume() {
            request.setAttribute(RESUMED, new Admission(admitted.body, admitted.memory, true));
            context.dispatch();
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (!admission.cancel(turn)) {
                return;   // granted meanwhile: the dispatch is on its way
            }
            admitted.memory.releaseAll();
            try {
                ProblemJson.write(request, response, ProblemType.SERVICE_BUSY, "Every heavy request's turn stayed "
                        + "taken for " + TimeUnit.NANOSECONDS.toMillis(maxComputeWaitNanos) + " ms; try again in a moment.");
            } finally {
                context.complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            if (admission.cancel(turn)) {
                admitted.memory.releaseAll();
            }
        }
    }

    /** Copies a buffered answer out once an asynchronous handler has finished. */
    private record CopyOnCompletion(BufferedAnswer buffered, MemoryReservation memory)
            implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            try {
                buffered.copyBodyToResponse();
            } finally {
                memory.releaseAll();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            memory.releaseAll();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
