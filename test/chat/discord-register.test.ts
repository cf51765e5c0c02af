import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommands, type DiscordOption } from '../../src/chat/discord/discord-commands.js';
import { COMMANDS } from '../../src/commands/index.js';
import { CATEGORIES, SOURCES } from '../../src/types.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { runCli } from '../helpers/run-cli.js';

const GUILD = '500000000000000042';
const SUBCOMMAND = 1;
const STRING = 3;
const INTEGER = 4;

describe('regwatch discord register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await new FakeDiscord().start();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('builds one /regwatch command with every sub-command as typed options, choices and autocomplete', () => {
    const [command, ...rest] = discordCommands(COMMANDS);
    expect(rest).toEqual([]);
    expect(command).toMatchObject({ type: 1, name: 'regwatch' });
    const subs = new Map(command!.options.map((o) => [o.name, o]));
    expect([...subs.keys()]).toEqual([
      'quota',
      'exports',
      'controls',
      'latest',
      'expected',
      'status',
      'watches',
      'subscribe',
      'unsubscribe',
      'help',
    ]);
    for (const sub of subs.values()) {
      expect(sub.type).toBe(SUBCOMMAND);
      expect(sub.description.length).toBeGreaterThan(0);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      const options = sub.options ?? [];
      // Discord's rules: required options first, names lower-case ≤ 32, never both choices and autocomplete.
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const o of options) {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(Boolean(o.choices) && Boolean(o.autocomplete)).toBe(false);
      }
    }
    const option = (sub: string, name: string): DiscordOption | undefined =>
      subs.get(sub)?.options?.find((o) => o.name === name);
    expect(option('quota', 'year')).toMatchObject({ type: INTEGER, autocomplete: true });
    expect(option('exports', 'series')).toMatchObject({
      type: STRING,
      choices: [{ value: 'rare-earths' }, { value: 'magnets' }],
    });
    expect(option('exports', 'period')).toMatchObject({ type: STRING, autocomplete: true });
    expect(subs.get('subscribe')?.options?.map((o) => [o.name, o.required ?? false])).toEqual([
      ['category', true],
      ['category2', false],
      ['category3', false],
      ['category4', false],
      ['source', false],
    ]);
    expect(option('subscribe', 'source')?.choices?.map((c) => c.value)).toEqual([...SOURCES]);
    expect(option('subscribe', 'category')?.description).toContain(CATEGORIES[0]);
    expect(subs.get('status')?.options).toBeUndefined();
  });

  it('PUTs the command JSON to the guild, or globally with the application id read from the token', async () => {
    const env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.api };
    const [guild, global, noToken, badToken] = await Promise.all([
      runCli(['discord', 'register', '--guild', GUILD], { ...env, DISCORD_APPLICATION_ID: '100000000000000077' }),
      runCli(['discord', 'register'], env),
      runCli(['discord', 'register'], { DISCORD_API_URL: fake.api, DISCORD_TOKEN: '' }),
      runCli(['discord', 'register', '--guild', GUILD], {
        ...env,
        DISCORD_TOKEN: 'revoked-token',
        DISCORD_APPLICATION_ID: '100000000000000077',
      }),
    ]);
    const expected = JSON.parse(JSON.stringify(discordCommands(COMMANDS))) as unknown;

    expect(guild.code).toBe(0);
    expect(guild.stdout).toContain(`in guild ${GUILD}`);
    const guildPut = fake
      .find('PUT', new RegExp(`^/applications/100000000000000077/guilds/${GUILD}/commands$`))
      .filter((r) => r.status === 200);
    expect(guildPut).toHaveLength(1);
    expect(guildPut[0]!.body).toEqual(expected);
    expect(guildPut[0]!.headers.authorization).toBe(`Bot ${fake.token}`);

    expect(global.code).toBe(0);
    expect(global.stdout).toContain('globally');
    expect(fake.find('GET', /^\/applications\/@me$/)).toHaveLength(1);
    const globalPut = fake.find('PUT', new RegExp(`^/applications/${fake.appId}/commands$`));
    expect(globalPut.map((r) => r.body)).toEqual([expected]);

    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('set DISCORD_TOKEN');

    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toContain('Discord refused DISCORD_TOKEN');
    expect(badToken.stdout + badToken.stderr).not.toContain('revoked-token');
  });

  it('--print shows the JSON without calling Discord', async () => {
    const before = fake.requests.length;
    const r = await runCli(['discord', 'register', '--print'], { DISCORD_TOKEN: '', DISCORD_API_URL: fake.api });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(discordCommands(COMMANDS))));
    expect(fake.requests.length).toBe(before);
  });
});
