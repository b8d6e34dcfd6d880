/* Zero-on-free allocation for everything that may hold a secret. See secure_memory.h.
 * Only glibc symbols older than 2.28 are used (malloc_usable_size 2.2.5). */
#define _GNU_SOURCE
#include "secure_memory.h"
#include <alloca.h>
#include <cpuid.h>
#include <jansson.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* With `--wrap=free --wrap=realloc` (the shipped library's link) these are libc's free and
 * realloc; without (debug builds, tests) they are absent (weak) and libc is called directly. */
extern void __real_free(void *p) __attribute__((weak));

static void release(void *p) {
    if (__real_free) __real_free(p);
    else free(p);
}

/* The deepest and the shallowest stack address library code has reached on this thread since
 * the last scrub. Initial-exec: read on every allocation and free, and the general-dynamic model
 * would make each read a call to __tls_get_addr. The 16 bytes come from the static TLS space
 * glibc keeps for libraries loaded with dlopen. */
static __thread uintptr_t deepest __attribute__((tls_model("initial-exec")));
static __thread uintptr_t shallowest __attribute__((tls_model("initial-exec")));

static inline void note_depth(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (deepest == 0 || here < deepest) deepest = here;
    if (here > shallowest) shallowest = here;
}

/* Zeroes n bytes with 16-byte stores that the compiler may neither drop (volatile) nor turn
 * into a memset call. glibc's memset (and explicit_bzero) switches to `rep stosb` above 2 KiB:
 * no faster for these sizes, but instruction counters such as callgrind count it once per byte,
 * which made zeroing libcurl's 16 KiB buffers look like most of the library's cost. Blocks
 * from malloc are 16-byte aligned and their usable size is a multiple of 8, so the common case
 * is whole 16-byte stores (eight per loop turn for large blocks: the stack scrub and libcurl's
 * buffers are kilobytes) and one 8-byte store. */
/* Large areas (the stack scrub, libcurl's buffers) take 32-byte stores where the CPU and the
 * kernel support AVX2: half the stores. Found out once (CPUID, XGETBV); 0 unknown, 1 no, 2 yes. */
static int wide_state;

static int find_wide(void) {
    unsigned a, b, c, d, lo, hi;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return 1;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 1; /* the kernel saves the vector registers */
    if (__get_cpuid_max(0, NULL) < 7) return 1;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & bit_AVX2) ? 2 : 1;
}

static inline int wide(void) {
    int w = __atomic_load_n(&wide_state, __ATOMIC_RELAXED);
    if (w == 0) {
        w = find_wide();
        __atomic_store_n(&wide_state, w, __ATOMIC_RELAXED);
    }
    return w == 2;
}

/* Zeroes the whole 256-byte runs of n bytes at c; returns the bytes zeroed. */
__attribute__((target("avx2"), noinline)) static size_t wipe_wide(volatile unsigned char *c, size_t n) {
    typedef unsigned char v32 __attribute__((vector_size(32), aligned(1)));
    size_t i = 0;
    for (; i + 256 <= n; i += 256) {
        *(volatile v32 *)(c + i) = (v32){0};
        *(volatile v32 *)(c + i + 32) = (v32){0};
        *(volatile v32 *)(c + i + 64) = (v32){0};
        *(volatile v32 *)(c + i + 96) = (v32){0};
        *(volatile v32 *)(c + i + 128) = (v32){0};
        *(volatile v32 *)(c + i + 160) = (v32){0};
        *(volatile v32 *)(c + i + 192) = (v32){0};
        *(volatile v32 *)(c + i + 224) = (v32){0};
    }
    return i;
}

static inline void wipe(void *p, size_t n) {
    typedef unsigned char v16 __attribute__((vector_size(16)));
    volatile unsigned char *c = p;
    size_t i = 0;
    if ((uintptr_t)c & 15) {
        while (i < n && ((uintptr_t)(c + i) & 15)) c[i++] = 0;
    }
    if (n - i >= 1024 && wide()) i += wipe_wide(c + i, n - i);
    for (; i + 128 <= n; i += 128) {
        *(volatile v16 *)(c + i) = (v16){0};
        *(volatile v16 *)(c + i + 16) = (v16){0};
        *(volatile v16 *)(c + i + 32) = (v16){0};
        *(volatile v16 *)(c + i + 48) = (v16){0};
        *(volatile v16 *)(c + i + 64) = (v16){0};
        *(volatile v16 *)(c + i + 80) = (v16){0};
        *(volatile v16 *)(c + i + 96) = (v16){0};
        *(volatile v16 *)(c + i + 112) = (v16){0};
    }
    if (i + 64 <= n) {
        *(volatile v16 *)(c + i) = (v16){0};
        *(volatile v16 *)(c + i + 16) = (v16){0};
        *(volatile v16 *)(c + i + 32) = (v16){0};
        *(volatile v16 *)(c + i + 48) = (v16){0};
        i += 64;
    }
    for (; i + 16 <= n; i += 16) *(volatile v16 *)(c + i) = (v16){0};
    if (i + 8 <= n) {
        *(volatile uint64_t *)(c + i) = 0;
        i += 8;
    }
    while (i < n) c[i++] = 0;
}

void flxsm_free(void *p) {
    if (!p) return;
    note_depth();
    wipe(p, malloc_usable_size(p));
    release(p);
}

void *flxsm_malloc(size_t size) {
    note_depth();
    return malloc(size);
}

void *flxsm_calloc(size_t count, size_t size) {
    note_depth();
    return calloc(count, size);
}

/* Never lets realloc move a block without zeroing the old copy. */
void *flxsm_realloc(void *p, size_t size) {
    size_t old;
    void *q;
    if (!p) return flxsm_malloc(size);
    if (size == 0) { flxsm_free(p); return NULL; }
    old = malloc_usable_size(p);
    if (size <= old) return p; /* shrinking: the block stays, zeroed whole when freed */
    q = malloc(size);
    if (!q) return NULL;
    memcpy(q, p, old);
    flxsm_free(p);
    return q;
}

char *flxsm_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *q = flxsm_malloc(n);
    if (q) memcpy(q, s, n);
    return q;
}

/* The linker routes the library's (and the static Swift runtime's) free and realloc here. */
void __wrap_free(void *p) { flxsm_free(p); }
void *__wrap_realloc(void *p, size_t size) { return flxsm_realloc(p, size); }

/* --- arenas for parsed answers ---------------------------------------------------------------
 * While an arena is entered on a thread, jansson's allocations on that thread come from it (a
 * bump of a pointer) and jansson's frees of its blocks do nothing; when the document goes, the
 * arena is zeroed and given back whole. That replaces one malloc and one zero-and-free per value
 * of an answer. The rule that makes it safe: a tree parsed into an arena is only ever changed
 * or freed by jansson while that arena is entered (JSONDocument keeps to it), so every free of
 * an arena block is seen here with its arena current. */
struct chunk {
    struct chunk *next;
    size_t capacity, used; /* bytes of data[] */
    size_t pad;            /* keeps data 16-byte aligned */
    unsigned char data[];
};

struct flxsm_arena {
    struct chunk *chunks;  /* newest first */
    size_t total;          /* capacity of all chunks */
    flxsm_arena *outer;    /* the arena that was current before flxsm_arena_enter */
};

#define ARENA_FIRST_MIN 4096
#define ARENA_CHUNK_MAX (8u << 20)

static __thread flxsm_arena *current __attribute__((tls_model("initial-exec")));

static struct chunk *new_chunk(size_t capacity) {
    struct chunk *c = malloc(sizeof *c + capacity);
    if (!c) return NULL;
    c->next = NULL;
    c->capacity = capacity;
    c->used = 0;
    return c;
}

/* The slow path of flxsm_json_malloc (a new chunk, or an odd size): out of line, so that the
 * bump of a pointer that serves almost every value of an answer saves no registers. */
__attribute__((noinline)) static void *arena_alloc(flxsm_arena *a, size_t n) {
    struct chunk *c = a->chunks;
    if (n > SIZE_MAX - 15 - sizeof *c) return NULL;
    n = (n + 15) & ~(size_t)15;
    if (!c || c->capacity - c->used < n) {
        /* Grows with the arena (a few chunks even for a large answer), in steps of at most
         * ARENA_CHUNK_MAX so that the unused tail of the last chunk stays small. */
        size_t want = a->total < ARENA_CHUNK_MAX ? a->total : ARENA_CHUNK_MAX;
        if (want < n) want = n;
        struct chunk *fresh = new_chunk(want);
        if (!fresh) return NULL;
        fresh->next = c;
        a->chunks = c = fresh;
        a->total += want;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

static int arena_owns(const flxsm_arena *a, const void *p) {
    for (const struct chunk *c = a->chunks; c; c = c->next)
        if ((const unsigned char *)p >= c->data && (const unsigned char *)p < c->data + c->capacity) return 1;
    return 0;
}

/* Called for every value, key and string jansson makes (about a hundred per answer). */
void *flxsm_json_malloc(size_t size) {
    flxsm_arena *a = current;
    struct chunk *c;
    if (!a) return flxsm_malloc(size);
    c = a->chunks;
    if (c && size - 1 < ARENA_CHUNK_MAX) { /* 1 to ARENA_CHUNK_MAX bytes: no overflow below */
        size_t n = (size + 15) & ~(size_t)15;
        if (c->capacity - c->used >= n) {
            void *p = c->data + c->used;
            c->used += n;
            return p;
        }
    }
    return arena_alloc(a, size ? size : 1);
}

void flxsm_json_free(void *p) {
    flxsm_arena *a = current;
    if (a && p) {
        /* The newest chunk first, inline: an answer's arena has one chunk or a few. */
        const struct chunk *c = a->chunks;
        if (c && (const unsigned char *)p >= c->data && (const unsigned char *)p < c->data + c->capacity) return;
        if (arena_owns(a, p)) return; /* zeroed and freed with its arena */
    }
    flxsm_free(p);
}

flxsm_arena *flxsm_arena_new(size_t expected) {
    flxsm_arena *a = malloc(sizeof *a);
    if (!a) return NULL;
    if (expected < ARENA_FIRST_MIN) expected = ARENA_FIRST_MIN;
    if (expected > ARENA_CHUNK_MAX) expected = ARENA_CHUNK_MAX;
    a->chunks = new_chunk(expected);
    if (!a->chunks) {
        release(a);
        return NULL;
    }
    a->total = expected;
    a->outer = NULL;
    return a;
}

void flxsm_arena_enter(flxsm_arena *a) {
    if (!a) return;
    a->outer = current;
    current = a;
}

void flxsm_arena_leave(flxsm_arena *a) {
    if (!a || current != a) return;
    current = a->outer;
    a->outer = NULL;
}

void flxsm_arena_free(flxsm_arena *a) {
    struct chunk *c, *next;
    if (!a) return;
    if (current == a) flxsm_arena_leave(a);
    note_depth();
    for (c = a->chunks; c; c = next) {
        next = c->next;
        wipe(c->data, c->used);
        release(c);
    }
    release(a);
}

size_t flxsm_arena_size(const flxsm_arena *a) { return a ? a->total : 0; }

int flxsm_install_jansson(void) {
    json_malloc_t m = NULL;
    json_free_t f = NULL;
    /* libc's free: in the wrapped link a plain `free` here would name __wrap_free. */
    void (*libc_free)(void *) = __real_free ? __real_free : free;
    json_get_alloc_funcs(&m, &f);
    if (m == flxsm_json_malloc && f == flxsm_json_free) return 1;
    if (m != malloc || f != libc_free) return 0;
    json_set_alloc_funcs(flxsm_json_malloc, flxsm_json_free);
    return 1;
}

#define SCRUB_MAX (512 * 1024)
#define SCRUB_NEAR (64 * 1024)

/* noinline: its frame must lie above the area it zeroes. Scrubs only when this frame is just
 * above the area the library used (the same stack: a host that switches stacks within a thread,
 * fibers, is not scrubbed rather than risk another stack), and never more than SCRUB_MAX. */
__attribute__((noinline)) void flxsm_scrub_stack(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    uintptr_t low = deepest, high = shallowest;
    size_t n;
    unsigned char *area;
    deepest = 0;
    shallowest = 0;
    /* Below this frame's own locals and the alloca bookkeeping. */
    if (low == 0 || here <= low + 512 || here - low > SCRUB_MAX || here > high + SCRUB_NEAR) return;
    n = (size_t)(here - low) - 512;
    /* The stack already reached this depth on this thread, so the area is mapped. */
    area = alloca(n);
    wipe(area, n);
    __asm__ volatile("" : : "r"(area) : "memory");
}
