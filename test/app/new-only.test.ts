/**
 * review.new_only in the App, the decisions (src/app/new-only.ts) as tables: which changed files
 * are compared with their base version, when the base is analysed at all, which base blobs are
 * read, and what is published once the base was analysed, was not needed, or failed.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/api/types.js';
import { fingerprint } from '../../src/core/fingerprint.js';
import { failsAt } from '../../src/core/outcome.js';
import type { TreeEntry } from '../../src/github/contents.js';
import type { ChangedFile, GitHubFileStatus } from '../../src/github/pulls.js';
import { baseVersions, comparedFiles, needsBaseAnalysis, newOnlyEnabled, publishAgainstBase, type BaseAnalysis } from '../../src/app/new-only.js';

const BASE_SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678';

function changedFile(path: string, status: GitHubFileStatus, previousPath?: string): ChangedFile {
  return { path, previousPath, status, sha: 'f'.repeat(40), diff: undefined, additions: 1, deletions: 0, changes: 1 };
}

function finding(path: string, snippet: string, ruleId = 'IAC307', severity: Finding['severity'] = 'error'): Finding {
  return { ruleId, severity, path, line: 3, column: 1, endLine: 3, endColumn: 10, category: 'Security', message: 'Unsafe code execution', snippet };
}

const blob = (path: string, size: number): TreeEntry => ({ path, sha: 'a'.repeat(40), size });

describe('newOnlyEnabled: on unless the configuration turns it off', () => {
  it.each([
    [undefined, true],
    [true, true],
    [false, false],
  ])('review.new_only %s -> %s', (newOnly, enabled) => {
    expect(newOnlyEnabled({ newOnly })).toBe(enabled);
  });
});

describe('comparedFiles: the changed files with a base version', () => {
  it.each<[string, ChangedFile, { path: string; basePath: string } | undefined]>([
    ['modified: at its own path', changedFile('lib/a.py', 'modified'), { path: 'lib/a.py', basePath: 'lib/a.py' }],
    ['changed (mode): at its own path', changedFile('lib/a.py', 'changed'), { path: 'lib/a.py', basePath: 'lib/a.py' }],
    ['renamed: at its previous path', changedFile('lib/new.py', 'renamed', 'lib/old.py'), { path: 'lib/new.py', basePath: 'lib/old.py' }],
    ['added: none, every finding is new', changedFile('lib/a.py', 'added'), undefined],
    ['copied: none, the copy is new', changedFile('lib/b.py', 'copied', 'lib/a.py'), undefined],
    ['renamed without a previous path: none', changedFile('lib/a.py', 'renamed'), undefined],
  ])('%s', (_name, file, expected) => {
    const [compared] = comparedFiles([file]);
    if (expected) expect(compared).toMatchObject(expected);
    else expect(compared).toBeUndefined();
  });
});

describe('needsBaseAnalysis: only when a finding could be pre-existing', () => {
  const modified = changedFile('lib/a.py', 'modified');
  const added = changedFile('lib/new.py', 'added');
  it.each<[string, Finding[], ChangedFile[], boolean]>([
    ['a finding in a modified file', [finding('lib/a.py', 'exec(x)')], [modified, added], true],
    ['findings only in added files', [finding('lib/new.py', 'exec(x)')], [modified, added], false],
    ['no findings at all', [], [modified], false],
    ['a finding on a project file the change does not touch', [finding('README.md', '', 'IAC403', 'notice')], [modified], true],
    ['a finding, but no file with a base version', [finding('lib/new.py', 'exec(x)')], [added], false],
  ])('%s -> %s', (_name, findings, changed, expected) => {
    expect(needsBaseAnalysis(findings, comparedFiles(changed), changed)).toBe(expected);
  });
});

describe('baseVersions: the base blobs to read', () => {
  const files = new Map([
    ['lib/a.py', blob('lib/a.py', 100)],
    ['lib/old.py', blob('lib/old.py', 100)],
    ['lib/huge.py', blob('lib/huge.py', 5_000)],
  ]);
  it.each<[string, ChangedFile, string | undefined]>([
    ['a modified file found at the base', changedFile('lib/a.py', 'modified'), 'lib/a.py'],
    ['a renamed file, read at its previous path', changedFile('lib/new.py', 'renamed', 'lib/old.py'), 'lib/old.py'],
    ['a modified file the base does not have (the base branch deleted it)', changedFile('lib/gone.py', 'modified'), undefined],
    ['a base version over max_file_bytes', changedFile('lib/huge.py', 'modified'), undefined],
  ])('%s', (_name, file, blobPath) => {
    const versions = baseVersions(comparedFiles([file]), files, 1_000);
    expect(versions.map((version) => version.blob.path)).toEqual(blobPath ? [blobPath] : []);
    for (const version of versions) expect(version.file.path).toBe(file.path);
  });
});

describe('publishAgainstBase: what the review publishes', () => {
  const old = finding('lib/a.py', 'exec(sys.argv[1])');
  const fresh = finding('lib/a.py', 'eval(sys.argv[2])');
  const head = [old, fresh];
  const cases: [string, BaseAnalysis, boolean[], boolean, RegExp | undefined][] = [
    ['off: every finding new, no note', { kind: 'off' }, [false, false], true, undefined],
    ['not needed: every finding new, no note', { kind: 'not-needed' }, [false, false], true, undefined],
    ['analysed, the base has the old one: only the new one fails', { kind: 'analysed', findings: [old], files: 1 }, [true, false], true, /1 finding\(s\) were already there/],
    ['analysed, the base has both: nothing fails', { kind: 'analysed', findings: [fresh, old], files: 1 }, [true, true], false, /2 finding\(s\) were already there/],
    ['analysed, same code in another file: new', { kind: 'analysed', findings: [finding('lib/b.py', 'exec(sys.argv[1])')], files: 1 }, [false, false], true, /0 finding/],
    ['analysed, same code under another rule: new', { kind: 'analysed', findings: [finding('lib/a.py', 'exec(sys.argv[1])', 'IAC306')], files: 1 }, [false, false], true, /0 finding/],
    ['failed: every finding new, and the summary says why', { kind: 'failed', reason: 'its files could not be read: GitHub answered 502' }, [false, false], true, /could not be compared.*GitHub answered 502.*all 2 are treated as new/],
  ];
  it.each(cases)('%s', (_name, analysis, preExisting, fails, note) => {
    const published = publishAgainstBase(head, analysis, BASE_SHA);
    expect(published.findings.map((entry) => Boolean(entry.preExisting))).toEqual(preExisting);
    expect(failsAt(published.findings, 'error')).toBe(fails);
    if (note) expect(published.notes).toEqual([expect.stringMatching(note)]);
    else expect(published.notes).toEqual([]);
    if (analysis.kind !== 'off' && analysis.kind !== 'not-needed') expect(published.notes[0]).toContain('`1a2b3c4`');
  });

  it('counts identical findings: one exec in the base leaves a second identical one new', () => {
    const twice = [old, { ...old, line: 9, endLine: 9 }];
    const published = publishAgainstBase(twice, { kind: 'analysed', findings: [old], files: 1 }, BASE_SHA);
    expect(published.findings.map((entry) => Boolean(entry.preExisting))).toEqual([true, false]);
  });

  it('keeps the engine order and the findings themselves (a line moved is still the same finding)', () => {
    const moved = { ...old, line: 40, endLine: 40 };
    const published = publishAgainstBase([fresh, moved], { kind: 'analysed', findings: [old], files: 1 }, BASE_SHA);
    expect(published.findings).toEqual([fresh, { ...moved, preExisting: true }]);
    expect(fingerprint(published.findings[1] as Finding)).toBe(fingerprint(old));
  });
});
