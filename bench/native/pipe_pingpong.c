/*
 * Native reference for MinixJ's sendrec: two Linux processes ping-pong one byte over two pipes.
 * Usage: pipe_pingpong [round_trips]   (default 100000; 1000 warm-up round trips are not timed)
 * Prints the mean nanoseconds per round trip on one line. bin/bench compiles and runs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WARMUP 1000L

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void xfer(int in, int out, long n, int parent) {
    char b = 'x';
    for (long i = 0; i < n; i++) {
        if (parent && write(out, &b, 1) != 1) die("write");
        if (read(in, &b, 1) != 1) die("read");
        if (!parent && write(out, &b, 1) != 1) die("write");
    }
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 100000L;
    if (n <= 0) {
        fprintf(stderr, "usage: %s [round_trips > 0]\n", argv[0]);
        return 2;
    }
    int ping[2], pong[2];
    if (pipe(ping) != 0 || pipe(pong) != 0) die("pipe");
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) {
        xfer(ping[0], pong[1], WARMUP + n, 0);
        _exit(0);
    }
    xfer(pong[0], ping[1], WARMUP, 1);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    xfer(pong[0], ping[1], n, 1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int status;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "child failed\n");
        return 1;
    }
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    printf("%.1f\n", ns / n);
    return 0;
}
