/**
 * HTML built on the server with every interpolated value escaped: watched pages, titles and diffs are untrusted text.
 * `html\`…\`` escapes what it interpolates unless it is already Html (built the same way); nothing else is trusted.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Part = Html | string | number | null | undefined | false | ReadonlyArray<Html | string>;

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map((p) => render(p as Part)).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((p, i) => (out += render(p) + (strings[i + 1] ?? '')));
  return new Html(out);
}

/** JSON inside <script type="application/json">: `<` escaped so no text can close the element. */
export function jsonScript(id: string, value: unknown): Html {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new Html(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}

/** A link only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
export function link(url: string, text: string | Html): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

/** A table with a caption, one header row of column names (scope="col") and the given body rows. */
export function table(opts: {
  className: string;
  id?: string;
  caption: string | Html;
  columns: string[];
  rows: Html[];
}): Html {
  return html`<table class="${opts.className}" ${opts.id ? html`id="${opts.id}"` : ''}>
    <caption>
      ${opts.caption}
    </caption>
    <thead>
      <tr>
        ${opts.columns.map((c) => html`<th scope="col">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${opts.rows}
    </tbody>
  </table>`;
}
