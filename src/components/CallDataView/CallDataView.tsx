import { forwardRef, memo, useId, useMemo, useState, type ComponentPropsWithoutRef } from 'react';
import { cutText } from '../../gateway/cutText';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import type { CallDataOptions } from './callDataOptions';
import { decodeCallData, type CallDataEntries, type CallDataValue } from './decodeCallData';

/** An entry as shown: JSON and pairs have no position; a positional value beyond the names has one. */
type Entries = ReadonlyArray<readonly [key: string, value: CallDataValue, position?: number]>;

export type CallDataViewPart = 'root' | 'list' | 'entry' | 'key' | 'value' | 'text' | 'empty' | 'note' | 'toggle';

export interface CallDataViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, CallDataOptions {
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
function clip(entries: Entries, budget: { left: number }, max = Infinity): Entries {
  const shown: Array<Entries[number]> = [];
  for (const [key, value, position] of entries.slice(0, max)) {
    if (budget.left <= 0) break;
    if (typeof value === 'string') {
      shown.push([key, cutText(value, budget.left), position]);
      budget.left -= key.length + value.length;
    } else {
      budget.left -= key.length;
      shown.push([key, { kind: value.kind, entries: clip(value.entries, budget) as CallDataEntries }]);
    }
  }
  return shown;
}

/** The allowed link schemes: a resolved URL of any other (`javascript:`, `data:`, `blob:`, …) stays text. */
const LINKABLE = /^(https?|tel|mailto):$/;

/** `map[key]` when `map` has it as its own (no `__proto__`, `constructor`, … from the prototype). */
const own = <T,>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  map && Object.hasOwn(map, key) ? map[key] : undefined;

/**
 * The link a builder makes of a value: its result (a non-blank string or a `URL`) resolved against
 * the page, when http, https, tel or mailto; `undefined` for anything else, a throw included.
 */
function linkOf(build: unknown, value: string, key: string): URL | undefined {
  try {
    const result: unknown = typeof build === 'function' ? build(value, key) : undefined;
    if (!(typeof result === 'string' ? result.trim() : result instanceof URL)) return undefined;
    const url = new URL(result as string | URL, globalThis.document?.baseURI);
    return LINKABLE.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Call-associated data as inert text: a JSON object (objects and arrays in it as nested lists, up
 * to `CALL_DATA_DEPTH_MAX` deep, deeper ones as JSON text), positional values named by
 * `callDataFields`, or `key=value` pairs as a key/value list, anything else as wrapped text; Base64
 * first with `callDataEncoding="base64"` (rules: `decodeCallData`). Keys and values are isolated in
 * `<bdi>`: the cells align to the panel's start edge in either direction while each text keeps its own.
 * Long data starts collapsed behind a Show all / Show less button (`aria-expanded`, `aria-controls`).
 * Of data longer than 64 KB only the start is read (JSON is then shown as text) and a note says
 * so: megabytes of hostile data cost no more than 64 KB.
 *
 * `callDataLabels` and `callDataLinks` match an entry by its dotted path first (`order.id`, array
 * items by their 1-based index: `items.2`), then by its bare key (`id`); an unnamed positional value
 * by its position (`'21'`). A link (`.cip-CallDataView-link`) is built from the whole value, also
 * when it is shown cut; http(s) ones open in a new tab and say so in their accessible name
 * (`.cip-CallDataView-newTab`, visually hidden). Builders run at each render: keep the objects stable.
 *
 * @selector [data-format] `json` | `fields` | `pairs` | `text` | `empty`
 * @selector [data-encoding] with `callDataEncoding`: `base64` (decoded) | `invalid` (shown as it is)
 * @selector [data-kind] on a nested list: `object` | `array`
 * @selector [data-state] `collapsed` | `expanded` | `full` (short enough to show whole)
 * @selector [data-extent] `whole` | `cut` (longer than 64 KB: only the start is shown)
 * @selector [data-slot="call-data-view"]
 */
export const CallDataView = memo(
  forwardRef<HTMLDivElement, CallDataViewProps>(function CallDataView(
    {
      data,
      maxChars = 200,
      maxEntries = 6,
      defaultExpanded = false,
      className,
      classNames,
      unstyled,
      callDataEncoding,
      callDataFields,
      callDataLabels,
      callDataLinks,
      ...rest
    },
    ref,
  ) {
    const t = useMessages();
    const format = useFormat();
    const cls = partClassNames('CallDataView', classNames);
    const contentId = useId();
    const [expanded, setExpanded] = useState(defaultExpanded);
    // Read again when the names change, not when an equal list is passed anew.
    const fields = callDataFields?.join('\0');
    const parsed = useMemo(
      () => decodeCallData(data, { callDataEncoding, callDataFields }),
      [data, callDataEncoding, fields],
    );
    const entries: Entries | null = 'entries' in parsed ? parsed.entries : null;
    const text = parsed.format === 'text' ? parsed.text : '';
    // Cut data is long; `data.trim()` of megabytes is never taken.
    // Base64 is 4 characters for 3 bytes: about the decoded length.
    const chars = entries ? data.trim().length * (parsed.base64 ? 0.75 : 1) : text.length;
    const long = !!parsed.cut || chars > maxChars || (entries?.length ?? 0) > maxEntries;
    const collapsed = long && !expanded;

    const cell = (shown: string, value: string, key: string, path: string) => {
      const lookup = own(callDataLinks, path) ? path : key;
      const url = linkOf(own(callDataLinks, lookup), value, lookup);
      const newTab = url?.protocol.startsWith('http');
      return url ? (
        <a className="cip-CallDataView-link" href={url.href} {...(newTab && { target: '_blank', rel: 'noopener noreferrer' })}>
          <bdi>{shown}</bdi>
          {newTab && <span className="cip-CallDataView-newTab">{` ${t('callData.newTab')}`}</span>}
        </a>
      ) : (
        <bdi>{shown}</bdi>
      );
    };

    const list = (items: Entries, all: Entries, parent?: string, kind?: 'object' | 'array') => (
      <dl id={kind ? undefined : contentId} className={cls('list')} data-kind={kind}>
        {items.map(([key, value, position], index) => {
          const path = parent === undefined ? key : `${parent}.${key}`;
          const whole = all[index]![1] as Exclude<CallDataValue, string> & string;
          const label = own(callDataLabels, path) ?? own(callDataLabels, key);
          return (
            <div key={index} className={cls('entry')}>
              <dt className={cls('key')}>
                <bdi>
                  {typeof label === 'string' ? label : position ? t('callData.field', { position: format.number(position) }) : key}
                </bdi>
              </dt>
              <dd className={cls('value')}>
                {typeof value === 'string' ? cell(value, whole, key, path) : list(value.entries, whole.entries, path, value.kind)}
              </dd>
            </div>
          );
        })}
      </dl>
    );

    let content;
    if (entries) {
      content = list(collapsed ? clip(entries, { left: maxChars }, maxEntries) : entries, entries);
    } else if (parsed.format === 'text') {
      content = (
        <p id={contentId} className={cls('text')}>
          <bdi>{collapsed ? cutText(text, maxChars) : text}</bdi>
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
        data-encoding={parsed.base64 === undefined ? undefined : parsed.base64 ? 'base64' : 'invalid'}
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
