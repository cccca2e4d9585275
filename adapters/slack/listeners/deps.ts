import type { Answer, Retriever } from '../../../src/answer.js';
import type { Config } from '../../../src/config.js';
import type { Logger } from '../../../src/log.js';
import type { SlackMessage } from '../blocks.js';

/** An answer with its ephemeral rendering (Share button on), as the slash command shows it. */
export interface Remembered {
  readonly answer: Answer;
  readonly ephemeral: SlackMessage;
}

/** What every listener gets: the engine through a memo, and the Slack front end's logger. */
export interface ListenerDeps {
  readonly retriever: Retriever;
  readonly log: Logger;
  /** LOG_QUERIES: whether a question may be written to the log (feedback lines follow it too). */
  readonly queries: Config['log']['queries'];
  /** The answer to `query` at `offset` (one quote), logged as one request from `surface`. */
  answer(surface: string, query: string, offset?: number): Remembered;
}
