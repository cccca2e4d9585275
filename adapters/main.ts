// `npm start`: the one server, configured from the environment (and .env). The one place that
// names the front ends: it composes their configuration and builds those that are configured.
import { ConfigError, configWarnings, loadConfig } from '../src/config.js';
import { CorpusError } from '../src/corpus/errors.js';
import { loadCorpusFast } from '../src/corpus/snapshot.js';
import { createLogger } from '../src/log.js';
import { createRetriever } from '../src/retriever.js';
import { createDedupeStore } from './dedupe/create.js';
import { type FrontEnd, FrontEndStartError } from './server/front-end.js';
import { guardProcess } from './server/guard.js';
import { createProcessStop } from './server/process-stop.js';
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

const { config, corpus } = await configure();
const logger = createLogger({ level: config.log.level, redact: SLACK_REDACT_PATHS });
// One way to stop, for signals and for faults: an exception that escapes every request path
// stops the process (after answering what is in flight), and the orchestrator restarts it.
const processStop = createProcessStop({ logger, shutdownDelayMs: config.shutdownDelayMs });
guardProcess(logger, { onFatal: (reason) => processStop.fail(reason) });
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

processStop.serve(server, () => dedupe.close());
process.on('SIGTERM', processStop.signal);
process.on('SIGINT', processStop.signal);
