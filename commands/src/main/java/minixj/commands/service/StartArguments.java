package minixj.commands.service;

import java.util.List;

/**
 * The pair arguments after the program path of {@code up}, {@code run} and {@code edit} (and of
 * {@code update}, which adds the live-update ones). Absent values are null, or -1 for numbers
 * that cannot be negative.
 *
 * @param args {@code -args}: appended to the command line
 * @param device {@code -dev}: a device node whose major the service drives
 * @param major {@code -major}
 * @param devmanId {@code -devid}
 * @param period {@code -period}
 * @param script {@code -script}
 * @param label {@code -label}
 * @param triggerLabel {@code -trg-label}
 * @param programName {@code -progname}: the program name used as config key and process name
 * @param config {@code -config}: the only configuration file to read
 * @param state {@code -state}: a prepare state number or an expression
 * @param maxTime {@code -maxtime}
 * @param heapPrealloc {@code -heap-prealloc}
 * @param mapPrealloc {@code -map-prealloc}
 * @param ipcFilters {@code -ipc_bl} and {@code -ipc_wl}, in order
 * @param asrCount {@code -asr-count}
 * @param restarts {@code -restarts}
 */
public record StartArguments(String args, String device, long major, long devmanId, TickCount period, String script,
                             String label, String triggerLabel, String programName, String config, String state,
                             TickCount maxTime, long heapPrealloc, long mapPrealloc, List<IpcFilterSpec> ipcFilters,
                             long asrCount, long restarts) {
    public StartArguments {
        ipcFilters = List.copyOf(ipcFilters);
    }
}
