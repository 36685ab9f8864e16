package minixj.lib.rs.config;

import java.util.List;

/** One {@code keyword values... ;} line of a service block, before its values are interpreted. */
record ConfigOption(String keyword, List<ConfigToken> values, int line) {
}
