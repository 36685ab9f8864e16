package minixj.lib.rs.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code system.conf} file: its service entries, ready to be interpreted one by one.
 * Made by {@link SystemConfParser#parse}.
 */
public final class SystemConf {
    private final String file;
    private final Map<String, ServiceBlock> entries = new LinkedHashMap<>();
    private final List<ConfigWarning> warnings;

    SystemConf(String file, List<ServiceBlock> blocks, List<ConfigWarning> warnings) {
        this.file = file;
        for (ServiceBlock block : blocks) entries.putIfAbsent(block.name(), block); // the first entry of a name wins
        this.warnings = List.copyOf(warnings);
    }

    /** The file's name as given to the parser. */
    public String file() {
        return file;
    }

    /** The service names in file order (each once). */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** True if the file has an entry for {@code name}. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** Warnings of the whole file's structure: unknown keywords, duplicate entries. */
    public List<ConfigWarning> warnings() {
        return warnings;
    }

    /**
     * The settings of one service, with its classes applied and defaults for what it leaves out.
     *
     * @return the settings, or null if the file has no entry for {@code name}
     * @throws ConfigException if a value is bad or a class is missing or includes itself
     */
    public ServiceConfig service(String name) throws ConfigException {
        ServiceBlock block = entries.get(name);
        if (block == null) return null;
        return new ServiceConfigBuilder(file, entries).build(block);
    }

    /** Every service's settings, in file order. */
    public List<ServiceConfig> services() throws ConfigException {
        List<ServiceConfig> all = new ArrayList<>();
        for (String name : entries.keySet()) all.add(service(name));
        return all;
    }
}
