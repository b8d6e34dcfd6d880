/*
 * glibc-floor.c: keeps libflexiti.so (and flexiti-sandbox) loadable on glibc 2.28 and
 * libstdc++ GLIBCXX_3.4.25 (Debian 10, Ubuntu 18.10+, RHEL 8) while building on a newer system.
 *
 * The static Swift runtime and a few of our own calls reference symbols that newer glibc
 * versions re-exported under new versions (dlopen@GLIBC_2.34, exp@GLIBC_2.29, stat@GLIBC_2.33,
 * ...). The link passes --wrap=SYMBOL for each one, so every reference to SYMBOL, inside the
 * Swift static archives too, becomes a reference to __wrap_SYMBOL below, which calls the oldest
 * version of the function through a .symver pin. Behaviour is the same: glibc keeps the old
 * versions as compatibility symbols, and on glibc < 2.34 the dl* and sem_open functions live in
 * libdl.so.2 and libpthread.so.0, which the link therefore names explicitly.
 *
 * The library links libstdc++ statically and builds this file with FLX_STATIC_LIBSTDCXX (its
 * libstdc++ parts are for the sandbox, which loads libstdc++.so.6). The Makefile's GLIBC_WRAP
 * list must name exactly the functions wrapped here, and
 * scripts/check-glibc-floor.sh fails the build when a newer version creeps back in. The
 * executable's start-up (__libc_start_main) is in glibc-floor-exe.c.
 */
#define _GNU_SOURCE /* struct dl_find_object, dl_iterate_phdr */
#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>

#define FLX_OLD(name, version) __asm__(".symver flx_old_" #name ", " #name "@" version)
#define FLX_HIDDEN __attribute__((visibility("hidden")))

/* A tail-jump trampoline: __wrap_NAME jumps to NAME@VERSION, arguments untouched, so any
 * signature (variadic ones too) is kept. */
#define FLX_PIN(name, version)                                                                  \
    __asm__(".pushsection .text\n"                                                               \
            ".symver flx_old_" #name ", " #name "@" version "\n"                                 \
            ".globl __wrap_" #name "\n.hidden __wrap_" #name "\n"                                \
            ".type __wrap_" #name ", @function\n"                                               \
            "__wrap_" #name ":\n\tjmp flx_old_" #name "@PLT\n"                                  \
            ".size __wrap_" #name ", .-__wrap_" #name "\n.popsection")

/* dl*, sem_* and pthread_* moved from libdl.so.2 / libpthread.so.0 into libc.so.6 in 2.34 (and
 * got new versions there); pthread_sigmask and pthread_getaffinity_np were re-versioned in 2.32. */
FLX_PIN(dlopen, "GLIBC_2.2.5");
FLX_PIN(dlsym, "GLIBC_2.2.5");
FLX_PIN(dladdr, "GLIBC_2.2.5");
FLX_PIN(dlerror, "GLIBC_2.2.5");
FLX_PIN(dlclose, "GLIBC_2.2.5");
FLX_PIN(sem_open, "GLIBC_2.2.5");
FLX_PIN(sem_init, "GLIBC_2.2.5");
FLX_PIN(sem_destroy, "GLIBC_2.2.5");
FLX_PIN(sem_post, "GLIBC_2.2.5");
FLX_PIN(sem_wait, "GLIBC_2.2.5");
FLX_PIN(sem_timedwait, "GLIBC_2.2.5");
FLX_PIN(pthread_condattr_setclock, "GLIBC_2.3.3");
FLX_PIN(pthread_create, "GLIBC_2.2.5");
FLX_PIN(pthread_join, "GLIBC_2.2.5");
FLX_PIN(pthread_kill, "GLIBC_2.2.5");
FLX_PIN(pthread_once, "GLIBC_2.2.5");
FLX_PIN(pthread_sigmask, "GLIBC_2.2.5");
FLX_PIN(pthread_setname_np, "GLIBC_2.12");
FLX_PIN(pthread_getname_np, "GLIBC_2.12");
FLX_PIN(pthread_setaffinity_np, "GLIBC_2.3.4");
FLX_PIN(pthread_getaffinity_np, "GLIBC_2.3.4");
FLX_PIN(pthread_attr_getstacksize, "GLIBC_2.2.5");
FLX_PIN(pthread_attr_setstacksize, "GLIBC_2.2.5");
FLX_PIN(pthread_mutexattr_init, "GLIBC_2.2.5");
FLX_PIN(pthread_mutexattr_destroy, "GLIBC_2.2.5");
FLX_PIN(pthread_mutexattr_settype, "GLIBC_2.2.5");
FLX_PIN(pthread_mutex_trylock, "GLIBC_2.2.5");
FLX_PIN(pthread_mutex_timedlock, "GLIBC_2.2.5");
FLX_PIN(pthread_rwlock_init, "GLIBC_2.2.5");
FLX_PIN(pthread_rwlock_destroy, "GLIBC_2.2.5");
FLX_PIN(pthread_rwlock_rdlock, "GLIBC_2.2.5");
FLX_PIN(pthread_rwlock_wrlock, "GLIBC_2.2.5");
FLX_PIN(pthread_rwlock_unlock, "GLIBC_2.2.5");
FLX_PIN(pthread_key_create, "GLIBC_2.2.5");
/* The linked-in unwinder (libgcc_eh) asks whether threads are in use by taking this one's address. */
FLX_PIN(__pthread_key_create, "GLIBC_2.2.5");
FLX_PIN(pthread_key_delete, "GLIBC_2.2.5");
FLX_PIN(pthread_getspecific, "GLIBC_2.2.5");
FLX_PIN(pthread_setspecific, "GLIBC_2.2.5");

/* libm: new versions of exp, exp2, log, log2, pow (2.29), hypot and hypotf (2.35), same results.
 * The library (FLX_LAZY_LIBM) does not link libm.so.6: compat/libm-lazy.c binds each libm
 * function at its first call, to whatever version the running glibc has. */
#ifdef FLX_LAZY_LIBM
#define FLX_PIN_LIBM(name, version)
#else
#define FLX_PIN_LIBM(name, version) FLX_PIN(name, version)
#endif
FLX_PIN_LIBM(exp, "GLIBC_2.2.5");
FLX_PIN_LIBM(exp2, "GLIBC_2.2.5");
FLX_PIN_LIBM(log, "GLIBC_2.2.5");
FLX_PIN_LIBM(log2, "GLIBC_2.2.5");
FLX_PIN_LIBM(pow, "GLIBC_2.2.5");
FLX_PIN_LIBM(hypot, "GLIBC_2.2.5");
FLX_PIN_LIBM(hypotf, "GLIBC_2.2.5");

#ifndef FLX_STATIC_LIBSTDCXX
/* libstdc++: GCC 12 gave std::condition_variable::wait(unique_lock&) a new version; the same
 * function exists since GLIBCXX_3.4.11. */
FLX_PIN(_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE, "GLIBCXX_3.4.11");
#endif

/* stat became a function in 2.33; before, <sys/stat.h> turned it into __xstat(_STAT_VER, ...).
 * _STAT_VER is 1 on x86_64 (the kernel's struct stat, the same layout as today's). */
FLX_OLD(__xstat, "GLIBC_2.2.5");
FLX_OLD(__lxstat, "GLIBC_2.2.5");
FLX_OLD(__fxstat, "GLIBC_2.2.5");
int flx_old___xstat(int ver, const char *path, struct stat *buf);
int flx_old___lxstat(int ver, const char *path, struct stat *buf);
int flx_old___fxstat(int ver, int fd, struct stat *buf);
FLX_HIDDEN int __wrap_stat(const char *path, struct stat *buf) { return flx_old___xstat(1, path, buf); }
FLX_HIDDEN int __wrap_lstat(const char *path, struct stat *buf) { return flx_old___lxstat(1, path, buf); }
FLX_HIDDEN int __wrap_fstat(int fd, struct stat *buf) { return flx_old___fxstat(1, fd, buf); }
FLX_OLD(__fxstatat, "GLIBC_2.4");
int flx_old___fxstatat(int ver, int dirfd, const char *path, struct stat *buf, int flags);
FLX_HIDDEN int __wrap_fstatat(int dirfd, const char *path, struct stat *buf, int flags) {
    return flx_old___fxstatat(1, dirfd, path, buf, flags);
}

/* posix_spawn_file_actions_addchdir_np (2.29) has no older version. Foundation's Process uses it
 * to start a child in another directory; neither the library nor the sandbox starts processes,
 * so it reports "not supported", as a glibc without it would. */
FLX_HIDDEN int __wrap_posix_spawn_file_actions_addchdir_np(void *actions, const char *path) {
    (void)actions;
    (void)path;
    return ENOSYS;
}

#ifndef FLX_STATIC_LIBSTDCXX
/* libstdc++: std::__throw_bad_array_new_length() is GLIBCXX_3.4.29 (GCC 11). The Swift runtime
 * only reaches it when an allocation size overflows; std::bad_array_new_length is a
 * std::bad_alloc, so throwing that (GLIBCXX_3.4) keeps the meaning for any handler. */
void _ZSt17__throw_bad_allocv(void) __attribute__((noreturn));
FLX_HIDDEN __attribute__((noreturn)) void _ZSt28__throw_bad_array_new_lengthv(void) { _ZSt17__throw_bad_allocv(); }
#else
/* libstdc++ linked in (the library, FLX_STATIC_LIBSTDCXX): GCC 12's libstdc++ reads
 * __libc_single_threaded (a glibc 2.32 variable) to skip atomic reference counts in a process
 * with one thread. An older glibc lacks it, and the unversioned reference would fail to load
 * there; this hidden copy, always 0 ("threads may exist"), makes the libstdc++ inside the library
 * always use atomics: correct in every process, for an atomic instruction where a plain one
 * would have done. */
FLX_HIDDEN char __libc_single_threaded = 0;

/* The unwinder linked in (libgcc_eh.a, -static-libgcc: no libgcc_s.so.1 to load, nor its CPU
 * feature probe to run, at every load of the library). GCC 12's unwinder finds an address's
 * unwind table with _dl_find_object (glibc 2.35); an older glibc lacks it, so this does the
 * same with dl_iterate_phdr (glibc 2.2.5): the loaded object whose PT_LOAD segments hold pc,
 * and its PT_GNU_EH_FRAME. The unwinder reads only dlfo_eh_frame (x86_64 has no data base). */
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
struct flx_find_object { uintptr_t pc; struct dl_find_object *out; int found; };
static int flx_find_object_in(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct flx_find_object *f = data;
    uintptr_t start = UINTPTR_MAX, end = 0;
    const ElfW(Phdr) *eh = NULL;
    int inside = 0;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *p = &info->dlpi_phdr[i];
        if (p->p_type == PT_LOAD) {
            uintptr_t s = info->dlpi_addr + p->p_vaddr, e = s + p->p_memsz;
            if (s < start) start = s;
            if (e > end) end = e;
            if (f->pc >= s && f->pc < e) inside = 1;
        } else if (p->p_type == PT_GNU_EH_FRAME) {
            eh = p;
        }
    }
    if (!inside) return 0;
    f->out->dlfo_flags = 0;
    f->out->dlfo_map_start = (void *)start;
    f->out->dlfo_map_end = (void *)end;
    f->out->dlfo_link_map = NULL;
    f->out->dlfo_eh_frame = eh ? (void *)(info->dlpi_addr + eh->p_vaddr) : NULL;
    f->found = 1;
    return 1;
}
FLX_HIDDEN int __wrap__dl_find_object(void *pc, struct dl_find_object *result) {
    struct flx_find_object f = {(uintptr_t)pc, result, 0};
    dl_iterate_phdr(flx_find_object_in, &f);
    return f.found ? 0 : -1;
}
#endif
