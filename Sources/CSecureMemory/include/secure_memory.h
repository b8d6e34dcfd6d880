/* Memory that held secrets is zeroed before it is given back: allocation functions for libcurl
 * (curl_global_init_mem) and jansson (json_set_alloc_funcs), free/realloc wrappers for the
 * library's own code (linked with --wrap=free --wrap=realloc in the shipped .so), and a scrub
 * of the stack depth the library used on this thread. Internal: not part of flexiti.h. */
#ifndef FLX_SECURE_MEMORY_H
#define FLX_SECURE_MEMORY_H
#include <stddef.h>

void *flxsm_malloc(size_t size);
void *flxsm_calloc(size_t count, size_t size);
void *flxsm_realloc(void *p, size_t size);
char *flxsm_strdup(const char *s);
/* Zeroes the whole block (malloc_usable_size) and frees it. */
void flxsm_free(void *p);
/* Zeroes the part of this thread's stack below the caller that library code used since the
 * last scrub (at most 512 KiB, and only when the caller is within 64 KiB above it), so no dead
 * frame keeps a copy of a secret. */
void flxsm_scrub_stack(void);
/* An arena for one parsed answer: while it is entered on a thread, jansson's allocations on that
 * thread come from it and jansson's frees of its blocks do nothing; flxsm_arena_free zeroes and
 * frees it whole. A tree parsed into an arena may be changed or freed by jansson only while the
 * arena is entered (its blocks are not malloc's); otherwise it is simply dropped with the arena.
 * NULL when out of memory (then parse without one). `expected`: a guess of the bytes needed. */
typedef struct flxsm_arena flxsm_arena;
flxsm_arena *flxsm_arena_new(size_t expected);
void flxsm_arena_enter(flxsm_arena *a);
void flxsm_arena_leave(flxsm_arena *a);
void flxsm_arena_free(flxsm_arena *a);
/* Bytes the arena holds (its chunks' capacity; tests). */
size_t flxsm_arena_size(const flxsm_arena *a);
/* jansson's allocation functions (installed by flxsm_install_jansson): the entered arena's, else
 * flxsm_malloc/flxsm_free. */
void *flxsm_json_malloc(size_t size);
void flxsm_json_free(void *p);
/* Makes jansson use flxsm_json_malloc/flxsm_json_free, unless the application gave jansson allocation
 * functions of its own (then jansson's memory is the application's business). Returns 1 when
 * installed. */
int flxsm_install_jansson(void);

#endif
