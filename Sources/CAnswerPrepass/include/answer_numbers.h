/* The walk behind the amount check of every answer (FlexitiCore/JSON/AnswerNumbers.swift): finds
 * the values under the keys the library reads as amounts or integers, in C because it visits
 * every member of every answer; the values that need their text read are handed to a callback. */
#ifndef FLX_ANSWER_NUMBERS_H
#define FLX_ANSWER_NUMBERS_H

/* jansson's json_t, as void: jansson.h belongs to the CJansson module, and a second module
 * including it would hide its declarations from Swift. */

enum { ANSWER_AMOUNT = 1, ANSWER_INTEGER = 2, ANSWER_SECURITY_QUESTION = 3, ANSWER_TERMS = 4 };

/* ANSWER_AMOUNT or ANSWER_INTEGER for a key read as such, ANSWER_SECURITY_QUESTION for the
 * object whose "id" is an integer, ANSWER_TERMS for an array of integers, else 0. */
int answer_key_kind(const char *key);

/* Called with the kind (ANSWER_AMOUNT or ANSWER_INTEGER), a key to name the value by, and the
 * value; returns nonzero to stop the walk (the value is unreadable). */
typedef int (*answer_check_fn)(void *ctx, int kind, const char *key, void *value);

/* Visits every object member of `root` (objects and arrays nested at most max_depth deep) in
 * document order; returns 1 when `check` found a value unreadable (it is not called again),
 * else 0. *members is set to the number of object members of the whole tree, as
 * answer_member_total counts them (the same walk serves the repeated-key check of an answer). */
int answer_numbers_walk(void *root, int max_depth, answer_check_fn check, void *ctx, long *members);

#endif
