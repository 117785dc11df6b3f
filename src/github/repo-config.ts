/**
 * `.github/iac-review.yml` at a given commit: the pull request's base (what the review demands)
 * or its head (to report a change to it). Read through Probot's config plugin as
 * `context.config` reads it, so `_extends` and the organisation's `.github` repository work,
 * and merged the same way (deepmerge); only the commit is ours to choose.
 */
import deepmerge from 'deepmerge';
import { CONFIG_PATH } from '../core/config.js';
import type { GitHub, RepoRef } from './types.js';

/** The raw configuration at `ref`, or null when there is none (here or in the organisation's `.github`). */
export async function readRepoConfig(github: GitHub, repo: RepoRef, ref: string): Promise<unknown> {
  const { config, files } = await github.config.get({
    ...repo,
    path: CONFIG_PATH,
    branch: ref,
    defaults: (configs) => deepmerge.all<Record<string, unknown>>([{}, ...configs]),
  });
  return files.some((file) => file.config !== null) ? config : null;
}
