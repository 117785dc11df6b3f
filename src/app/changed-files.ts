/**
 * Which changed files the review reads: removed files are skipped, binary files are passed
 * by name only (so structure rules still see an added `.zip`), everything else is fetched.
 */
import type { FileStatus } from '../api/rule.js';
import type { ChangedFile, GitHubFileStatus } from '../github/pulls.js';

const BINARY_EXTENSION =
  /\.(png|jpe?g|gif|bmp|ico|webp|tiff?|psd|pdf|zip|gz|tgz|bz2|xz|7z|rar|tar|jar|war|whl|egg|pyc|pyo|so|dylib|dll|exe|bin|o|a|class|woff2?|ttf|otf|eot|mp3|mp4|mov|avi|wav|ogg|flac|sqlite|db|parquet|pkl|pickle|npy|npz|h5)$/i;

export function engineStatus(status: GitHubFileStatus): FileStatus {
  return status === 'removed' ? 'modified' : status;
}

/**
 * True for files GitHub or the name says are binary. GitHub omits `patch` for binary files and
 * reports no line changes; an empty text file looks the same, and reading it would add nothing.
 */
export function isBinaryChange(file: ChangedFile): boolean {
  if (BINARY_EXTENSION.test(file.path)) return true;
  return file.diff === undefined && file.changes === 0 && (file.status === 'added' || file.status === 'modified');
}

export interface FilePlan {
  /** Files whose content is read and reviewed. */
  fetch: ChangedFile[];
  /** Binary (or empty) files, reviewed by name only. */
  binary: ChangedFile[];
  removed: number;
}

export function planFiles(files: readonly ChangedFile[]): FilePlan {
  const plan: FilePlan = { fetch: [], binary: [], removed: 0 };
  for (const file of files) {
    if (file.status === 'removed') plan.removed++;
    else if (isBinaryChange(file) || !file.sha) plan.binary.push(file);
    else plan.fetch.push(file);
  }
  return plan;
}
