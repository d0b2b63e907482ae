package org.desist.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not do: declare a Content-Length and send
 * nothing, or stream a chunked body that never ends, and read the answer while the body is unfinished.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** What came back: the status, the headers (names in lower case) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    public RawHttp(int port) {
        try {
            socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One request on a connection of its own, sent exactly as given (target, headers and body bytes; a
     * Content-Length is added for a body), and its answer. A large body is written beside the reading, so
     * an answer that comes before the body is all sent (a 413) is read rather than lost to a broken pipe.
     */
    public static Answer exchange(int port, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Connection", "close");
            if (body != null) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            http.head(method, target, all);
            if (body == null) {
                return http.read();
            }
            if (body.length <= 32 * 1024) {
                http.body(body);
                return http.read();
            }
            Thread writer = new Thread(
                    () -> {
                        try {
                            http.body(body);
                        } catch (IOException answeredAndClosed) {
                            // the server may answer and close before it has read the whole body
                        }
                    },
                    "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            Answer answer = http.read();
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        }
    }

    /** The request line and headers (each "Name: value"), and the blank line that ends them. */
    public void head(String method, String target, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Body bytes as they are (after a head that declared their length). */
    public void body(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** One chunk of a chunked body. */
    public void chunk(byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one answer: status line, headers, and a body of Content-Length bytes or in chunks. */
    public Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("close".equalsIgnoreCase(headers.get("connection"))
                && status >= 200
                && status != 204
                && status != 304) {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer after '" + line + "'");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
