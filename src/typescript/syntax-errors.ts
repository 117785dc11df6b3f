/**
 * Syntax errors of a TypeScript unit (mirroring what IAC102 does with src/python/syntax-errors.ts):
 * one region per broken spot, with a message, leaving out the tail of a unit that was cut off
 * (truncation.ts reports that once, as a cut) and Markdown excerpts, which do not parse by
 * design (excerpts.ts).
 */
import { syntaxErrorRegions, type SyntaxErrorRegion } from '../syntax/error-regions.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import { isTypeScriptExcerpt } from './excerpts.js';
import { typeScriptUnitTruncation } from './truncation.js';

export interface TypeScriptSyntaxError extends SyntaxErrorRegion {
  message: string;
}

const MAX_SHOWN = 40;

export function typeScriptSyntaxErrors(unit: Pick<SourceUnit, 'text' | 'tree' | 'isFinal' | 'fenceClosed' | 'origin'>): TypeScriptSyntaxError[] {
  if (isTypeScriptExcerpt(unit)) return [];
  const truncation = typeScriptUnitTruncation(unit);
  return syntaxErrorRegions(unit.tree.rootNode, truncation?.startIndex)
    .map((region) => ({
      ...region,
      message: region.first.isMissing ? `Syntax error: expected \`${region.first.type}\` here.` : `Syntax error: cannot parse \`${preview(region.first.text)}\`.`,
    }));
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}
