/*
 * The libcsv floor: how fast can any reader built on libcsv go on this machine?
 *
 * Reads a file in 1 MiB blocks with read(2), as Ingest's CSVReader does, and feeds them to
 * csv_parse with the options Ingest uses (CSV_REPALL_NL, no space trimming) and callbacks
 * that only count fields and rows. Whatever Åpen's parse path costs above this is ours.
 *
 * Build and run (see bench/PERFORMANCE.md):
 *   cc -O2 -o /tmp/csv_floor bench/csv_floor.c -lcsv
 *   /tmp/csv_floor bench/data/scale-1/engagement.csv [repeats]
 *
 * Prints, per run, the CPU seconds (user + system, from getrusage) and MB/s per core
 * (10^6 bytes per CPU second), then the median run.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

struct counts {
    unsigned long fields;
    unsigned long rows;
};

static void on_field(void *data, size_t length, void *context) {
    (void)data;
    (void)length;
    ((struct counts *)context)->fields++;
}

static void on_row(int terminator, void *context) {
    (void)terminator;
    ((struct counts *)context)->rows++;
}

static int no_space(unsigned char c) {
    (void)c;
    return 0;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + (double)u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [repeats]\n", argv[0]);
        return 2;
    }
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    if (repeats < 1) repeats = 1;
    size_t block_size = 1 << 20;
    char *block = malloc(block_size);
    double *seconds = calloc((size_t)repeats, sizeof(double));
    if (!block || !seconds) return 1;
    unsigned long long bytes = 0;
    struct counts counts = {0, 0};

    for (int r = 0; r < repeats; r++) {
        int fd = open(argv[1], O_RDONLY);
        if (fd < 0) {
            perror(argv[1]);
            return 1;
        }
        struct csv_parser parser;
        if (csv_init(&parser, CSV_REPALL_NL) != 0) return 1;
        csv_set_space_func(&parser, no_space);
        counts.fields = counts.rows = 0;
        bytes = 0;
        double t0 = cpu_seconds();
        ssize_t n;
        while ((n = read(fd, block, block_size)) > 0) {
            bytes += (unsigned long long)n;
            if (csv_parse(&parser, block, (size_t)n, on_field, on_row, &counts) != (size_t)n) {
                fprintf(stderr, "parse error: %s\n", csv_strerror(csv_error(&parser)));
                return 1;
            }
        }
        csv_fini(&parser, on_field, on_row, &counts);
        seconds[r] = cpu_seconds() - t0;
        csv_free(&parser);
        close(fd);
        printf("run %d: %.3f s CPU, %.1f MB/s per core (%lu fields, %lu rows incl. empty)\n", r + 1, seconds[r],
               bytes / 1e6 / seconds[r], counts.fields, counts.rows);
    }
    qsort(seconds, (size_t)repeats, sizeof(double), compare_doubles);
    double median = repeats % 2 ? seconds[repeats / 2] : (seconds[repeats / 2 - 1] + seconds[repeats / 2]) / 2;
    printf("median of %d: %.3f s CPU for %.1f MB: %.1f MB/s per core\n", repeats, median, bytes / 1e6,
           bytes / 1e6 / median);
    free(block);
    free(seconds);
    return 0;
}
