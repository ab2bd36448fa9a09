import type { Map as MapLibreMap } from 'maplibre-gl';
import { PLACE_CATEGORIES, PRIORITIES, UNIT_STATUSES } from '../api/enums';
import { PLACE_STYLE, PRIORITY_COLOR, UNIT_STATUS_STYLE } from './palette';

const RATIO = 2;

function canvas(size: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const c = document.createElement('canvas');
  c.width = c.height = size * RATIO;
  const ctx = c.getContext('2d')!;
  ctx.scale(RATIO, RATIO);
  return [c, ctx];
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, px: number, color = '#fff') {
  ctx.fillStyle = color;
  ctx.font = `700 ${px}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y + 0.5);
}

function add(map: MapLibreMap, name: string, c: HTMLCanvasElement) {
  if (map.hasImage(name)) return;
  const ctx = c.getContext('2d')!;
  map.addImage(name, ctx.getImageData(0, 0, c.width, c.height), { pixelRatio: RATIO });
}

/** A unit: an arrow pointing along its heading (or a disc when none is known), with its status letter. */
function unitIcon(status: keyof typeof UNIT_STATUS_STYLE, arrow: boolean): HTMLCanvasElement {
  const s = 30;
  const [c, ctx] = canvas(s);
  const { color, letter } = UNIT_STATUS_STYLE[status];
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#111';
  ctx.fillStyle = color;
  ctx.beginPath();
  if (arrow) {
    ctx.moveTo(15, 1);
    ctx.lineTo(27, 27);
    ctx.lineTo(15, 22);
    ctx.lineTo(3, 27);
    ctx.closePath();
  } else {
    ctx.arc(15, 15, 11, 0, Math.PI * 2);
  }
  ctx.fill();
  ctx.stroke();
  label(ctx, letter, 15, arrow ? 17 : 15, 11, '#111');
  return c;
}

/** An incident: a diamond in its priority colour with the priority number; a missed tier adds a "!" badge. */
function incidentIcon(priority: keyof typeof PRIORITY_COLOR, missed: boolean): HTMLCanvasElement {
  const s = 34;
  const [c, ctx] = canvas(s);
  ctx.fillStyle = PRIORITY_COLOR[priority];
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(17, 2);
  ctx.lineTo(32, 17);
  ctx.lineTo(17, 32);
  ctx.lineTo(2, 17);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  label(ctx, priority.slice(1), 17, 17, 13, priority === 'P3' ? '#111' : '#fff');
  if (missed) {
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(27, 7, 6.5, 0, Math.PI * 2);
    ctx.fill();
    label(ctx, '!', 27, 7, 11, '#c92a2a');
  }
  return c;
}

function placeIcon(category: keyof typeof PLACE_STYLE): HTMLCanvasElement {
  const s = 22;
  const [c, ctx] = canvas(s);
  const { color, letter } = PLACE_STYLE[category];
  ctx.fillStyle = color;
  ctx.strokeStyle = '#f8f9fa';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.roundRect(2, 2, 18, 18, 4);
  ctx.fill();
  ctx.stroke();
  label(ctx, letter, 11, 11, letter.length > 1 ? 8 : 11);
  return c;
}

/** A place with open hazards: a warning triangle; overdue ones get a heavy black border and a clock mark. */
function hazardIcon(overdue: boolean): HTMLCanvasElement {
  const s = 28;
  const [c, ctx] = canvas(s);
  ctx.fillStyle = '#ffd43b';
  ctx.strokeStyle = overdue ? '#000' : '#5c3c00';
  ctx.lineWidth = overdue ? 3 : 1.5;
  ctx.beginPath();
  ctx.moveTo(14, 2);
  ctx.lineTo(26, 25);
  ctx.lineTo(2, 25);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  label(ctx, overdue ? '⏱' : '!', 14, 17, overdue ? 10 : 13, '#000');
  return c;
}

/** Registers every overlay icon once per style (icons are drawn with the browser's own fonts: no glyph server). */
export function addIcons(map: MapLibreMap): void {
  for (const status of UNIT_STATUSES) {
    add(map, `unit-${status}-arrow`, unitIcon(status, true));
    add(map, `unit-${status}-dot`, unitIcon(status, false));
  }
  for (const p of PRIORITIES) {
    add(map, `incident-${p}`, incidentIcon(p, false));
    add(map, `incident-${p}-missed`, incidentIcon(p, true));
  }
  for (const cat of PLACE_CATEGORIES) add(map, `place-${cat}`, placeIcon(cat));
  add(map, 'hazard', hazardIcon(false));
  add(map, 'hazard-overdue', hazardIcon(true));
}

/** A small data-URL image of the same icon, for legends and boards. */
export function iconDataUrl(kind: 'unit' | 'incident' | 'place' | 'hazard', key: string, variant = false): string {
  if (kind === 'unit') return unitIcon(key as keyof typeof UNIT_STATUS_STYLE, variant).toDataURL();
  if (kind === 'incident') return incidentIcon(key as keyof typeof PRIORITY_COLOR, variant).toDataURL();
  if (kind === 'place') return placeIcon(key as keyof typeof PLACE_STYLE).toDataURL();
  return hazardIcon(variant).toDataURL();
}
