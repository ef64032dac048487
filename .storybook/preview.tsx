import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from '../src/i18n/I18nProvider';
import { localeDirection } from '../src/i18n/localeDirection';
import { zhCN } from '../src/i18n/messages/zh-CN';
import { UnstyledContext } from '../src/theme/UnstyledContext';
import '../src/styles.css';
import './preview.css';
import { failOnConsoleErrors, watchConsoleErrors } from './consoleErrors';
import { readStoryGlobals, STORY_GLOBAL_TYPES, STORY_INITIAL_GLOBALS } from './globals';

/** Message catalogues per toolbar locale: module constants, so the providers' memo holds. */
const MESSAGES = { en: undefined, 'zh-CN': zhCN, ar: undefined } as const;

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
      <I18nProvider locale={locale} messages={MESSAGES[locale]}>
        <UnstyledContext.Provider value={unstyled}>
          <div className="cip-story" data-color-scheme={colorScheme} lang={locale} dir={localeDirection(locale)}>
            <Story />
          </div>
        </UnstyledContext.Provider>
      </I18nProvider>
    </StoryQueryClient>
  );
};

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
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
