/*
 * swift_backtrace.c: keeps the static Swift runtime's crash backtracer out of the host program.
 *
 * A library must leave crash handling to its host. At every load of the library, the runtime's
 * backtracer reads SWIFT_BACKTRACE and looks for a swift-backtrace executable beside the library
 * (eight failed stat calls, and as many path computations); when one is found and backtracing is
 * on, it installs its own handlers for SIGSEGV, SIGBUS, SIGILL and more in the host process.
 *
 * The release link wraps the runtime's lookup (--wrap=swift_copyAuxiliaryExecutablePath, in the
 * Makefile): it finds nothing, so the backtracer turns itself off at once, as it did already
 * when no swift-backtrace was installed beside the library, with no file-system access. Debug
 * builds and the tests, with the shared Swift runtime, do not use this.
 */
#include <stddef.h>

__attribute__((visibility("hidden"))) char *__wrap_swift_copyAuxiliaryExecutablePath(const char *name) {
    (void)name;
    return NULL;
}
