/** `allowHosts` takes host names only: a URL or host:port there would silently never match, so it is refused. */
import { describe, expect, it } from 'vitest';
import { runCli, tempConfig } from '../helpers/run-cli.js';

describe('allowHosts', () => {
  it('accepts host names and IP addresses, and refuses a URL or a port with file:line:col', async () => {
    const cfg = tempConfig({
      'watches/a.yaml': [
        'watches:',
        '  - id: a',
        '    kind: list',
        '    url: https://www.miit.gov.cn/list.html',
        '    items: "li"',
        '    allowHosts: [files.miit.gov.cn, 10.0.0.5, "[fd00::1]", "http://intranet:8080/"]',
        '',
      ].join('\n'),
    });
    const r = await runCli(['validate', '--config', cfg.dir]);
    expect(r.code).toBe(2);
    const errors = `${r.stdout}${r.stderr}`.split('\n').filter((l) => /:\d+:\d+: /.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/a\.yaml:6:\d+: .*a host name or IP address only, without scheme, port or path/);
  });
});
