/**
 * Which React the test run is really on. The `react18` project points `react` and `react-dom` at
 * React 18 (test/package/react18) and sets EXPECTED_REACT_MAJOR=18; every other project runs the
 * repo's React 19. A test suite that silently ran React 19 twice, or mixed the two (one React for
 * hooks, the other for rendering), would fail here rather than pass for the wrong reason.
 */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, renderHook, screen } from '@testing-library/react';
import { useState, version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

const expectedMajor = process.env.EXPECTED_REACT_MAJOR ?? '19';

describe(`React ${expectedMajor}`, () => {
  it('react and react-dom are the expected major, and the same release', () => {
    expect(reactVersion.split('.')[0]).toBe(expectedMajor);
    expect(reactDomVersion).toBe(reactVersion);
  });

  it('@testing-library/react renders with that same React (hooks work, so there is one copy)', () => {
    function Version() {
      const [value] = useState(reactVersion);
      return <p>react {value}</p>;
    }
    render(<Version />);
    expect(screen.getByText(`react ${reactVersion}`)).toBeTruthy();
  });

  it('@tanstack/react-query shares it too (its context reaches our hooks)', () => {
    const client = new QueryClient();
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
    });
    expect(result.current).toBe(client);
  });
});
