// Nothing to call: swift_argv.c and swift_backtrace.c replace parts of the static Swift runtime
// at link time (see there). SwiftPM wants a header directory for a C target.
#ifndef FLX_SWIFT_RUNTIME_H
#define FLX_SWIFT_RUNTIME_H
#endif
