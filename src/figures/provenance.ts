import type { StoredFigure } from './figures-store.js';

/**
 * Where a figure's document lives decides its label. "official" means the document is on the issuing government's
 * own site (MIIT, MOFCOM, GAC, MNR, gov.cn …); the official text found on any other site is a repost and says so.
 */

/** Government hosts: anything under gov.cn (miit.gov.cn, www.mofcom.gov.cn, customs.gov.cn, www.gov.cn, mnr.gov.cn …). */
export function isGovernmentHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'gov.cn' || h.endsWith('.gov.cn');
}

/** The host of a figure's source document, or null when it has no usable link. */
export function sourceHost(url: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname : null;
  } catch {
    return null;
  }
}

export interface Provenance {
  /** What a person reads: `official`, `official text, reposted by <host>`, `press`. */
  label: string;
  /** The CSV `source` column (design §12): `official` only for a document on the government's own site. */
  source: 'official' | 'press';
}

/**
 * The honest label of a stored figure. Hosts of the local fixture sites (127.0.0.1 under REGWATCH_REWRITE) count as
 * the site they stand in for: the watch's source says which.
 */
export function provenance(f: Pick<StoredFigure, 'official' | 'url' | 'alertId'>): Provenance {
  if (!f.official) return { label: 'press', source: 'press' };
  const host = sourceHost(f.url);
  // A figure the pipeline read from an official watch (its own fetch of a ministry page) is on the ministry's site,
  // even when a local copy stands in for it (the demo, tests).
  if (host && (isGovernmentHost(host) || (f.alertId !== null && isLoopback(host))))
    return { label: 'official', source: 'official' };
  if (!host) return { label: 'official text, no link to the ministry’s page', source: 'press' };
  return { label: `official text, reposted by ${host.replace(/^www\./, '')}`, source: 'press' };
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
