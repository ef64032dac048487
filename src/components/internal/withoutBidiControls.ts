/** Bidirectional formatting characters: embeddings, overrides, isolates and marks (U+061C, U+200E-F, U+202A-E, U+2066-9). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A number as the wire spells it, without the invisible characters that reorder its display:
 * `"\u202E1234-555 1+"` would otherwise show as `+1 555-4321`, a spoofed number.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
