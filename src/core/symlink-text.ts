/**
 * A symbolic link that reached the review as a file: git stores a link as a blob holding only its
 * target path (no newline), and checkouts without link support (Windows, some archive and API
 * reads) write that path as the file's text. `../test/test_stack.py` is not Python to judge.
 */
const LINK_TARGET = /^(?:\.{1,2}\/)*[\w@.-]+(?:\/[\w@.-]+)*\.(?:py|pyi|ts|mts|cts|tsx|js|mjs|cjs|md)$/;

export function isSymlinkText(text: string): boolean {
  return text.length <= 1024 && text.includes('/') && LINK_TARGET.test(text);
}
