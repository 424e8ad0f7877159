export * from './engine';
export * from './inputs';
export * from './renewal';
