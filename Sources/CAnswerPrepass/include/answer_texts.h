/* Texts of the integers of a parsed answer that a getter lends as C strings: jansson keeps such an
 * integer as a number (answer_prepass.h), so its text is printed once, on first request, and
 * kept with the document (FlexitiCore/JSON/JSONNode.swift). Not thread-safe: the caller locks. */
#ifndef FLX_ANSWER_TEXTS_H
#define FLX_ANSWER_TEXTS_H

struct answer_texts;

/* The decimal text of `value`, the integer at `node`: the same pointer for the same node, valid
 * until answer_texts_free. *texts starts NULL. NULL when out of memory. */
const char *answer_integer_text(struct answer_texts **texts, const void *node, long long value);

void answer_texts_free(struct answer_texts *texts);

#endif
