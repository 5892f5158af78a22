#!/usr/bin/env node
// @ts-check
// `npm run test:visual:update [-- <story files or vitest options>]`: writes the baselines of
// the visual checks (README, "Visual checks") for the stories that have none or no longer
// match (vitest's `--update=all` on the `storybook` project), then recompresses the PNGs it
// wrote, losslessly: an indexed PNG when the image has at most 256 colours, else RGB without
// the alpha channel Chromium's screenshots carry (always opaque), each row with its best
// filter. Baselines are committed: that keeps git about a third lighter.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The same folder as .storybook/visual.ts `visualDirs.baselines`.
const baselines = path.join(root, "stories", "__baselines__");

const started = Date.now();
const vitest = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "vitest.cmd" : "vitest");
const result = spawnSync(vitest, ["run", "--project", "storybook", "--update=all", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});

/** @param {string} dir @returns {string[]} */
const pngsIn = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pngsIn(path.join(dir, entry.name)) : entry.name.endsWith(".png") ? [path.join(dir, entry.name)] : [],
  );

let before = 0;
let after = 0;
const written = statSync(baselines, { throwIfNoEntry: false }) ? pngsIn(baselines).filter((file) => statSync(file).mtimeMs >= started) : [];
for (const file of written) {
  const original = readFileSync(file);
  const image = decodePng(original);
  const smaller = image && encodePng(image);
  before += original.length;
  if (smaller && smaller.length < original.length) {
    writeFileSync(file, smaller);
    after += smaller.length;
  } else after += original.length;
}
if (written.length > 0) {
  const kB = (/** @type {number} */ bytes) => `${Math.round(bytes / 1024)} kB`;
  console.log(`\nVisual checks: ${written.length} baseline(s) written in ${path.relative(root, baselines)} (${kB(before)} → ${kB(after)} recompressed).`);
  console.log("Look at each one (git status, git diff --stat; an image viewer or your Git UI shows old and new) and commit those you accept.");
}
process.exit(result.status ?? 1);

/**
 * @typedef {{ width: number, height: number, rgb: Buffer }} OpaqueImage
 */

/**
 * Reads an 8-bit, non-interlaced RGB, RGBA or indexed PNG whose pixels are all opaque
 * (what Chromium, vitest and {@link encodePng} write); `undefined` for anything else.
 * @param {Buffer} file
 * @returns {OpaqueImage | undefined}
 */
function decodePng(file) {
  let offset = 8;
  let width = 0, height = 0, colorType = -1;
  /** @type {Buffer | undefined} */
  let palette;
  /** @type {Buffer[]} */
  const data = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9] ?? -1;
      if (body[8] !== 8 || body[12] !== 0) return undefined;
    } else if (type === "PLTE") palette = body;
    else if (type === "tRNS") return undefined;
    else if (type === "IDAT") data.push(body);
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : colorType === 3 ? 1 : 0;
  if (channels === 0 || (colorType === 3 && !palette)) return undefined;
  const raw = unfilter(zlib.inflateSync(Buffer.concat(data)), width, height, channels);
  const rgb = Buffer.alloc(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (colorType === 3) {
      palette?.copy(rgb, pixel * 3, raw[pixel] * 3, raw[pixel] * 3 + 3);
    } else {
      raw.copy(rgb, pixel * 3, pixel * channels, pixel * channels + 3);
      if (channels === 4 && raw[pixel * 4 + 3] !== 255) return undefined;
    }
  }
  return { width, height, rgb };
}

/**
 * @param {OpaqueImage} image
 * @returns {Buffer}
 */
function encodePng({ width, height, rgb }) {
  /** @type {Map<number, number>} */
  const colours = new Map();
  const indices = Buffer.alloc(width * height);
  for (let pixel = 0; pixel < width * height && colours.size <= 256; pixel++) {
    const colour = (rgb[pixel * 3] << 16) | (rgb[pixel * 3 + 1] << 8) | rgb[pixel * 3 + 2];
    let index = colours.get(colour);
    if (index === undefined) colours.set(colour, (index = colours.size));
    indices[pixel] = index;
  }
  const indexed = colours.size <= 256;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = indexed ? 3 : 2;
  /** @type {Buffer[]} */
  const chunks = [chunk("IHDR", header)];
  if (indexed) {
    const palette = Buffer.alloc(colours.size * 3);
    for (const [colour, index] of colours) palette.writeUIntBE(colour, index * 3, 3);
    chunks.push(chunk("PLTE", palette));
  }
  // Indexed rows compress best unfiltered (libpng's advice); RGB rows take their best filter.
  const filtered = indexed ? filter(indices, width, height, 1, [0]) : filter(rgb, width, height, 3, [0, 1, 2, 3, 4]);
  chunks.push(chunk("IDAT", zlib.deflateSync(filtered, { level: 9, memLevel: 9 })), chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

/** @param {string} type @param {Buffer} body */
function chunk(type, body) {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  body.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** @param {number} a @param {number} b @param {number} c */
function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * The PNG filter of one byte: `type` 0 none, 1 sub, 2 up, 3 average, 4 paeth.
 * @param {number} type @param {number} a left @param {number} b above @param {number} c above left
 */
function predict(type, a, b, c) {
  return type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : type === 4 ? paeth(a, b, c) : 0;
}

/**
 * Each row with the filter (among `types`) whose output has the smallest sum of absolute values.
 * @param {Buffer} pixels @param {number} width @param {number} height @param {number} bpp @param {number[]} types
 */
function filter(pixels, width, height, bpp, types) {
  const stride = width * bpp;
  const out = Buffer.alloc((stride + 1) * height);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    let best = Infinity;
    for (const type of types) {
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const at = y * stride + i;
        const a = i >= bpp ? pixels[at - bpp] : 0;
        const b = y > 0 ? pixels[at - stride] : 0;
        const c = i >= bpp && y > 0 ? pixels[at - stride - bpp] : 0;
        const value = (pixels[at] - predict(type, a, b, c)) & 255;
        candidate[i] = value;
        sum += value < 128 ? value : 256 - value;
      }
      if (sum < best) {
        best = sum;
        out[y * (stride + 1)] = type;
        candidate.copy(out, y * (stride + 1) + 1);
      }
    }
  }
  return out;
}

/**
 * Undoes the PNG row filters.
 * @param {Buffer} data @param {number} width @param {number} height @param {number} bpp
 */
function unfilter(data, width, height, bpp) {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const type = data[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const at = y * stride + i;
      const a = i >= bpp ? out[at - bpp] : 0;
      const b = y > 0 ? out[at - stride] : 0;
      const c = i >= bpp && y > 0 ? out[at - stride - bpp] : 0;
      out[at] = (data[y * (stride + 1) + 1 + i] + predict(type, a, b, c)) & 255;
    }
  }
  return out;
}
