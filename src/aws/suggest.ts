/**
 * "Did you mean ...?" for invented Python names: the closest real name to `cidr`, `cidrBlock`,
 * `enable_dns_hostname` or `Vpcs` among the names a resource, module or function accepts.
 * Returns nothing rather than a far-fetched guess.
 */
import { pythonName } from './python-names.js';

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      current.push(value);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/** Lower-case words of a snake_case, camelCase or PascalCase name. */
function words(name: string): string[] {
  return pythonName(name).split('_').filter(Boolean);
}

/** Case- and underscore-insensitive form: `cidrBlock`, `CidrBlock`, `cidr_block` -> `cidrblock`. */
function squashed(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

interface Scored {
  candidate: string;
  rank: number;
  distance: number;
}

/**
 * The closest candidate to `name`, or undefined when none is close enough. In order of trust:
 * the same name in another casing (`cidrBlock` -> `cidr_block`); a typo (small edit distance,
 * `enable_dns_hostname` -> `enable_dns_hostnames`); one name's words contained in the other's
 * (`cidr` -> `cidr_block`, `bucket_name` -> `bucket`, `memory` -> `memory_size`); at least half
 * of the words shared (`instance_type` -> `instance_class`). Ties go to the smaller edit distance.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const target = squashed(name);
  const targetWords = words(name);
  const typoBudget = Math.max(1, Math.floor(target.length / 4));
  let best: Scored | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const squashedCandidate = squashed(candidate);
    const distance = editDistance(target, squashedCandidate);
    let rank: number | undefined;
    if (squashedCandidate === target) {
      rank = 0;
    } else if (distance <= typoBudget) {
      rank = 1;
    } else {
      const candidateWords = words(candidate);
      const shared = targetWords.filter((word) => candidateWords.includes(word)).length;
      const contained = shared > 0 && (shared === targetWords.length || shared === candidateWords.length);
      if (contained) {
        rank = 2 + Math.abs(candidateWords.length - targetWords.length) / 10;
      } else if (shared > 0 && shared * 2 >= targetWords.length && shared * 2 >= candidateWords.length) {
        rank = 3;
      }
    }
    if (rank === undefined) continue;
    if (!best || rank < best.rank || (rank === best.rank && (distance < best.distance || (distance === best.distance && candidate < best.candidate)))) {
      best = { candidate, rank, distance };
    }
  }
  return best?.candidate;
}

/**
 * The one candidate `name` is certainly a misspelling of, for a fix: the same name in another
 * casing, else the only candidate within a typo's edit distance. Undefined when there is none
 * or more than one (the finding still suggests `closestName`, but nothing is rewritten).
 */
export function soleCloseMatch(name: string, candidates: Iterable<string>): string | undefined {
  const target = squashed(name);
  const typoBudget = Math.max(1, Math.floor(target.length / 4));
  const sameName: string[] = [];
  const typos: string[] = [];
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    const squashedCandidate = squashed(candidate);
    if (squashedCandidate === target) sameName.push(candidate);
    else if (editDistance(target, squashedCandidate) <= typoBudget) typos.push(candidate);
  }
  if (sameName.length) return sameName.length === 1 ? sameName[0] : undefined;
  return typos.length === 1 ? typos[0] : undefined;
}
