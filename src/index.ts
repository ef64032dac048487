export * from './gateway';
export * from './query';
export * from './components';
export * from './i18n';
export * from './theme';
