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
/* Makes jansson use flxsm_malloc/flxsm_free, unless the application gave jansson allocation
 * functions of its own (then jansson's memory is the application's business). Returns 1 when
 * installed. */
int flxsm_install_jansson(void);
/* Remembers how deep this thread's stack has gone (called from deep inside the library). */
void flxsm_note_stack_depth(void);

#endif
