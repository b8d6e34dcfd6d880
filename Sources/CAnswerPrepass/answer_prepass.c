#include "answer_prepass.h"
#include <string.h>
#include <jansson.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A number that jansson could not keep exactly becomes a string opened by a raw DEL (U+007F,
 * valid unescaped in JSON text): `1.5` becomes `"<DEL>1.5"`. An integer of at most 18 digits
 * other than `-0` is left to jansson, which keeps it as an exact 64-bit integer whose decimal
 * text is the token itself (the grammar allows no leading zeros or `+`); JSONNode prints it
 * back. A string value whose text begins with DEL (raw or as `\u007f`) gets one more DEL in front, so that a DEL followed by a DEL is always a real string (JSONNode.swift reads
 * both back). Object keys are never marked, and a number where a key belongs is refused (as a
 * string it would pass for one). A raw byte, not an escape: jansson decodes escapes on a slower path, which cost
 * about 850 instructions per number on a page of captures. */
static const char marker[] = "\"\x7f";
static const char literal_tag[] = "\x7f";
#define MARKER_LEN (sizeof marker - 1)
#define LITERAL_LEN (sizeof literal_tag - 1)

size_t answer_prepass_bound(size_t n, long values) {
    size_t items = n / 2 + 1;
    if (values >= 0 && (size_t)values < items) items = (size_t)values;
    return n + (MARKER_LEN + 1) * items + 64;
}

static int is_number_byte(unsigned char d) {
    return (d >= '0' && d <= '9') || d == '-' || d == '+' || d == '.' || d == 'e' || d == 'E';
}

static int is_digit(unsigned char d) { return d >= '0' && d <= '9'; }

/* The number token starting at in[i]: one pass over -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
 * that must be followed by a byte that cannot continue a number (so the token is the whole run
 * of number bytes, as the grammar reads it). Returns the index past it, or 0 when malformed;
 * *plain tells whether it is an integer jansson keeps exactly and prints back as the same text:
 * no fraction or exponent, at most 18 digits (below 2^63), not `-0`. */
static size_t scan_number(const unsigned char *in, size_t n, size_t i, int *plain) {
    size_t digits_at, s;
    int negative = in[i] == '-', simple = 1;
    if (negative) i++;
    digits_at = i;
    if (i >= n) return 0;
    if (in[i] == '0') {
        i++;
    } else {
        while (i < n && is_digit(in[i])) i++;
        if (i == digits_at) return 0;
    }
    if (i < n && in[i] == '.') {
        simple = 0;
        s = ++i;
        while (i < n && is_digit(in[i])) i++;
        if (i == s) return 0;
    }
    if (i < n && (in[i] == 'e' || in[i] == 'E')) {
        simple = 0;
        i++;
        if (i < n && (in[i] == '+' || in[i] == '-')) i++;
        s = i;
        while (i < n && is_digit(in[i])) i++;
        if (i == s) return 0;
    }
    if (i < n && is_number_byte(in[i])) return 0;
    *plain = simple && i - digits_at <= 18 && !(negative && in[digits_at] == '0');
    return i;
}

/* A string content starting at in[i] whose first character is DEL: raw, or `\u007f` / `\u007F`
 * (no other escape decodes to U+007F). */
static int starts_with_del(const unsigned char *in, size_t n, size_t i) {
    if (i < n && in[i] == 0x7f) return 1;
    return n - i >= 6 && in[i] == '\\' && in[i + 1] == 'u' && in[i + 2] == '0' && in[i + 3] == '0' && in[i + 4] == '7'
        && (in[i + 5] == 'f' || in[i + 5] == 'F');
}

/* The index just past the quote that closes the string whose content starts at in[i] (n when
 * it is not closed). Strings are short and most hold no backslash: 16 bytes at a time are
 * searched for the first quote or backslash (two calls of memchr cost more on short strings). */
static size_t string_end(const unsigned char *in, size_t n, size_t i) {
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    while (n - i >= 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(const void *)(in + i));
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
        if (hits) {
            i += (size_t)__builtin_ctz(hits);
            if (in[i] == '"') return i + 1;
            break; /* a backslash: the escapes are read one by one */
        }
        i += 16;
    }
#else
    const unsigned char *quote = memchr(in + i, '"', n - i);
    if (quote && !memchr(in + i, '\\', (size_t)(quote - (in + i)))) return (size_t)(quote - in) + 1;
#endif
    while (i < n) {
        unsigned char d = in[i++];
        if (d == '\\') {
            if (i < n) i++;
        } else if (d == '"') {
            break;
        }
    }
    return i;
}

/* Whether the next byte after in[i] that is not JSON whitespace is ':' (the token before it was a key). */
static int followed_by_colon(const unsigned char *in, size_t n, size_t i) {
    while (i < n && (in[i] == ' ' || in[i] == '\t' || in[i] == '\n' || in[i] == '\r')) i++;
    return i < n && in[i] == ':';
}

long answer_prepass(const unsigned char *in, size_t n, unsigned char *out, size_t out_cap,
                 int max_depth, long values, long containers, long *members) {
    size_t i = 0, o = 0, run = 0; /* in[run..i) is still to be copied to out[o..] */
    int depth = 0;
    long colons = 0;
    if (!out || !members || out_cap < answer_prepass_bound(n, values)) return -1;
    *members = 0;
    if (n == 0 || !in) return 0;
#define FLUSH_TO(end) do { memcpy(out + o, in + run, (end) - run); o += (end) - run; } while (0)
    while (i < n) {
        unsigned char c = in[i];
        if (c == '"') { /* a whole string, escapes included, copied as it is */
            size_t content = i + 1;
            int del;
            if (--values < 0) return -1;
            del = starts_with_del(in, n, content);
            i = string_end(in, n, content);
            if (del && !followed_by_colon(in, n, i)) {
                FLUSH_TO(content);
                memcpy(out + o, literal_tag, LITERAL_LEN);
                o += LITERAL_LEN;
                run = content;
            }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            size_t start = i;
            int plain = 0;
            i = scan_number(in, n, i, &plain);
            if (i == 0 || followed_by_colon(in, n, i)) return -1;
            if (--values < 0) return -1;
            if (plain) continue; /* copied with the run */
            FLUSH_TO(start);
            memcpy(out + o, marker, MARKER_LEN);
            o += MARKER_LEN;
            memcpy(out + o, in + start, i - start);
            o += i - start;
            out[o++] = '"';
            run = i;
        } else {
            switch (c) {
            case '[':
            case '{':
                depth++;
                values--;
                containers--;
                if (depth > max_depth || values < 0 || containers < 0) return -1;
                break;
            case ']':
            case '}':
                depth--;
                break;
            case 't':
            case 'f':
            case 'n':
                if (--values < 0) return -1; /* true, false, null: one of these letters each, outside strings */
                break;
            case ':': /* outside strings, each ends an object key (jansson refuses any other) */
                colons++;
                break;
            default:
                break;
            }
            i++;
        }
    }
    FLUSH_TO(n);
#undef FLUSH_TO
    *members = colons;
    return (long)o;
}

long answer_member_total(void *root, int max_depth) {
    json_t *j = root;
    long total = 0;
    if (!j || max_depth < 0) return 0;
    if (json_is_object(j)) {
        void *it;
        total = (long)json_object_size(j);
        for (it = json_object_iter(j); it; it = json_object_iter_next(j, it)) {
            json_t *v = json_object_iter_value(it);
            if (v && (json_is_object(v) || json_is_array(v))) total += answer_member_total(v, max_depth - 1);
        }
    } else if (json_is_array(j)) {
        size_t i, count = json_array_size(j);
        for (i = 0; i < count; i++) {
            json_t *v = json_array_get(j, i);
            if (v && (json_is_object(v) || json_is_array(v))) total += answer_member_total(v, max_depth - 1);
        }
    }
    return total;
}
