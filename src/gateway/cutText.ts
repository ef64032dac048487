/**
 * `text` cut to at most `max` UTF-16 units plus `…`, never between the two halves of a
 * surrogate pair (a lone surrogate renders as a replacement box and is not valid UTF-8).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
