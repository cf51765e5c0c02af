/**
 * A regex's top-level alternatives, each a regex of its own: the first match of the whole is found by asking each
 * alternative that may match (its required words are in the document) for its first match, then running the whole
 * at the earliest of them, where it matches as it would have had it scanned the text itself.
 *
 * V8's regex engine tries every alternative at every position of the text; a rule of twenty patterns of which the
 * document holds the words of two pays for twenty. Split, it pays for two scans of one pattern each, which the engine
 * can also run faster (a literal start lets it skip ahead).
 */

/**
 * The top-level alternatives of a regex source (`a|b(c|d)|(?:e|f)` → `a`, `b(c|d)`, `e`, `f`: a part that is one
 * non-capturing group is opened), or `null` when the source has one alternative or refers back to a group (`\1`,
 * `\k<name>`: a part taken alone would number its groups differently).
 */
export function topLevelAlternatives(source: string): string[] | null {
  const parts = splitOnce(source);
  if (parts === null) return null;
  const out: string[] = [];
  for (const part of parts) {
    const inner = wholeGroup(part);
    const split = inner !== null ? splitOnce(inner) : null;
    if (split === null) out.push(part);
    else for (const p of split) out.push(...(topLevelAlternatives(p) ?? [p]));
  }
  return out.length > 1 ? out : null;
}

/** The source split at its top-level bars, or `null` for a back-reference; one part when it has no bar. */
function splitOnce(source: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if ((next >= '1' && next <= '9') || (next === 'k' && source[i + 2] === '<')) return null;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** The inside of a part that is one whole non-capturing group with no quantifier (`(?:x|y)` → `x|y`), else `null`. */
function wholeGroup(part: string): string | null {
  if (!part.startsWith('(?:') || !part.endsWith(')')) return null;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === part.length - 1 ? part.slice(3, -1) : null;
  }
  return null;
}
