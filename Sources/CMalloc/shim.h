// glibc's malloc tuning (mallopt(M_ARENA_MAX, n)), which Swift's Glibc module does not export.
// Where the C library has no M_ARENA_MAX (macOS, musl) the call does nothing.
#ifndef APEN_CMALLOC_SHIM_H
#define APEN_CMALLOC_SHIM_H
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

static inline void apen_limit_malloc_arenas(int arenas) {
#if defined(M_ARENA_MAX)
    (void)mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
#endif
}
#endif
