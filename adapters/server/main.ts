// `npm start`: the one server for Slack and Teams, configured from the environment (and .env).
import { type Config, ConfigError, loadConfig } from '../../src/config.js';
import { CorpusError } from '../../src/corpus/errors.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createLogger } from '../../src/log.js';
import { createRetriever } from '../../src/retriever.js';
import { createTeamsHandler } from '../teams/index.js';
import { createServer, type RouteHandler } from './server.js';

/** Prints a startup problem the operator can fix (no stack trace) and exits 1. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

try {
  process.loadEnvFile();
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) refuse(error.message);
  throw error;
}
const logger = createLogger({ level: config.log.level });

let corpus: ReturnType<typeof loadCorpus>;
try {
  corpus = loadCorpus(config.corpusDir);
} catch (error) {
  if (error instanceof CorpusError) refuse(`Corpus refused: ${error.message}`);
  throw error;
}
const retriever = createRetriever(corpus);

const routes = new Map<string, RouteHandler>();
if (config.teams) routes.set('POST /api/messages', createTeamsHandler({ retriever, config, logger }));

const server = createServer({ retriever, config, logger, routes });
try {
  await server.listen(config.port);
} catch (error) {
  const code = (error as { code?: string; data?: { error?: string } }).code;
  const slackError = (error as { data?: { error?: string } }).data?.error;
  if (slackError) {
    refuse(
      `Slack refused SLACK_BOT_TOKEN (${slackError}). Copy the xoxb- token from https://api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token.`,
    );
  }
  if (code === 'EADDRINUSE') refuse(`PORT ${config.port} is already in use. Set PORT to a free port.`);
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
