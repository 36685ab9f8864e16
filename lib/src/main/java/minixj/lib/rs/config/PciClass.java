package minixj.lib.rs.config;

/**
 * A PCI class of {@code pci class}: {@code class[/subclass[/interface]]}, hexadecimal, packed
 * as {@code class << 16 | subclass << 8 | interface} with a mask covering the parts given
 * (0xff0000, 0xffff00 or 0xffffff).
 *
 * @param value the packed class
 * @param mask which bits of {@code value} count
 */
public record PciClass(int value, int mask) {
}
