/**
 * The top of a chart's count axis: four times the smallest "nice" whole step (1, 2, 2.5, 5
 * times a power of ten; 2.5 only from 25 up, so every tick is a whole count) that reaches
 * `max`. At least 4, so an empty or tiny chart still has whole ticks.
 */
export function niceMax(max: number): number {
  if (!(max > 4)) return 4;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * power;
    if (step >= raw && Number.isInteger(step)) return step * 4;
  }
  return 40 * power;
}
