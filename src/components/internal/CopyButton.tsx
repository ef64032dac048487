import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { Icon } from './Icon';
import { cx, unstyledAttr } from './partClassNames';

export interface CopyButtonProps {
  value: string;
  /** The accessible name, e.g. "Copy caller number 70004". */
  label: string;
  className?: string;
  unstyled: boolean;
}

/** How long the confirmation stays, in ms. */
const CONFIRMATION_MS = 2000;

/**
 * A copy-to-clipboard button with a polite confirmation next to it.
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
    <>
      <button
        type="button"
        className={cx('cip-CopyButton-root', className)}
        data-slot="copy-button"
        data-state={state}
        {...unstyledAttr(unstyled)}
        aria-label={label}
        onClick={copy}
      >
        <Icon name={state === 'copied' ? 'check' : 'copy'} className="cip-CopyButton-icon" />
      </button>
      <span className="cip-CopyButton-status" data-state={state} role="status">
        {state === 'idle' ? '' : t(state === 'copied' ? 'copy.done' : 'copy.failed')}
      </span>
    </>
  );
}
