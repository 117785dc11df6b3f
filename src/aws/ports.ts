/**
 * Ingress exposure in security-group terms (IAC303): which ports may face the whole internet,
 * what the well-known service ports are called, and how to describe a protocol and port range
 * opened to the world.
 */

/** HTTP and HTTPS: the two ports a public web service is meant to expose. */
export const PUBLIC_PORTS: ReadonlySet<number> = new Set([80, 443]);

/** Protocol values meaning every protocol and every port. */
const ALL_PROTOCOLS = new Set(['-1', 'all']);
/** ICMP "ports" are message types; ping from anywhere is not what IAC303 is about. */
const ICMP_PROTOCOLS = new Set(['icmp', 'icmpv6', '1', '58']);

/** Services commonly attacked when their port is open to the internet (IANA registrations and vendor defaults). */
export const WELL_KNOWN_PORTS: Readonly<Record<number, string>> = {
  20: 'FTP data',
  21: 'FTP',
  22: 'SSH',
  23: 'Telnet',
  25: 'SMTP',
  135: 'RPC',
  139: 'NetBIOS',
  445: 'SMB',
  1433: 'SQL Server',
  1521: 'Oracle',
  2049: 'NFS',
  2379: 'etcd',
  3306: 'MySQL',
  3389: 'RDP',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  5601: 'Kibana',
  5984: 'CouchDB',
  6379: 'Redis',
  8080: 'HTTP alternate',
  9200: 'Elasticsearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};

/**
 * What an ingress rule open to the world exposes (`on port 22 (SSH)`, `with protocol \`-1\` (all
 * traffic, every port)`), or undefined when it exposes only 80/443, ICMP, or what is not known.
 * `protocol` is as written (`tcp`, `-1`, `6`); ports are numbers when known.
 */
export function worldExposure(protocol: string | undefined, from: number | undefined, to: number | undefined): string | undefined {
  const normalized = protocol?.trim().toLowerCase();
  if (normalized !== undefined && ALL_PROTOCOLS.has(normalized)) return `with protocol \`${protocol}\` (all traffic, every port)`;
  if (normalized !== undefined && ICMP_PROTOCOLS.has(normalized)) return undefined;
  if (from === undefined || to === undefined) return undefined;
  if (from === to && PUBLIC_PORTS.has(from)) return undefined;
  if (from === to) return `on port ${from}${WELL_KNOWN_PORTS[from] ? ` (${WELL_KNOWN_PORTS[from]})` : ''}`;
  if (from <= 0 && (to >= 65535 || to <= 0)) return `on ports ${from}-${to} (all ports)`;
  const named = Object.keys(WELL_KNOWN_PORTS)
    .map(Number)
    .filter((known) => known >= from && known <= to)
    .slice(0, 3)
    .map((known) => `${known} ${WELL_KNOWN_PORTS[known]}`);
  return `on ports ${from}-${to}${named.length ? ` (including ${named.join(', ')})` : ''}`;
}
