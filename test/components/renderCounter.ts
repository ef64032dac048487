/**
 * Counts the real renders of `memo(forwardRef(fn))` components by wrapping the inner `render`
 * function React calls (`memo(...).type.render`). The memo comparison still runs, so a count of
 * zero means React skipped the component.
 */
type RenderFn = (props: unknown, ref: unknown) => unknown;
interface MemoForwardRef {
  type?: { render?: RenderFn };
}

export function countRenders<Name extends string>(components: Record<Name, unknown>) {
  const counts = {} as Record<Name, number>;
  const restores: Array<() => void> = [];
  for (const name of Object.keys(components) as Name[]) {
    const inner = (components[name] as MemoForwardRef).type;
    const render = inner?.render;
    if (!inner || typeof render !== 'function') throw new Error(`${name} is not memo(forwardRef(…))`);
    counts[name] = 0;
    inner.render = (props, ref) => {
      counts[name] += 1;
      return render(props, ref);
    };
    restores.push(() => {
      inner.render = render;
    });
  }
  return {
    counts,
    reset() {
      for (const name of Object.keys(counts) as Name[]) counts[name] = 0;
    },
    restore() {
      restores.forEach((restore) => restore());
    },
  };
}
