package minixj.lib.rs.config;

/**
 * A PCI device id of {@code pci device}: {@code vid:did[/subvid:subdid]} (or the old {@code
 * vid/did}), hexadecimal.
 *
 * @param vendor vendor id
 * @param device device id
 * @param subVendor subsystem vendor id, or -1 if not given
 * @param subDevice subsystem device id, or -1 if not given
 */
public record PciDevice(int vendor, int device, int subVendor, int subDevice) {
    /** True if the subsystem ids were given. */
    public boolean hasSubsystem() {
        return subVendor >= 0;
    }
}
