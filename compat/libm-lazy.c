/*
 * libm-lazy.c: the libm.so.6 functions of the library, bound at their first call.
 *
 * The static Swift runtime references about a hundred libm functions (rounding and remainders
 * of Float, Double and Float80, the Glibc module's math wrappers). The library itself calls
 * none of them, yet linked as usual they make every process that loads libflexiti load
 * libm.so.6 too: about 0.12 ms of each start-up, for its mapping, relocations and IFUNC
 * resolvers (docs/performance.md).
 *
 * The Makefile puts this object in an archive named libm.a in a directory the linker searches
 * first, so the link's -lm finds these definitions instead of libm.so.6. Each function is a jump
 * through its slot; an empty slot leads to flx_libm_bind, which opens libm.so.6, looks the
 * function up and fills the slot. From its first call on, a function is libm's own, with its
 * arguments untouched: the same results as a direct call.
 *
 * x86_64 only (the other targets link libm.so.6 as usual): the trampolines are assembly.
 */
#if defined(__x86_64__) && defined(__linux__)
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

#include "libm-functions.h"

#define FLX_HIDDEN __attribute__((visibility("hidden")))

/* One per function: the bound address (NULL until the first call) and how to look it up. */
enum flx_libm_kind { FLX_LIBM_F, FLX_LIBM_D, FLX_LIBM_L };
struct flx_libm_fn {
    void *address;
    const char *name;
    enum flx_libm_kind kind;
};

#define FLX_LIBM_SLOT(name, kind) FLX_HIDDEN struct flx_libm_fn flx_libm_##name = {NULL, #name, FLX_LIBM_##kind};
FLX_LIBM_FUNCTIONS(FLX_LIBM_SLOT)

/* The function itself: a jump to the bound address, or to the binder with the slot in r11
 * (a scratch register no argument uses). */
#define FLX_LIBM_STUB(name, kind)                                                                \
    __asm__(".pushsection .text\n"                                                               \
            ".globl " #name "\n.hidden " #name "\n.type " #name ", @function\n"                   \
            #name ":\n"                                                                          \
            "\tmovq flx_libm_" #name "(%rip), %r11\n"                                             \
            "\ttestq %r11, %r11\n"                                                                \
            "\tjz 1f\n"                                                                           \
            "\tjmpq *%r11\n"                                                                      \
            "1:\tleaq flx_libm_" #name "(%rip), %r11\n"                                           \
            "\tjmp flx_libm_bind\n"                                                               \
            ".size " #name ", .-" #name "\n.popsection");
FLX_LIBM_FUNCTIONS(FLX_LIBM_STUB)

/* What a function answers when libm.so.6 cannot be opened (a system without it cannot run
 * glibc programs, so this is only a guard): NaN of its return type, in its return register. */
static float flx_libm_nan_float(void) { return __builtin_nanf(""); }
static double flx_libm_nan_double(void) { return __builtin_nan(""); }
static long double flx_libm_nan_long_double(void) { return __builtin_nanl(""); }

static void *flx_libm_handle;

/* The address for a slot: libm's function (stored in the slot), or a NaN answer (not stored:
 * the next call tries again). Threads racing here open libm once more (a reference count) and
 * store the same address. */
FLX_HIDDEN void *flx_libm_lookup(struct flx_libm_fn *fn) {
    void *handle = __atomic_load_n(&flx_libm_handle, __ATOMIC_ACQUIRE);
    if (handle == NULL) {
        handle = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) __atomic_store_n(&flx_libm_handle, handle, __ATOMIC_RELEASE);
    }
    void *address = handle != NULL ? dlsym(handle, fn->name) : NULL;
    if (address != NULL) {
        __atomic_store_n(&fn->address, address, __ATOMIC_RELEASE);
        return address;
    }
    switch (fn->kind) {
    case FLX_LIBM_F: return (void *)flx_libm_nan_float;
    case FLX_LIBM_L: return (void *)flx_libm_nan_long_double;
    default: return (void *)flx_libm_nan_double;
    }
}

/* Keeps every argument register (integer and vector; long double arguments are on the stack,
 * which is left as it was), asks flx_libm_lookup for the address, then jumps there as if the
 * caller had called it. */
__asm__(".pushsection .text\n"
        ".hidden flx_libm_bind\n.type flx_libm_bind, @function\n"
        "flx_libm_bind:\n"
        "\tpushq %rbp\n"
        "\tmovq %rsp, %rbp\n"
        "\tandq $-16, %rsp\n"
        "\tsubq $192, %rsp\n"
        "\tmovdqa %xmm0, 0(%rsp)\n\tmovdqa %xmm1, 16(%rsp)\n"
        "\tmovdqa %xmm2, 32(%rsp)\n\tmovdqa %xmm3, 48(%rsp)\n"
        "\tmovdqa %xmm4, 64(%rsp)\n\tmovdqa %xmm5, 80(%rsp)\n"
        "\tmovdqa %xmm6, 96(%rsp)\n\tmovdqa %xmm7, 112(%rsp)\n"
        "\tmovq %rdi, 128(%rsp)\n\tmovq %rsi, 136(%rsp)\n\tmovq %rdx, 144(%rsp)\n"
        "\tmovq %rcx, 152(%rsp)\n\tmovq %r8, 160(%rsp)\n\tmovq %r9, 168(%rsp)\n"
        "\tmovq %rax, 176(%rsp)\n"
        "\tmovq %r11, %rdi\n"
        "\tcall flx_libm_lookup\n"
        "\tmovq %rax, %r11\n"
        "\tmovdqa 0(%rsp), %xmm0\n\tmovdqa 16(%rsp), %xmm1\n"
        "\tmovdqa 32(%rsp), %xmm2\n\tmovdqa 48(%rsp), %xmm3\n"
        "\tmovdqa 64(%rsp), %xmm4\n\tmovdqa 80(%rsp), %xmm5\n"
        "\tmovdqa 96(%rsp), %xmm6\n\tmovdqa 112(%rsp), %xmm7\n"
        "\tmovq 128(%rsp), %rdi\n\tmovq 136(%rsp), %rsi\n\tmovq 144(%rsp), %rdx\n"
        "\tmovq 152(%rsp), %rcx\n\tmovq 160(%rsp), %r8\n\tmovq 168(%rsp), %r9\n"
        "\tmovq 176(%rsp), %rax\n"
        "\tmovq %rbp, %rsp\n"
        "\tpopq %rbp\n"
        "\tjmpq *%r11\n"
        ".size flx_libm_bind, .-flx_libm_bind\n.popsection");
#endif
