package minixj.commands.service;

import minixj.lib.rs.RsStart;
import minixj.lib.rs.RsStartBuilder;
import minixj.lib.rs.RsStartFormatException;
import minixj.lib.rs.config.ConfigException;
import minixj.lib.rs.config.ServiceConfig;

/**
 * Builds the {@link RsStart} record of a start request: the command line's settings and the
 * service's {@code system.conf} entry, as MINIX's utility fills {@code rs_start}.
 */
public final class StartRecord {
    private StartRecord() {
    }

    /**
     * @param request the parsed {@code up}, {@code run} or {@code edit}
     * @param config the service's entry (the program name's) from the first file of {@link
     *        ServiceRequest.Start#configFiles()} that has one
     * @param resolver label, login and caller lookups
     * @param hz the clock's ticks per second (for {@code NHZ} periods)
     * @param deviceMajor the major of {@code -dev}'s node (looked up by the caller), or 0
     * @throws ConfigException if the configuration names something that cannot be resolved
     * @throws RsStartFormatException if the result breaks a limit of the record
     */
    public static RsStart build(ServiceRequest.Start request, ServiceConfig config, RsStartBuilder.Resolver resolver,
                                int hz, int deviceMajor) throws ConfigException, RsStartFormatException {
        StartArguments a = request.arguments();
        RsStartBuilder builder = new RsStartBuilder(request.program(), request.programName())
                .flags(request.flags())
                .label(request.label())
                .script(request.script())
                .config(config, resolver);
        if (a.args() != null) builder.arguments(a.args());
        if (a.triggerLabel() != null) builder.triggerLabel(a.triggerLabel());
        if (a.major() > 0) builder.major((int) a.major());
        if (a.device() != null) builder.major(deviceMajor);
        if (a.devmanId() >= 0) builder.devmanId((int) a.devmanId());
        if (a.period() != null) builder.period(a.period().toTicks(hz));
        if (a.restarts() >= 0) builder.restarts((int) a.restarts());
        if (a.asrCount() >= 0) builder.asrCount((int) a.asrCount());
        return builder.build();
    }
}
