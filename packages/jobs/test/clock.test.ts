import { describe, expect, it } from 'vitest';
import { firstSlotFrom, fixedClock, ManualClock, nextSlotAfter, systemClock } from '../src/index.js';

const T0 = new Date('2026-03-01T00:00:00.000Z');
const HOUR = 3_600_000;

describe('clocks', () => {
  it('a manual clock moves only when told', () => {
    const clock = new ManualClock(T0);
    expect(clock.now()).toEqual(T0);
    expect(clock.now()).toEqual(T0);
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:01.500Z');
    clock.set('2025-12-31T23:59:59.000Z');
    expect(clock.now().toISOString()).toBe('2025-12-31T23:59:59.000Z');
    expect(() => new ManualClock('not a date')).toThrow(RangeError);
  });

  it('a fixed clock never moves, and hands out copies', () => {
    const clock = fixedClock(T0);
    const first = clock.now();
    first.setTime(0);
    expect(clock.now()).toEqual(T0);
  });

  it('the system clock reads the machine time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });
});

describe('slots of a recurring job', () => {
  it('the next slot is strictly after the time given, counted from the anchor', () => {
    expect(nextSlotAfter(T0, HOUR, new Date(T0.getTime() - 1))).toEqual(T0);
    expect(nextSlotAfter(T0, HOUR, T0)).toEqual(new Date(T0.getTime() + HOUR));
    expect(nextSlotAfter(T0, HOUR, new Date(T0.getTime() + 5.5 * HOUR))).toEqual(
      new Date(T0.getTime() + 6 * HOUR),
    );
  });

  it('the first slot may fall at the time given', () => {
    expect(firstSlotFrom(T0, HOUR, T0)).toEqual(T0);
    expect(firstSlotFrom(T0, HOUR, new Date(T0.getTime() + 1))).toEqual(new Date(T0.getTime() + HOUR));
    expect(firstSlotFrom(T0, HOUR, new Date(T0.getTime() - HOUR))).toEqual(T0);
  });
});
