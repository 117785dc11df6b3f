/** `a/b/c.ts` -> `a/b`, `a`, `''`: the folders a file is in, nearest first (`''` is the root). */
export function foldersAbove(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  const result: string[] = [];
  for (let length = parts.length; length >= 0; length--) result.push(parts.slice(0, length).join('/'));
  return result;
}
