/**
 * Discord on the running daemon: the HTTP interactions endpoint `/discord/interactions` (DISCORD_PUBLIC_KEY) and the
 * gateway connection (DISCORD_TOKEN), both answering `/regwatch` through the same dispatcher and shared commands.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { commandContext } from '../../commands/context.js';
import { COMMANDS, runCommand } from '../../commands/index.js';
import type { Daemon } from '../../daemon.js';
import { sendJson } from '../../ops/http-server.js';
import { DiscordDispatcher, type Dispatched } from './discord-dispatch.js';
import { firstSighting, readChatBody } from '../request-guard.js';
import type { RawInteraction } from './discord-interaction.js';
import { discordApiBase, discordRest } from './discord-rest.js';
import { connectInBackground, rootMessage } from '../reach-in-background.js';
import { discordPublicKey, discordSignatureProblem } from './verify-discord-signature.js';

export const INTERACTIONS_PATH = '/discord/interactions';

export interface DiscordChat {
  dispatcher: DiscordDispatcher;
  /** True when the gateway connection was started (DISCORD_TOKEN set and DISCORD_GATEWAY not `off`). */
  gateway: boolean;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Mount Discord on the daemon when the environment asks for it: the interactions endpoint with DISCORD_PUBLIC_KEY,
 * the gateway with DISCORD_TOKEN (set DISCORD_GATEWAY=off to use only the endpoint). Returns undefined when neither is set.
 * Throws at startup on a malformed DISCORD_PUBLIC_KEY.
 */
export async function mountDiscord(
  daemon: Daemon,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Promise<DiscordChat | undefined> {
  const publicKeyHex = env.DISCORD_PUBLIC_KEY?.trim();
  const token = env.DISCORD_TOKEN?.trim();
  if (!publicKeyHex && !token) return undefined;
  const log = logger.child({ chat: 'discord' });
  const dispatcher = new DiscordDispatcher({
    context: commandContext(daemon),
    specs: COMMANDS,
    run: runCommand,
    adminRoles: () => daemon.runner.config.settings.chat.discordAdminRoles,
    env,
    logger: log,
  });
  const pending = new Set<Promise<void>>();
  const track = (later: Promise<void> | undefined) => {
    if (!later) return;
    pending.add(later);
    void later.finally(() => pending.delete(later));
  };
  daemon.onStop(async () => {
    await Promise.allSettled([...pending]);
  });

  if (publicKeyHex) {
    const key = discordPublicKey(publicKeyHex);
    daemon.chatServer.mount(INTERACTIONS_PATH, async (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST')
        return void res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('POST only\n');
      // Interaction payloads are small; anything near the cap is not from Discord.
      const body = await readChatBody(req, res, log);
      if (!body) return;
      // Discord checks that bad signatures are refused with 401, and removes endpoints that accept them.
      const problem = discordSignatureProblem(
        key,
        header(req, 'x-signature-ed25519'),
        header(req, 'x-signature-timestamp'),
        body,
      );
      if (problem) {
        // Discord itself probes with bad signatures when the endpoint is saved; a stream of these is someone else.
        log.warn({ problem, from: req.socket.remoteAddress }, 'refused a Discord interaction');
        return void res.writeHead(401, { 'content-type': 'text/plain' }).end('invalid request signature\n');
      }
      let interaction: RawInteraction;
      try {
        interaction = JSON.parse(body.toString('utf8')) as RawInteraction;
      } catch {
        return void res.writeHead(400, { 'content-type': 'text/plain' }).end('body is not JSON\n');
      }
      // A captured interaction sent again (even signed afresh) is refused: each id is answered once.
      if (!(await firstSighting(daemon.runner.store, `discord:${String(interaction.id)}`))) {
        log.warn(
          { interaction: interaction.id, from: req.socket.remoteAddress },
          'refused a replayed Discord interaction',
        );
        return void res.writeHead(401, { 'content-type': 'text/plain' }).end('request already answered\n');
      }
      const dispatched = await dispatcher.dispatch(interaction);
      sendJson(res, 200, dispatched.response);
      track(dispatched.later);
    });
    log.info(
      { path: INTERACTIONS_PATH },
      'Discord interactions endpoint ready: set it as the Interactions Endpoint URL in the Developer Portal',
    );
  }

  let gateway = false;
  if (token && env.DISCORD_GATEWAY !== 'off') {
    gateway = true;
    await startGateway(daemon, env, token, dispatcher, track, log);
  }
  return { dispatcher, gateway };
}

/** Answer through the REST callback what the HTTP endpoint would have put in its response body. */
async function answerViaCallback(
  env: NodeJS.ProcessEnv,
  interaction: RawInteraction,
  dispatched: Dispatched,
): Promise<void> {
  const { Routes } = await import('discord.js');
  await discordRest(env).post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: dispatched.response,
    auth: false,
  });
}

/** The gateway connection (outbound WebSocket, no public URL needed): interactions arrive as INTERACTION_CREATE. */
async function startGateway(
  daemon: Daemon,
  env: NodeJS.ProcessEnv,
  token: string,
  dispatcher: DiscordDispatcher,
  track: (later: Promise<void> | undefined) => void,
  log: Logger,
): Promise<void> {
  const { Client, Events, GatewayDispatchEvents, GatewayIntentBits } = await import('discord.js');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discordApiBase(env) },
    allowedMentions: { parse: [] },
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: RawInteraction) => {
    void dispatcher
      .dispatch(raw)
      .then(async (dispatched) => {
        await answerViaCallback(env, raw, dispatched);
        track(dispatched.later);
      })
      .catch((error: unknown) => log.warn({ err: (error as Error).message }, 'could not answer a Discord interaction'));
  });
  client.once(Events.ClientReady, (c) => log.info({ user: c.user.tag }, 'Discord gateway connected'));
  // Not awaited: the daemon runs (alerts, HTTP endpoint) even when Discord is unreachable (retried in the background,
  // said once) or the token is wrong (said once).
  const connecting = connectInBackground({
    service: 'Discord',
    address: discordApiBase(env),
    check: 'check this machine can reach it (firewall, proxy), and DISCORD_API_URL if set',
    log,
    attempt: () => client.login(token).then(() => undefined),
    onRefused: (error) =>
      log.error(
        {
          err: rootMessage(error),
          hint: 'check DISCORD_TOKEN (Developer Portal → Bot → Reset Token); set DISCORD_GATEWAY=off to use only the interactions endpoint',
        },
        'Discord gateway login failed',
      ),
  });
  daemon.onStop(async () => {
    connecting.stop();
    await client.destroy();
  });
}
