import type { ClassRoster } from '@waymark/shared';

/**
 * Whether the grid offers "Show screens" (docs/architecture.md, "Live class"): never to a viewer
 * who cannot steer the class, never while the school has screen thumbnails off (nor before the
 * roster says), and greyed out with the reason outside the class's lessons and sessions. The
 * server checks again whatever the console does.
 */
export type ScreensOffer = 'hidden' | 'outside-lessons' | 'offered';

export function screensOffer(
  canDecide: boolean,
  roster: Pick<ClassRoster, 'screens'> | undefined,
): ScreensOffer {
  if (!canDecide || !roster?.screens || roster.screens === 'off') return 'hidden';
  return roster.screens === 'outside-lessons' ? 'outside-lessons' : 'offered';
}
