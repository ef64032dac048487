import type { Coded, MediaKind } from '../../gateway/codes';

/** How a call is carried, for the words that follow it: a chat is not "ringing" and has no "talk time". */
export type Medium = 'voice' | 'chat';

const CHATS: ReadonlySet<string> = new Set<MediaKind>(['text-chat', 'web-chat', 'social-chat', 'message']);

/** `'chat'` for the text media (text, web and social chat, message), else `'voice'` (video included). */
export function mediumOf(media: Coded<MediaKind> | null | undefined): Medium {
  return media && CHATS.has(media.kind) ? 'chat' : 'voice';
}

/** A period the call was seen on hold, epoch ms; `end` is `null` while it lasts. */
export interface HoldPeriod {
  readonly begin: number;
  readonly end: number | null;
}
