/**
 * A deterministic Guid for an agent's `generation`-th session token, UUID-shaped
 * (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`). Deterministic on purpose (tests and stories are
 * repeatable); it is a simulator's token, not a secret.
 */
export function deriveGuid(seed: number, agentId: string, generation: number): string {
  const text = `${seed}:${agentId}:${generation}`;
  let hex = '';
  for (let round = 0; round < 4; round++) hex += fnv1a(`${round}|${text}`).toString(16).padStart(8, '0');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
