#ifndef FLEXITI_H
#define FLEXITI_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
const char *flx_version(void);
#ifdef __cplusplus
}
#endif
#endif
