/*
 * The header's version macros agree with the library that is loaded, and FLX_AT_LEAST_VERSION
 * orders versions correctly. Built with -std=c89 -pedantic by scripts/test-header.sh against
 * the staged library; exits non-zero (naming the disagreement) when they differ.
 */
#include <flexiti.h>
#include <stdio.h>
#include <string.h>

#if !FLX_AT_LEAST_VERSION(FLX_VERSION_MAJOR, FLX_VERSION_MINOR, FLX_VERSION_PATCH)
#error "FLX_AT_LEAST_VERSION is false for the header's own version"
#endif
#if FLX_AT_LEAST_VERSION(FLX_VERSION_MAJOR, FLX_VERSION_MINOR, FLX_VERSION_PATCH + 1)
#error "FLX_AT_LEAST_VERSION is true for the next patch release"
#endif

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

int main(void) {
    char text[64];
    uint32_t loaded = flx_version_num();

    sprintf(text, "%d.%d.%d", FLX_VERSION_MAJOR, FLX_VERSION_MINOR, FLX_VERSION_PATCH);
    expect(strcmp(text, FLX_VERSION_STRING) == 0, "FLX_VERSION_STRING spells FLX_VERSION_MAJOR.MINOR.PATCH");
    expect(strcmp(flx_version(), FLX_VERSION_STRING) == 0, "flx_version() equals FLX_VERSION_STRING");
    expect(loaded == (uint32_t)FLX_VERSION_NUM, "flx_version_num() equals FLX_VERSION_NUM");
    expect((loaded >> 16) == FLX_VERSION_MAJOR && ((loaded >> 8) & 0xff) == FLX_VERSION_MINOR &&
               (loaded & 0xff) == FLX_VERSION_PATCH,
           "flx_version_num() packs major, minor and patch as 0xMMmmpp");

    expect(FLX_AT_LEAST_VERSION(0, 0, 0), "FLX_AT_LEAST_VERSION(0, 0, 0)");
    expect(FLX_AT_LEAST_VERSION(FLX_VERSION_MAJOR, FLX_VERSION_MINOR, FLX_VERSION_PATCH),
           "FLX_AT_LEAST_VERSION(own version)");
    expect(!FLX_AT_LEAST_VERSION(FLX_VERSION_MAJOR, FLX_VERSION_MINOR + 1, 0),
           "!FLX_AT_LEAST_VERSION(next minor)");
    expect(!FLX_AT_LEAST_VERSION(FLX_VERSION_MAJOR + 1, 0, 0), "!FLX_AT_LEAST_VERSION(next major)");
    expect(!FLX_AT_LEAST_VERSION(FLX_VERSION_MAJOR, FLX_VERSION_MINOR, FLX_VERSION_PATCH + 1),
           "!FLX_AT_LEAST_VERSION(next patch)");

    if (failures == 0) printf("version macros agree with the loaded library %s\n", flx_version());
    return failures != 0;
}
