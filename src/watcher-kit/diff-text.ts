import { createTwoFilesPatch } from 'diff';

/** An alert's diff is at most this many bytes (design §7). */
export const MAX_DIFF_BYTES = 4096;

function cap(text: string, max = MAX_DIFF_BYTES): string {
  if (Buffer.byteLength(text) <= max) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  let size = 0;
  for (const line of lines) {
    const next = Buffer.byteLength(line) + 1;
    if (size + next > max - 80) {
      out.push(`… diff cut: ${lines.length - out.length} more lines`);
      break;
    }
    out.push(line);
    size += next;
  }
  return out.join('\n');
}

/** Added and removed lines by set membership: linear, used when jsdiff gives up. */
export function setDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const inA = new Set(a);
  const inB = new Set(b);
  const removed = a.filter((l) => !inB.has(l)).map((l) => `-${l}`);
  const added = b.filter((l) => !inA.has(l)).map((l) => `+${l}`);
  return [
    `changed too much to diff line by line: ${removed.length} lines removed, ${added.length} added`,
    ...removed,
    ...added,
  ].join('\n');
}

/** Lines compared at most for an excerpt: the alert shows about 4 KB, so the first changes are enough. */
const WINDOW_LINES = 1500;

/**
 * A readable unified diff of two normalised texts, at most 4 KB. jsdiff is quadratic when most lines differ
 * (design §10), so it runs only on a window starting at the first changed line, under an edit-length and a time
 * bound, with a set-of-lines fallback.
 */
export function diffText(before: string, after: string, timeoutMs = 200): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  const from = Math.max(0, start - 2);
  const cut = a.length - from > WINDOW_LINES || b.length - from > WINDOW_LINES;
  // Every line ends in a newline: without one on the last line, jsdiff shows a last line that did not change as
  // removed and added again, each with a "No newline at end of file" marker.
  const left = a.slice(from, from + WINDOW_LINES).join('\n') + '\n';
  const right = b.slice(from, from + WINDOW_LINES).join('\n') + '\n';
  const patch = createTwoFilesPatch('before', 'after', left, right, undefined, undefined, {
    context: 2,
    maxEditLength: 2000,
    timeout: timeoutMs,
  });
  if (!patch) return cap(setDiff(before, after));
  // Drop the ===/---/+++ file header lines: the alert says what the two sides are; hunk lines count from the window.
  const body = patch
    .split('\n')
    .filter((l, i) => i > 3 || !/^(=+|---|\+\+\+|Index:)/.test(l))
    .map((l) =>
      l.replace(
        /^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/,
        (_m, l1: string, c1 = '', l2: string, c2 = '') => `@@ -${Number(l1) + from}${c1} +${Number(l2) + from}${c2} @@`,
      ),
    );
  if (cut) body.push('… (the first changes of a long page; compare the page for the rest)');
  return cap(body.join('\n').trimEnd());
}
