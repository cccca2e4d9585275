import { describe, expect, it } from 'vitest';
import { parseInline, stylesWithin } from '../../../src/corpus/inline.js';

describe('parseInline', () => {
  it('turns *italics* into plain text with an italic span', () => {
    expect(parseInline('in *Int J Mol Sci.*, 2021')).toEqual({
      text: 'in Int J Mol Sci., 2021',
      styles: [{ start: 3, end: 17, style: 'italic' }],
    });
  });

  it('turns _italics_ outside a word into an italic span, and leaves snake_case alone', () => {
    expect(parseInline('_Cell_ and snake_case_name').text).toBe('Cell and snake_case_name');
  });

  it('turns an autolink into its address with a link span', () => {
    expect(parseInline('(<https://example.org/a.pdf>)')).toEqual({
      text: '(https://example.org/a.pdf)',
      styles: [{ start: 1, end: 26, style: 'link', url: 'https://example.org/a.pdf' }],
    });
  });

  it('turns [text](url) into its text with a link span', () => {
    expect(parseInline('mail [office](mailto:office@example.org)')).toEqual({
      text: 'mail office',
      styles: [{ start: 5, end: 11, style: 'link', url: 'mailto:office@example.org' }],
    });
  });

  it('keeps an escaped mark as text', () => {
    expect(parseInline('5 \\* 3 \\*not italic\\*')).toEqual({ text: '5 * 3 *not italic*', styles: [] });
  });

  it('counts offsets in UTF-16 code units, as highlights do', () => {
    const { text, styles } = parseInline('𠮷野家の *𠮷*');
    expect(styles).toEqual([{ start: 6, end: 8, style: 'italic' }]);
    expect(text.slice(6, 8)).toBe('𠮷');
  });
});

describe('stylesWithin', () => {
  it('keeps the styles inside a range, clipped and shifted to it', () => {
    const styles = [
      { start: 0, end: 4, style: 'italic' as const },
      { start: 6, end: 12, style: 'italic' as const },
      { start: 20, end: 22, style: 'italic' as const },
    ];
    expect(stylesWithin(styles, 2, 10)).toEqual([
      { start: 0, end: 2, style: 'italic' },
      { start: 4, end: 8, style: 'italic' },
    ]);
  });
});
