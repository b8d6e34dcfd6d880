#!/bin/sh
# The functions compat/glibc-floor.c wraps (its FLX_PIN lines and C __wrap_ functions), one per
# line: the Makefile passes --wrap for each.
sed -nE 's/^FLX_PIN[(]([A-Za-z0-9_]+),.*/\1/p; s/^FLX_HIDDEN .*__wrap_([A-Za-z0-9_]+)[(].*/\1/p' "$(dirname "$0")/glibc-floor.c"
