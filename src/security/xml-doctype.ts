/**
 * Whether an XML document declares entities (an internal DTD subset), decided by the XML tokenizer that parses feeds
 * (sax, under rss-parser and xml2js) reading the prolog as it will: comments of any length, `>` inside quoted
 * DOCTYPE literals and everything else are tokenized exactly as the parse would, so no padding or quoting moves a
 * declaration out of sight. Only the prolog is read: it ends at the root element's start tag.
 */
import { createRequire } from 'node:module';

interface SaxParser {
  ondoctype: (doctype: string) => void;
  onopentag: () => void;
  onerror: (error: Error) => void;
  write(chunk: string): SaxParser;
}
interface Sax {
  parser(strict: boolean, options?: Record<string, unknown>): SaxParser;
}

let sax: Sax | undefined;
/** The very sax module rss-parser's xml2js parses with (it is their dependency, resolved from where they live). */
function feedSax(): Sax {
  if (sax) return sax;
  const fromRss = createRequire(createRequire(import.meta.url).resolve('rss-parser'));
  sax = createRequire(fromRss.resolve('xml2js'))('sax') as Sax;
  return sax;
}

const CHUNK = 16 * 1024;

/** The problem with `xml`'s DOCTYPE (an internal subset or an entity declaration), or null. */
export function doctypeProblem(xml: string): string | null {
  const parser = feedSax().parser(true);
  let problem: string | null = null;
  let done = false;
  parser.ondoctype = (doctype) => {
    // Quoted literals (a SYSTEM or PUBLIC id) may hold any character; what is outside them decides.
    const bare = doctype.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/<!ENTITY/i.test(doctype)) problem = 'it declares XML entities';
    else if (bare.includes('[')) problem = 'it declares XML entities (an internal DTD subset)';
    done = true;
  };
  parser.onopentag = () => (done = true);
  // A malformed document is the real parse's to report.
  parser.onerror = () => (done = true);
  for (let at = 0; at < xml.length && !done; at += CHUNK) {
    try {
      parser.write(xml.slice(at, at + CHUNK));
    } catch {
      break;
    }
  }
  return problem;
}
