package minixj.lib.sef;

/**
 * Decides whether to answer RS's heartbeat ping (a notify from RS). By default SEF always
 * answers with a notify back (the pong); a service that answers false is, to RS, hung, and RS
 * kills it after about two heartbeat periods.
 */
@FunctionalInterface
public interface PingHandler {
    /** Called for each ping from {@code source} (RS); true sends the pong. */
    boolean ping(int source);
}
