package minixj.kernel.memory;

/**
 * One process's page table: maps the 4 KiB pages of a 32-bit virtual address space to physical
 * frames, two-level like the i386's (a 1024-entry directory of lazily created 1024-entry tables).
 *
 * <p>A PTE is {@code frame << 12 | flags}; 0 means "nothing here". VM owns and writes page tables;
 * the kernel only reads them (the {@link Mmu}). The object is plain data (arrays of ints, no
 * references to other kernel objects) so VM's state can be transferred across a live update, and
 * {@link #swapContents} lets a slot swap exchange two address spaces without replacing the
 * objects that processes hold.
 */
public final class PageTable {
    /** Page is mapped. */
    public static final int PRESENT = 0x1;
    /** Page may be written. */
    public static final int WRITABLE = 0x2;
    /** Page is accessible from user mode (informational: every process page has it). */
    public static final int USER = 0x4;
    /** VM's marker for a copy-on-write page (mapped without WRITABLE). */
    public static final int COW = 0x200;
    /** Further bits left to VM. */
    public static final int VM_BIT1 = 0x400;
    public static final int VM_BIT2 = 0x800;
    /** All flag bits of a PTE. */
    public static final int FLAG_MASK = 0xFFF;

    /** Bytes per page. */
    public static final int PAGE_SIZE = PhysicalMemory.FRAME_SIZE;
    /** One past the last virtual address. */
    public static final long ADDRESS_LIMIT = 1L << 32;
    /** Largest frame number a PTE can hold. */
    public static final int MAX_FRAME = (1 << 20) - 1;

    private static final int ENTRIES = 1024;

    /** Second-level tables, null until a page in their 4 MiB is mapped. */
    private int[][] directory = new int[ENTRIES][];
    private int mappedPages;

    /** An empty address space. */
    public PageTable() {
    }

    /**
     * Maps the page containing {@code vaddr} to {@code frame}; PRESENT is implied.
     *
     * @return the previous PTE (0 if none)
     * @throws IllegalArgumentException for an address outside 32 bits or a bad frame number
     */
    public int map(long vaddr, int frame, int flags) {
        if (frame < 0 || frame > MAX_FRAME) {
            throw new IllegalArgumentException("frame " + frame);
        }
        return setPte(vaddr, frame << 12 | (flags & FLAG_MASK) | PRESENT);
    }

    /**
     * Stores a raw PTE for the page containing {@code vaddr} (0 unmaps). VM may keep
     * information in a non-present PTE; only present ones are translated.
     *
     * @return the previous PTE
     */
    public int setPte(long vaddr, int pte) {
        int page = page(vaddr);
        int[] table = directory[page >>> 10];
        if (table == null) {
            if (pte == 0) {
                return 0;
            }
            table = directory[page >>> 10] = new int[ENTRIES];
        }
        int old = table[page & (ENTRIES - 1)];
        table[page & (ENTRIES - 1)] = pte;
        mappedPages += (pte != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
        return old;
    }

    /** Removes the mapping of the page containing {@code vaddr}; returns the previous PTE. */
    public int unmap(long vaddr) {
        return setPte(vaddr, 0);
    }

    /** The PTE of the page containing {@code vaddr}, 0 if none (also for addresses past 32 bits). */
    public int pte(long vaddr) {
        if (vaddr < 0 || vaddr >= ADDRESS_LIMIT) {
            return 0;
        }
        int page = (int) (vaddr >>> 12);
        int[] table = directory[page >>> 10];
        return table == null ? 0 : table[page & (ENTRIES - 1)];
    }

    /** True if the page containing {@code vaddr} is present. */
    public boolean isPresent(long vaddr) {
        return (pte(vaddr) & PRESENT) != 0;
    }

    /** The frame number in a PTE. */
    public static int frameOf(int pte) {
        return pte >>> 12;
    }

    /** Number of non-zero PTEs. */
    public int mappedPages() {
        return mappedPages;
    }

    /** Receives one PTE in {@link #forEach}. */
    @FunctionalInterface
    public interface PteVisitor {
        /** Called with the page's virtual address and its PTE. */
        void visit(long vaddr, int pte);
    }

    /** Calls {@code visitor} for every non-zero PTE, in ascending address order. */
    public void forEach(PteVisitor visitor) {
        for (int d = 0; d < ENTRIES; d++) {
            int[] table = directory[d];
            if (table == null) {
                continue;
            }
            for (int t = 0; t < ENTRIES; t++) {
                if (table[t] != 0) {
                    visitor.visit(((long) d << 22) | ((long) t << 12), table[t]);
                }
            }
        }
    }

    /**
     * The virtual address of the first page at or above {@code from} with a non-zero PTE, or -1
     * if there is none (lets VM walk an address space without scanning 2^20 pages).
     */
    public long nextMapped(long from) {
        if (from < 0) from = 0;
        for (long page = from >>> 12; page < (ADDRESS_LIMIT >>> 12); ) {
            int[] table = directory[(int) (page >>> 10)];
            if (table == null) {
                page = ((page >>> 10) + 1) << 10;
                continue;
            }
            if (table[(int) (page & (ENTRIES - 1))] != 0) return page << 12;
            page++;
        }
        return -1;
    }

    /** Removes every mapping (the frames are VM's to free). */
    public void clear() {
        directory = new int[ENTRIES][];
        mappedPages = 0;
    }

    /** A deep copy: same PTEs, no shared arrays. */
    public PageTable copy() {
        PageTable copy = new PageTable();
        for (int d = 0; d < ENTRIES; d++) {
            if (directory[d] != null) {
                copy.directory[d] = directory[d].clone();
            }
        }
        copy.mappedPages = mappedPages;
        return copy;
    }

    /** Exchanges the mappings of this table and {@code other} (a slot swap in live update). */
    public void swapContents(PageTable other) {
        int[][] d = directory;
        directory = other.directory;
        other.directory = d;
        int n = mappedPages;
        mappedPages = other.mappedPages;
        other.mappedPages = n;
    }

    private static int page(long vaddr) {
        if (vaddr < 0 || vaddr >= ADDRESS_LIMIT) {
            throw new IllegalArgumentException("virtual address 0x" + Long.toHexString(vaddr));
        }
        return (int) (vaddr >>> 12);
    }
}
