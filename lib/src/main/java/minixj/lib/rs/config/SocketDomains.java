package minixj.lib.rs.config;

import java.util.Map;

/** Protocol family names of the {@code domain} keyword and their numbers (NetBSD's PF_*). */
final class SocketDomains {
    private SocketDomains() {
    }

    /** One past the highest protocol family number (NetBSD's PF_MAX). */
    static final int PF_MAX = 37;

    static final Map<String, Integer> NAMES = Map.of("LOCAL", 1, "UNIX", 1, "INET", 2, "LINK", 18, "INET6", 24,
            "KEY", 29, "BLUETOOTH", 31, "MPLS", 33, "ROUTE", 34);
}
