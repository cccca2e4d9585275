/** A corpus file that cannot be used: names the file, the field and how to fix it. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${field}: ${problem}. Fix: ${fix}`, options);
  }
}
