/*
 * glibc-floor-exe.c: the start-up half of the glibc floor, for flexiti-sandbox only (see
 * glibc-floor.c for the rest).
 *
 * Since glibc 2.34, Scrt1.o calls __libc_start_main@GLIBC_2.34 with no init function, and that
 * version runs the program's constructors itself. The link wraps the call to the oldest
 * version, which runs the constructors only through the init function it is given: pass one
 * that does what libc_nonshared's __libc_csu_init did (_init, then .init_array). glibc 2.34+
 * calls exactly that init function and nothing else for a program that passes one, so the
 * constructors run once on old and new systems alike. Destructors (.fini_array) stay with the
 * dynamic loader's _dl_fini.
 */
#include <stddef.h>

typedef void (*flx_init_fn)(int, char **, char **);
extern flx_init_fn __init_array_start[] __attribute__((visibility("hidden")));
extern flx_init_fn __init_array_end[] __attribute__((visibility("hidden")));
extern void _init(void);

static void flx_run_constructors(int argc, char **argv, char **envp) {
    size_t count = (size_t)(__init_array_end - __init_array_start);
    size_t i;
    _init();
    for (i = 0; i < count; i++) __init_array_start[i](argc, argv, envp);
}

__asm__(".symver flx_old___libc_start_main, __libc_start_main@GLIBC_2.2.5");
int flx_old___libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, flx_init_fn init,
                              void (*fini)(void), void (*rtld_fini)(void), void *stack_end);

__attribute__((visibility("hidden"))) int __wrap___libc_start_main(int (*main)(int, char **, char **), int argc,
                                                                   char **argv, flx_init_fn init, void (*fini)(void),
                                                                   void (*rtld_fini)(void), void *stack_end) {
    (void)init;
    (void)fini;
    return flx_old___libc_start_main(main, argc, argv, flx_run_constructors, NULL, rtld_fini, stack_end);
}
