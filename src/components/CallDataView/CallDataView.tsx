import { forwardRef, memo, useId, useMemo, useState, type ComponentPropsWithoutRef } from 'react';
import { cutText } from '../../gateway/cutText';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { parseCallData, type CallDataEntries } from './parseCallData';

export type CallDataViewPart = 'root' | 'list' | 'entry' | 'key' | 'value' | 'text' | 'empty' | 'note' | 'toggle';

export interface CallDataViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * The call-associated data: free, untrusted text. Always rendered as text, never as markup.
   * Only its first 64 KB (`CALL_DATA_READ_MAX` UTF-16 units) is read and shown, with a note.
   */
  data: string;
  /** Collapse when the data is longer than this many characters. Default 200. */
  maxChars?: number;
  /** Collapse when there are more (top-level) key/value entries than this. Default 6. The expand button says how many there are. */
  maxEntries?: number;
  /** Start expanded. Default `false`. */
  defaultExpanded?: boolean;
  /** Extra classes per part, next to the stable `cip-CallDataView-<part>` ones. */
  classNames?: Partial<Record<CallDataViewPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

/**
 * The entries shown collapsed: at most `max` top-level ones, and about `budget.left` characters of
 * keys and values in all (the last value cut with `…`, never inside a surrogate pair).
 */
function clip(entries: CallDataEntries, budget: { left: number }, max = Infinity): CallDataEntries {
  const shown: Array<CallDataEntries[number]> = [];
  for (const [key, value] of entries.slice(0, max)) {
    if (budget.left <= 0) break;
    if (typeof value === 'string') {
      shown.push([key, cutText(value, budget.left)]);
      budget.left -= key.length + value.length;
    } else {
      budget.left -= key.length;
      shown.push([key, { kind: value.kind, entries: clip(value.entries, budget) }]);
    }
  }
  return shown;
}

/**
 * Call-associated data as inert text: a JSON object (objects and arrays in it as nested lists, up
 * to `CALL_DATA_DEPTH_MAX` deep, deeper ones as JSON text) or `key=value` pairs as a key/value
 * list, anything else as wrapped text. Keys and values are isolated in `<bdi>`: the cells align to
 * the panel's start edge in either direction while each text keeps its own. Long data starts collapsed behind a Show all / Show less button
 * (`aria-expanded`, `aria-controls`). Of data longer than 64 KB only the start is read (JSON is then
 * shown as text) and a note says so: megabytes of hostile data cost no more than 64 KB.
 *
 * @selector [data-format] `json` | `pairs` | `text` | `empty`
 * @selector [data-kind] on a nested list: `object` | `array`
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
    const format = useFormat();
    const cls = partClassNames('CallDataView', classNames);
    const contentId = useId();
    const [expanded, setExpanded] = useState(defaultExpanded);
    const parsed = useMemo(() => parseCallData(data), [data]);
    const entries = parsed.format === 'json' || parsed.format === 'pairs' ? parsed.entries : null;
    // Cut data is long; `data.trim()` of megabytes is never taken.
    const long = !!parsed.cut || data.trim().length > maxChars || (entries?.length ?? 0) > maxEntries;
    const collapsed = long && !expanded;

    const list = (items: CallDataEntries, kind?: 'object' | 'array') => (
      <dl id={kind ? undefined : contentId} className={cls('list')} data-kind={kind}>
        {items.map(([key, value], index) => (
          <div key={index} className={cls('entry')}>
            <dt className={cls('key')}>
              <bdi>{key}</bdi>
            </dt>
            <dd className={cls('value')}>
              {typeof value === 'string' ? <bdi>{value}</bdi> : list(value.entries, value.kind)}
            </dd>
          </div>
        ))}
      </dl>
    );

    let content;
    if (entries) {
      content = list(collapsed ? clip(entries, { left: maxChars }, maxEntries) : entries);
    } else if (parsed.format === 'text') {
      content = (
        <p id={contentId} className={cls('text')}>
          <bdi>{collapsed ? cutText(parsed.text, maxChars) : parsed.text}</bdi>
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
            {expanded
              ? t('callData.collapse')
              : entries
                ? t('callData.expand', { count: format.number(entries.length) })
                : t('callData.expandText')}
          </button>
        )}
      </div>
    );
  }),
);
