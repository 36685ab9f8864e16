package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.SysStatectlMsg;

/** SYS_STATECTL: a process's own IPC references, state table and IPC filters (live update). */
final class DoStatectl {
    private final Kernel kernel;

    DoStatectl(Kernel kernel) {
        this.kernel = kernel;
    }

    int statectl(Proc caller, Message m) {
        SysStatectlMsg req = new SysStatectlMsg(m);
        switch (req.request()) {
            case SysStatectlMsg.CLEAR_IPC_REFS -> {
                kernel.ipc.clearIpcRefs(caller, EDEADSRCDST);
                return OK;
            }
            case SysStatectlMsg.SET_STATE_TABLE -> {
                return OK; // the state table only matters to MINIX's LLVM-based transfer; ours is reflective
            }
            case SysStatectlMsg.ADD_IPC_BL_FILTER, SysStatectlMsg.ADD_IPC_WL_FILTER -> {
                int n = req.count();
                if (n <= 0 || n > SysStatectlMsg.MAX_INLINE) return EINVAL;
                IpcFilter filter = caller.priv.ipcFilter == null ? new IpcFilter() : caller.priv.ipcFilter;
                if (filter.elementCount() + n > IpcFilter.MAX_ELEMENTS) return ENOMEM;
                List<IpcFilter.Element> elements = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int flags = req.elementFlags(i);
                    int known = IpcFilter.MATCH_M_SOURCE | IpcFilter.MATCH_M_TYPE;
                    if (flags == 0 || (flags & ~known) != 0) return EINVAL;
                    elements.add(new IpcFilter.Element(flags, req.elementSource(i), req.elementType(i)));
                }
                filter.lists.add(new IpcFilter.FilterList(req.request() == SysStatectlMsg.ADD_IPC_WL_FILTER,
                        List.copyOf(elements)));
                caller.priv.ipcFilter = filter;
                return OK;
            }
            case SysStatectlMsg.CLEAR_IPC_FILTERS -> {
                caller.priv.ipcFilter = null;
                return OK;
            }
            default -> {
                return EINVAL;
            }
        }
    }
}
