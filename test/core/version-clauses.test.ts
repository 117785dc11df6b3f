import { describe, expect, it } from 'vitest';
import { readVersionClause } from '../../src/packaging/version-clauses.js';

describe('readVersionClause', () => {
  it.each([
    ['>=6.0.0', '>=', [6, 0, 0], false],
    ['== 6.*', '==', [6], true],
    ['~=6.5', '~=', [6, 5], false],
    ['^7.0.0', '^', [7, 0, 0], false],
    ['~6.1', '~', [6, 1], false],
    ['=6.5', '=', [6, 5], false],
    ['6.*', '==', [6], true],
    ['7.2.0rc1', '==', [7, 2, 0], false],
    ['v6.5', '==', [6, 5], false],
  ])('%s -> %s %j', (clause, operator, release, wildcard) => {
    const read = readVersionClause(clause);
    expect(read && { operator: read.operator, release: read.version.release, wildcard: read.wildcard }).toEqual({ operator, release, wildcard });
  });

  it.each(['*', '', '>=6.0.0<7.0.0', '~=6', '>=6.*', '6.x', '>=6 --hash=sha256:00', '1!6.5', 'V6.5', '6.05'])('leaves %j to the lenient readers', (clause) => {
    expect(readVersionClause(clause)).toBeUndefined();
  });
});
