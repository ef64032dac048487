import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from '../src/i18n/I18nProvider';
import { localeDirection } from '../src/i18n/localeDirection';
import { UnstyledContext } from '../src/theme/UnstyledContext';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import '../src/styles.css';
import './preview.css';
import { failOnConsoleErrors, watchConsoleErrors } from './consoleErrors';
import { readStoryGlobals, STORY_GLOBAL_TYPES, STORY_INITIAL_GLOBALS } from './globals';
// Message catalogues per toolbar locale; play functions read the same table (storyI18n).
import { STORY_MESSAGES } from '../stories/support/i18n';


/** A cache of its own for every story render: no call leaks from one story into the next. */
function createStoryQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Uses the story's own client (from the loader); makes one, once, where no loader ran. */
function StoryQueryClient({ client, children }: { client: unknown; children: ReactNode }) {
  const [fallback] = useState(createStoryQueryClient);
  return (
    <QueryClientProvider client={client instanceof QueryClient ? client : fallback}>{children}</QueryClientProvider>
  );
}

/** Applies the toolbar: language (and direction), colour scheme, unstyled. */
const withToolbarGlobals: Decorator = (Story, context) => {
  const { locale, colorScheme, unstyled } = readStoryGlobals(context.globals);
  return (
    <StoryQueryClient client={context.loaded?.queryClient}>
      <I18nProvider locale={locale} messages={STORY_MESSAGES[locale]}>
        <UnstyledContext.Provider value={unstyled}>
          <div className="cip-story" data-color-scheme={colorScheme} lang={locale} dir={localeDirection(locale)}>
            <Story />
          </div>
        </UnstyledContext.Provider>
      </I18nProvider>
    </StoryQueryClient>
  );
};

/** Widths the panel lives at in an agent desktop: a side rail, two columns, a wide page. */
const PANEL_VIEWPORTS = {
  sideRail320: { name: 'Side rail (320)', styles: { width: '320px', height: '900px' }, type: 'other' },
  sideRail400: { name: 'Side rail (400)', styles: { width: '400px', height: '900px' }, type: 'other' },
  twoColumns800: { name: 'Two columns (800)', styles: { width: '800px', height: '900px' }, type: 'tablet' },
  wide1200: { name: 'Wide (1200)', styles: { width: '1200px', height: '900px' }, type: 'desktop' },
} as const;

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    viewport: { options: { ...PANEL_VIEWPORTS, ...MINIMAL_VIEWPORTS } },
    // Every story is an accessibility test: an axe violation fails it.
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Docs', ['Getting started', 'Theming', 'Languages'], 'Panel', 'Parts'],
      },
    },
  },
  tags: ['autodocs'],
  globalTypes: STORY_GLOBAL_TYPES,
  initialGlobals: STORY_INITIAL_GLOBALS,
  // `now` anchors stories that show live timers; the client is this render's own cache.
  loaders: [() => ({ now: Date.now(), queryClient: createStoryQueryClient() })],
  decorators: [withToolbarGlobals],
  // A story that logs a console error (a React warning, a failed prop type...) fails.
  beforeEach: watchConsoleErrors,
  afterEach: failOnConsoleErrors,
};

export default preview;
