import { html, type Html } from '../html.js';

/** A labelled <select> for a GET filter form ('' means any). */
export function select(name: string, label: string, values: readonly string[], current: string): Html {
  return html`<label
    >${label}
    <select name="${name}">
      ${values.map((v) => html`<option value="${v}" ${v === current ? html` selected` : ''}>${v || 'any'}</option>`)}
    </select></label
  >`;
}

/** An ISO time as a <time> element, shown in UTC minutes; "—" when unknown. */
export function time(iso: string | null): Html {
  if (!iso) return html`—`;
  return html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, 'Z')}</time>`;
}
