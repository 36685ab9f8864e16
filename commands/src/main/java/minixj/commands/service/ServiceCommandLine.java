package minixj.commands.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minixj.lib.ipc.layout.RsRequestMsg;
import minixj.lib.rs.RsStart;
import minixj.lib.rs.RsStartFlags;

/**
 * Parses the {@code service} utility's arguments (without the program name):
 * {@code [-options] action ...}. Options are single letters, alone or grouped ({@code -cp}),
 * before the action; they count for {@code up}, {@code run} and {@code edit} and are ignored by
 * the other actions, except {@code -q}, which only {@code update} takes.
 */
public final class ServiceCommandLine {
    private ServiceCommandLine() {
    }

    /** Option letters and the rs_start flags they set ({@code -u} sets none). */
    private static final Map<Character, Integer> OPTIONS = Map.ofEntries(
            Map.entry('c', RsStartFlags.RSS_COPY),
            Map.entry('r', RsStartFlags.RSS_REUSE | RsStartFlags.RSS_COPY),
            Map.entry('n', RsStartFlags.RSS_NOBLOCK),
            Map.entry('p', RsStartFlags.RSS_REPLICA),
            Map.entry('b', RsStartFlags.RSS_NO_BIN_EXP),
            Map.entry('q', RsStartFlags.RSS_BATCH),
            Map.entry('a', RsStartFlags.RSS_ASR_LU),
            Map.entry('o', RsStartFlags.RSS_PREPARE_ONLY_LU),
            Map.entry('s', RsStartFlags.RSS_FORCE_SELF_LU),
            Map.entry('x', RsStartFlags.RSS_FORCE_INIT_CRASH),
            Map.entry('y', RsStartFlags.RSS_FORCE_INIT_FAIL),
            Map.entry('z', RsStartFlags.RSS_FORCE_INIT_TIMEOUT),
            Map.entry('d', RsStartFlags.RSS_FORCE_INIT_DEFCB),
            Map.entry('u', 0),
            Map.entry('m', RsStartFlags.RSS_NO_INHERIT_MMAP),
            Map.entry('e', RsStartFlags.RSS_DETACH),
            Map.entry('f', RsStartFlags.RSS_NORESTART),
            Map.entry('t', RsStartFlags.RSS_FORCE_INIT_ST));

    private static final Map<String, Integer> SYSCTL = Map.of("srv_status", RsRequestMsg.SRV_STATUS,
            "upd_start", RsRequestMsg.UPD_START, "upd_run", RsRequestMsg.UPD_RUN, "upd_stop", RsRequestMsg.UPD_STOP,
            "upd_status", RsRequestMsg.UPD_STATUS);

    /**
     * Parses a command line.
     *
     * @param args the arguments after the program name
     * @throws UsageException with the exit status and message MINIX's utility would give
     */
    public static ServiceRequest parse(String... args) throws UsageException {
        int flags = 0;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-") && args[i].length() > 1; i++) {
            if (args[i].equals("--")) {
                i++;
                break;
            }
            for (char letter : args[i].substring(1).toCharArray()) {
                Integer flag = OPTIONS.get(letter);
                if (flag == null) throw usage("unknown option -" + letter);
                flags |= flag;
            }
        }
        if (i == args.length) throw usage("no action given");
        String word = args[i++];
        Action action = Action.of(word);
        if (action == null) {
            throw new UsageException("unknown action '" + word + "'", Usage.EXIT_UNKNOWN_ACTION, true);
        }
        if ((flags & RsStartFlags.RSS_BATCH) != 0 && action != Action.UPDATE) {
            throw new UsageException("-q is only for update", Usage.EXIT_BAD_ARGUMENTS, false);
        }
        List<String> rest = List.of(args).subList(i, args.length);
        return switch (action) {
            case UP, RUN, EDIT -> start(action, flags, rest);
            case UPDATE -> throw new UsageException("update: live update is not available yet",
                    Usage.EXIT_UNKNOWN_ACTION, false);
            case DOWN, REFRESH, RESTART, CLONE, UNCLONE, FI, LOOKUP -> byLabel(action, rest);
            case SYSCTL -> sysctl(rest);
            case SHUTDOWN -> {
                if (!rest.isEmpty()) throw bad("shutdown takes no arguments, got '" + rest.getFirst() + "'");
                yield new ServiceRequest.Shutdown();
            }
        };
    }

    private static UsageException usage(String message) {
        return new UsageException(message, Usage.EXIT_BAD_ARGUMENTS, true);
    }

    private static UsageException bad(String message) {
        return new UsageException(message, Usage.EXIT_BAD_ARGUMENTS, false);
    }

    private static ServiceRequest byLabel(Action action, List<String> rest) throws UsageException {
        if (rest.isEmpty()) throw usage(action.word + " needs a label");
        if (rest.size() > 1) throw bad(action.word + " takes one label, got also '" + rest.get(1) + "'");
        String label = rest.getFirst();
        if (label.isEmpty()) throw bad(action.word + ": empty label");
        return new ServiceRequest.ByLabel(action, label);
    }

    private static ServiceRequest sysctl(List<String> rest) throws UsageException {
        if (rest.isEmpty()) throw usage("sysctl needs a request");
        Integer operation = SYSCTL.get(rest.getFirst());
        if (operation == null) {
            throw bad("unknown sysctl request '" + rest.getFirst()
                    + "' (srv_status, upd_start, upd_run, upd_stop, upd_status)");
        }
        if (rest.size() > 1) throw bad("sysctl takes one request, got also '" + rest.get(1) + "'");
        return new ServiceRequest.Sysctl(operation);
    }

    private static ServiceRequest start(Action action, int flags, List<String> rest) throws UsageException {
        if (rest.isEmpty()) throw usage(action.word + " needs a program path");
        String program = rest.getFirst();
        if (!program.startsWith("/")) throw bad(action.word + ": " + program + ": the program path must be absolute");
        StartArguments arguments = pairs(action, rest.subList(1, rest.size()));
        if (action == Action.EDIT && arguments.label() == null) throw bad("edit needs -label");
        return new ServiceRequest.Start(action, program, flags, arguments);
    }

    private static StartArguments pairs(Action action, List<String> rest) throws UsageException {
        String args = null, device = null, script = null, label = null, triggerLabel = null, programName = null;
        String config = null, state = null;
        long major = -1, devmanId = -1, heapPrealloc = -1, mapPrealloc = -1, asrCount = -1, restarts = -1;
        TickCount period = null, maxTime = null;
        List<IpcFilterSpec> filters = new ArrayList<>();
        for (int i = 0; i < rest.size(); i += 2) {
            String key = rest.get(i);
            if (!key.startsWith("-")) throw bad(action.word + ": unexpected argument '" + key + "'");
            if (i + 1 == rest.size()) throw bad(key + " needs a value");
            String value = rest.get(i + 1);
            switch (key) {
                case "-args" -> args = value;
                case "-dev" -> {
                    if (major >= 0) throw bad("-dev and -major both give the major; use one");
                    if (!value.startsWith("/")) throw bad("-dev: " + value + " is not a device node path");
                    device = value;
                }
                case "-major" -> {
                    if (device != null) throw bad("-dev and -major both give the major; use one");
                    major = atLeast(key, value, 1);
                }
                case "-devid" -> devmanId = atLeast(key, value, 0);
                case "-period" -> period = ticks(key, value);
                case "-script" -> script = nonEmpty(key, value, RsStart.MAX_SCRIPT_LEN - 1);
                case "-label" -> label = nonEmpty(key, value, RsStart.MAX_LABEL_LEN - 1);
                case "-trg-label" -> triggerLabel = nonEmpty(key, value, RsStart.MAX_LABEL_LEN - 1);
                case "-progname" -> programName = nonEmpty(key, value, RsStart.MAX_LABEL_LEN - 1);
                case "-config" -> config = nonEmpty(key, value, Integer.MAX_VALUE);
                case "-state" -> {
                    Long number = Numbers.parse(value);
                    if (number != null && number == 0) throw bad("-state: 0 is not a state");
                    state = nonEmpty(key, value, Integer.MAX_VALUE);
                }
                case "-maxtime" -> maxTime = ticks(key, value);
                case "-heap-prealloc" -> heapPrealloc = atLeast(key, value, 1);
                case "-map-prealloc" -> mapPrealloc = atLeast(key, value, 1);
                case "-ipc_bl", "-ipc_wl" -> {
                    if (filters.size() == IpcFilterSpec.MAX_FILTERS) {
                        throw bad("at most " + IpcFilterSpec.MAX_FILTERS + " IPC filters");
                    }
                    filters.add(filter(key, value, key.equals("-ipc_wl")));
                }
                case "-asr-count" -> asrCount = atLeast(key, value, 0);
                case "-restarts" -> restarts = atLeast(key, value, 0);
                default -> throw bad("unknown argument " + key);
            }
        }
        return new StartArguments(args, device, major, devmanId, period, script, label, triggerLabel, programName,
                config, state, maxTime, heapPrealloc, mapPrealloc, filters, asrCount, restarts);
    }

    private static long atLeast(String key, String value, long min) throws UsageException {
        Long number = Numbers.parse(value);
        if (number == null || number < min || number > Integer.MAX_VALUE) {
            throw bad(key + ": '" + value + "' is not a number" + (min > 0 ? " above 0" : ""));
        }
        return number;
    }

    private static TickCount ticks(String key, String value) throws UsageException {
        TickCount count = TickCount.parse(value);
        if (count == null) throw bad(key + ": '" + value + "' is neither ticks nor NHZ");
        return count;
    }

    private static String nonEmpty(String key, String value, int maxLength) throws UsageException {
        if (value.isEmpty()) throw bad(key + ": empty value");
        if (value.length() > maxLength) throw bad(key + ": '" + value + "' is longer than " + maxLength);
        return value;
    }

    /** {@code label,type:label,type:...}; either part of an element may be empty, not both. */
    private static IpcFilterSpec filter(String key, String value, boolean whitelist) throws UsageException {
        List<IpcFilterSpec.Element> elements = new ArrayList<>();
        for (String element : value.split(":", -1)) {
            int comma = element.indexOf(',');
            String label = comma < 0 ? element : element.substring(0, comma);
            String type = comma < 0 ? "" : element.substring(comma + 1);
            if (label.isEmpty() && type.isEmpty()) throw bad(key + ": an element needs a label or a type");
            if (label.length() >= RsStart.MAX_LABEL_LEN) throw bad(key + ": label '" + label + "' is too long");
            int typeNumber = -1;
            if (!type.isEmpty()) {
                Long number = Numbers.parse(type);
                if (number == null || number > Integer.MAX_VALUE) throw bad(key + ": '" + type + "' is not a type");
                typeNumber = (int) (long) number;
            }
            if (elements.size() == IpcFilterSpec.MAX_ELEMENTS) {
                throw bad(key + ": more than " + IpcFilterSpec.MAX_ELEMENTS + " elements");
            }
            elements.add(new IpcFilterSpec.Element(label, typeNumber));
        }
        return new IpcFilterSpec(whitelist, elements);
    }
}
