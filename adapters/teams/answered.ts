import { cutInput } from '../../src/text/cut.js';
import { Lru } from '../shared/lru.js';

/** What the bot remembers of an answer it sent, for the feedback a member may give on it. */
export interface AnsweredMessage {
  /** The quoted passage, e.g. `jsev-2023-12-25/p2`. */
  readonly passageId: string;
  /** The question, kept only when LOG_QUERIES=all (the only setting that logs it with feedback). */
  readonly query?: string;
}

/** Enough for the answers of a busy day; the least recently used are forgotten first. */
const DEFAULT_ANSWERED_CAPACITY = 10_000;

/**
 * Teams' feedback invoke names the answer only by its message id (`replyToId`), so the bot keeps,
 * per message it sent, the passage it quoted: a bounded map (the shared LRU).
 */
export class AnsweredMessages {
  private readonly entries: Lru<AnsweredMessage>;

  constructor(capacity: number = DEFAULT_ANSWERED_CAPACITY) {
    this.entries = new Lru(capacity);
  }

  remember(messageId: string, answered: AnsweredMessage): void {
    this.entries.set(messageId, answered);
  }

  recall(messageId: string): AnsweredMessage | undefined {
    return this.entries.get(messageId);
  }
}

/** A thumbs up or down from Teams' feedback loop. */
export interface FeedbackPress {
  readonly value: 'up' | 'down';
  /** The answer's message id (the invoke's `replyToId`). */
  readonly messageId: string | undefined;
  /** What the member typed in the feedback dialog, if anything (logged only under LOG_QUERIES=all). */
  readonly comment?: string;
}

/** A comment is kept to this many characters: enough for what the dialog is for, bounded in the logs. */
const MAX_COMMENT_LENGTH = 1000;

/**
 * The text a member typed in the feedback dialog: `feedback` is a JSON string `{"feedbackText":
 * "…"}` (or, from some clients, that object itself); undefined when empty or unreadable.
 */
function commentOf(feedback: unknown): string | undefined {
  let form: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      form = JSON.parse(feedback);
    } catch {
      return undefined;
    }
  }
  const text = (form as { feedbackText?: unknown } | null)?.feedbackText;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return cutInput(text, MAX_COMMENT_LENGTH).text;
}

/**
 * Reads a `message/submitAction` invoke: `{ actionName: 'feedback', actionValue: { reaction:
 * 'like' | 'dislike', feedback } }`, with the member's comment from `feedback` when there is one.
 */
export function feedbackOf(value: unknown, replyToId: unknown): FeedbackPress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { actionName, actionValue } = value as { actionName?: unknown; actionValue?: unknown };
  if (actionName !== 'feedback' || typeof actionValue !== 'object' || actionValue === null) return undefined;
  const { reaction, feedback } = actionValue as { reaction?: unknown; feedback?: unknown };
  if (reaction !== 'like' && reaction !== 'dislike') return undefined;
  const comment = commentOf(feedback);
  return {
    value: reaction === 'like' ? 'up' : 'down',
    messageId: typeof replyToId === 'string' && replyToId !== '' ? replyToId : undefined,
    ...(comment === undefined ? {} : { comment }),
  };
}
