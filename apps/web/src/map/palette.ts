import type { PlaceCategory, Priority, UnitStatus } from '@firebreak/contracts';

/** Colours and letters shared by map icons, legends and boards: every colour has a letter or shape beside it. */
export const PRIORITY_COLOR: Record<Priority, string> = { P1: '#e03131', P2: '#f76707', P3: '#fab005', P4: '#4dabf7' };

export const UNIT_STATUS_STYLE: Record<UnitStatus, { color: string; letter: string; mantine: string }> = {
  available: { color: '#37b24d', letter: 'A', mantine: 'green' },
  at_station: { color: '#2f9e44', letter: 'H', mantine: 'teal' },
  dispatched: { color: '#f59f00', letter: 'D', mantine: 'yellow' },
  en_route: { color: '#fd7e14', letter: 'E', mantine: 'orange' },
  on_scene: { color: '#e03131', letter: 'S', mantine: 'red' },
  transporting: { color: '#ae3ec9', letter: 'T', mantine: 'grape' },
  out_of_service: { color: '#868e96', letter: 'X', mantine: 'gray' },
};

export const PLACE_STYLE: Record<PlaceCategory, { color: string; letter: string }> = {
  school: { color: '#4c6ef5', letter: 'S' },
  kindergarten: { color: '#7950f2', letter: 'K' },
  hospital: { color: '#f03e3e', letter: 'H' },
  fuel_station: { color: '#f08c00', letter: 'F' },
  hazardous_chemicals: { color: '#e8590c', letter: 'C' },
  explosives_magazine: { color: '#c92a2a', letter: 'X' },
  crowded_place: { color: '#1098ad', letter: 'P' },
  road_black_spot: { color: '#495057', letter: 'R' },
  fire_station: { color: '#d6336c', letter: 'FS' },
  police_station: { color: '#1c7ed6', letter: 'PS' },
  other: { color: '#868e96', letter: '•' },
};

export const RING_COLORS = ['#12b886', '#fab005', '#fa5252'] as const;
