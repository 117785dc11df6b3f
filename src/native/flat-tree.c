/*
 * Parses source code (Python, TypeScript: any tree-sitter grammar handed in) with tree-sitter's
 * C library and returns the whole tree as one Int32Array, one fixed-size record per visible node
 * in pre-order: a node's subtree is the contiguous range
 * from its own record to its F_SUBTREE_END, so parents, children and siblings need no pointers
 * beyond F_PARENT and F_SUBTREE_END.
 *
 * Why: node-tree-sitter materialises a JavaScript object for every node it hands out, through
 * a native call each, which costs about as much as parsing the node. Detectors read millions of
 * nodes per review; reading them from one typed array costs nanoseconds instead. The tree-sitter
 * tree itself is freed before returning, so nothing native outlives the call.
 *
 * Offsets are in UTF-16 code units (the parser reads the JavaScript string as UTF-16), so they
 * index the JavaScript string directly. Rows and columns are not stored: they follow from the
 * offsets and the text's line starts (24 bytes per node instead of 40).
 */
#include <node_api.h>
#include <stdlib.h>
#include <string.h>
#include "tree_sitter/api.h"

/* Record layout; keep in sync with src/syntax/flat-records.ts. */
enum {
  F_SYMBOL, F_FLAGS, F_PARENT, F_SUBTREE_END, F_START, F_END, STRIDE
};
enum { FLAG_NAMED = 1, FLAG_MISSING = 2, FLAG_EXTRA = 4, FLAG_HAS_ERROR = 8, FLAG_ERROR = 16 };
#define FIELD_SHIFT 8

/* Same tag the grammar packages put on their language externals ("tree-sitter", "language"). */
static const napi_type_tag LANGUAGE_TYPE_TAG = {0x8AF2E5212AD58ABF, 0xD5006CAD83ABBA16};

/*
 * One parser per language, selected by the id `addLanguage` gave: switching one parser between
 * languages is cheap (ts_parser_set_language is ~20 ns) but costs a few microseconds of cold
 * parser state per switch, and separate parsers share no state (a timed-out parse resets only its own).
 */
#define MAX_LANGUAGES 8

typedef struct {
  TSParser *parsers[MAX_LANGUAGES];
  const TSLanguage *languages[MAX_LANGUAGES];
  uint32_t language_count;
} State;

#define CHECK(call)                                     \
  do {                                                  \
    if ((call) != napi_ok) {                            \
      napi_throw_error(env, NULL, "flat-tree: " #call); \
      return NULL;                                      \
    }                                                   \
  } while (0)

static void free_state(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  State *state = data;
  for (uint32_t i = 0; i < state->language_count; i++) ts_parser_delete(state->parsers[i]);
  free(state);
}

static const TSLanguage *unwrap_language(napi_env env, napi_value value) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok) return NULL;
  if (type == napi_object) {
    if (napi_get_named_property(env, value, "language", &value) != napi_ok) return NULL;
    if (napi_typeof(env, value, &type) != napi_ok) return NULL;
  }
  if (type != napi_external) return NULL;
  bool tagged = false;
  if (napi_check_object_type_tag(env, value, &LANGUAGE_TYPE_TAG, &tagged) != napi_ok || !tagged) return NULL;
  void *data = NULL;
  if (napi_get_value_external(env, value, &data) != napi_ok) return NULL;
  const TSLanguage *language = data;
  uint32_t version = ts_language_version(language);
  if (version < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || version > TREE_SITTER_LANGUAGE_VERSION) return NULL;
  return language;
}

/* The id of `language`, registering it (with a parser of its own) on first sight; -1 when full. */
static int32_t language_id(State *state, const TSLanguage *language) {
  for (uint32_t i = 0; i < state->language_count; i++) {
    if (state->languages[i] == language) return (int32_t)i;
  }
  if (state->language_count == MAX_LANGUAGES) return -1;
  TSParser *parser = ts_parser_new();
  if (!parser) return -1;
  if (!ts_parser_set_language(parser, language)) {
    ts_parser_delete(parser);
    return -1;
  }
  state->parsers[state->language_count] = parser;
  state->languages[state->language_count] = language;
  return (int32_t)state->language_count++;
}

/*
 * addLanguage(languageModule): [id, symbolNames, fieldNames]. The id selects the grammar in
 * `parse`; adding the same language again gives the same id.
 */
static napi_value add_language(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  State *state;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&state));
  const TSLanguage *language = argc >= 1 ? unwrap_language(env, argv[0]) : NULL;
  int32_t id = language ? language_id(state, language) : -1;
  if (id < 0) {
    napi_throw_type_error(env, NULL, "flat-tree: not a compatible tree-sitter language");
    return NULL;
  }
  napi_value result, id_value, symbols, fields, name;
  CHECK(napi_create_array_with_length(env, 3, &result));
  CHECK(napi_create_int32(env, id, &id_value));
  uint32_t symbol_count = ts_language_symbol_count(language);
  CHECK(napi_create_array_with_length(env, symbol_count, &symbols));
  for (uint32_t i = 0; i < symbol_count; i++) {
    CHECK(napi_create_string_utf8(env, ts_language_symbol_name(language, (TSSymbol)i), NAPI_AUTO_LENGTH, &name));
    CHECK(napi_set_element(env, symbols, i, name));
  }
  uint32_t field_count = ts_language_field_count(language);
  CHECK(napi_create_array_with_length(env, field_count + 1, &fields));
  for (uint32_t i = 1; i <= field_count; i++) {
    const char *field = ts_language_field_name_for_id(language, (TSFieldId)i);
    CHECK(napi_create_string_utf8(env, field ? field : "", NAPI_AUTO_LENGTH, &name));
    CHECK(napi_set_element(env, fields, i, name));
  }
  CHECK(napi_set_element(env, result, 0, id_value));
  CHECK(napi_set_element(env, result, 1, symbols));
  CHECK(napi_set_element(env, result, 2, fields));
  return result;
}

typedef struct {
  int32_t *data;
  size_t count;
  size_t capacity;
} Records;

static int32_t *push_record(Records *records) {
  if (records->count == records->capacity) {
    size_t capacity = records->capacity ? records->capacity * 2 : 1024;
    int32_t *grown = realloc(records->data, capacity * STRIDE * sizeof(int32_t));
    if (!grown) return NULL;
    records->data = grown;
    records->capacity = capacity;
  }
  return records->data + STRIDE * records->count++;
}

static void write_node(int32_t *record, TSNode node, TSFieldId field, int32_t parent) {
  int32_t flags = 0;
  if (ts_node_is_named(node)) flags |= FLAG_NAMED;
  if (ts_node_is_missing(node)) flags |= FLAG_MISSING;
  if (ts_node_is_extra(node)) flags |= FLAG_EXTRA;
  if (ts_node_has_error(node)) flags |= FLAG_HAS_ERROR;
  if (ts_node_is_error(node)) flags |= FLAG_ERROR;
  record[F_SYMBOL] = ts_node_symbol(node);
  record[F_FLAGS] = flags | ((int32_t)field << FIELD_SHIFT);
  record[F_PARENT] = parent;
  record[F_SUBTREE_END] = -1; /* set once the subtree is done */
  /* UTF-16 input: bytes / 2 are JavaScript string offsets. */
  record[F_START] = (int32_t)(ts_node_start_byte(node) / 2);
  record[F_END] = (int32_t)(ts_node_end_byte(node) / 2);
}

/* Pre-order walk of the visible nodes with a cursor. */
static bool flatten(TSTree *tree, Records *records) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  size_t capacity = 256, depth = 0;
  int32_t *ancestors = malloc(capacity * sizeof(int32_t)); /* open ancestors, root first */
  bool ok = ancestors != NULL;
  while (ok) {
    int32_t *record = push_record(records);
    if (!record) { ok = false; break; }
    int32_t index = (int32_t)(records->count - 1);
    write_node(record, ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_id(&cursor), depth > 0 ? ancestors[depth - 1] : -1);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      if (depth == capacity) {
        int32_t *grown = realloc(ancestors, capacity * 2 * sizeof(int32_t));
        if (!grown) { ok = false; break; }
        ancestors = grown;
        capacity *= 2;
      }
      ancestors[depth++] = index;
      continue;
    }
    record[F_SUBTREE_END] = index + 1;
    for (;;) {
      if (depth == 0) goto done;
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      ts_tree_cursor_goto_parent(&cursor);
      depth--;
      records->data[STRIDE * ancestors[depth] + F_SUBTREE_END] = (int32_t)records->count;
    }
  }
done:
  free(ancestors);
  ts_tree_cursor_delete(&cursor);
  return ok;
}

/* parse(languageId, text, timeoutMicros): Int32Array of records, or null when the time budget ran out. */
static napi_value parse(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  State *state;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&state));
  int32_t id = -1;
  if (argc < 1 || napi_get_value_int32(env, argv[0], &id) != napi_ok || id < 0 || (uint32_t)id >= state->language_count) {
    napi_throw_range_error(env, NULL, "flat-tree: unknown language id (addLanguage first)");
    return NULL;
  }
  TSParser *parser = state->parsers[id];
  size_t length = 0;
  if (argc < 2 || napi_get_value_string_utf16(env, argv[1], NULL, 0, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "flat-tree: text must be a string");
    return NULL;
  }
  double timeout = 0;
  if (argc >= 3) napi_get_value_double(env, argv[2], &timeout);
  char16_t *text = malloc((length + 1) * sizeof(char16_t));
  if (!text) {
    napi_throw_error(env, NULL, "flat-tree: out of memory");
    return NULL;
  }
  napi_get_value_string_utf16(env, argv[1], text, length + 1, &length);
  ts_parser_set_timeout_micros(parser, timeout > 0 ? (uint64_t)timeout : 0);
  TSTree *tree = ts_parser_parse_string_encoding(parser, NULL, (const char *)text, (uint32_t)(length * 2), TSInputEncodingUTF16LE);
  free(text);
  napi_value result;
  if (!tree) {
    /* A timed-out parser resumes the old document on its next call unless reset. */
    ts_parser_reset(parser);
    CHECK(napi_get_null(env, &result));
    return result;
  }
  Records records = {NULL, 0, 0};
  bool ok = flatten(tree, &records);
  ts_tree_delete(tree);
  if (!ok) {
    free(records.data);
    napi_throw_error(env, NULL, "flat-tree: out of memory");
    return NULL;
  }
  size_t bytes = records.count * STRIDE * sizeof(int32_t);
  void *buffer_data;
  napi_value buffer;
  if (napi_create_arraybuffer(env, bytes, &buffer_data, &buffer) != napi_ok) {
    free(records.data);
    napi_throw_error(env, NULL, "flat-tree: out of memory");
    return NULL;
  }
  memcpy(buffer_data, records.data, bytes);
  free(records.data);
  CHECK(napi_create_typedarray(env, napi_int32_array, records.count * STRIDE, buffer, 0, &result));
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  State *state = calloc(1, sizeof(State));
  if (!state) return NULL;
  /* Parsers per addon instance (main thread or worker), freed with it. */
  CHECK(napi_set_instance_data(env, state, free_state, NULL));
  napi_property_descriptor properties[] = {
    {"addLanguage", NULL, add_language, NULL, NULL, NULL, napi_default, state},
    {"parse", NULL, parse, NULL, NULL, NULL, napi_default, state},
  };
  CHECK(napi_define_properties(env, exports, 2, properties));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
