/* The pre-pass that keeps an answer's numbers exact through jansson (FlexitiCore/JSON/JSONParser.swift
 * describes the transformation): every number token is checked against the RFC 8259 grammar and,
 * unless it is an integer jansson keeps exactly, rewritten into a marked string; strings that
 * could pass for a marker are tagged, and nesting depth and the value budget are enforced. Runs of bytes between rewrites are copied in bulk. */
#ifndef FLX_ANSWER_PREPASS_H
#define FLX_ANSWER_PREPASS_H
#include <stddef.h>

/* Not flx_*: the library exports only the public API (scripts/flexiti.map). */

/* Bytes `out` must hold for an input of `n` bytes when at most `values` values are allowed:
 * each number or tagged string grows by at most 3 bytes, and there are at most n/2+1 of them. */
size_t answer_prepass_bound(size_t n, long values);

/* Writes the prepared text of in[0..n) to out (out_cap bytes, at least answer_prepass_bound).
 * Returns the length written, or -1 for a malformed number, nesting deeper than max_depth,
 * more than `values` values or more than `containers` objects and arrays (or too small a buffer).
 * *members is set to the number of object members the text holds (its colons outside strings). */
long answer_prepass(const unsigned char *in, size_t n, unsigned char *out, size_t out_cap,
                 int max_depth, long values, long containers, long *members);

/* The members of every object of a parsed tree (jansson's json_t, as void: jansson.h belongs to
 * the CJansson module), nested at most max_depth deep. jansson keeps one member per key, so
 * fewer than the text's colons means a key was repeated: cheaper than asking jansson to look
 * every key up before inserting it (JSON_REJECT_DUPLICATES). */
long answer_member_total(void *root, int max_depth);

#endif
