package minixj.kernel;

import minixj.kernel.memory.PageTable;
import minixj.kernel.memory.ProcessMemory;

/**
 * A process's address space: its page table (which VM will own) and the accessor the program
 * uses for its own memory. It moves with the process in a slot swap.
 */
final class ProcSpace {
    final PageTable pageTable = new PageTable();
    ProcessMemory accessor;
}
