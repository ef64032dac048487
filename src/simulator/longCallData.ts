/**
 * A deterministic, several-KB JSON call-data string, as an IVR or CRM might attach: nested
 * objects, a long array, non-ASCII text, and markup that must be shown as text, never run.
 *
 * @param orders how many order rows to include. Default 40 (about 6 KB).
 */
export function longCallData(orders = 40): string {
  const statuses = ['shipped', 'delivered', 'returned', 'pending'] as const;
  return JSON.stringify({
    source: 'ivr',
    customer: {
      id: 'C-00042917',
      name: 'Zoë Müller-Øberg 张伟',
      tier: 'gold',
      language: 'en-GB',
      verified: true,
      note: '<img src=x onerror="alert(1)"> & <script>alert("calldata")</script>',
    },
    ivrPath: ['welcome', 'language:en', 'menu:2', 'menu:2.3', 'identify:account', 'queue:billing'],
    orders: Array.from({ length: Math.max(0, Math.min(orders, 10_000)) }, (_, i) => ({
      id: `ORD-2024${String(1000 + i).padStart(6, '0')}`,
      placed: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      item: `Item ${i + 1}: replacement part, model X-${(i * 37) % 1000}`,
      amount: Math.round(((i * 7919) % 50000) / 10) / 10,
      status: statuses[i % statuses.length],
    })),
  });
}
