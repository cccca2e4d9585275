/**
 * Draws the Teams app icons (committed in adapters/teams/manifest/; rerun after a design change):
 *   npm run teams:icons
 * (a script, not part of the app: it stays out of dist/).
 * color.png 192×192: a white quotation mark on the accent colour (Teams rounds the corners). outline.png 32×32: the same mark
 * in white on transparency, as Teams requires. Plain PNG written with node:zlib, no image library.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { command, readCommandLine } from '../adapters/cli/arguments.js';

readCommandLine(
  command({
    usage: 'npm run teams:icons',
    help: 'Redraws the Teams app icons color.png and outline.png in adapters/teams/manifest/.',
    parse: { options: {} },
  }),
);

type Rgba = readonly [number, number, number, number];

const ACCENT: Rgba = [0x1f, 0x6f, 0x8b, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes an RGBA image (8 bits per channel) as PNG. */
export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether (u, v) in the unit square lies on an opening quotation mark “ (two comma shapes). */
function onQuoteMark(u: number, v: number): boolean {
  const comma = (cx: number): boolean => {
    const cy = 0.56;
    const r = 0.13;
    const inDot = (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
    // The tail rises from the dot's left side towards the upper right.
    const t = (cy - v) / 0.3;
    const tailX = cx - r * 0.9 + t * 0.2;
    const inTail = t >= 0 && t <= 1 && Math.abs(u - tailX) <= 0.06 * (1 - t * 0.5);
    return inDot || inTail;
  };
  return comma(0.34) || comma(0.68);
}

const here = fileURLToPath(new URL('../adapters/teams/manifest/', import.meta.url));
const at = (size: number, x: number, y: number) => [(x + 0.5) / size, (y + 0.5) / size] as const;

writeFileSync(
  join(here, 'color.png'),
  encodePng(192, (x, y) => {
    const [u, v] = at(192, x, y);
    return onQuoteMark(u, v) ? WHITE : ACCENT;
  }),
);
writeFileSync(
  join(here, 'outline.png'),
  encodePng(32, (x, y) => {
    const [u, v] = at(32, x, y);
    return onQuoteMark(u, v) ? WHITE : CLEAR;
  }),
);
