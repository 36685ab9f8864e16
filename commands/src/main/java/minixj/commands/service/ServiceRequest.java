package minixj.commands.service;

import java.util.List;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.RsRequestMsg;

/** A parsed command line of the {@code service} utility: what to ask RS. */
public sealed interface ServiceRequest {
    /** The action. */
    Action action();

    /**
     * {@code up}, {@code run} or {@code edit}: start or change a service from a program and its
     * configuration.
     *
     * @param action UP, RUN or EDIT
     * @param program the absolute program path
     * @param flags {@link minixj.lib.rs.RsStartFlags} from the options
     * @param arguments the pair arguments
     */
    record Start(Action action, String program, int flags, StartArguments arguments) implements ServiceRequest {
        /** {@code run}'s recovery script: take the service down instead of restarting it. */
        public static final String RUN_SCRIPT = "/etc/rs.single";

        /** The program name: {@code -progname}, or the path's last component. */
        public String programName() {
            if (arguments.programName() != null) return arguments.programName();
            return program.substring(program.lastIndexOf('/') + 1);
        }

        /** The label: {@code -label}, or the program name. */
        public String label() {
            return arguments.label() != null ? arguments.label() : programName();
        }

        /** The recovery script: {@code -script}, {@code run}'s default, or none (empty). */
        public String script() {
            if (arguments.script() != null) return arguments.script();
            return action == Action.RUN ? RUN_SCRIPT : "";
        }

        /**
         * The configuration files to look in, in order: only {@code -config} if given, else the
         * per-program files and then {@code /etc/system.conf}; the first that has an entry for
         * the program name is used.
         */
        public List<String> configFiles() {
            if (arguments.config() != null) return List.of(arguments.config());
            String name = programName();
            return List.of("/usr/pkg/etc/system.conf.d/" + name, "/etc/system.conf.d/" + name, "/etc/system.conf");
        }

        /** The request, given the grant and length of the buffer holding the encoded record. */
        public Message message(int grant, int length) {
            Message message = new Message(action.request);
            new RsRequestMsg(message).grant(grant).length(length);
            return message;
        }
    }

    /**
     * An action on a running service named by its label: down, refresh, restart, clone,
     * unclone, fi, lookup.
     */
    record ByLabel(Action action, String label) implements ServiceRequest {
        /** The request message (RS_FI carries FI_CRASH). */
        public Message message() {
            Message message = new Message(action.request);
            RsRequestMsg request = new RsRequestMsg(message).label(label);
            if (action == Action.FI) request.subtype(RsRequestMsg.FI_CRASH);
            return message;
        }
    }

    /**
     * {@code sysctl}: a status dump or a live-update control.
     *
     * @param operation SRV_STATUS, UPD_START, UPD_RUN, UPD_STOP or UPD_STATUS
     */
    record Sysctl(int operation) implements ServiceRequest {
        @Override
        public Action action() {
            return Action.SYSCTL;
        }

        /** The request message, with an optional buffer for RS's text (grant -1 for none). */
        public Message message(int grant, int length) {
            Message message = new Message(RsRequestMsg.RS_SYSCTL);
            new RsRequestMsg(message).subtype(operation).grant(grant).length(length);
            return message;
        }
    }

    /** {@code shutdown}: RS stops restarting anything. */
    record Shutdown() implements ServiceRequest {
        @Override
        public Action action() {
            return Action.SHUTDOWN;
        }

        public Message message() {
            return new Message(RsRequestMsg.RS_SHUTDOWN);
        }
    }
}
