import { createContext, useContext } from 'react';

/** What the side panels share with the map on the operations screen. */
export interface Ops {
  /** Map clicks set `pickedPoint` while true (intake form). */
  picking: boolean;
  setPicking: (on: boolean) => void;
  pickedPoint: [number, number] | null;
  setPickedPoint: (p: [number, number] | null) => void;
  /** Centre of the 1/3/5-minute rings (a selected incident or key place); null hides them. */
  setRingsCenter: (p: [number, number] | null) => void;
  focusMap: (center: [number, number], zoom?: number) => void;
  selectedPlaceId: string | null;
  /** The middle of the populated part of the user's area: the geocoder ranks nearer results first. */
  area: [number, number] | null;
}

export const OpsContext = createContext<Ops | null>(null);

export function useOps(): Ops {
  const ops = useContext(OpsContext);
  if (!ops) throw new Error('useOps outside the operations screen');
  return ops;
}
