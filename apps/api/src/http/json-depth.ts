/** How deep a JSON body may nest objects and arrays: the desk's own bodies need four levels. */
export const JSON_MAX_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * The deepest nesting of a JSON text, read byte by byte before it is parsed, stopping as soon as it
 * passes `limit` (so a megabyte of `[` costs microseconds, not a parse). Brackets inside strings do
 * not count; UTF-8 never puts these ASCII bytes inside a multi-byte character.
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit = JSON_MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSE.has(byte)) depth--;
  }
  return false;
}
