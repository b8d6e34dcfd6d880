/*
 * libm-functions.h: the libm.so.6 functions the library's static Swift runtime references, as
 * X(name, kind) entries; kind is the return type: F float, D double, L long double.
 * compat/libm-lazy.c defines each one; scripts/check-exports.sh fails the build when the
 * library references a libm function missing here (a new toolchain), naming it.
 */
#define FLX_LIBM_FUNCTIONS(X) \
    X(acosf, F) X(acoshf, F) X(acoshl, L) X(acosl, L) X(asinf, F) X(asinhf, F) X(asinhl, L) \
    X(asinl, L) X(atan2f, F) X(atan2l, L) X(atanf, F) X(atanhf, F) X(atanhl, L) X(atanl, L) \
    X(cbrtf, F) X(cbrtl, L) X(ceil, D) X(ceilf, F) X(ceill, L) X(cos, D) X(cosf, F) X(coshf, F) \
    X(coshl, L) X(cosl, L) X(erfcf, F) X(erfcl, L) X(erff, F) X(erfl, L) X(exp, D) X(exp2, D) \
    X(exp2f, F) X(exp2l, L) X(expf, F) X(expl, L) X(expm1f, F) X(expm1l, L) X(fdimf, F) \
    X(fdiml, L) X(floor, D) X(floorf, F) X(floorl, L) X(fma, D) X(fmaf, F) X(fmal, L) \
    X(fmaxl, L) X(fminl, L) X(fmod, D) X(fmodf, F) X(fmodl, L) X(hypot, D) X(hypotf, F) \
    X(hypotl, L) X(jn, D) X(lgamma_r, D) X(lgammaf_r, F) X(lgammal_r, L) X(log, D) X(log10, D) \
    X(log10f, F) X(log10l, L) X(log1pf, F) X(log1pl, L) X(log2, D) X(log2f, F) X(log2l, L) \
    X(logbf, F) X(logbl, L) X(logf, F) X(logl, L) X(nanf, F) X(nanl, L) X(nearbyint, D) \
    X(nearbyintf, F) X(nearbyintl, L) X(nextafterf, F) X(nextafterl, L) X(pow, D) X(powf, F) \
    X(powl, L) X(remainder, D) X(remainderf, F) X(remainderl, L) X(remquo, D) X(remquof, F) \
    X(remquol, L) X(rint, D) X(rintf, F) X(rintl, L) X(round, D) X(roundf, F) X(roundl, L) \
    X(sin, D) X(sinf, F) X(sinhf, F) X(sinhl, L) X(sinl, L) X(sqrt, D) X(sqrtf, F) X(sqrtl, L) \
    X(tanf, F) X(tanhf, F) X(tanhl, L) X(tanl, L) X(tgammaf, F) X(tgammal, L) X(trunc, D) \
    X(truncf, F) X(truncl, L) X(yn, D)
