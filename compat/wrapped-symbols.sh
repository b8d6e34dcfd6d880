#!/bin/sh
# The functions compat/glibc-floor.c wraps (its FLX_PIN lines and C __wrap_ functions), one per
# line: the Makefile passes --wrap for each. With --libm, only the libm ones (FLX_PIN_LIBM), which
# the library does not wrap (compat/libm-lazy.c defines them).
if [ "${1:-}" = --libm ]; then
    exec sed -nE 's/^FLX_PIN_LIBM[(]([A-Za-z0-9_]+),.*/\1/p' "$(dirname "$0")/glibc-floor.c"
fi
sed -nE 's/^FLX_PIN(_LIBM)?[(]([A-Za-z0-9_]+),.*/\2/p; s/^FLX_HIDDEN .*__wrap_([A-Za-z0-9_]+)[(].*/\1/p' "$(dirname "$0")/glibc-floor.c"
