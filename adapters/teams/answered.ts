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
}

/**
 * Reads a `message/submitAction` invoke: `{ actionName: 'feedback', actionValue: { reaction:
 * 'like' | 'dislike', feedback } }`. The member's free-text comment (`feedback`) is not read.
 */
export function feedbackOf(value: unknown, replyToId: unknown): FeedbackPress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { actionName, actionValue } = value as { actionName?: unknown; actionValue?: unknown };
  if (actionName !== 'feedback' || typeof actionValue !== 'object' || actionValue === null) return undefined;
  const { reaction } = actionValue as { reaction?: unknown };
  if (reaction !== 'like' && reaction !== 'dislike') return undefined;
  return {
    value: reaction === 'like' ? 'up' : 'down',
    messageId: typeof replyToId === 'string' && replyToId !== '' ? replyToId : undefined,
  };
}
