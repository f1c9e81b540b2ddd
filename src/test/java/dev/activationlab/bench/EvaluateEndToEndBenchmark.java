package dev.activationlab.bench;

import dev.activationlab.ActivationLabApplication;
import dev.activationlab.dtype.Dtype;
import dev.activationlab.dtype.RawFloats;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One 1,000,000-value {@code POST /api/v1/activations/sigmoid/evaluate}, end to end in process, set
 * against its floor, in milliseconds per request, as JSON and as raw float64 ({@code evaluateBinary},
 * {@code floorBinary}: the bytes read into doubles and written back):
 * <ul>
 *   <li>{@code evaluate}: the request over HTTP/1.1 on a kept-alive loopback connection to the
 *       application running in this process (Tomcat, servlet filters, DispatcherServlet, message
 *       converters, controller, checks, kernel), until the client has read the last byte of the
 *       response; the client is a plain socket that sends the prepared bytes and skips the answer,
 *       so that it adds as little work of its own as possible;</li>
 *   <li>{@code floor}: the same JSON read into a {@code double[]} and written back as the response
 *       document, with the application's own JSON mapper, and nothing else: no request could cost less;</li>
 *   <li>{@code floorBinaryOverSocket}: the raw request sent to a bare socket server in this process
 *       that reads the numbers and writes them back, the transport's share of {@code evaluateBinary}.</li>
 * </ul>
 * The body is 1,000,000 numbers uniform in [−12, 12] as {@link Double#toString(double)} prints them
 * (17 significant digits at most), about 19 MB; the ratio evaluate / floor is the overhead of the
 * service.
 */
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class EvaluateEndToEndBenchmark {

    static final int N = 1_000_000;

    /** The body of the floor: only the vector. */
    public record Body(double[] x) {
    }

    /** The response document of the floor, shaped as evaluate's. */
    public record Values(String activation, Map<String, Double> params, String dtype, double[] values) {
    }

    private ConfigurableApplicationContext context;
    private LoopbackClient client;
    private byte[] requestHead;
    private JsonMapper mapper;
    private byte[] body;
    private byte[] binaryHead;
    private byte[] binaryBody;
    private EchoServer echo;
    private LoopbackClient echoClient;

    @Setup
    public void setUp() {
        context = new SpringApplicationBuilder(ActivationLabApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn")
                .run();
        mapper = context.getBean(JsonMapper.class);
        body = requestBody(N, 3);
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        binaryBody = new byte[8 * N];
        RawFloats.write(mapper.readValue(body, Body.class).x(), Dtype.FLOAT64, binaryBody, 0);
        binaryHead = ("POST /api/v1/activations/sigmoid/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/octet-stream\r\nAccept: application/octet-stream\r\n"
                + "Content-Length: " + binaryBody.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        requestHead = ("POST /api/v1/activations/sigmoid/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            client = new LoopbackClient(port);
            echo = new EchoServer();
            echoClient = new LoopbackClient(echo.port());
            checkResponse();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The benchmark measures a real answer: 200 with 1,000,000 values, the first one right. */
    private void checkResponse() throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int status = client.post(requestHead, body, answer);
        Values values = mapper.readValue(answer.toByteArray(), Values.class);
        double x0 = mapper.readValue(body, Body.class).x()[0];
        if (status != 200 || values.values().length != N
                || Math.abs(values.values()[0] - 1 / (1 + Math.exp(-x0))) > 1e-15) {
            throw new IllegalStateException("unexpected answer: HTTP " + status);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        echoClient.close();
        echo.close();
        client.close();
        context.close();
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive connection: sends a prepared request and reads the
     * response (Content-Length or chunked), copying its body to a sink or skipping it.
     */
    static final class LoopbackClient implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] scratch = new byte[1 << 16];

        LoopbackClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        /** Sends head and body; returns the status, the response body going to sink (null: skipped). */
        int post(byte[] head, byte[] body, OutputStream sink) throws IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().trim(), 16); size > 0;
                        size = Long.parseLong(readLine().trim(), 16)) {
                    copy(size, sink);
                    readLine();
                }
                readLine();
            } else if (length >= 0) {
                copy(length, sink);
            } else {
                throw new IOException("response without a length: " + statusLine);
            }
            return status;
        }

        private void copy(long n, OutputStream sink) throws IOException {
            while (n > 0) {
                int read = in.read(scratch, 0, (int) Math.min(n, scratch.length));
                if (read < 0) {
                    throw new IOException("connection closed in a response body");
                }
                if (sink != null) {
                    sink.write(scratch, 0, read);
                }
                n -= read;
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed in a response head");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * The transport alone: a plain blocking socket server that reads a request head and its
     * Content-Length body, turns the body into doubles and back into bytes as {@link #floorBinary()}
     * does, and answers them with a Content-Length head; nothing else (one connection at a time).
     */
    static final class EchoServer implements AutoCloseable {

        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "echo-server");

        EchoServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                OutputStream out = socket.getOutputStream();
                while (true) {
                    int length = -1;
                    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    byte[] body = in.readNBytes(length);
                    double[] x = RawFloats.read(body, 0, length / 8, Dtype.FLOAT64);
                    byte[] answer = new byte[length];
                    RawFloats.write(x, Dtype.FLOAT64, answer, 0);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException | RuntimeException closed) {
                // The benchmark is over.
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** {"x":[...]} with n numbers uniform in [−12, 12], each printed as the shortest repr of a double. */
    static byte[] requestBody(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder(n * 20).append("{\"x\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(random.nextDouble(-12.0, 12.0));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public int evaluate() throws IOException {
        int status = client.post(requestHead, body, null);
        if (status != 200) {
            throw new IllegalStateException("evaluate answered HTTP " + status);
        }
        return status;
    }

    @Benchmark
    public byte[] floor() {
        double[] x = mapper.readValue(body, Body.class).x();
        return mapper.writeValueAsBytes(new Values("sigmoid", Map.of(), "float64", x));
    }

    /** The same 1,000,000 values as raw little-endian float64 (8 MB each way), end to end. */
    @Benchmark
    public int evaluateBinary() throws IOException {
        int status = client.post(binaryHead, binaryBody, null);
        if (status != 200) {
            throw new IllegalStateException("binary evaluate answered HTTP " + status);
        }
        return status;
    }

    /**
     * The floor of {@link #evaluateBinary()} with the transport: the same request to
     * {@link EchoServer} on the loopback, which only reads the numbers and writes them back.
     */
    @Benchmark
    public int floorBinaryOverSocket() throws IOException {
        return echoClient.post(binaryHead, binaryBody, null);
    }

    /**
     * The floor of {@link #evaluateBinary()}: the body's bytes read into a {@code double[]} and the
     * same numbers written back as bytes, the copies a raw answer cannot do without, and nothing else.
     */
    @Benchmark
    public byte[] floorBinary() {
        double[] x = RawFloats.read(binaryBody, 0, N, Dtype.FLOAT64);
        byte[] answer = new byte[8 * N];
        RawFloats.write(x, Dtype.FLOAT64, answer, 0);
        return answer;
    }
}
