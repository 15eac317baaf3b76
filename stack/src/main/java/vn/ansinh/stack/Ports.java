package vn.ansinh.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

final class Ports {

    /** Lowest port handed out: above the well-known services a developer may run (8080, 9092, …). */
    private static final int LOWEST = 20_000;

    /** Handed out by this JVM: a stack picks all its ports before anything binds them. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port that was free a moment ago, for tests that run beside other stacks. It is taken below
     * the kernel's ephemeral range: a port the kernel hands out ({@code new ServerSocket(0)}) may
     * be given again, between our check and the service's bind, to one of the thousands of
     * outgoing connections a starting stack opens (Kafka clients, JDBC), and the service then
     * fails to start ("Port already bound").
     */
    static int free() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
    }

    /** Linux's {@code ip_local_port_range}; the usual 32768 where it cannot be read. */
    private static int ephemeralStart() {
        try {
            int start = Integer.parseInt(
                    Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }
}
