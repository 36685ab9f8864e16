package minixj.kernel;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.Endpoint;

/**
 * An IPC filter chain installed by a receiver (SYS_STATECTL): a list of black or white lists of
 * {flags, source, type} elements. A message is admitted only if every list admits it.
 */
final class IpcFilter {
    static final int MATCH_M_SOURCE = 1;
    static final int MATCH_M_TYPE = 2;
    /** Maximum number of elements over all lists (2 * NR_SYS_PROCS). */
    static final int MAX_ELEMENTS = 128;

    record Element(int flags, int source, int type) {
    }

    record FilterList(boolean whitelist, List<Element> elements) {
    }

    final List<FilterList> lists = new ArrayList<>();

    int elementCount() {
        int n = 0;
        for (FilterList l : lists) n += l.elements().size();
        return n;
    }

    /** True if a message of {@code type} from {@code source} (a process with {@code sourceKind}) is admitted. */
    boolean admits(int source, int type, SourceKind kind) {
        for (FilterList list : lists) {
            boolean matched = false;
            for (Element e : list.elements()) {
                if (matches(e, source, type, kind)) {
                    matched = true;
                    break;
                }
            }
            if (list.whitelist() != matched) return false;
        }
        return true;
    }

    private static boolean matches(Element e, int source, int type, SourceKind kind) {
        if ((e.flags() & MATCH_M_SOURCE) != 0) {
            boolean sourceOk;
            if (e.source() == Endpoint.ANY) sourceOk = true;
            else if (e.source() == Endpoint.ANY_USR) sourceOk = kind == SourceKind.USER;
            else if (e.source() == Endpoint.ANY_SYS) sourceOk = kind == SourceKind.SYSTEM;
            else if (e.source() == Endpoint.ANY_TSK) sourceOk = kind == SourceKind.TASK;
            else sourceOk = e.source() == source;
            if (!sourceOk) return false;
        }
        return (e.flags() & MATCH_M_TYPE) == 0 || e.type() == type;
    }

    enum SourceKind { USER, SYSTEM, TASK }
}
