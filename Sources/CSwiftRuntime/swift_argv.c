/*
 * swift_argv.c: linked into libflexiti.so in place of the static Swift runtime's CommandLine.cpp.
 *
 * That file finds argv for Swift's CommandLine.arguments with a global constructor that reads
 * /proc/self/maps line by line with sscanf (about half a million instructions at every load of
 * the library, for arguments the library never reads). Defining its two functions here keeps the
 * linker from taking CommandLine.cpp.o out of libswiftCore.a at all, and with it that
 * constructor. This has to be one of the product's own objects, which the linker reads before
 * libswiftCore.a (an object named later on the command line comes too late: the archive member
 * is already in). With the shared Swift runtime (debug builds, tests) the runtime's own hidden
 * definitions are used and these are unused. argv comes instead from what glibc passes every ELF constructor, including a
 * dlopen()ed library's: (argc, argv, envp).
 *
 * Both functions use the Swift calling convention; for these signatures (pointer and int
 * arguments, one pointer result, no context or error register) it is the C one on x86-64 and
 * AArch64, so a C compiler without the swiftcall attribute builds the same code.
 */
#if defined(__has_attribute)
#if __has_attribute(swiftcall)
#define FLX_SWIFTCALL __attribute__((swiftcall))
#endif
#endif
#ifndef FLX_SWIFTCALL
#define FLX_SWIFTCALL
#endif

static char **saved_argv;
static int saved_argc;
static char *empty_argv[] = {0};

__attribute__((constructor)) static void flx_save_argv(int argc, char **argv, char **envp) {
    (void)envp;
    if (argv && argc > 0) {
        saved_argv = argv;
        saved_argc = argc;
    }
}

/* Swift's CommandLine.unsafeArgv and argc (stdlib/public/CommandLineSupport/CommandLine.cpp). */
__attribute__((visibility("hidden"))) FLX_SWIFTCALL char **_swift_stdlib_getUnsafeArgvArgc(int *outArgLen) {
    if (!saved_argv) {
        *outArgLen = 0;
        return empty_argv;
    }
    *outArgLen = saved_argc;
    return saved_argv;
}

/* Only the Swift interpreter overrides argv; kept so that the symbol set matches. */
__attribute__((visibility("hidden"))) FLX_SWIFTCALL void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) {
    if (argv && argc >= 0) {
        saved_argv = argv;
        saved_argc = argc;
    }
}
