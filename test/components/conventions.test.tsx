import { render } from '@testing-library/react';
import { createRef, type ComponentType, type Ref } from 'react';
import { describe, expect, it } from 'vitest';
import {
  CallDataView,
  CallDetails,
  CallInfoView,
  CallParties,
  CallTimer,
  CallTypeBadge,
  MediaBadge,
  SkillTag,
  TraceTimeline,
} from '../../src/components';
import { UnstyledContext } from '../../src/theme/UnstyledContext';
import { NOW, T0, voiceLiveCall } from '../fixtures/callInfos';

type AnyProps = Record<string, unknown> & { ref?: Ref<HTMLElement> };

/** Every public part with minimal props, its root element and its `data-slot`. */
const cases: Array<[string, ComponentType<AnyProps>, AnyProps, string, string]> = [
  ['CallParties', CallParties as never, { caller: '70004', called: '60015' }, 'DIV', 'call-parties'],
  ['SkillTag', SkillTag as never, { name: 'voice', skillId: 20011 }, 'SPAN', 'skill-tag'],
  ['MediaBadge', MediaBadge as never, { media: { code: 19, kind: 'video' } }, 'SPAN', 'media-badge'],
  ['CallTypeBadge', CallTypeBadge as never, { callType: { code: 0, kind: 'incoming' } }, 'SPAN', 'call-type-badge'],
  ['CallTimer', CallTimer as never, { start: T0, end: NOW }, 'TIME', 'call-timer'],
  ['TraceTimeline', TraceTimeline as never, { trace: voiceLiveCall.trace, phase: 'ended', endTime: NOW }, 'DIV', 'trace-timeline'],
  ['CallDataView', CallDataView as never, { data: 'a=1' }, 'DIV', 'call-data-view'],
  ['CallDetails', CallDetails as never, { callId: 'c-1' }, 'DL', 'call-details'],
  ['CallInfoView', CallInfoView as never, { callInfo: null, status: 'no-call' }, 'SECTION', 'call-info-view'],
];

describe.each(cases)('%s follows the part conventions', (name, Component, props, tagName, slot) => {
  it('forwards its ref to the root element', () => {
    const ref = createRef<HTMLElement>();
    const { container } = render(<Component {...props} ref={ref} />);
    expect(ref.current).toBe(container.firstElementChild);
    expect(ref.current?.tagName).toBe(tagName);
  });

  it('spreads unused props onto the root and merges className', () => {
    const { container } = render(
      <Component {...props} data-testid="mine" aria-describedby="help" title="t" className="app-class" />,
    );
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-testid')).toBe('mine');
    expect(root.getAttribute('aria-describedby')).toBe('help');
    expect(root.getAttribute('title')).toBe('t');
    expect(root.classList).toContain('app-class');
    expect(root.classList).toContain(`cip-${name}-root`);
    expect(root.getAttribute('data-slot')).toBe(slot);
  });

  it('adds classNames per part next to the stable classes', () => {
    const { container } = render(<Component {...props} classNames={{ root: 'x-root' }} />);
    expect(container.firstElementChild!.className).toMatch(new RegExp(`^cip-${name}-root x-root$`));
  });

  it('is unstyled by prop or by context, keeping classes and data attributes', () => {
    const { container, rerender } = render(<Component {...props} />);
    expect(container.firstElementChild!.hasAttribute('data-unstyled')).toBe(false);
    rerender(<Component {...props} unstyled />);
    expect(container.firstElementChild!.hasAttribute('data-unstyled')).toBe(true);
    expect(container.firstElementChild!.classList).toContain(`cip-${name}-root`);
    rerender(
      <UnstyledContext.Provider value>
        <Component {...props} />
      </UnstyledContext.Provider>,
    );
    expect(container.firstElementChild!.hasAttribute('data-unstyled')).toBe(true);
    rerender(
      <UnstyledContext.Provider value>
        <Component {...props} unstyled={false} />
      </UnstyledContext.Provider>,
    );
    expect(container.firstElementChild!.hasAttribute('data-unstyled')).toBe(false);
  });

  it('never writes an inline style attribute', () => {
    const { container } = render(<Component {...props} />);
    expect(container.querySelector('[style]')).toBeNull();
  });
});

it('every part class follows cip-<Component>-<part>', () => {
  const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
  const classes = [...container.querySelectorAll('[class]')].flatMap((el) => [...el.classList]);
  expect(classes.length).toBeGreaterThan(40);
  for (const cls of classes) expect(cls).toMatch(/^cip-[A-Z][A-Za-z]+-[a-z][A-Za-z]*$/);
  // Parts removed by the redesign (one direction badge, one short media label) stay gone.
  for (const removed of ['cip-CallParties-direction', 'cip-CallParties-directionIcon', 'cip-CallParties-directionLabel', 'cip-MediaBadge-text', 'cip-MediaBadge-ability']) {
    expect(classes, removed).not.toContain(removed);
  }
});
