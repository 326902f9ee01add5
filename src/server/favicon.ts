// The service's own /favicon.ico (browsers ask for it on every page): a 16×16 icon, a white "E" on GOV.UK blue,
// drawn here as an uncompressed 32-bit bitmap so that no binary file has to travel with the build.
import type { RequestHandler } from 'express';

const SIZE = 16;
const GLYPH = [
  '................',
  '................',
  '................',
  '....########....',
  '....########....',
  '....##..........',
  '....##..........',
  '....#######.....',
  '....#######.....',
  '....##..........',
  '....##..........',
  '....########....',
  '....########....',
  '................',
  '................',
  '................',
];
const BLUE = [0xb8, 0x70, 0x1d, 0xff]; // #1d70b8 as blue, green, red, alpha
const WHITE = [0xff, 0xff, 0xff, 0xff];

function icoBytes(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  // A bitmap's rows run bottom to top.
  GLYPH.slice().reverse().forEach((row, y) => {
    [...row].forEach((cell, x) => Buffer.from(cell === '#' ? WHITE : BLUE).copy(pixels, (y * SIZE + x) * 4));
  });
  const andMask = Buffer.alloc(SIZE * 4); // every pixel opaque; rows padded to 4 bytes
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(SIZE, 4);
  info.writeInt32LE(SIZE * 2, 8); // an icon's bitmap counts the colour rows and the mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(pixels.length + andMask.length, 20);
  const image = Buffer.concat([info, pixels, andMask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

const FAVICON = icoBytes();

export const serveFavicon: RequestHandler = (_request, response) => {
  response.set({ 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=86400' }).send(FAVICON);
};
