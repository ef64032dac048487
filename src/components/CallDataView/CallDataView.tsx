import { forwardRef, memo, useId, useMemo, useState, type ComponentPropsWithoutRef } from 'react';
import { cutText } from '../../gateway/cutText';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { parseCallData } from './parseCallData';

export type CallDataViewPart = 'root' | 'list' | 'entry' | 'key' | 'value' | 'text' | 'empty' | 'note' | 'toggle';

export interface CallDataViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * The call-associated data: free, untrusted text. Always rendered as text, never as markup.
   * Only its first 64 KB (`CALL_DATA_READ_MAX` UTF-16 units) is read and shown, with a note.
   */
  data: string;
  /** Collapse when the data is longer than this many characters. Default 200. */
  maxChars?: number;
  /** Collapse when there are more key/value entries than this. Default 6. */
  maxEntries?: number;
  /** Start expanded. Default `false`. */
  defaultExpanded?: boolean;
  /** Extra classes per part, next to the stable `cip-CallDataView-<part>` ones. */
  classNames?: Partial<Record<CallDataViewPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

/**
 * Call-associated data as inert text: a JSON object or `key=value` pairs as a key/value list,
 * anything else as wrapped text. Long data starts collapsed behind a Show all / Show less button
 * (`aria-expanded`, `aria-controls`). Of data longer than 64 KB only the start is read (JSON is then
 * shown as text) and a note says so: megabytes of hostile data cost no more than 64 KB.
 *
 * @selector [data-format] `json` | `pairs` | `text` | `empty`
 * @selector [data-state] `collapsed` | `expanded` | `full` (short enough to show whole)
 * @selector [data-extent] `whole` | `cut` (longer than 64 KB: only the start is shown)
 * @selector [data-slot="call-data-view"]
 */
export const CallDataView = memo(
  forwardRef<HTMLDivElement, CallDataViewProps>(function CallDataView(
    { data, maxChars = 200, maxEntries = 6, defaultExpanded = false, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const cls = partClassNames('CallDataView', classNames);
    const contentId = useId();
    const [expanded, setExpanded] = useState(defaultExpanded);
    const parsed = useMemo(() => parseCallData(data), [data]);
    const entries = parsed.format === 'json' || parsed.format === 'pairs' ? parsed.entries : null;
    // Cut data is long; `data.trim()` of megabytes is never taken.
    const long = !!parsed.cut || data.trim().length > maxChars || (entries?.length ?? 0) > maxEntries;
    const collapsed = long && !expanded;

    let content;
    if (entries) {
      let budget = collapsed ? maxChars : Infinity;
      const shown = (collapsed ? entries.slice(0, maxEntries) : entries).flatMap(([key, value]) => {
        if (budget <= 0) return [];
        const clipped = cutText(value, budget);
        budget -= key.length + value.length;
        return [[key, clipped] as const];
      });
      content = (
        <dl id={contentId} className={cls('list')}>
          {shown.map(([key, value], index) => (
            <div key={index} className={cls('entry')}>
              <dt className={cls('key')} dir="auto">
                {key}
              </dt>
              <dd className={cls('value')} dir="auto">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      );
    } else if (parsed.format === 'text') {
      content = (
        <p id={contentId} className={cls('text')} dir="auto">
          {collapsed ? cutText(parsed.text, maxChars) : parsed.text}
        </p>
      );
    } else {
      content = <p className={cls('empty')}>{t('callData.empty')}</p>;
    }

    return (
      <div
        ref={ref}
        className={cls('root', className)}
        data-slot="call-data-view"
        data-format={parsed.format}
        data-state={long ? (expanded ? 'expanded' : 'collapsed') : 'full'}
        data-extent={parsed.cut ? 'cut' : 'whole'}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        {content}
        {parsed.cut && <p className={cls('note')}>{t('callData.cut')}</p>}
        {long && (
          <button
            type="button"
            className={cls('toggle')}
            aria-expanded={expanded}
            aria-controls={contentId}
            onClick={() => setExpanded(!expanded)}
          >
            {t(expanded ? 'callData.collapse' : 'callData.expand')}
          </button>
        )}
      </div>
    );
  }),
);
