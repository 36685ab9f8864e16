package minixj.lib.rs.config;

import java.util.List;

/** One {@code service NAME { ... };} entry as written, before interpretation. */
record ServiceBlock(String name, int line, List<ConfigOption> options) {
}
