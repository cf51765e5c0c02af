import { describe, expect, it } from 'vitest';
import { runCli, runCliClosingStdout, tempConfig } from '../helpers/run-cli.js';

const store = () => ({ REGWATCH_STORE: tempConfig({}).store });

describe('regwatch figures', () => {
  it('prints one row per period: months, then quarters, halves, years, ranges, newest first; y/y and m/m side by side', async () => {
    const r = await runCli(['figures', 'magnet_exports'], store());
    expect(r.code).toBe(0);
    const periods = r.stdout
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
    const kind = (p: string) =>
      /^\d{4}-\d{2}$/.test(p) ? 0 : /Q/.test(p) ? 1 : /H/.test(p) ? 2 : /^\d{4}$/.test(p) ? 3 : 4;
    expect(periods.map(kind)).toEqual([...periods.map(kind)].sort((a, b) => a - b));
    const months = periods.filter((p) => kind(p) === 0);
    expect(months).toEqual([...months].sort().reverse());
    expect(r.stdout).toMatch(/^\s+period\s+batch\s+value\s+y\/y\s+m\/m\s+source$/m);
    // June 2025: both changes on one row.
    expect(r.stdout).toMatch(/2025-06\s+3,188 t\s+−38\.1%\s+\+157\.5%\s+press/);
  });

  it('says "official" only for a document on the government site; an official text elsewhere is a repost', async () => {
    const r = await runCli(['figures', 'mining_quota'], store());
    expect(r.stdout).toMatch(/2023\s+batch 2\s+120,000 t\s+official text, reposted by sh-re\.com/);
    expect(r.stdout).not.toMatch(/ official · .*sh-re\.com/);
  });

  it('--csv: the header of design §12, LF line ends, no BOM, official or press', async () => {
    const r = await runCli(['figures', 'magnet_exports', '--csv'], store());
    expect(r.code).toBe(0);
    expect(r.stdout.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.stdout).not.toContain('\r');
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toBe('metric,period,batch,value,unit,change_pct,change_basis,source,url,published');
    expect(rows).toContain(
      'magnet_exports,2025-06,,3188,t,-38.1,yoy,press,https://rareearthexchanges.com/?p=8723,2025-06-30',
    );
    expect(rows.every((row) => /^magnet_exports,/.test(row) && /,(official|press),/.test(row))).toBe(true);
  });

  it('an unknown metric exits 2 with the list of known ones', async () => {
    const r = await runCli(['figures', 'bogus_metric'], store());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown metric "bogus_metric"');
    expect(r.stderr).toContain('magnet_exports');
    expect(r.stdout).toBe('');
  });

  it('ends quietly when its reader closes early (| head)', async () => {
    const r = await runCliClosingStdout(['figures'], store());
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  });
});
