/**
 * AWS region knowledge, whatever the language of the program: region names, the region of an
 * availability-zone name, and the regions named inside ARNs and service endpoints. The region
 * rules (IAC201, IAC502) read these from the program model's values.
 */

const REGION = '(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso|-isob)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d{1,2}';
const REGION_ONLY = new RegExp(`^${REGION}$`);
const ANY_REGION = new RegExp(REGION);
const AVAILABILITY_ZONE = new RegExp(`^(${REGION})[a-z]$`);
const ARN = new RegExp(`arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:([a-z0-9-]+):(${REGION}):`, 'g');
const ENDPOINTS = [
  new RegExp(`(?<![a-z0-9])(${REGION})\\.(?:amazonaws\\.com|on\\.aws|api\\.aws)(?![a-z0-9-])`, 'g'),
  new RegExp(`\\bcom\\.amazonaws\\.(${REGION})(?![0-9a-z-])`, 'g'),
];

export function isRegionName(text: string): boolean {
  return REGION_ONLY.test(text);
}

/** True when the text contains something shaped like a region name anywhere: a cheap first test. */
export function mayNameRegion(text: string): boolean {
  return ANY_REGION.test(text);
}

/** The region of an availability-zone name (`us-west-2a` is in `us-west-2`), if the whole text is one. */
export function zoneRegion(text: string): string | undefined {
  return AVAILABILITY_ZONE.exec(text)?.[1];
}

/** A region named inside a longer text: an ARN's region field or a service endpoint's host. */
export interface TextRegion {
  kind: 'arn' | 'endpoint';
  region: string;
  /** The ARN or host as written around the match, shortened for messages. */
  text: string;
  /** For ARNs: the service (`acm`, `lambda`...). */
  service?: string;
}

/** Every ARN and endpoint region in a text, ARNs first, each in text order. */
export function regionsInText(text: string): TextRegion[] {
  if (!ANY_REGION.test(text)) return [];
  const found: TextRegion[] = [];
  for (const match of text.matchAll(ARN)) {
    const [whole, service, region] = match;
    if (service && region) found.push({ kind: 'arn', region, service, text: shorten(arnAround(text, match.index ?? 0, whole)) });
  }
  for (const pattern of ENDPOINTS) {
    for (const match of text.matchAll(pattern)) {
      const region = match[1];
      if (region) found.push({ kind: 'endpoint', region, text: shorten(wordAround(text, match.index ?? 0, match[0].length)) });
    }
  }
  return found;
}

function arnAround(text: string, index: number, whole: string): string {
  const rest = /^[^\s"',}\]]*/.exec(text.slice(index + whole.length))?.[0] ?? '';
  return whole + rest;
}

function wordAround(text: string, index: number, length: number): string {
  // Scanned back by hand: `/[^\s"'/,]*$/` retried from every position of a long word.
  let from = index;
  while (from > 0 && !/[\s"'/,]/.test(text.charAt(from - 1))) from--;
  const before = text.slice(from, index);
  const after = /^[^\s"'/,]*/.exec(text.slice(index + length))?.[0] ?? '';
  return before + text.slice(index, index + length) + after;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Services whose region is fixed by AWS whatever the stack's region: CloudFront needs its ACM
 * certificates, Lambda@Edge functions and WAF web ACLs in us-east-1.
 */
export const GLOBAL_SERVICE_REGION = 'us-east-1';
export const GLOBAL_SERVICE_ARN_SERVICES: ReadonlySet<string> = new Set(['acm', 'wafv2']);
