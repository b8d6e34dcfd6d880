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
 * The Makefile's GLIBC_WRAP list must name exactly the functions wrapped here, and
 * scripts/check-glibc-floor.sh fails the build when a newer version creeps back in.
 */
#include <stddef.h>
#include <sys/stat.h>

#define FLX_OLD(name, version) __asm__(".symver flx_old_" #name ", " #name "@" version)
#define FLX_HIDDEN __attribute__((visibility("hidden")))

/* dl* moved from libdl.so.2 to libc.so.6 in glibc 2.34. */
FLX_OLD(dlopen, "GLIBC_2.2.5");
FLX_OLD(dlsym, "GLIBC_2.2.5");
FLX_OLD(dladdr, "GLIBC_2.2.5");
FLX_OLD(dlerror, "GLIBC_2.2.5");
void *flx_old_dlopen(const char *file, int mode);
void *flx_old_dlsym(void *handle, const char *name);
int flx_old_dladdr(const void *addr, void *info);
char *flx_old_dlerror(void);
FLX_HIDDEN void *__wrap_dlopen(const char *file, int mode) { return flx_old_dlopen(file, mode); }
FLX_HIDDEN void *__wrap_dlsym(void *handle, const char *name) { return flx_old_dlsym(handle, name); }
FLX_HIDDEN int __wrap_dladdr(const void *addr, void *info) { return flx_old_dladdr(addr, info); }
FLX_HIDDEN char *__wrap_dlerror(void) { return flx_old_dlerror(); }

/* sem_open and pthread_condattr_setclock moved from libpthread.so.0 to libc.so.6 in 2.34. */
FLX_OLD(sem_open, "GLIBC_2.2.5");
FLX_OLD(pthread_condattr_setclock, "GLIBC_2.3.3");
void *flx_old_sem_open(const char *name, int oflag, ...);
int flx_old_pthread_condattr_setclock(void *attr, int clock_id);
FLX_HIDDEN void *__wrap_sem_open(const char *name, int oflag, unsigned int mode, unsigned int value) {
    /* The mode and value arguments are read only with O_CREAT; passing them on is harmless. */
    return flx_old_sem_open(name, oflag, mode, value);
}
FLX_HIDDEN int __wrap_pthread_condattr_setclock(void *attr, int clock_id) {
    return flx_old_pthread_condattr_setclock(attr, clock_id);
}

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

/* libm: new versions of exp, exp2, log, log2 (2.29) and hypotf (2.35), same results. */
FLX_OLD(exp, "GLIBC_2.2.5");
FLX_OLD(exp2, "GLIBC_2.2.5");
FLX_OLD(log, "GLIBC_2.2.5");
FLX_OLD(log2, "GLIBC_2.2.5");
FLX_OLD(pow, "GLIBC_2.2.5");
FLX_OLD(hypotf, "GLIBC_2.2.5");
double flx_old_exp(double x);
double flx_old_exp2(double x);
double flx_old_log(double x);
double flx_old_log2(double x);
double flx_old_pow(double x, double y);
float flx_old_hypotf(float x, float y);
FLX_HIDDEN double __wrap_exp(double x) { return flx_old_exp(x); }
FLX_HIDDEN double __wrap_exp2(double x) { return flx_old_exp2(x); }
FLX_HIDDEN double __wrap_log(double x) { return flx_old_log(x); }
FLX_HIDDEN double __wrap_log2(double x) { return flx_old_log2(x); }
FLX_HIDDEN double __wrap_pow(double x, double y) { return flx_old_pow(x, y); }
FLX_HIDDEN float __wrap_hypotf(float x, float y) { return flx_old_hypotf(x, y); }

/* libstdc++: std::__throw_bad_array_new_length() is GLIBCXX_3.4.29 (GCC 11). The Swift runtime
 * only reaches it when an allocation size overflows; std::bad_array_new_length is a
 * std::bad_alloc, so throwing that (GLIBCXX_3.4) keeps the meaning for any handler. */
void _ZSt17__throw_bad_allocv(void) __attribute__((noreturn));
FLX_HIDDEN __attribute__((noreturn)) void _ZSt28__throw_bad_array_new_lengthv(void) { _ZSt17__throw_bad_allocv(); }
