// A C++ exception thrown and caught through the unwinder as the library links it: libgcc_eh
// (-static-libgcc) with _dl_find_object wrapped to glibc-floor.c's replacement. Exits 0 and
// prints "caught" when the unwinder found the frames' tables.
#include <cstdio>
#include <stdexcept>

__attribute__((noinline)) static void deep(int n) {
    if (n == 0) throw std::runtime_error("unwound");
    deep(n - 1);
}

int main() {
    try {
        deep(8);
    } catch (const std::exception &e) {
        std::printf("caught %s\n", e.what());
        return 0;
    }
    return 1;
}
