package dev.vigil.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

/** This machine's own addresses other than loopback, and whether a port accepts connections on one. */
public final class LocalAddresses {
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private LocalAddresses() {}

    /** Addresses of this machine's interfaces that are up, loopback and link-local excluded. */
    public static List<InetAddress> otherThanLoopback() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(LocalAddresses::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }

    /** Whether something accepts a TCP connection on {@code port} of {@code address}. */
    public static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port of a {@code host:port} (the last one of a comma-separated list). */
    public static int port(String hostAndPort) {
        String last = hostAndPort.substring(hostAndPort.lastIndexOf(',') + 1);
        return Integer.parseInt(last.substring(last.lastIndexOf(':') + 1).trim());
    }

    private static boolean isUp(NetworkInterface face) {
        try {
            return face.isUp() && !face.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
