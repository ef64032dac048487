export * from './gateway';
export * from './query';
