import { OVERLAYS, type Overlay } from '../../map/overlays';

export const OVERLAYS_KEY = 'firebreak.overlays';
const ALL_ON = Object.fromEntries(OVERLAYS.map((o) => [o, true])) as Record<Overlay, boolean>;

/**
 * The overlay switches as saved in localStorage (JSON, as Mantine's useLocalStorage wrote them):
 * an overlay the saved value does not mention (added since) is on, anything unreadable is all on.
 */
export function storedOverlays(raw: string | null): Record<Overlay, boolean> {
  if (!raw) return { ...ALL_ON };
  try {
    const saved = JSON.parse(raw) as unknown;
    if (typeof saved !== 'object' || saved === null) return { ...ALL_ON };
    return Object.fromEntries(OVERLAYS.map((o) => {
      const v = (saved as Record<string, unknown>)[o];
      return [o, typeof v === 'boolean' ? v : true];
    })) as Record<Overlay, boolean>;
  } catch {
    return { ...ALL_ON };
  }
}
