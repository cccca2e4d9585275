// The subset of Adaptive Cards 1.5 this bot sends; see https://adaptivecards.io/explorer/.

export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly weight?: 'Bolder';
  readonly highlight?: boolean;
  readonly isSubtle?: boolean;
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly italic?: boolean;
  /** Makes the run a link (Adaptive Cards 1.2+: "Visually changes the text run into a hyperlink"). */
  readonly selectAction?: OpenUrlSelectAction;
}

/** A TextRun's link: opens `url`, with no title (the run's text is the label). */
interface OpenUrlSelectAction {
  readonly type: 'Action.OpenUrl';
  readonly url: string;
}

export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  readonly separator?: boolean;
}

interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'default' | 'emphasis' | 'accent';
  readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  readonly separator?: boolean;
}

export type CardElement = RichTextBlock | Container;

interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: SubmitData;
}

interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly CardElement[] };
}

interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = SubmitAction | ShowCardAction | OpenUrlAction;

/**
 * What a button sends back to the bot: the next page of a search, a new query (suggestions), or the
 * query whose every quote a member wants as one copy-ready block.
 */
type SubmitData =
  | { readonly action: 'next'; readonly query: string; readonly offset: number }
  | { readonly action: 'ask' | 'copy-all'; readonly query: string };

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly fallbackText?: string;
  readonly lang?: string;
  /** Teams only: let the card use the full width of the conversation. */
  readonly msteams?: { readonly width: 'Full' };
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
