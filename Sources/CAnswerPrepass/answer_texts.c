#include "answer_texts.h"
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Texts live in chunks that never move (a lent pointer stays valid); a table with open
 * addressing, keyed by the node's address, finds a node's text again. */
#define TEXT_SIZE 24 /* "-9223372036854775808" and its NUL fit */
#define CHUNK_TEXTS 32

struct chunk {
    struct chunk *next;
    size_t used;
    char texts[CHUNK_TEXTS][TEXT_SIZE];
};

struct entry {
    const void *node;
    const char *text;
};

#define FIRST_CAPACITY 8
#define FIRST_TEXTS 4

struct answer_texts {
    struct entry *table; /* capacity entries, a power of 2, at most half full */
    size_t capacity, count;
    struct chunk *chunks;
    /* The first table and texts, allocated with the struct: a record usually lends one or two
     * integer texts (its id), and three allocations for the first cost more than the rest.
     * Small enough for malloc's per-thread cache (the whole struct under 1 KiB). */
    size_t first_used;
    struct entry first_table[FIRST_CAPACITY];
    char first_texts[FIRST_TEXTS][TEXT_SIZE];
};

static size_t slot_of(const void *node, size_t capacity) {
    uintptr_t h = (uintptr_t)node;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & (capacity - 1);
}

static int grow(struct answer_texts *t) {
    size_t i, capacity = t->capacity * 2;
    struct entry *table = calloc(capacity, sizeof *table);
    if (!table) return 0;
    for (i = 0; i < t->capacity; i++) {
        if (t->table[i].node) {
            size_t s = slot_of(t->table[i].node, capacity);
            while (table[s].node) s = (s + 1) & (capacity - 1);
            table[s] = t->table[i];
        }
    }
    if (t->table != t->first_table) free(t->table);
    t->table = table;
    t->capacity = capacity;
    return 1;
}

static void print(char *out, long long v) {
    char digits[TEXT_SIZE];
    unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    size_t n = 0, o = 0;
    do {
        digits[n++] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0) out[o++] = '-';
    while (n) out[o++] = digits[--n];
    out[o] = 0;
}

const char *answer_integer_text(struct answer_texts **texts, const void *node, long long value) {
    struct answer_texts *t = *texts;
    size_t s;
    char *text;
    if (!t) {
        /* Only the header and the first table need zeroing; texts are written before use. */
        t = malloc(sizeof *t);
        if (!t) return NULL;
        memset(t, 0, offsetof(struct answer_texts, first_texts));
        t->table = t->first_table;
        t->capacity = FIRST_CAPACITY;
        *texts = t;
    }
    for (s = slot_of(node, t->capacity); t->table[s].node; s = (s + 1) & (t->capacity - 1))
        if (t->table[s].node == node) return t->table[s].text;
    if ((t->count + 1) * 2 > t->capacity && !grow(t)) return NULL;
    if (t->first_used < FIRST_TEXTS) {
        text = t->first_texts[t->first_used++];
    } else {
        if (!t->chunks || t->chunks->used == CHUNK_TEXTS) {
            struct chunk *c = malloc(sizeof *c);
            if (!c) return NULL;
            c->next = t->chunks;
            c->used = 0;
            t->chunks = c;
        }
        text = t->chunks->texts[t->chunks->used++];
    }
    print(text, value);
    for (s = slot_of(node, t->capacity); t->table[s].node; s = (s + 1) & (t->capacity - 1)) {
    }
    t->table[s].node = node;
    t->table[s].text = text;
    t->count++;
    return text;
}

void answer_texts_free(struct answer_texts *t) {
    if (!t) return;
    while (t->chunks) {
        struct chunk *next = t->chunks->next;
        free(t->chunks);
        t->chunks = next;
    }
    if (t->table != t->first_table) free(t->table);
    free(t);
}
