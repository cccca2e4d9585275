// Reads rich_text quotes back out of a Slack message, as a member sees and copies them.

interface Element {
  readonly type: string;
  readonly text?: string;
  readonly url?: string;
  readonly style?: { readonly bold?: boolean; readonly italic?: boolean };
}
interface SubElement {
  readonly type: string;
  readonly elements?: readonly Element[];
}
interface Block {
  readonly type: string;
  readonly elements?: readonly SubElement[];
}

/** Every text or link element inside the `rich_text_quote`s of `blocks`, in order. */
export function quoteElements(blocks: readonly unknown[]): Element[] {
  return (blocks as Block[])
    .filter((b) => b.type === 'rich_text')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'rich_text_quote')
    .flatMap((e) => e.elements ?? []);
}

/** Each rich_text block's quote text (its elements joined), one string per block. */
export function quoteTextsByBlock(blocks: readonly unknown[]): string[] {
  return (blocks as Block[])
    .filter((b) => b.type === 'rich_text' && b.elements?.some((e) => e.type === 'rich_text_quote'))
    .map((b) =>
      quoteElements([b])
        .map((e) => e.text ?? '')
        .join(''),
    );
}

/** The quoted text of `blocks`: the texts of their quote elements joined. */
export function quotedText(blocks: readonly unknown[]): string {
  return quoteElements(blocks)
    .map((e) => e.text ?? '')
    .join('');
}

/** The texts shown in bold inside the quotes. */
export function boldTexts(blocks: readonly unknown[]): string[] {
  return quoteElements(blocks)
    .filter((e) => e.style?.bold === true)
    .map((e) => e.text ?? '');
}
