import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../../adapters/teams/search-extension.js';

const dir = new URL('../../../adapters/teams/manifest/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(name: string): [number, number] {
  const png = readFileSync(new URL(name, dir));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

test('the manifest is on a current Teams schema (1.17 or newer)', () => {
  const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
  expect(major).toBe(1);
  expect(minor).toBeGreaterThanOrEqual(17);
  expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
});

test('the manifest declares the search command the bot answers, with its query parameter', () => {
  const command = manifest.composeExtensions[0].commands[0];
  expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query' });
  expect(command.parameters.map((p: { name: string }) => p.name)).toEqual([SEARCH_PARAMETER]);
});

test('the icons have the sizes Teams requires (192×192 colour, 32×32 outline)', () => {
  expect(pngSize('color.png')).toEqual([192, 192]);
  expect(pngSize('outline.png')).toEqual([32, 32]);
});
