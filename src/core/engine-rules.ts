/**
 * Findings the engine itself raises: about suppressions, about files it could not
 * analyse, and about changes to what the review demands. They live in the catalog beside the detectors so that nothing is silent.
 */
import type { RuleMeta } from '../api/types.js';

export const INVALID_SUPPRESSION: RuleMeta = {
  id: 'IAC001',
  name: 'invalid-suppression',
  title: 'Suppression comment without a reason or with an unknown rule ID',
  category: 'Review Engine',
  severity: 'notice',
  why: 'A suppression silences a real finding; without a reason the next reviewer cannot tell a deliberate exception from a hidden problem, and an unknown rule ID silences nothing.',
  fix: 'Write `# iac-review: ignore[RULE_ID] reason` with a catalog rule ID and a short reason.',
  badExample: 'exec(code)  # iac-review: ignore[IAC307]',
  goodExample: 'exec(code)  # iac-review: ignore[IAC307] sandboxed fixture, reviewed by security',
  seed: { report: 'engine', section: 'Suppressions' },
};

export const FILE_NOT_ANALYZED: RuleMeta = {
  id: 'IAC002',
  name: 'file-not-analyzed',
  title: 'File could not be analyzed',
  category: 'Review Engine',
  severity: 'notice',
  why:
    'A file that is binary, not UTF-8 or too large was not checked; saying so beats silently passing it. A rule that fails on a file ("rule X could not check this file") is reported at error severity, so the check cannot pass with that file unchecked, and no suppression comment in the file silences it; the other rules\' findings still come out.',
  fix: 'Store source files as UTF-8 text within the size limit, or raise `limits.max_file_bytes`; report a rule that could not check a file as a bug (the message names the rule and its error).',
  badExample: '# lib/tap_stack.py saved as UTF-16 or larger than the size limit',
  goodExample: '# lib/tap_stack.py saved as UTF-8 text',
  seed: { report: 'engine', section: 'Bad input' },
};

export const REQUIREMENT_CHANGED: RuleMeta = {
  id: 'IAC003',
  name: 'review-requirement-changed',
  title: 'Review requirement changed',
  category: 'Review Engine',
  severity: 'notice',
  why: 'What the review demands (the region in lib/AWS_REGION, `aws:region` and production stacks in Pulumi.<stack>.yaml, `.github/iac-review.yml` with its structure allow-list and `fail_on`) is read from the base commit, so a pull request cannot relax its own review, for example by moving lib/AWS_REGION together with the provider’s region. A change to one of them is reported, naming the old and the new value, and takes effect once merged. No suppression comment silences it.',
  fix: 'Nothing to fix when the change is intended: a reviewer confirms it and it applies from the next pull request on. Change requirements in a pull request of their own, so the code is reviewed against what was agreed.',
  badExample: '# one pull request moves the requirement and the code together:\n# lib/AWS_REGION: us-east-1 -> us-west-2\nprovider = aws.Provider("aws", region="us-west-2")',
  goodExample: '# the code follows the requirement on the base branch:\n# lib/AWS_REGION: us-east-1\nprovider = aws.Provider("aws", region="us-east-1")',
  seed: { report: 'engine', section: 'Requirements from the base' },
};

export const ENGINE_RULES: readonly RuleMeta[] = [INVALID_SUPPRESSION, FILE_NOT_ANALYZED, REQUIREMENT_CHANGED];
