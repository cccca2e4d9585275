// `npm start`: the one server, configured from the environment (and .env). The one place that
// names the front ends: it composes their configuration and builds those that are configured.
import { ConfigError, loadConfig } from '../../src/config.js';
import { CorpusError } from '../../src/corpus/errors.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createLogger } from '../../src/log.js';
import { createRetriever } from '../../src/retriever.js';
import { createSlackApp } from '../slack/app.js';
import { slackConfig } from '../slack/config.js';
import { SLACK_REDACT_PATHS } from '../slack/errors.js';
import { teamsConfig } from '../teams/config.js';
import { createTeamsFrontEnd } from '../teams/front-end.js';
import { type FrontEnd, FrontEndStartError } from './front-end.js';
import { createServer } from './server.js';

/** Prints a startup problem the operator can fix (no stack trace) and exits 1. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Reads the environment and the corpus; refuses anything invalid with the operator's fix. */
function configure() {
  try {
    process.loadEnvFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    const config = loadConfig(process.env, [slackConfig, teamsConfig]);
    return { config, corpus: loadCorpus(config.corpusDir) };
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    if (error instanceof CorpusError) refuse(`Corpus refused: ${error.message}`);
    throw error;
  }
}

const { config, corpus } = configure();
const logger = createLogger({ level: config.log.level, redact: SLACK_REDACT_PATHS });
const retriever = createRetriever(corpus);
const frontEnds: FrontEnd[] = [];
if (config.slack) frontEnds.push(createSlackApp({ retriever, config, logger }));
if (config.teams) frontEnds.push(createTeamsFrontEnd({ retriever, config, logger }));

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

let signalled = false;
const stop = (signal: NodeJS.Signals) => {
  if (signalled) {
    logger.warn({ signal }, 'second signal: exiting without waiting');
    process.exit(1);
  }
  signalled = true;
  logger.info({ signal }, 'signal received');
  server.shutdown().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
