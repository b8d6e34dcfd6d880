// jansson's type tests are macros, which Swift does not import; these wrappers expose them.
#ifndef FLX_CJANSSON_SHIM_H
#define FLX_CJANSSON_SHIM_H
#include <jansson.h>

static inline int cshim_json_type(const json_t *j) { return j ? (int)json_typeof(j) : -1; }
static inline void cshim_json_decref(json_t *j) { json_decref(j); }
#endif
