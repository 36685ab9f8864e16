/**
 * SEF, the System Event Framework: the Java face of MinixJ for writers of system services.
 *
 * <p>A service builds its {@link minixj.lib.sef.Sef} from callbacks (lambdas), calls
 * {@link minixj.lib.sef.Sef#startup()} once and {@link minixj.lib.sef.Sef#receive} in its main
 * loop. SEF does the rest of the protocol with RS: the init handshake with its three init types
 * ({@link minixj.lib.sef.InitType}) and the debug init flags ({@link minixj.lib.sef.InitFlags}),
 * heartbeat pings, the service side of a live update's preparation
 * ({@link minixj.lib.sef.LuState}, {@link minixj.lib.sef.LuFlags}), signals (as a handler of
 * the service's own and as a signal manager of others), and fault injection. The messages are
 * in {@link minixj.lib.ipc.layout}: RsInitMsg, RsLuPrepareMsg, SigsSignalMsg, FiCtlMsg.
 *
 * <p>Reference: spec minix-reliability.md §3 (SEF), §1.3/§2.7 (init), §1.5 (ping), §2.4
 * (preparation), §3.4 (signals), §3.6 (fault injection), §3.7 (message flows).
 */
package minixj.lib.sef;
