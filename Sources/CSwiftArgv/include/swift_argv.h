// Nothing to call: swift_argv.c replaces two functions of the static Swift runtime at link time
// (see there). SwiftPM wants a header directory for a C target.
#ifndef FLX_SWIFT_ARGV_H
#define FLX_SWIFT_ARGV_H
#endif
