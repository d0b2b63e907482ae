package org.desist.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between the service and its PostgreSQL server that a test can cut and restore, as if the
 * database had stopped and come back, without stopping the server other tests share. Cut: every open
 * connection is dropped and new ones are refused (nothing listens on the port). Restored: the port
 * listens again and forwards.
 */
public final class DatabaseLink implements AutoCloseable {
    private final String host;
    private final int serverPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private DatabaseLink(String host, int serverPort) {
        this.host = host;
        this.serverPort = serverPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restore();
    }

    /** A link to the PostgreSQL server of a test database, and the same database reached through it. */
    public static DatabaseLink to(TestDatabase database) {
        URI server = URI.create(database.url().substring("jdbc:".length()));
        return new DatabaseLink(server.getHost(), server.getPort());
    }

    public TestDatabase through(TestDatabase database) {
        String url = database.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
        return new TestDatabase(url, database.driverClass(), database.user(), database.password(), database.file());
    }

    public synchronized void cut() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            listener = socket;
            daemon(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(host, serverPort);
                open.add(client);
                open.add(server);
                daemon(() -> pump(client, server));
                daemon(() -> pump(server, client));
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side went, or the link was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "database-link");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
