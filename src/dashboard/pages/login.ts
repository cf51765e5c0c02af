import { html, type Html } from '../html.js';
import { layout } from './layout.js';

/** Shown with status 401 (no redirect) when the dashboard needs a token and the request has none. */
export function loginPage(failed: boolean, next: string): Html {
  const body = html`<p>This dashboard needs the token set in <code>REGWATCH_DASHBOARD_TOKEN</code> on the server.</p>
    ${failed ? html`<p class="error" role="alert">That token is not the right one.</p>` : ''}
    <form method="post" action="/ui/login" class="login">
      <input type="hidden" name="next" value="${next}" />
      <label>Token <input type="password" name="token" autocomplete="current-password" required /></label>
      <button type="submit">Sign in</button>
    </form>`;
  return layout({ title: 'Sign in', current: '', body });
}
