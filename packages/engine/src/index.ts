export * from './engine.js';
export { EARLIEST_EVENT, type EngineRefusal, eventTimeRefusal, FUTURE_SKEW_MS } from './event-time.js';
export * from './inputs.js';
export * from './renewal.js';
