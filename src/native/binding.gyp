{
  # One small N-API addon: parse source code with tree-sitter's C library and hand the tree to
  # JavaScript as one flat Int32Array (see flat-tree.c). The C library's sources come from the
  # `tree-sitter` npm package (its vendored copy); the grammars are the prebuilt
  # `tree-sitter-python` and `tree-sitter-typescript` binaries, passed in at run time.
  "targets": [
    {
      "target_name": "flat_tree",
      "sources": [
        "flat-tree.c",
        "../../node_modules/tree-sitter/vendor/tree-sitter/lib/src/lib.c"
      ],
      "include_dirs": [
        "../../node_modules/tree-sitter/vendor/tree-sitter/lib/src",
        "../../node_modules/tree-sitter/vendor/tree-sitter/lib/include"
      ],
      "cflags": ["-std=c11", "-O2"],
      "defines": ["_POSIX_C_SOURCE=200112L", "_DEFAULT_SOURCE", "NAPI_VERSION=8"]
    }
  ]
}
