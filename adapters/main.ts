// `npm start`: the one server, configured from the environment (and .env). The one place that
// names the front ends: it composes their configuration and builds those that are configured.
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, configWarnings, loadConfig } from '../src/config.js';
import { CorpusError } from '../src/corpus/errors.js';
import { loadCorpusFast } from '../src/corpus/snapshot.js';
import { createLogger } from '../src/log.js';
import { createRetriever } from '../src/retriever.js';
import { createDedupeStore } from './dedupe/create.js';
import { type FrontEnd, FrontEndStartError } from './server/front-end.js';
import { guardProcess } from './server/guard.js';
import { createServer } from './server/server.js';
import { createSlackApp } from './slack/app.js';
import { slackConfig } from './slack/config.js';
import { SLACK_REDACT_PATHS } from './slack/errors.js';
import { teamsConfig } from './teams/config.js';
import { createTeamsFrontEnd } from './teams/front-end.js';

/** Prints a startup problem the operator can fix (no stack trace) and exits 1. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Reads the environment and the corpus; refuses anything invalid with the operator's fix. */
async function configure() {
  try {
    process.loadEnvFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    const config = loadConfig(process.env, [slackConfig, teamsConfig]);
    return { config, corpus: (await loadCorpusFast(config.corpusDir)).corpus };
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    if (error instanceof CorpusError) refuse(`Corpus refused: ${error.message}`);
    throw error;
  }
}

/** How long after SIGTERM's delay the process exits whatever happens (Kubernetes waits 10 s more). */
const EXIT_GUARD_MS = 10_000;

const { config, corpus } = await configure();
const logger = createLogger({ level: config.log.level, redact: SLACK_REDACT_PATHS });
guardProcess(logger);
for (const warning of configWarnings(config)) logger.warn(warning);
const retriever = createRetriever(corpus);
const dedupe = await createDedupeStore({ redisUrl: config.redisUrl, logger });
const frontEnds: FrontEnd[] = [];
if (config.slack) frontEnds.push(createSlackApp({ retriever, config, logger, dedupe }));
if (config.teams) frontEnds.push(createTeamsFrontEnd({ retriever, config, logger }));
// A front end whose authentication is off trusts anyone who reaches the port: the server listens on
// loopback unless HOST says otherwise, and HOST beyond loopback is worth a warning.
if (
  frontEnds.some((f) => f.loopbackOnly) &&
  config.host !== undefined &&
  !/^(127\.|::1$|localhost$)/.test(config.host)
) {
  logger.warn(
    { host: config.host },
    'a front end without authentication listens beyond loopback: anyone who reaches it is trusted',
  );
}

const server = createServer({ retriever, config, logger, frontEnds });
try {
  await server.listen(config.port);
} catch (error) {
  if (error instanceof FrontEndStartError) refuse(error.message);
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    refuse(`PORT ${config.port} is already in use. Set PORT to a free port.`);
  }
  refuse(`Startup failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Drains the server, then closes the store (within what is left of the 10 s). */
async function drainAndClose(): Promise<void> {
  await server.shutdown();
  const closed = await Promise.race([dedupe.close().then(() => true), sleep(1000, false)]);
  if (!closed) logger.warn('shutdown: the dedupe store did not close within 1 s');
}

let signalled = false;
const stop = (signal: NodeJS.Signals) => {
  if (signalled) {
    logger.warn({ signal }, 'second signal: exiting without waiting');
    process.exit(1);
  }
  signalled = true;
  logger.info({ signal }, 'signal received');
  // The last resort, should anything still hang: the orchestrator would kill the process anyway.
  setTimeout(() => {
    logger.error('shutdown: still running 10 s after the delay; exiting');
    process.exit(1);
  }, config.shutdownDelayMs + EXIT_GUARD_MS).unref();
  drainAndClose().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
