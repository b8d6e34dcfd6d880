/* Checks glibc-floor.c's replacement for _dl_find_object (which the unwinder linked into the
 * library calls) against glibc's own, on a glibc that has it (2.35+): for addresses in this
 * program, in libc, in ld.so and outside every object, both must agree on the object's bounds
 * and its unwind table. Prints "ok: ..." / "FAIL: ..." lines (scripts/run-tests.sh counts them). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int __wrap__dl_find_object(void *pc, struct dl_find_object *result);

static int failures;

static void compare(const char *what, void *pc) {
    struct dl_find_object ours, glibcs;
    memset(&ours, 0xa5, sizeof ours);
    memset(&glibcs, 0x5a, sizeof glibcs);
    int a = __wrap__dl_find_object(pc, &ours), b = _dl_find_object(pc, &glibcs);
    int same = a == b && (a != 0 || (ours.dlfo_map_start == glibcs.dlfo_map_start && ours.dlfo_map_end == glibcs.dlfo_map_end &&
                                      ours.dlfo_eh_frame == glibcs.dlfo_eh_frame));
    if (!same) failures++;
    printf("%s: _dl_find_object replacement agrees with glibc for %s (%d/%d)\n", same ? "ok" : "FAIL", what, a, b);
}

int main(void) {
    int on_stack = 0;
    void *heap = malloc(16);
    compare("a function of the program", (void *)main);
    compare("a function in the middle of libc", (void *)printf);
    compare("a function of ld.so", dlsym(RTLD_DEFAULT, "_dl_find_object"));
    compare("a stack address (no object)", &on_stack);
    compare("a heap address (no object)", heap);
    free(heap);
    return failures != 0;
}
