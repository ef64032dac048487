import { useEffect, useState } from 'react';
import { cutText } from '../../gateway/cutText';
import { useMessages } from '../../i18n/useMessages';
import { Icon } from './Icon';
import { cx, unstyledAttr } from './partClassNames';

export interface CopyButtonProps {
  /**
   * What is copied, whole, however long: the text shown beside the button (a party number as
   * `formatNumber` displays it, so a masked number never reaches the clipboard).
   */
  value: string;
  /**
   * The accessible name's message, e.g. "Copy caller number {value}": it gets at most
   * `LABEL_VALUE_MAX` units of `value`, so a megabyte number never makes a megabyte name.
   */
  label: `copy.${'caller' | 'called' | 'originalCalled' | 'callId'}`;
  className?: string;
  unstyled: boolean;
}

/**
 * At most this many UTF-16 units of the value go into the accessible name (cut with `cutText`,
 * never inside a surrogate pair), which stays a few hundred characters whatever the gateway sent.
 */
export const LABEL_VALUE_MAX = 200;

/** How long the confirmation stays, in ms. */
const CONFIRMATION_MS = 2000;

/** The button's icon per state: its shape changes too, colour is never the only signal. */
const ICONS = { idle: 'copy', copied: 'check', failed: 'warning' } as const;

/**
 * A copy-to-clipboard button with a polite confirmation (`role="status"`) shown as a bubble over
 * the content beside it, out of flow: the layout never moves.
 * `data-state`: `idle` | `copied` | `failed`.
 */
export function CopyButton({ value, label, className, unstyled }: CopyButtonProps) {
  const t = useMessages();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      // Throws too where there is no clipboard (no `navigator`, or not a secure context).
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    // The anchor the confirmation bubble is placed against: it floats over the neighbours, out
    // of flow, so copying never moves the layout. The status region stays for screen readers.
    <span className="cip-CopyButton-anchor" {...unstyledAttr(unstyled)}>
      <button
        type="button"
        className={cx('cip-CopyButton-root', className)}
        data-slot="copy-button"
        data-state={state}
        {...unstyledAttr(unstyled)}
        aria-label={t(label, { value: cutText(value, LABEL_VALUE_MAX) })}
        onClick={copy}
      >
        <Icon name={ICONS[state]} className="cip-CopyButton-icon" />
      </button>
      <span className="cip-CopyButton-status" data-state={state} role="status">
        {state === 'idle' ? '' : t(state === 'copied' ? 'copy.done' : 'copy.failed')}
      </span>
    </span>
  );
}
